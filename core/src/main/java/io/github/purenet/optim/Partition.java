package io.github.purenet.optim;

import java.util.Objects;

/**
 * The state of {@link Wrappers#partition}: one state for the selected layers' transform and one
 * for the others'.
 *
 * @param <A> the type of the selected layers' transform's state
 * @param <B> the type of the other layers' transform's state
 * @param selected the state of the transform of the selected layers
 * @param others the state of the transform of the other layers
 */
public record Partition<A, B>(A selected, B others) {

    /**
     * Checks that both states are present.
     *
     * @param selected the state of the transform of the selected layers
     * @param others the state of the transform of the other layers
     */
    public Partition {
        Objects.requireNonNull(selected, "selected is null");
        Objects.requireNonNull(others, "others is null");
    }
}
