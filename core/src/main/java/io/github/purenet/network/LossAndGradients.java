package io.github.purenet.network;

import java.util.Objects;

/**
 * The result of a backward pass: the loss of the batch and its gradients.
 *
 * @param loss the batch's loss, the mean over its examples
 * @param gradients the gradient of that loss, shaped like the network
 */
public record LossAndGradients(double loss, Gradients gradients) {

    /**
     * Checks that the gradients are present.
     *
     * @param loss the batch's loss, the mean over its examples
     * @param gradients the gradient of that loss, shaped like the network
     */
    public LossAndGradients {
        Objects.requireNonNull(gradients, "gradients is null");
    }
}
