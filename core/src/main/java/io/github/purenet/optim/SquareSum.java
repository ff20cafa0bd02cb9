package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The state of {@link Transforms#scaleByAdagrad}: the sum of all squared gradients so far.
 *
 * @param sum the sum, shaped like the network
 */
public record SquareSum(Gradients sum) {

    /**
     * Checks that the sum is present.
     *
     * @param sum the sum, shaped like the network
     */
    public SquareSum {
        Objects.requireNonNull(sum, "sum is null");
    }
}
