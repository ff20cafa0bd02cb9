package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An optimizer made of its functions and a name, checking the arguments of each call.
 *
 * @param <S> the type of its state
 * @param name what {@code toString} shows
 * @param description what it is, as data
 * @param initFunction the initial state of a network
 * @param updateFunction one step
 * @param applyFunction one step applied to the parameters, with the bits of {@code updateFunction}
 *     then {@link Optimizer#applyUpdates}
 * @param fusion what lets a chain fuse this transform with its neighbour in one pass
 */
record NamedOptimizer<S>(String name, Description description, Function<Network, S> initFunction,
        Optimizer.UpdateFunction<S> updateFunction, ApplyFunction<S> applyFunction, Fusion<S> fusion)
        implements Optimizer<S> {

    /**
     * What lets {@link Transforms#chain} apply two transforms in one pass: a transform whose updates
     * are its input times a factor of its own state ({@code scaleByLearningRate}) gives the factor
     * and its next state; a transform that can add its updates, times a factor, to the parameters
     * in the pass that computes them ({@code scaleByAdam}) does so. Either may be absent.
     *
     * @param <S> the type of the transform's state
     * @param scaling the factor and the next state, from the state
     * @param scaledApply {@code θ + factor · u} and the next state, with the bits of the updates
     *     {@code u} scaled, then added
     */
    record Fusion<S>(Option<Function<S, Tuple2<Double, S>>> scaling, Option<ScaledApply<S>> scaledApply) {

        /** Neither. */
        static <S> Fusion<S> none() {
            return new Fusion<>(Option.none(), Option.none());
        }
    }

    /**
     * A step applied with its updates times a factor.
     *
     * @param <S> the type of the optimizer's state
     */
    @FunctionalInterface
    interface ScaledApply<S> {
        /**
         * The step: arguments already checked.
         *
         * @param gradients the gradients, which fit the network
         * @param state the current state
         * @param network the current parameters
         * @param factor the factor of the updates
         * @return the network {@code θ + factor · u} and the next state
         */
        Applied<S> apply(Gradients gradients, S state, Network network, double factor);
    }

    /**
     * One step applied to the parameters.
     *
     * @param <S> the type of the optimizer's state
     */
    @FunctionalInterface
    interface ApplyFunction<S> {
        /**
         * One step applied: arguments already checked.
         *
         * @param gradients the gradients, which fit the network
         * @param state the current state
         * @param network the current parameters
         * @return the stepped network and the next state
         */
        Applied<S> apply(Gradients gradients, S state, Network network);
    }

    NamedOptimizer {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(initFunction, "init is null");
        Objects.requireNonNull(updateFunction, "update is null");
        Objects.requireNonNull(applyFunction, "apply is null");
        Objects.requireNonNull(fusion, "fusion is null");
    }

    /** A built-in optimizer: printed by its name, described by its description. */
    static <S> Optimizer<S> of(String name, Description description, Function<Network, S> init,
            Optimizer.UpdateFunction<S> update) {
        return new NamedOptimizer<>(name, description, init, update, (g, state, network) -> {
            Update<S> u = update.apply(g, state, network);
            return new Applied<>(Optimizer.applyUpdates(network, u.updates()), u.state());
        }, Fusion.none());
    }

    /** A built-in optimizer without state. */
    static Optimizer<EmptyState> stateless(String name, Description description,
            BiFunction<Gradients, Network, Gradients> update) {
        return of(name, description, network -> EmptyState.INSTANCE,
                (g, state, network) -> new Update<>(update.apply(g, network), EmptyState.INSTANCE));
    }

    @Override
    public S init(Network network) {
        if (network == null) {
            throw new NullPointerException(name + ": network is null");
        }
        return initFunction.apply(network);
    }

    @Override
    public Update<S> update(Gradients gradients, S state, Network network) {
        requireArguments(gradients, state, network);
        return updateFunction.apply(gradients.requireFits(network), state, network);
    }

    /** A built-in optimizer whose {@code apply} is a function of its own, with the bits of {@code update} applied. */
    static <S> Optimizer<S> of(String name, Description description, Function<Network, S> init,
            Optimizer.UpdateFunction<S> update, ApplyFunction<S> apply) {
        return new NamedOptimizer<>(name, description, init, update, apply, Fusion.none());
    }

    /**
     * A transform that a chain can fuse, whose {@code apply} is its fusion's: its scaled apply with
     * the factor 1 ({@code θ + 1 · u} has the bits of {@code θ + u}), or for a scaling,
     * {@code θ + factor · g} in one pass over each matrix.
     */
    static <S> Optimizer<S> fused(String name, Description description, Function<Network, S> init,
            Optimizer.UpdateFunction<S> update, Fusion<S> fusion) {
        ApplyFunction<S> apply = fusion.scaledApply().isDefined()
                ? (g, state, network) -> fusion.scaledApply().get().apply(g, state, network, 1.0)
                : (g, state, network) -> {
                    Tuple2<Double, S> scaling = fusion.scaling().get().apply(state);
                    return new Applied<>(plusScaled(network, g, scaling._1), scaling._2);
                };
        return new NamedOptimizer<>(name, description, init, update, apply, fusion);
    }

    /** {@code θ + factor · g} in one pass over each matrix: the bits of {@code θ + u} with {@code u = factor · g}. */
    private static Network plusScaled(Network network, Gradients g, double factor) {
        Vector<Matrix> theta = network.parameters();
        return network.withParameters(Vector.tabulate(theta.size(), i -> theta.get(i).plusScaled(g.values().get(i), factor)));
    }

    private void requireArguments(Gradients gradients, S state, Network network) {
        if (gradients == null) {
            throw new NullPointerException(name + ": gradients is null");
        }
        if (state == null) {
            throw new NullPointerException(name + ": state is null");
        }
        if (network == null) {
            throw new NullPointerException(name + ": network is null");
        }
    }

    @Override
    public Applied<S> apply(Gradients gradients, S state, Network network) {
        requireArguments(gradients, state, network);
        return applyFunction.apply(gradients.requireFits(network), state, network);
    }

    @Override
    public String toString() {
        return name;
    }
}
