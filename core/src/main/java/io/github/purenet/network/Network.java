package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A feed-forward network: a tree of {@link Layer layers} applied in order to examples of one
 * {@link Shape}. Building one infers every layer's output shape and refuses a layer that does not
 * fit, naming its path and both shapes ({@code layers[3].inner.layers[0]: expected input shape 128,
 * got 64}).
 *
 * <pre>{@code
 * Network network = Network.of(
 *         new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
 *                   Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
 *         new Dense(hiddenToOutput, outputBias, Activations.softmax()));   // Network[2-3-3 relu,softmax]
 * }</pre>
 *
 * <p>Its trainable parameters are the leaves of the tree, named by path ({@code layers[0].weights},
 * {@code layers[2].inner.layers[1].scale}) and listed in one fixed order: depth first, children in
 * order ({@code layers[0]} before {@code layers[1]}, {@code inner} before {@code projection}), each
 * layer's parameters in its own order ({@code weights} before {@code bias}). {@link Gradients}
 * mirror them leaf for leaf. The non-trainable state (batch normalisation's running statistics)
 * is listed apart in the same way, and no optimizer sees it.
 *
 * <p>A network is an immutable value: {@link #withParameters} and {@link #withState} return new
 * networks, and equal networks (same input shape, equal layers) are {@code equals}.
 */
public final class Network {

    private final Shape input;
    private final Sequential body;
    private final Structure structure;
    private final Vector<Matrix> parameters; // listed once, when built: a step asks for them several times
    private final Vector<Matrix> state;

    /**
     * What a network's layers imply, computed once when it is built and shared by the networks that
     * {@link #withParameters} and {@link #withState} make from it: the output shape, the paths, and
     * the sizes of input and output ({@code Shape.size()} multiplies its dimensions).
     */
    private record Structure(Shape output, Vector<String> parameterPaths, Vector<String> statePaths,
            Vector<String> modeDependent, int inputs, int outputs) {
    }

    private Network(Shape input, Sequential body, Structure structure) {
        this.input = input;
        this.body = body;
        this.structure = structure;
        this.parameters = body.parameters();
        this.state = structure.statePaths().isEmpty() ? Vector.empty() : body.state();
    }

    /**
     * A network of dense layers, whose input is as wide as the first layer's.
     *
     * @param layers the layers in order, at least one; each layer's inputs equal the previous
     *     layer's outputs
     * @return the network
     * @throws IllegalArgumentException naming the first layer that does not fit
     */
    public static Network of(Dense... layers) {
        Objects.requireNonNull(layers, "layers is null");
        if (layers.length == 0) {
            throw new IllegalArgumentException("layers: a network needs at least one layer");
        }
        Objects.requireNonNull(layers[0], "layers: layer 0 is null");
        return of(Shape.of(layers[0].inputs()), Vector.of(layers));
    }

    /**
     * A network of any layers.
     *
     * @param input the shape of one example, such as {@code Shape.of(784)}
     * @param layers the layers in order, at least one
     * @return the network
     * @throws IllegalArgumentException naming the path and both shapes of the first layer that does
     *     not fit
     */
    public static Network of(Shape input, Layer... layers) {
        Objects.requireNonNull(layers, "layers is null");
        return of(input, Vector.of(layers));
    }

    /**
     * A network of any layers.
     *
     * @param input the shape of one example
     * @param layers the layers in order, at least one
     * @return the network
     * @throws IllegalArgumentException naming the path and both shapes of the first layer that does
     *     not fit
     */
    public static Network of(Shape input, Seq<? extends Layer> layers) {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(layers, "layers is null");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: a network needs at least one layer");
        }
        Sequential body = Sequential.of(layers);
        Shape output = Layers.infer("", body, input);
        return new Network(input, body, new Structure(output, body.parameterNames(), body.stateNames(),
                Layers.modeDependent("", body), input.size(), output.size()));
    }

    /** @return the shape of one example */
    public Shape input() {
        return input;
    }

    /** @return the layers, in order */
    public Vector<Layer> layers() {
        return body.layers();
    }

    /**
     * A top-level layer that is dense, for networks that are stacks of dense layers.
     *
     * @param index the layer's index in {@link #layers()}
     * @return the layer
     * @throws IllegalArgumentException if there is no such layer or it is not dense, naming its kind
     */
    public Dense dense(int index) {
        if (index < 0 || index >= layers().size()) {
            throw new IllegalArgumentException("dense: no layers[" + index + "] in " + this + ", which has "
                    + layers().size() + " layers");
        }
        if (!(layers().get(index) instanceof Dense d)) {
            throw new IllegalArgumentException("dense: layers[" + index + "] is " + layers().get(index).kind()
                    + ", not dense");
        }
        return d;
    }

    /** @return the shape of one example of the output */
    public Shape outputShape() {
        return structure.output();
    }

    /** @return the number of inputs of one example, the size of {@link #input()} */
    public int inputs() {
        return structure.inputs();
    }

    /** @return the number of outputs of one example, the size of {@link #outputShape()} */
    public int outputs() {
        return structure.outputs();
    }

    /** @return the path of every trainable matrix, such as {@code layers[0].weights}, in the order of the leaves */
    public Vector<String> parameterPaths() {
        return structure.parameterPaths();
    }

    /**
     * Whether another network has this one's structure: the same input, layers (kinds, sizes and
     * paths), output, and shapes of parameters and state, whatever their values; then the values
     * of either fit the other ({@link #withParameters}, {@link #withState}).
     *
     * @param other the other network
     * @return whether the two differ only in their values
     */
    public boolean hasStructureOf(Network other) {
        Objects.requireNonNull(other, "other is null");
        return input.equals(other.input) && outputShape().equals(other.outputShape())
                && parameterPaths().equals(other.parameterPaths()) && statePaths().equals(other.statePaths())
                && parameters.map(Matrix::shape).equals(other.parameters.map(Matrix::shape))
                && state.map(Matrix::shape).equals(other.state.map(Matrix::shape))
                && Summaries.brief(this).equals(Summaries.brief(other));
    }

    /** @return every trainable matrix, in the order of {@link #parameterPaths()} */
    public Vector<Matrix> parameters() {
        return parameters;
    }

    /**
     * The same network with other parameter values.
     *
     * @param parameters one matrix per path of {@link #parameterPaths()}, each of the shape it replaces
     * @return the network
     * @throws IllegalArgumentException naming the first path whose count or shape differs
     */
    public Network withParameters(Vector<Matrix> parameters) {
        return new Network(input, body.withParameters(parameters), structure);
    }

    /** @return the path of every non-trainable matrix, such as {@code layers[1].mean} */
    public Vector<String> statePaths() {
        return structure.statePaths();
    }

    /** @return every non-trainable matrix, in the order of {@link #statePaths()} */
    public Vector<Matrix> state() {
        return state;
    }

    /**
     * The same network with other values of its non-trainable state.
     *
     * @param state one matrix per path of {@link #statePaths()}, each of the shape it replaces
     * @return the network
     */
    public Network withState(Vector<Matrix> state) {
        if (structure.statePaths().isEmpty() && state != null && state.isEmpty()) {
            return this;
        }
        return new Network(input, body.withState(state), structure);
    }

    /**
     * The layers that act differently in training and in evaluation (dropout, batch
     * normalisation, custom layers that say so), by path and kind, such as {@code layers[1] (dropout)}.
     *
     * @return the paths; empty if the mode changes nothing
     */
    public Vector<String> modeDependentLayers() {
        return structure.modeDependent();
    }

    /**
     * Refuses to run a network whose layers depend on the mode without a mode.
     *
     * @param operation the name of the operation, for the message
     * @throws IllegalArgumentException naming the layers and what to pass
     */
    public void requireNoMode(String operation) {
        if (!structure.modeDependent().isEmpty()) {
            throw new IllegalArgumentException(operation + ": the network has layers that act differently in training "
                    + "and in evaluation (" + structure.modeDependent().mkString(", ") + "): pass Mode.evaluation() to predict, "
                    + "or Mode.training(key) to train");
        }
    }

    /** @return the activation the network's output ends in, if it ends in one (its input is the logits) */
    public Option<Activation> finalActivation() {
        return Layers.finalActivation(body);
    }

    /**
     * Whether the outputs are the probabilities of classes: the network ends in softmax over two or
     * more outputs (one per class), or in sigmoid over one (the probability of class 1). Evaluation's
     * log loss and a model's {@code probabilities} need them.
     *
     * @return whether the network ends in softmax over at least two outputs or in sigmoid over one
     */
    public boolean outputsProbabilities() {
        Activation last = finalActivation().getOrNull();
        return outputs() == 1 ? Activations.sigmoid().equals(last) : Activations.softmax().equals(last);
    }

    /** @return the number of trainable numbers */
    public long parameterCount() {
        return parameters().map(m -> (long) m.rows() * m.columns()).sum().longValue();
    }

    /**
     * The layers as a table: for each layer its path, its kind, its output shape and its number of
     * trainable numbers (and of non-trainable state numbers, for a network with state); then the
     * totals, the first of which equals {@link #parameterCount()}. Printed, it reads as
     * {@link Summary} shows.
     *
     * @return the summary of this network
     */
    public Summary summary() {
        return Summaries.of(this);
    }

    /**
     * This network's structure with other layers of the same kinds, shapes and settings, such as
     * the same dense layers with stepped weights: the paths and shapes are this network's, not
     * inferred again.
     */
    Network withSameShapes(Vector<Layer> layers) {
        return new Network(input, new Sequential(layers), structure);
    }

    /** The layers as one sequence, for the engine. */
    Sequential body() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && input.equals(n.input) && body.equals(n.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, body);
    }

    /**
     * @return for dense layers the sizes and activations, such as {@code Network[2-3-3 relu,softmax]};
     *     otherwise the input shape and each layer in short, such as
     *     {@code Network[784 dense(256 relu), 4 x residual, dense(10 softmax)]}, or for images
     *     {@code Network[28x28x1 conv2d(6 5x5/1 same relu), avg_pool2d(2x2), flatten, dense(10 softmax)]}
     *     (a convolution's stride and padding, and a pool's stride, are shown when they are not
     *     {@code 1} and {@code valid}, or the window's side)
     */
    @Override
    public String toString() {
        return Summaries.brief(this);
    }
}
