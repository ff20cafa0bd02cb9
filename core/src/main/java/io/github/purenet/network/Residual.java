package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A residual block, {@code y = f(x) + x}, or {@code y = f(x) + P(x)} with a projection {@code P}
 * when {@code f} changes the shape (He et al., "Deep Residual Learning for Image Recognition", CVPR
 * 2016). The inner function is at the path segment {@code inner} and the projection at
 * {@code projection}.
 *
 * <p>Backward, the gradient at the output goes to both branches; the gradient at the input is the
 * inner branch's plus the skip's ({@code dL/dy} itself, or the projection's gradient), added in that
 * order.
 *
 * @param inner {@code f}, often a {@link Sequential}
 * @param projection {@code P}, such as a {@link Dense} layer with the identity activation, or none
 *     for the identity skip
 */
public record Residual(Layer inner, Option<Layer> projection) implements Layer {

    /**
     * Checks that both are present (the projection may be none).
     *
     * @param inner {@code f}
     * @param projection {@code P}, or none
     */
    public Residual {
        Objects.requireNonNull(inner, "inner is null");
        Objects.requireNonNull(projection, "projection is null");
        if (projection.isDefined() && projection.get() == null) {
            throw new NullPointerException("projection: the layer is null");
        }
    }

    /**
     * @param inner {@code f}, whose output has the shape of its input
     * @return {@code y = f(x) + x}
     */
    public static Residual of(Layer inner) {
        return new Residual(inner, Option.none());
    }

    /**
     * @param inner {@code f}
     * @param projection {@code P}, with the output shape of {@code f}
     * @return {@code y = f(x) + P(x)}
     */
    public static Residual of(Layer inner, Layer projection) {
        return new Residual(inner, Option.some(Objects.requireNonNull(projection, "projection is null")));
    }

    /** @return {@code residual} */
    @Override
    public String kind() {
        return "residual";
    }

    /**
     * @param input the shape of one input example
     * @return the inner function's output shape, which the skip must have too
     * @throws IllegalArgumentException if a branch does not take the input, or the inner output's
     *     shape differs from the input's (without projection) or the projection's
     */
    @Override
    public Shape outputShape(Shape input) {
        return Layers.infer("", this, Objects.requireNonNull(input, "input is null"));
    }

    /** @return the inner function's names under {@code inner.}, then the projection's under {@code projection.} */
    @Override
    public Vector<String> parameterNames() {
        return inner.parameterNames().map(n -> "inner." + n)
                .appendAll(projection.toVector().flatMap(p -> p.parameterNames().map(n -> "projection." + n)));
    }

    /** @return the inner function's parameters, then the projection's */
    @Override
    public Vector<Matrix> parameters() {
        return branches().flatMap(Layer::parameters);
    }

    @Override
    public Residual withParameters(Vector<Matrix> parameters) {
        return (Residual) Layers.rebuild("parameters", this, parameters);
    }

    /** @return the inner function's state names under {@code inner.}, then the projection's */
    @Override
    public Vector<String> stateNames() {
        return inner.stateNames().map(n -> "inner." + n)
                .appendAll(projection.toVector().flatMap(p -> p.stateNames().map(n -> "projection." + n)));
    }

    /** @return the inner function's state, then the projection's */
    @Override
    public Vector<Matrix> state() {
        return branches().flatMap(Layer::state);
    }

    @Override
    public Residual withState(Vector<Matrix> state) {
        return (Residual) Layers.rebuild("state", this, state);
    }

    /** The inner function, then the projection if any. */
    Vector<Layer> branches() {
        return projection.isDefined() ? Vector.of(inner, projection.get()) : Vector.of(inner);
    }

    /** @return such as {@code Residual[Sequential[...]]} or {@code Residual[Sequential[...], projection Dense[...]]} */
    @Override
    public String toString() {
        return "Residual[" + inner + projection.map(p -> ", projection " + p).getOrElse("") + "]";
    }
}
