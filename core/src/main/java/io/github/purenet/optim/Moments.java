package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The state of {@link Transforms#scaleByAdam}: the step count and the two moment estimates.
 *
 * @param count the number of updates made, {@code t} of the paper after the update
 * @param mu the first moment estimate {@code m}, shaped like the network
 * @param nu the second moment estimate {@code v}, shaped like the network
 */
public record Moments(long count, Gradients mu, Gradients nu) {

    /**
     * Checks the components.
     *
     * @param count the number of updates made, not negative
     * @param mu the first moment estimate
     * @param nu the second moment estimate
     */
    public Moments {
        if (count < 0) {
            throw new IllegalArgumentException("count: expected a count >= 0, got " + count);
        }
        Objects.requireNonNull(mu, "mu is null");
        Objects.requireNonNull(nu, "nu is null");
    }
}
