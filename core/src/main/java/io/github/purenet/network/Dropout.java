package io.github.purenet.network;

import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * Inverted dropout (Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from
 * Overfitting", JMLR 2014): in training, each unit of each example is kept with probability
 * {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}, or set to 0; in evaluation, the layer is
 * the identity. The scaling in training keeps each unit's expected value, so evaluation needs no
 * correction.
 *
 * <p>The mask is a pure function of the pass's key, the layer's path, the example's row and the
 * unit, so it is the same on every JVM and for any number of threads or split of a batch. Exactly:
 * in {@link Mode#training(Key, long) training(key, firstRow)}, with {@code key} already folded with
 * the segments of the layer's path ({@link Mode} says how), unit {@code u} of row {@code r} of the
 * batch given to the layer is kept if and only if
 * <pre>
 * key.foldIn(firstRow + r).uniformAt(u) &gt;= rate
 * </pre>
 * ({@link Key#uniformAt}: the {@code u}-th uniform number, from 0, of the row's key), which has
 * probability {@code 1 - rate}. A kept unit is {@code x · (1 / (1 - rate))}, the factor
 * {@code 1 / (1 - rate)} computed once (rounded to a double) as PyTorch does; a dropped one is
 * {@code x · 0.0}, which is {@code 0.0}, or {@code -0.0} for a negative {@code x}. The backward pass
 * multiplies the gradient by the same mask. At rate 0 every unit is kept and the layer is the
 * identity, bit for bit.
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

    /**
     * The forward pass: in training, {@code y = x ⊙ m} with the mask {@code m} of the class
     * documentation ({@code 1 / (1 - rate)} for a kept unit, {@code 0.0} for a dropped one), saved for
     * the backward pass; in evaluation, or at rate 0, {@code y = x}, with nothing saved.
     */
    Node forward(Matrix x, Mode mode) {
        if (!(mode instanceof Mode.Training training) || rate == 0.0) {
            return Node.of(x);
        }
        Matrix mask = mask(training.key(), training.firstRow(), x.rows(), x.columns());
        return Node.of(x.hadamard(mask), mask);
    }

    /** The mask of a batch part of {@code rows x units} whose first row is row {@code firstRow} of the batch. */
    Matrix mask(Key key, long firstRow, int rows, int units) {
        double kept = 1.0 / (1.0 - rate);
        Key[] keys = new Key[rows]; // one key per row, filled here and read by the entries below
        for (int r = 0; r < rows; r++) {
            keys[r] = key.foldIn(firstRow + r);
        }
        return Matrix.of(rows, units, (r, u) -> keys[r].uniformAt(u) >= rate ? kept : 0.0);
    }

    /** The backward pass: {@code dL/dx = dL/dy ⊙ m}, or {@code dL/dy} itself where the forward pass was the identity. */
    Matrix backward(Node node, Matrix gradient) {
        return node.saved().isEmpty() ? gradient : gradient.hadamard(node.saved(0));
    }

    /** @return such as {@code Dropout[0.5]} */
    @Override
    public String toString() {
        return "Dropout[" + rate + "]";
    }
}
