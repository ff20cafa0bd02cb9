package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Gradients of a loss with respect to every trainable parameter of a {@link Network}, leaf for
 * leaf: one matrix per path of {@link Network#parameterPaths()}, in that order and of the same
 * shapes.
 *
 * <p>{@link #map} and {@link #zipWith} are the two primitives; sums, scaling and norms are built on
 * them. Every operation visits the entries in one fixed order: the leaves in the network's order
 * (depth first, children in order, each layer's parameters in its own order: weights before bias),
 * and each matrix row by row. Under {@link #plus}, gradients of one shape form a commutative monoid
 * whose identity is {@link #zero(Network)}: this is what makes splitting a batch and summing the
 * parts correct. Addition of doubles is commutative bit for bit, and associative up to rounding.
 *
 * @param paths the path of each leaf, such as {@code layers[0].weights}
 * @param values the gradient of each leaf, in the order of {@code paths}
 */
public record Gradients(Vector<String> paths, Vector<Matrix> values) {

    /**
     * Checks that there is one value per path.
     *
     * @param paths the path of each leaf
     * @param values the gradient of each leaf
     */
    public Gradients {
        Objects.requireNonNull(paths, "paths is null");
        Objects.requireNonNull(values, "values is null");
        if (paths.size() != values.size()) {
            throw new IllegalArgumentException("Gradients: " + paths.size() + " paths but " + values.size() + " values");
        }
        for (int i = 0; i < values.size(); i++) {
            if (paths.get(i) == null || values.get(i) == null) {
                throw new NullPointerException("Gradients: leaf " + i + " has a null path or value");
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
        return new Gradients(network.parameterPaths(),
                network.parameters().map(m -> Matrix.filled(m.rows(), m.columns(), -0.0)));
    }

    /**
     * A network's parameters as a value shaped like its gradients, for transforms that combine
     * parameters with gradients, such as weight decay.
     *
     * @param network the network
     * @return its trainable parameters, leaf by leaf
     */
    public static Gradients parameters(Network network) {
        Objects.requireNonNull(network, "network is null");
        return new Gradients(network.parameterPaths(), network.parameters());
    }

    /**
     * The gradient of one leaf.
     *
     * @param path the leaf's path, such as {@code layers[0].weights}
     * @return its gradient
     * @throws IllegalArgumentException if there is no such leaf, listing the paths
     */
    public Matrix get(String path) {
        Objects.requireNonNull(path, "path is null");
        int i = paths.indexOf(path);
        if (i < 0) {
            throw new IllegalArgumentException("get: no leaf " + path + "; the leaves are " + paths.mkString(", "));
        }
        return values.get(i);
    }

    /**
     * Applies a function to every entry.
     *
     * @param f the function
     * @return gradients of this shape
     */
    public Gradients map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f is null");
        return new Gradients(paths, values.map(m -> m.map(f)));
    }

    /**
     * Combines these gradients with others of the same shape, entry by entry.
     *
     * @param other gradients of the same shape
     * @param f the combining function, called as {@code f(this entry, other entry)}
     * @return gradients of this shape
     */
    public Gradients zipWith(Gradients other, DoubleBinaryOperator f) {
        requireSameShape("zipWith", other);
        Objects.requireNonNull(f, "f is null");
        return new Gradients(paths, Vector.tabulate(values.size(), i -> values.get(i).zipWith(other.values.get(i), f)));
    }

    /**
     * @param other gradients of the same shape
     * @return the entry-wise sum
     */
    public Gradients plus(Gradients other) {
        requireSameShape("plus", other);
        return new Gradients(paths, Vector.tabulate(values.size(), i -> values.get(i).zipWith(other.values.get(i),
                Double::sum)));
    }

    /**
     * @param factor a number
     * @return every entry multiplied by {@code factor}
     */
    public Gradients scale(double factor) {
        return map(x -> factor * x);
    }

    /**
     * The global L2 norm, {@code sqrt} of the sum of the squares of all entries, summed leaf by
     * leaf in order, each matrix row by row.
     *
     * @return the norm
     */
    public double norm() {
        double sum = 0.0;
        for (Matrix m : values) {
            sum += m.sumOfSquares();
        }
        return Math.sqrt(sum);
    }

    /**
     * Checks that these gradients are shaped like a network's parameters.
     *
     * @param network the network
     * @return this
     * @throws IllegalArgumentException naming the first leaf whose path or shape differs
     */
    public Gradients requireFits(Network network) {
        Objects.requireNonNull(network, "network is null");
        return requireFits(network, network.parameters());
    }

    /** {@link #requireFits(Network)} with the network's parameters at hand. */
    Gradients requireFits(Network network, Vector<Matrix> parameters) {
        String difference = difference(network.parameterPaths(), parameters);
        if (difference != null) {
            throw new IllegalArgumentException("gradients " + shapes() + " do not fit network " + network + ": "
                    + difference);
        }
        return this;
    }

    private void requireSameShape(String operation, Gradients other) {
        Objects.requireNonNull(other, () -> operation + ": other is null");
        if (other != this && difference(other.paths, other.values) != null) {
            throw new IllegalArgumentException(operation + ": gradients " + shapes() + " and "
                    + other.shapes() + " differ in shape: " + difference(other.paths, other.values));
        }
    }

    /** The first difference of leaves from these, in words, or null if they have the same paths and shapes. */
    private String difference(Vector<String> otherPaths, Vector<Matrix> otherValues) {
        if (otherPaths != paths && !otherPaths.equals(paths)) {
            return otherPaths.size() != paths.size()
                    ? paths.size() + " leaves against " + otherPaths.size()
                    : "leaf " + paths.zip(otherPaths).find(t -> !t._1.equals(t._2)).map(t -> t._1 + " against " + t._2)
                            .get();
        }
        for (int i = 0; i < values.size(); i++) {
            Matrix a = values.get(i);
            Matrix b = otherValues.get(i);
            if (a.rows() != b.rows() || a.columns() != b.columns()) {
                return paths.get(i) + " is " + a.shape() + " against " + b.shape();
            }
        }
        return null;
    }

    private String shapes() {
        return values.map(Matrix::shape).mkString("[", ", ", "]");
    }

    /** @return the shapes of the leaves, such as {@code Gradients[3x2, 1x3, 3x3, 1x3]} */
    @Override
    public String toString() {
        return "Gradients" + shapes();
    }
}
