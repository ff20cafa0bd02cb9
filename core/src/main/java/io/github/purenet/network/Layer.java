package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * A layer of a network: a pure function of a batch (one example per row), with trainable
 * parameters, and for some kinds a non-trainable state, kept apart from its fixed settings.
 *
 * <p>The library's own kinds are records, so that code on Java 21 and later can switch over them
 * exhaustively: {@link Dense}, {@link Conv2D}, {@link MaxPool2D}, {@link AvgPool2D},
 * {@link GlobalAveragePool}, {@link Flatten}, {@link ActivationLayer}, {@link Dropout},
 * {@link LayerNorm}, {@link BatchNorm}, {@link Sequential} and {@link Residual}.
 * A layer of your own implements {@link CustomLayer}, the one extension point.
 *
 * <p>Parameters and state are listed as leaves: {@link #parameterNames()} and
 * {@link #parameters()} (and {@link #stateNames()}, {@link #state()}) give them in one fixed order,
 * the order in which {@link Gradients} visit them. A container's names are its children's, under
 * the child's segment of the path: a {@link Sequential}'s first dense layer's weights are
 * {@code layers[0].weights}. Every method is pure; {@code with...} returns a new layer.
 */
public sealed interface Layer permits Dense, Conv2D, MaxPool2D, AvgPool2D, GlobalAveragePool, Flatten,
        ActivationLayer, Dropout, LayerNorm, BatchNorm, Sequential, Residual, CustomLayer {

    /**
     * The kind, as summaries and checkpoints name it: {@code dense}, {@code conv2d},
     * {@code max_pool2d}, {@code avg_pool2d}, {@code global_average_pool}, {@code flatten}, {@code activation},
     * {@code dropout}, {@code layer_norm}, {@code batch_norm}, {@code sequential}, {@code residual},
     * or a custom layer's {@link CustomLayer#name() name}.
     *
     * @return the kind
     */
    String kind();

    /**
     * The shape of one example of this layer's output, given the shape of one example of its input.
     *
     * @param input the shape of one input example
     * @return the shape of one output example
     * @throws IllegalArgumentException if the layer does not take inputs of that shape, with a
     *     message such as {@code expected input shape 128, got 64} (a network adds the layer's path)
     */
    Shape outputShape(Shape input);

    /** @return the names of the trainable parameters, in order, such as {@code [weights, bias]}; none by default */
    default Vector<String> parameterNames() {
        return Vector.empty();
    }

    /** @return the trainable parameters, in the order of {@link #parameterNames()} */
    default Vector<Matrix> parameters() {
        return Vector.empty();
    }

    /**
     * The same layer with other values of its parameters.
     *
     * @param parameters one matrix per name of {@link #parameterNames()}, each of the shape of the
     *     parameter it replaces
     * @return the layer; by default, for a layer without parameters, this layer once none are given
     * @throws IllegalArgumentException if the number or a shape differs
     */
    default Layer withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return this;
    }

    /** @return the names of the non-trainable state, in order (empty for most kinds) */
    default Vector<String> stateNames() {
        return Vector.empty();
    }

    /** @return the non-trainable state, in the order of {@link #stateNames()} */
    default Vector<Matrix> state() {
        return Vector.empty();
    }

    /**
     * The same layer with other values of its non-trainable state.
     *
     * @param state one matrix per name of {@link #stateNames()}, each of the shape it replaces
     * @return the layer
     * @throws IllegalArgumentException if the number or a shape differs
     */
    default Layer withState(Vector<Matrix> state) {
        Layers.requireShapes("state", this::stateNames, state(), state);
        return this;
    }
}
