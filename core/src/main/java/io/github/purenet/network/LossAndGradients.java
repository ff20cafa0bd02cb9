package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The loss of a batch, its gradients, and the network's non-trainable state after the pass.
 *
 * @param loss the mean loss over the batch
 * @param gradients the gradients, shaped like the network's parameters
 * @param state the network's non-trainable state after the forward pass, in the order of
 *     {@link Network#statePaths()} (empty for a network without state)
 */
public record LossAndGradients(double loss, Gradients gradients, Vector<Matrix> state) {

    /**
     * Checks that the gradients and the state are present.
     *
     * @param loss the mean loss over the batch
     * @param gradients the gradients
     * @param state the state after the pass
     */
    public LossAndGradients {
        Objects.requireNonNull(gradients, "gradients is null");
        Objects.requireNonNull(state, "state is null");
    }

    /**
     * The loss and gradients of a network without non-trainable state.
     *
     * @param loss the mean loss over the batch
     * @param gradients the gradients
     */
    public LossAndGradients(double loss, Gradients gradients) {
        this(loss, gradients, Vector.empty());
    }
}
