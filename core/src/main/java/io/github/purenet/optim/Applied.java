package io.github.purenet.optim;

import io.github.purenet.network.Network;
import java.util.Objects;

/**
 * The result of an optimizer's step applied to the parameters: {@link Optimizer#apply}.
 *
 * @param <S> the type of the optimizer's state
 * @param network the network after the step, {@code θ + u}
 * @param state the optimizer's next state
 */
public record Applied<S>(Network network, S state) {

    /**
     * Checks that both components are present.
     *
     * @param network the network after the step
     * @param state the optimizer's next state
     */
    public Applied {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(state, "state is null");
    }
}
