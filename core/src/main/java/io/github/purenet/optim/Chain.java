package io.github.purenet.optim;

import java.util.Objects;

/**
 * The state of two transforms applied one after the other ({@link Transforms#chain}).
 *
 * @param <A> the type of the first transform's state
 * @param <B> the type of the second transform's state
 * @param first the first transform's state
 * @param second the second transform's state
 */
public record Chain<A, B>(A first, B second) {

    /**
     * Checks that both states are present.
     *
     * @param first the first transform's state
     * @param second the second transform's state
     */
    public Chain {
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(second, "second is null");
    }
}
