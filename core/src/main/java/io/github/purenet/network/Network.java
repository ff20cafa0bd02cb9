package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * A feed-forward network: dense layers applied in order.
 *
 * <pre>{@code
 * Network network = Network.of(
 *         new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
 *                   Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
 *         new Dense(hiddenToOutput, outputBias, Activations.softmax()));   // Network[2-3-3]
 * }</pre>
 *
 * @param layers the layers, at least one; each layer's inputs equal the previous layer's outputs
 */
public record Network(Vector<Dense> layers) {

    /**
     * Checks that there is a layer and that consecutive sizes agree.
     *
     * @param layers the layers, at least one; each layer's inputs equal the previous layer's outputs
     */
    public Network {
        Objects.requireNonNull(layers, "layers is null");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: a network needs at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new NullPointerException("layers: layer " + i + " is null");
            }
            if (i > 0 && layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layers: layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs (weights " + layers.get(i).weights().shape() + ") but layer " + (i - 1)
                        + " gives " + layers.get(i - 1).outputs() + " outputs (weights "
                        + layers.get(i - 1).weights().shape() + ")");
            }
        }
    }

    /**
     * A network of the given layers.
     *
     * @param layers the layers in order, at least one
     * @return the network
     */
    public static Network of(Dense... layers) {
        Objects.requireNonNull(layers, "layers is null");
        return new Network(Vector.of(layers));
    }

    /** @return the number of inputs of the first layer */
    public int inputs() {
        return layers.head().inputs();
    }

    /** @return the number of outputs of the last layer */
    public int outputs() {
        return layers.last().outputs();
    }

    /**
     * Whether the outputs are the probabilities of classes: the last layer is softmax over two or
     * more outputs (one per class), or sigmoid over one (the probability of class 1). Evaluation's
     * log loss and a model's {@code probabilities} need them.
     *
     * @return whether the network ends in softmax over at least two outputs or in sigmoid over one
     */
    public boolean outputsProbabilities() {
        Activation last = layers.last().activation();
        return outputs() == 1 ? Activations.sigmoid().equals(last) : Activations.softmax().equals(last);
    }

    /** @return the number of trainable numbers, weights and biases */
    public long parameterCount() {
        return layers.map(l -> (long) l.outputs() * (l.inputs() + 1)).sum().longValue();
    }

    /**
     * The layers as a table: for each layer its path ({@code layers[i]}), its kind ({@code dense}
     * and the activation's name, such as {@code dense relu}), its output shape and its parameters
     * ({@code outputs x inputs} weights and {@code outputs} biases); then the total, which equals
     * {@link #parameterCount()}. Printed, it reads as {@link Summary} shows.
     *
     * @return the summary of this network
     */
    public Summary summary() {
        return new Summary(Shape.of(inputs()), layers.zipWithIndex().map(t -> new Summary.Row(
                "layers[" + t._2 + "]", "dense " + t._1.activation().name(), Shape.of(t._1.outputs()),
                (long) t._1.outputs() * t._1.inputs() + t._1.outputs())));
    }

    /** @return the sizes and activations, such as {@code Network[2-3-3 relu,softmax]} */
    @Override
    public String toString() {
        return "Network[" + inputs() + layers.map(l -> "-" + l.outputs()).mkString()
                + " " + layers.map(l -> l.activation().name()).mkString(",") + "]";
    }
}
