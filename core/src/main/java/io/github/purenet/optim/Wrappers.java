package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Transforms that wrap other transforms: per layer ({@link #partition}, {@link #freeze}) and over
 * several steps ({@link #accumulate}).
 *
 * <pre>{@code
 * // train only the last of three layers
 * var lastOnly = Wrappers.freeze(Vector.of(true, true, false), Optimizers.adam(1e-3));
 * // the same batch statistics as a batch four times larger: one real update every 4 steps
 * var accumulated = Wrappers.accumulate(4, Optimizers.sgd(0.1));
 * }</pre>
 */
public final class Wrappers {

    private Wrappers() {
    }

    /**
     * One transform for the selected layers and another for the rest: {@code partition(
     * Selection.layers(selected), forSelected, forOthers)}.
     *
     * @param <A> the state type of the selected layers' transform
     * @param <B> the state type of the other layers' transform
     * @param selected one flag per layer of the network, {@code true} for the layers of {@code forSelected}
     * @param forSelected the transform of the selected layers
     * @param forOthers the transform of the other layers
     * @return the transform, whose state holds both states
     */
    public static <A, B> Optimizer<Partition<A, B>> partition(Seq<Boolean> selected, Optimizer<A> forSelected,
            Optimizer<B> forOthers) {
        Objects.requireNonNull(selected, "selected is null");
        if (selected.contains(null)) {
            throw new NullPointerException("selected: a flag is null");
        }
        return partition(Selection.layers(selected), forSelected, forOthers);
    }

    /**
     * One transform for the selected parameters and another for the rest. Each sees the gradients
     * of its own parameters, and zeros in place of the others' (so a global norm, for instance, is
     * the norm of its own parameters); its updates of the others' parameters are discarded.
     *
     * @param <A> the state type of the selected parameters' transform
     * @param <B> the state type of the other parameters' transform
     * @param selected the parameters of {@code forSelected}
     * @param forSelected the transform of the selected parameters
     * @param forOthers the transform of the other parameters
     * @return the transform, whose state holds both states
     */
    public static <A, B> Optimizer<Partition<A, B>> partition(Selection selected, Optimizer<A> forSelected,
            Optimizer<B> forOthers) {
        Objects.requireNonNull(selected, "selected is null");
        Objects.requireNonNull(forSelected, "forSelected is null");
        Objects.requireNonNull(forOthers, "forOthers is null");
        return NamedOptimizer.of("partition(" + selected + ", " + forSelected + ", " + forOthers + ")",
                Description.of("partition").with("selected", selected.toString())
                        .with("for_selected", forSelected.description()).with("for_others", forOthers.description()),
                network -> {
                    selected.mask("partition", network);
                    return new Partition<>(forSelected.init(network), forOthers.init(network));
                },
                (g, state, network) -> {
                    Vector<Boolean> flags = selected.mask("partition", network);
                    Update<A> a = forSelected.update(only(g, flags, true), state.selected(), network);
                    Update<B> b = forOthers.update(only(g, flags, false), state.others(), network);
                    Gradients u = new Gradients(g.paths(), Vector.tabulate(flags.size(),
                            i -> flags.get(i) ? a.updates().values().get(i) : b.updates().values().get(i)));
                    return new Update<>(u, new Partition<>(a.state(), b.state()));
                });
    }

    /**
     * Freezes layers: {@code freeze(Selection.layers(frozen), inner)}.
     *
     * @param <S> the state type of {@code inner}
     * @param frozen one flag per layer of the network, {@code true} for the layers that stay
     * @param inner the transform of the other layers
     * @return the transform
     */
    public static <S> Optimizer<Partition<EmptyState, S>> freeze(Seq<Boolean> frozen, Optimizer<S> inner) {
        Objects.requireNonNull(frozen, "frozen is null");
        if (frozen.contains(null)) {
            throw new NullPointerException("frozen: a flag is null");
        }
        return freeze(Selection.layers(frozen), inner);
    }

    /**
     * Freezes parameters: their updates are {@code -0.0}, so they stay the same bit for bit, and
     * the other parameters are updated by {@code inner}.
     *
     * @param <S> the state type of {@code inner}
     * @param frozen the parameters that stay
     * @param inner the transform of the other parameters
     * @return the transform
     */
    public static <S> Optimizer<Partition<EmptyState, S>> freeze(Selection frozen, Optimizer<S> inner) {
        Objects.requireNonNull(frozen, "frozen is null");
        Objects.requireNonNull(inner, "inner is null");
        return partition(frozen, Transforms.setToZero(), inner);
    }

    /**
     * Gradient accumulation: sums the gradients of {@code k} steps and gives {@code inner} their
     * mean (the sum divided by {@code k}) at every {@code k}-th step; the other steps' updates are
     * {@code -0.0}, which leaves the parameters as they are. With plain gradient descent,
     * {@code k} accumulated steps equal one step on the mean of their gradients, bit for bit. The
     * sum starts from {@link Gradients#zero}, the exact identity of addition.
     *
     * @param <S> the state type of {@code inner}
     * @param k how many steps to accumulate, at least 1
     * @param inner the transform of the mean gradients
     * @return the transform
     */
    public static <S> Optimizer<Accumulation<S>> accumulate(int k, Optimizer<S> inner) {
        if (k < 1) {
            throw new IllegalArgumentException("k: expected a number of steps >= 1, got " + k);
        }
        Objects.requireNonNull(inner, "inner is null");
        return NamedOptimizer.of("accumulate(" + k + ", " + inner + ")",
                Description.of("accumulate").with("k", k).with("inner", inner.description()),
                network -> new Accumulation<>(0, Gradients.zero(network), inner.init(network)),
                (g, state, network) -> {
                    if (state.count() >= k) {
                        throw new IllegalArgumentException("accumulate: a state with " + state.count()
                                + " accumulated steps does not belong to an accumulation over " + k);
                    }
                    Gradients sum = state.sum().plus(g);
                    if (state.count() + 1 < k) {
                        return new Update<>(Gradients.zero(network), new Accumulation<>(state.count() + 1, sum, state.inner()));
                    }
                    Update<S> u = inner.update(sum.map(x -> x / k), state.inner(), network);
                    return new Update<>(u.updates(), new Accumulation<>(0, Gradients.zero(network), u.state()));
                });
    }

    /** The gradients of the parameters whose flag is {@code keep}, and zeros in place of the others. */
    private static Gradients only(Gradients g, Vector<Boolean> flags, boolean keep) {
        return new Gradients(g.paths(), Vector.tabulate(flags.size(), i -> {
            Matrix m = g.values().get(i);
            return flags.get(i) == keep ? m : Matrix.filled(m.rows(), m.columns(), 0.0);
        }));
    }
}
