package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The state of {@link Transforms#scaleByRms}: the running average of squared gradients.
 *
 * @param nu the average, shaped like the network
 */
public record SquareAverage(Gradients nu) {

    /**
     * Checks that the average is present.
     *
     * @param nu the average, shaped like the network
     */
    public SquareAverage {
        Objects.requireNonNull(nu, "nu is null");
    }
}
