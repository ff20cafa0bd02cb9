package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * What a forward pass keeps for the backward pass: the inputs, and each layer's pre-activations
 * {@code z = x · Wᵀ + b} and activations {@code a = f(z)}.
 *
 * @param inputs the batch given to the network, one example per row
 * @param preActivations each layer's {@code z}, in layer order
 * @param activations each layer's {@code a}, in layer order; the last is the network's output
 */
public record Trace(Matrix inputs, Vector<Matrix> preActivations, Vector<Matrix> activations) {

    /**
     * Checks that there is one pre-activation and one activation per layer.
     *
     * @param inputs the batch given to the network, one example per row
     * @param preActivations each layer's {@code z}, in layer order
     * @param activations each layer's {@code a}, in layer order; the last is the network's output
     */
    public Trace {
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(preActivations, "preActivations is null");
        Objects.requireNonNull(activations, "activations is null");
        if (preActivations.contains(null) || activations.contains(null)) {
            throw new NullPointerException("Trace: a pre-activation or activation is null");
        }
        if (preActivations.isEmpty() || preActivations.size() != activations.size()) {
            throw new IllegalArgumentException("Trace: expected one pre-activation and one activation per layer, got "
                    + preActivations.size() + " and " + activations.size());
        }
    }

    /** @return the network's outputs, the last layer's activations */
    public Matrix output() {
        return activations.last();
    }

    /** @return the last layer's pre-activations, the logits of a classifier */
    public Matrix logits() {
        return preActivations.last();
    }

    @Override
    public String toString() {
        return "Trace[" + inputs.shape() + " -> " + output().shape() + ", " + activations.size() + " layers]";
    }
}
