package io.github.purenet.random;

import java.util.Objects;

/**
 * A value drawn from a {@link Key}, with the key to draw from next.
 *
 * @param <T> the type of the value
 * @param value the value drawn
 * @param next the key to use for the next draw; the key drawn from must not be used again
 */
public record Draw<T>(T value, Key next) {

    /**
     * Checks that both components are present.
     *
     * @param value the value drawn
     * @param next the key to use for the next draw
     */
    public Draw {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(next, "next is null");
    }
}
