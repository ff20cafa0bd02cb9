package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gradient transforms: small optimizers that named optimizers are composed of with
 * {@link #chain}. Each takes the updates so far (at first the gradients {@code g}) and returns new
 * ones; {@link #scaleByLearningRate} is usually last and holds the minus sign.
 *
 * <pre>{@code
 * // Adam with clipping, as a composition: clip, then Adam's scaling, then -lr
 * Optimizer<Chain<EmptyState, Chain<Moments, Count>>> clippedAdam = Transforms.chain(
 *         Transforms.clipByGlobalNorm(1.0),
 *         Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8), Transforms.scaleByLearningRate(1e-3)));
 * }</pre>
 *
 * <p>Transforms that wrap others, per layer or over several steps, are in {@link Wrappers}.
 */
public final class Transforms {

    private Transforms() {
    }

    /**
     * Two transforms one after the other: the second transforms the first's updates.
     *
     * @param <A> the first's state type
     * @param <B> the second's state type
     * @param first applied first
     * @param second applied to the first's updates
     * @return the composition, whose state holds both states
     */
    public static <A, B> Optimizer<Chain<A, B>> chain(Optimizer<A> first, Optimizer<B> second) {
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(second, "second is null");
        return NamedOptimizer.of("chain(" + first + ", " + second + ")",
                Description.of("chain").with("first", first.description()).with("second", second.description()),
                network -> new Chain<>(first.init(network), second.init(network)),
                (g, state, network) -> {
                    Update<A> a = first.update(g, state.first(), network);
                    Update<B> b = second.update(a.updates(), state.second(), network);
                    return new Update<>(b.updates(), new Chain<>(a.state(), b.state()));
                },
                (g, state, network) -> {
                    if (first instanceof NamedOptimizer<A> f && second instanceof NamedOptimizer<B> s
                            && f.fusion().scaledApply().isDefined() && s.fusion().scaling().isDefined()) {
                        // the second scales the first's updates: the first adds them, scaled, in its own pass
                        Tuple2<Double, B> scaling = s.fusion().scaling().get().apply(state.second());
                        Applied<A> a = f.fusion().scaledApply().get().apply(g, state.first(), network, scaling._1);
                        return new Applied<>(a.network(), new Chain<>(a.state(), scaling._2));
                    }
                    // otherwise the second applies the first's updates, in one pass if it can
                    Update<A> a = first.update(g, state.first(), network);
                    Applied<B> b = second.apply(a.updates(), state.second(), network);
                    return new Applied<>(b.network(), new Chain<>(a.state(), b.state()));
                });
    }

    /**
     * {@code u = factor · g}.
     *
     * @param factor a finite number
     * @return the transform
     */
    public static Optimizer<EmptyState> scale(double factor) {
        Hyperparameters.requireFinite("factor", factor);
        return NamedOptimizer.stateless("scale(" + factor + ")", Description.of("scale").with("factor", factor),
                (g, network) -> g.scale(factor));
    }

    /**
     * {@code u = -η · g} with a constant {@code η}; see {@link #scaleByLearningRate(Schedule)}.
     *
     * @param learningRate {@code η}, finite and not negative
     * @return the transform
     */
    public static Optimizer<Count> scaleByLearningRate(double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return scaleByLearningRate(Schedules.constant(learningRate));
    }

    /**
     * {@code u = -η(t) · g}, where {@code t} counts this transform's updates from 0: the last
     * transform of gradient descent, and the one with the minus sign. Computed as
     * {@code (-η) · g}, so that {@code θ + u} has the bits of {@code θ - η · g}.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return the transform, whose state is the count
     */
    public static Optimizer<Count> scaleByLearningRate(Schedule learningRate) {
        Objects.requireNonNull(learningRate, "learningRate is null");
        Function<Count, Tuple2<Double, Count>> scaling = count -> Tuple.of(-OnePass.eta(learningRate, count),
                new Count(count.steps() + 1));
        return NamedOptimizer.fused("scaleByLearningRate(" + learningRate + ")",
                Description.of("scale_by_learning_rate").with("learning_rate", learningRate.description()),
                network -> new Count(0),
                (g, count, network) -> {
                    Tuple2<Double, Count> step = scaling.apply(count);
                    return new Update<>(g.scale(step._1), step._2);
                },
                new NamedOptimizer.Fusion<>(Option.some(scaling), Option.none()));
    }

