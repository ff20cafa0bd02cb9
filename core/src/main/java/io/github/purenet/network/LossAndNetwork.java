package io.github.purenet.network;

import java.util.Objects;

/**
 * The result of a training step: the loss of the batch before the step and the stepped network.
 *
 * @param loss the batch's loss under the network before the step, the mean over its examples
 * @param network the network after the step
 */
public record LossAndNetwork(double loss, Network network) {

    /**
     * Checks that the network is present.
     *
     * @param loss the batch's loss under the network before the step, the mean over its examples
     * @param network the network after the step
     */
    public LossAndNetwork {
        Objects.requireNonNull(network, "network is null");
    }
}
