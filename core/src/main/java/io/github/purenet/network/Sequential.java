package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Layers applied in order, each to the output of the one before: {@code f_k ∘ … ∘ f_1}. Child
 * {@code i} is at the path segment {@code layers[i]}, so its parameters are named
 * {@code layers[i].weights} and so on.
 *
 * @param layers the layers, at least one
 */
public record Sequential(Vector<Layer> layers) implements Layer {

    /**
     * Checks that there is a layer and that none is null. Shapes are checked when an input shape is
     * known: by {@link #outputShape} and when a {@link Network} is built.
     *
     * @param layers the layers, at least one
     */
    public Sequential {
        Objects.requireNonNull(layers, "layers is null");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: a sequence needs at least one layer");
        }
        int missing = layers.indexOf(null);
        if (missing >= 0) {
            throw new NullPointerException("layers: layer " + missing + " is null");
        }
    }

    /**
     * @param layers the layers in order, at least one
     * @return the sequence
     */
    public static Sequential of(Layer... layers) {
        Objects.requireNonNull(layers, "layers is null");
        return new Sequential(Vector.of(layers));
    }

    /**
     * @param layers the layers in order, at least one
     * @return the sequence
     */
    public static Sequential of(Seq<? extends Layer> layers) {
        Objects.requireNonNull(layers, "layers is null");
        return new Sequential(Vector.narrow(Vector.ofAll(layers)));
    }

    /** @return {@code sequential} */
    @Override
    public String kind() {
        return "sequential";
    }

    /**
     * @param input the shape of one input example
     * @return the last layer's output shape
     * @throws IllegalArgumentException naming the first layer that does not fit, by its path below
     *     this one ({@code layers[2]: expected input shape 128, got 64})
     */
    @Override
    public Shape outputShape(Shape input) {
        return Layers.infer("", this, Objects.requireNonNull(input, "input is null"));
    }

    /** @return each layer's names under {@code layers[i].}, in layer order */
    @Override
    public Vector<String> parameterNames() {
        return layers.zipWithIndex().flatMap(t -> t._1.parameterNames().map(n -> segment(t._2) + "." + n));
    }

    /** @return each layer's parameters, in layer order */
    @Override
    public Vector<Matrix> parameters() {
        return Layers.parameters(this);
    }

    @Override
    public Sequential withParameters(Vector<Matrix> parameters) {
        return (Sequential) Layers.rebuild("parameters", this, parameters);
    }

    /** @return each layer's state names under {@code layers[i].} */
    @Override
    public Vector<String> stateNames() {
        return layers.zipWithIndex().flatMap(t -> t._1.stateNames().map(n -> segment(t._2) + "." + n));
    }

    /** @return each layer's state, in layer order */
    @Override
    public Vector<Matrix> state() {
        return layers.flatMap(Layer::state);
    }

    @Override
    public Sequential withState(Vector<Matrix> state) {
        return (Sequential) Layers.rebuild("state", this, state);
    }

    /** The path segment of child {@code i}: {@code layers[i]}. */
    static String segment(int i) {
        return "layers[" + i + "]";
    }

    /** @return such as {@code Sequential[Dense[4->8 relu], ActivationLayer[tanh]]} */
    @Override
    public String toString() {
        return layers.mkString("Sequential[", ", ", "]");
    }
}
