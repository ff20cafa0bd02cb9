package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The state of {@link Wrappers#accumulate}: the gradients summed since the last real update, and
 * the inner transform's state.
 *
 * @param <S> the type of the inner transform's state
 * @param count how many gradients are in the sum, from 0 to k - 1
 * @param sum their sum, starting from {@link Gradients#zero}
 * @param inner the inner transform's state
 */
public record Accumulation<S>(int count, Gradients sum, S inner) {

    /**
     * Checks the components.
     *
     * @param count how many gradients are in the sum, not negative
     * @param sum their sum
     * @param inner the inner transform's state
     */
    public Accumulation {
        if (count < 0) {
            throw new IllegalArgumentException("count: expected a count >= 0, got " + count);
        }
        Objects.requireNonNull(sum, "sum is null");
        Objects.requireNonNull(inner, "inner is null");
    }
}
