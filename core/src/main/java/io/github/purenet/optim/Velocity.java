package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The state of {@link Transforms#momentum}: the running velocity {@code v}.
 *
 * @param velocity {@code v}, shaped like the network
 */
public record Velocity(Gradients velocity) {

    /**
     * Checks that the velocity is present.
     *
     * @param velocity {@code v}, shaped like the network
     */
    public Velocity {
        Objects.requireNonNull(velocity, "velocity is null");
    }
}
