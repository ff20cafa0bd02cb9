package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import java.util.Objects;

/**
 * The result of an optimizer's step.
 *
 * @param <S> the type of the optimizer's state
 * @param updates the updates to add to the parameters, shaped like the network
 * @param state the optimizer's next state
 */
public record Update<S>(Gradients updates, S state) {

    /**
     * Checks that both components are present.
     *
     * @param updates the updates to add to the parameters
     * @param state the optimizer's next state
     */
    public Update {
        Objects.requireNonNull(updates, "updates is null");
        Objects.requireNonNull(state, "state is null");
    }
}
