package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An optimizer: how gradients become updates, with a state of its own carried between steps.
 *
 * <pre>{@code
 * Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(1e-3);
 * Chain<Moments, Count> state = adam.init(network);
 * Update<Chain<Moments, Count>> u = adam.update(gradients, state, network);
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
     * One step applied to the parameters: the network {@code θ + u} and the next state, where
     * {@code u} are {@link #update}'s updates, with the bits of
     * {@code applyUpdates(network, update(gradients, state, network).updates())}. The built-in
     * optimizers write each new parameter matrix in one pass, without building the updates;
     * {@link io.github.purenet.train.Training} steps with this method.
     *
     * @param gradients the gradients of the loss, shaped like the network
     * @param state the current state
     * @param network the current parameters
     * @return the stepped network and the next state
     */
    default Applied<S> apply(Gradients gradients, S state, Network network) {
        Update<S> u = update(gradients, state, network);
        return new Applied<>(applyUpdates(network, u.updates()), u.state());
    }

    /**
     * What this optimizer is, as data: the kind of each transform and its hyperparameters, which a
     * training state's document records, so that resuming it under another optimizer is refused.
     * Every optimizer of purenet's, and every one made by {@link #of}, has one. A class of one's own
     * that implements this interface directly should override this method (with
     * {@link Description#custom} or {@link Description#of}); otherwise it is
     * {@link Description#UNNAMED}, and its training states cannot be encoded.
     *
     * @return the description
     */
    default Description description() {
        return Description.UNNAMED;
    }

    /**
     * The update function of an optimizer, for {@link #of}.
     *
     * @param <S> the type of the optimizer's state
     */
    @FunctionalInterface
    interface UpdateFunction<S> {
        /**
         * One step.
         *
         * @param gradients the gradients (or the updates of the transforms before)
         * @param state the current state
         * @param network the current parameters
         * @return the updates and the next state
         */
        Update<S> apply(Gradients gradients, S state, Network network);
    }

    /**
     * An optimizer made of its two functions, identified by its name: its {@link #description()} is
     * {@link Description#custom custom(name)}, so the name should tell apart every setting, such as
     * {@code "lion(0.0001, 0.9, 0.99)"}, for a training state to be refused under another one.
     *
     * @param <S> the type of its state
     * @param name what {@code toString} shows, such as {@code "adam(0.001)"}, and what identifies it: not blank
     * @param init the initial state of a network
     * @param update one step
     * @return the optimizer
     */
    static <S> Optimizer<S> of(String name, Function<Network, S> init, UpdateFunction<S> update) {
        return NamedOptimizer.of(name, Description.custom(Objects.requireNonNull(name, "name is null")), init,
                update);
    }

    /**
     * An optimizer without state, made of a function from gradients (and parameters) to updates.
     *
     * @param name what {@code toString} shows, and what identifies it, as for {@link #of}
     * @param update the updates of the gradients and the current parameters
     * @return the optimizer
     */
    static Optimizer<EmptyState> stateless(String name, BiFunction<Gradients, Network, Gradients> update) {
        Objects.requireNonNull(update, "update is null");
        return NamedOptimizer.stateless(name, Description.custom(Objects.requireNonNull(name, "name is null")), update);
    }

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
        Vector<Matrix> theta = network.parameters();
        return network.withParameters(Vector.tabulate(theta.size(), i -> theta.get(i).plus(updates.values().get(i))));
    }
}
