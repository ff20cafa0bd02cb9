package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Inverted dropout (Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from
 * Overfitting", JMLR 2014): in training, each unit of each example is kept with probability
 * {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}, or set to 0; in evaluation, the layer is
 * the identity. The scaling in training keeps each unit's expected value, so evaluation needs no
 * correction.
 *
 * <p>The mask is a pure function of the pass's key, the layer's path, the example's row and the
 * unit ({@link Mode} says how), so it is the same on every JVM and for any number of threads or
 * split of a batch.
 *
 * @param rate the probability of dropping a unit, in {@code [0, 1)}
 */
public record Dropout(double rate) implements Layer {

    /**
     * Checks the rate.
     *
     * @param rate the probability of dropping a unit, in {@code [0, 1)}
     */
    public Dropout {
        if (!(rate >= 0.0 && rate < 1.0)) {
            throw new IllegalArgumentException("rate: expected a probability in [0, 1), got " + rate);
        }
    }

    /**
     * @param rate the probability of dropping a unit, in {@code [0, 1)}
     * @return the layer
     */
    public static Dropout of(double rate) {
        return new Dropout(rate);
    }

    /** @return {@code dropout} */
    @Override
    public String kind() {
        return "dropout";
    }

    /** @return the input's shape */
    @Override
    public Shape outputShape(Shape input) {
        return Objects.requireNonNull(input, "input is null");
    }

    /** @return no names */
    @Override
    public Vector<String> parameterNames() {
        return Vector.empty();
    }

    /** @return no parameters */
    @Override
    public Vector<Matrix> parameters() {
        return Vector.empty();
    }

    @Override
    public Dropout withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return this;
    }

    /** @return such as {@code Dropout[0.5]} */
    @Override
    public String toString() {
        return "Dropout[" + rate + "]";
    }
}