    /**
     * Momentum: {@code v ← β v + g}, then {@code u = v} (heavy ball, Polyak 1964) or
     * {@code u = β v + g} (Nesterov's accelerated gradient, Nesterov 1983, in the form of Sutskever,
     * Martens, Dahl and Hinton, "On the importance of initialization and momentum in deep
     * learning", ICML 2013). The same as PyTorch's {@code SGD(momentum=β, nesterov=...)} with
     * dampening 0, and optax's {@code trace}. The Nesterov update is the rewrite PyTorch and optax use,
     * not the paper's look-ahead form as written ({@code v' ← μ v' - η ∇f(θ + μ v')}, {@code θ ← θ + v'},
     * with μ = β and {@code v' = -η v}): the gradient is taken at the parameters, which for a constant
     * learning rate play the part of the paper's look-ahead point {@code θ + μ v'}, and the learning
     * rate is applied after.
     *
     * @param beta {@code β}, in {@code [0, 1)}
     * @param nesterov whether to look ahead
     * @return the transform, whose state is the velocity {@code v}, starting at zero
     */
    public static Optimizer<Velocity> momentum(double beta, boolean nesterov) {
        Hyperparameters.requireBeta("beta", beta);
        return NamedOptimizer.of((nesterov ? "nesterov(" : "momentum(") + beta + ")",
                Description.of("momentum").with("beta", beta).with("nesterov", nesterov),
                network -> new Velocity(zeros(network)),
                (g, state, network) -> {
                    Gradients v = state.velocity().zipWith(g, (vi, gi) -> beta * vi + gi);
                    Gradients u = nesterov ? v.zipWith(g, (vi, gi) -> beta * vi + gi) : v;
                    return new Update<>(u, new Velocity(v));
                });
    }

    /**
     * Adam's scaling (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015):
     * with {@code t} counting from 1,
     * <pre>
     * m ← β1 m + (1 - β1) g        m̂ = m / (1 - β1^t)
     * v ← β2 v + (1 - β2) g²       v̂ = v / (1 - β2^t)
     * u = m̂ / (√v̂ + ε)
     * </pre>
     *
     * @param beta1 {@code β1}, in {@code [0, 1)}; the paper's default is 0.9
     * @param beta2 {@code β2}, in {@code [0, 1)}; the paper's default is 0.999
     * @param epsilon {@code ε}, positive; the paper's default is 1e-8
     * @return the transform, whose state is the count and the moments, starting at zero
     */
    public static Optimizer<Moments> scaleByAdam(double beta1, double beta2, double epsilon) {
        Hyperparameters.requireBeta("beta1", beta1);
        Hyperparameters.requireBeta("beta2", beta2);
        Hyperparameters.requirePositive("epsilon", epsilon);
        return NamedOptimizer.fused("scaleByAdam(" + beta1 + ", " + beta2 + ", " + epsilon + ")",
                Description.of("scale_by_adam").with("beta1", beta1).with("beta2", beta2).with("epsilon", epsilon),
                network -> new Moments(0, zeros(network), zeros(network)),
                (g, state, network) -> {
                    Tuple2<Vector<Matrix>, Moments> step = OnePass.adam(g, state, Option.none(), 0.0, beta1, beta2, epsilon);
                    return new Update<>(new Gradients(g.paths(), step._1), step._2);
                },
                new NamedOptimizer.Fusion<>(Option.none(), Option.some((g, state, network, factor) -> {
                    Tuple2<Vector<Matrix>, Moments> step = OnePass.adam(g, state, Option.some(network.parameters()), factor,
                            beta1, beta2, epsilon);
                    return new Applied<>(network.withParameters(step._1), step._2);
                })));
    }

    /**
     * RMSProp's scaling (Tieleman and Hinton, Lecture 6.5 of "Neural Networks for Machine
     * Learning", 2012): {@code s ← ρ s + (1 - ρ) g²}, {@code u = g / (√s + ε)}.
     *
     * @param decay {@code ρ}, in {@code [0, 1)}; the lecture uses 0.9
     * @param epsilon {@code ε}, positive
     * @return the transform, whose state is the average {@code s}, starting at zero
     */
    public static Optimizer<SquareAverage> scaleByRms(double decay, double epsilon) {
        Hyperparameters.requireBeta("decay", decay);
        Hyperparameters.requirePositive("epsilon", epsilon);
        return NamedOptimizer.of("scaleByRms(" + decay + ", " + epsilon + ")",
                Description.of("scale_by_rms").with("decay", decay).with("epsilon", epsilon),
                network -> new SquareAverage(zeros(network)),
                (g, state, network) -> {
                    Gradients s = state.nu().zipWith(g, (si, gi) -> decay * si + (1.0 - decay) * gi * gi);
                    return new Update<>(g.zipWith(s, (gi, si) -> gi / (Math.sqrt(si) + epsilon)), new SquareAverage(s));
                });
    }

    /**
     * AdaGrad's scaling (Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning
     * and Stochastic Optimization", JMLR 2011): {@code s ← s + g²}, {@code u = g / (√s + ε)}.
     *
     * @param initialAccumulator the starting value of every entry of {@code s}, not negative
     * @param epsilon {@code ε}, positive
     * @return the transform, whose state is the sum {@code s}
     */
    public static Optimizer<SquareSum> scaleByAdagrad(double initialAccumulator, double epsilon) {
        Hyperparameters.requireNonNegative("initialAccumulator", initialAccumulator);
        Hyperparameters.requirePositive("epsilon", epsilon);
        return NamedOptimizer.of("scaleByAdagrad(" + initialAccumulator + ", " + epsilon + ")",
                Description.of("scale_by_adagrad").with("initial_accumulator", initialAccumulator)
                        .with("epsilon", epsilon),
                network -> new SquareSum(zeros(network).map(x -> initialAccumulator)),
                (g, state, network) -> {
                    Gradients s = state.sum().zipWith(g, (si, gi) -> si + gi * gi);
                    return new Update<>(g.zipWith(s, (gi, si) -> gi / (Math.sqrt(si) + epsilon)), new SquareSum(s));
                });
    }

