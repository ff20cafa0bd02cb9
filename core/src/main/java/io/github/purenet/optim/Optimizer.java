package io.github.purenet.optim;

import io.github.purenet.network.Dense;
import io.github.purenet.network.DenseGradient;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * An optimizer: how gradients become updates, with a state of its own carried between steps.
 *
 * <pre>{@code
 * Optimizer<Optimizers.Stateless> sgd = Optimizers.sgd(0.01);
 * var state = sgd.init(network);
 * Update<Optimizers.Stateless> u = sgd.update(gradients, state, network);
 * Network next = Optimizer.applyUpdates(network, u.updates());   // θ + u
 * }</pre>
 *
 * @param <S> the type of the optimizer's state, an immutable value
 */
public interface Optimizer<S> {

    /**
     * The state before the first step.
     *
     * @param network the parameters to be optimized
     * @return the initial state
     */
    S init(Network network);

    /**
     * One step: the updates to add to the parameters, and the next state.
     *
     * @param gradients the gradients of the loss, shaped like the network
     * @param state the current state
     * @param network the current parameters
     * @return the updates, shaped like the network, and the next state
     */
    Update<S> update(Gradients gradients, S state, Network network);

    /**
     * Adds updates to a network's parameters: {@code θ ← θ + u}.
     *
     * @param network the network
     * @param updates updates shaped like the network
     * @return the new network, with the same activations
     */
    static Network applyUpdates(Network network, Gradients updates) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(updates, "updates is null");
        updates.requireFits(network);
        return new Network(Vector.tabulate(network.layers().size(), i -> {
            Dense layer = network.layers().get(i);
            DenseGradient u = updates.layers().get(i);
            return new Dense(layer.weights().plus(u.weights()), layer.bias().plus(u.bias()), layer.activation());
        }));
    }
}
