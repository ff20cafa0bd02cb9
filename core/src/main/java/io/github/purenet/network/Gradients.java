package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntPredicate;

/**
 * Gradients of a loss with respect to every parameter of a {@link Network}, layer for layer and
 * shaped exactly like it.
 *
 * <p>{@link #map} and {@link #zipWith} are the two primitives; sums, scaling and norms are built on
 * them. Under {@link #plus}, gradients of one shape form a commutative monoid whose identity is
 * {@link #zero(Network)}: this is what makes splitting a batch and summing the parts correct.
 * Addition of doubles is commutative bit for bit, and associative up to rounding.
 *
 * @param layers one gradient per layer of the network, in the same order
 */
public record Gradients(Vector<DenseGradient> layers) {

    /**
     * Checks that there is at least one layer.
     *
     * @param layers one gradient per layer of the network, in the same order
     */
    public Gradients {
        Objects.requireNonNull(layers, "layers is null");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: gradients need at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new NullPointerException("layers: layer " + i + " is null");
            }
        }
    }

    /**
     * The identity of {@link #plus} for gradients of a network's shape.
     *
     * <p>Its entries are {@code -0.0}, the additive identity of IEEE 754 doubles:
     * {@code x + (-0.0)} is {@code x} bit for bit for every {@code x}, where {@code +0.0} would turn
     * {@code -0.0} into {@code +0.0}. So {@code g.plus(zero).equals(g)} holds exactly for every
     * {@code g}, and a sum that starts from zero has the bits of the same sum without it. (A
     * gradient-descent step with this zero leaves every weight as it was, except that a weight of
     * exactly {@code -0.0} becomes {@code +0.0}, since {@code -0.0 - (-0.0) = +0.0}.)
     *
     * @param network the network whose shape to take
     * @return gradients of that shape, every entry {@code -0.0}
     */
    public static Gradients zero(Network network) {
        Objects.requireNonNull(network, "network is null");
        return new Gradients(network.layers().map(layer -> new DenseGradient(
                Matrix.filled(layer.outputs(), layer.inputs(), -0.0),
                Matrix.filled(1, layer.outputs(), -0.0))));
    }

    /**
     * A network's parameters as a value shaped like its gradients, for transforms that combine
     * parameters with gradients, such as weight decay.
     *
     * @param network the network
     * @return its weights and biases, layer by layer
     */
    public static Gradients parameters(Network network) {
        Objects.requireNonNull(network, "network is null");
        return new Gradients(network.layers().map(layer -> new DenseGradient(layer.weights(), layer.bias())));
    }

    /**
     * Applies a function to every entry.
     *
     * @param f the function
     * @return gradients of this shape
     */
    public Gradients map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f is null");
        return new Gradients(layers.map(g -> new DenseGradient(g.weights().map(f), g.bias().map(f))));
    }

    /**
     * Combines these gradients with others of the same shape, entry by entry.
     *
     * @param other gradients of the same shape
     * @param f the combining function, called as {@code f(this entry, other entry)}
     * @return gradients of this shape
     */
    public Gradients zipWith(Gradients other, DoubleBinaryOperator f) {
        return zipWith("zipWith", other, f);
    }

    private Gradients zipWith(String operation, Gradients other, DoubleBinaryOperator f) {
        requireSameShape(operation, other);
        Objects.requireNonNull(f, "f is null");
        return new Gradients(Vector.tabulate(layers.size(), i -> {
            DenseGradient a = layers.get(i);
            DenseGradient b = other.layers.get(i);
            return new DenseGradient(a.weights().zipWith(b.weights(), f), a.bias().zipWith(b.bias(), f));
        }));
    }

    /**
     * @param other gradients of the same shape
     * @return the entry-wise sum
     */
    public Gradients plus(Gradients other) {
        return zipWith("plus", other, Double::sum);
    }

    /**
     * @param factor a number
     * @return every entry multiplied by {@code factor}
     */
    public Gradients scale(double factor) {
        return map(x -> factor * x);
    }

    /**
     * The global L2 norm, {@code sqrt} of the sum of the squares of all entries, summed layer by
     * layer, the weights (row by row) before the bias.
     *
     * @return the norm
     */
    public double norm() {
        double sum = 0.0;
        for (DenseGradient g : layers) {
            sum += g.weights().sumOfSquares();
            sum += g.bias().sumOfSquares();
        }
        return Math.sqrt(sum);
    }

    /**
     * Checks that these gradients are shaped like a network.
     *
     * @param network the network
     * @return this
     * @throws IllegalArgumentException naming both shapes where they differ
     */
    public Gradients requireFits(Network network) {
        Objects.requireNonNull(network, "network is null");
        if (!fits(network.layers().size(), i -> layers.get(i).fits(network.layers().get(i)))) {
            throw new IllegalArgumentException("gradients " + shapes() + " do not fit network " + network
                    + " (weights " + network.layers().map(l -> l.weights().shape()).mkString(", ") + ")");
        }
        return this;
    }

    private void requireSameShape(String operation, Gradients other) {
        Objects.requireNonNull(other, () -> operation + ": other is null");
        if (!fits(other.layers.size(), i -> layers.get(i).fits(other.layers.get(i)))) {
            throw new IllegalArgumentException(operation + ": gradients " + shapes() + " and "
                    + other.shapes() + " differ in shape");
        }
    }

    private boolean fits(int otherSize, IntPredicate layerFits) {
        if (layers.size() != otherSize) {
            return false;
        }
        for (int i = 0; i < otherSize; i++) {
            if (!layerFits.test(i)) {
                return false;
            }
        }
        return true;
    }

    private String shapes() {
        return layers.map(g -> g.weights().shape()).mkString("[", ", ", "]");
    }

    /** @return the shapes of the weights, such as {@code Gradients[3x2, 3x3]} */
    @Override
    public String toString() {
        return "Gradients" + shapes();
    }
}