    /**
     * Decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR
     * 2019): {@code u = g + λ θ}, for every weight and bias. Placed before the learning rate, the
     * decay is scaled by it, as in AdamW.
     *
     * @param decay {@code λ}, finite and not negative
     * @return the transform
     */
    public static Optimizer<EmptyState> addDecayedWeights(double decay) {
        Hyperparameters.requireNonNegative("decay", decay);
        return NamedOptimizer.stateless("addDecayedWeights(" + decay + ")",
                Description.of("add_decayed_weights").with("decay", decay)
                        .with("selection", Selection.all().toString()),
                (g, network) -> g.zipWith(Gradients.parameters(network), (gi, wi) -> gi + decay * wi));
    }

    /**
     * Decoupled weight decay of the selected parameters only: {@code u = g + λ θ} where the
     * selection takes {@code θ}, {@code u = g} elsewhere. With {@link Selection#decayable()},
     * biases and normalisation scales and offsets are not decayed, as AdamW is used in practice.
     *
     * @param decay {@code λ}, finite and not negative
     * @param selection the parameters to decay
     * @return the transform
     */
    public static Optimizer<EmptyState> addDecayedWeights(double decay, Selection selection) {
        Hyperparameters.requireNonNegative("decay", decay);
        Objects.requireNonNull(selection, "selection is null");
        return NamedOptimizer.stateless("addDecayedWeights(" + decay + ", " + selection + ")",
                Description.of("add_decayed_weights").with("decay", decay).with("selection", selection.toString()),
                (g, network) -> {
            Vector<Boolean> decayed = selection.mask("addDecayedWeights", network);
            Gradients theta = Gradients.parameters(network);
            return new Gradients(g.paths(), Vector.tabulate(decayed.size(), i -> decayed.get(i)
                    ? g.values().get(i).zipWith(theta.values().get(i), (gi, wi) -> gi + decay * wi)
                    : g.values().get(i)));
        });
    }

    /**
     * Clips each entry to {@code [-max, max]}.
     *
     * @param max the bound, positive and finite
     * @return the transform
     */
    public static Optimizer<EmptyState> clip(double max) {
        Hyperparameters.requirePositive("max", max);
        return NamedOptimizer.stateless("clip(" + max + ")", Description.of("clip").with("max", max),
                (g, network) -> g.map(x -> Math.max(-max, Math.min(max, x))));
    }

    /**
     * Scales the updates down to a global L2 norm of at most {@code max}: {@code u = g · max / ‖g‖}
     * when {@code ‖g‖ > max}, else {@code g} unchanged. The factor is lowered by an ulp at a time
     * until rounding cannot leave the norm above the bound. Finite gradients whose norm overflows are
     * first divided by their largest entry; gradients with a NaN or an infinite entry are passed on
     * unchanged, so that the run's divergence check sees them.
     *
     * @param max the bound, positive and finite
     * @return the transform
     */
    public static Optimizer<EmptyState> clipByGlobalNorm(double max) {
        Hyperparameters.requirePositive("max", max);
        return NamedOptimizer.stateless("clipByGlobalNorm(" + max + ")",
                Description.of("clip_by_global_norm").with("max", max), (g, network) -> {
            double norm = g.norm();
            if (!(norm > max)) {
                return g;
            }
            if (norm == Double.POSITIVE_INFINITY) {
                double largest = g.values().map(Transforms::largest).max().get();
                if (!Double.isFinite(largest)) {
                    return g; // a non-finite gradient is passed on, for divergence to be detected
                }
                g = g.map(x -> x / largest); // the norm of entries in [-1, 1] cannot overflow
                norm = g.norm();
            }
            double factor = max / norm;
            Gradients clipped = g.scale(factor);
            while (clipped.norm() > max) {
                factor = Math.nextDown(factor);
                clipped = g.scale(factor);
            }
            return clipped;
        });
    }

    /**
     * Updates that leave every parameter as it is: every entry {@code -0.0}, since
     * {@code θ + (-0.0)} is {@code θ} bit for bit.
     *
     * @return the transform
     */
    public static Optimizer<EmptyState> setToZero() {
        return NamedOptimizer.stateless("setToZero", Description.of("set_to_zero"), (g, network) -> Gradients.zero(network));
    }

    private static double largest(Matrix m) {
        return m.map(Math::abs).rowMaxima().transpose().rowMaxima().get(0, 0);
    }

    static Gradients zeros(Network network) {
        return Gradients.zero(network).map(x -> 0.0);
    }
}
