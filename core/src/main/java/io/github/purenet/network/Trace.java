package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * What a forward pass keeps for the backward pass: the network and mode it ran with, the inputs,
 * and every layer's output and saved values (a dense layer's pre-activations, a dropout mask,
 * normalised inputs), in a tree shaped like the network. Made by {@link Backprop#forward}.
 */
public final class Trace {

    private final Network network;
    private final Mode mode;
    private final Matrix inputs;
    private final Node root;

    Trace(Network network, Mode mode, Matrix inputs, Node root) {
        this.network = network;
        this.mode = mode;
        this.inputs = inputs;
        this.root = root;
    }

    /** @return the network that made this trace */
    public Network network() {
        return network;
    }

    /** @return the mode of the pass */
    public Mode mode() {
        return mode;
    }

    /** @return the batch given to the network, one example per row */
    public Matrix inputs() {
        return inputs;
    }

    /** @return the network's outputs */
    public Matrix output() {
        return root.output();
    }

    /**
     * @return the input of the network's final activation (the logits of a classifier), or the
     *     output if the network ends in no activation
     */
    public Matrix logits() {
        return Passes.logits(network.body(), inputs, root);
    }

    /**
     * The network's non-trainable state after this pass, in the order of
     * {@link Network#statePaths()}: in training, batch normalisation's running statistics updated
     * with this batch's; in evaluation, the state the network had.
     *
     * @return the state
     */
    public Vector<Matrix> state() {
        return root.state();
    }

    Node root() {
        return root;
    }

    /** @return whether the other is a trace of an equal network, mode and inputs, with equal values throughout */
    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && network.equals(t.network) && mode.equals(t.mode) && inputs.equals(t.inputs)
                && root.equals(t.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, mode, inputs, root);
    }

    @Override
    public String toString() {
        return "Trace[" + inputs.shape() + " -> " + output().shape() + ", " + network + ", " + mode + "]";
    }
}
