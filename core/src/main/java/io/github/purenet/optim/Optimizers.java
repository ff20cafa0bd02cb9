package io.github.purenet.optim;

/**
 * The named optimizers, each a short composition of {@link Transforms}. Defaults follow the papers.
 *
 * <pre>{@code
 * Optimizer<Count> sgd = Optimizers.sgd(0.1);
 * Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(1e-3);
 * var warm = Optimizers.adam(Schedules.warmupCosineDecay(0.0, 1e-3, 100, 10_000, 1e-5));
 * var decaying = Optimizers.momentum(Schedules.cosineDecay(0.1, 5_000, 0.0));
 * }</pre>
 *
 * <p>Each optimizer takes a constant learning rate or a {@link Schedule}; the constant {@code η}
 * is the schedule {@link Schedules#constant constant(η)}, bit for bit.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** The same optimizer, printed by its name rather than its composition, and described as its composition. */
    private static <S> Optimizer<S> named(String name, Optimizer<S> composition) {
        // a composition that is itself named (such as adam(schedule) under adam(η)) lends its functions,
        // so that the arguments of a step are checked once, by the outer name
        return composition instanceof NamedOptimizer<S> inner
                ? new NamedOptimizer<>(name, inner.description(), inner.initFunction(), inner.updateFunction(),
                        inner.applyFunction(), inner.fusion())
                : NamedOptimizer.of(name, composition.description(), composition::init, composition::update,
                        composition::apply);
    }

    /**
     * Stochastic gradient descent: {@code θ ← θ - η g}. Bit for bit the same as
     * {@link io.github.purenet.network.Backprop#step}.
     *
     * @param learningRate {@code η}, finite and not negative
     * @return {@code scaleByLearningRate(η)}
     */
    public static Optimizer<Count> sgd(double learningRate) {
        return named("sgd(" + learningRate + ")", Transforms.scaleByLearningRate(learningRate));
    }

    /**
     * Stochastic gradient descent with a learning-rate schedule: {@code θ ← θ - η(t) g}.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code scaleByLearningRate(η)}
     */
    public static Optimizer<Count> sgd(Schedule learningRate) {
        return named("sgd(" + learningRate + ")", Transforms.scaleByLearningRate(learningRate));
    }

    /**
     * Heavy-ball momentum (Polyak 1964): {@code v ← β v + g}, {@code θ ← θ - η v}, with β = 0.9.
     *
     * @param learningRate {@code η}
     * @return {@code chain(momentum(0.9, false), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> momentum(double learningRate) {
        return momentum(learningRate, 0.9);
    }

    /**
     * Heavy-ball momentum: {@code v ← β v + g}, {@code θ ← θ - η v}.
     *
     * @param learningRate {@code η}
     * @param beta {@code β}, in {@code [0, 1)}
     * @return {@code chain(momentum(β, false), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> momentum(double learningRate, double beta) {
        Hyperparameters.requireBeta("beta", beta);
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("momentum(" + learningRate + ", " + beta + ")", momentum(Schedules.constant(learningRate), beta));
    }

    /**
     * Heavy-ball momentum with a learning-rate schedule, and β = 0.9.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(momentum(0.9, false), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> momentum(Schedule learningRate) {
        return momentum(learningRate, 0.9);
    }

    /**
     * Heavy-ball momentum with a learning-rate schedule: {@code v ← β v + g}, {@code θ ← θ - η(t) v}.
     *
     * @param learningRate the schedule {@code η(t)}
     * @param beta {@code β}, in {@code [0, 1)}
     * @return {@code chain(momentum(β, false), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> momentum(Schedule learningRate, double beta) {
        return named("momentum(" + learningRate + ", " + beta + ")",
                Transforms.chain(Transforms.momentum(beta, false), Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * Nesterov momentum (Sutskever et al., ICML 2013): {@code v ← β v + g},
     * {@code θ ← θ - η (β v + g)}, with β = 0.9. This is the rewrite PyTorch's
     * {@code SGD(nesterov=True)} and optax's {@code sgd(nesterov=True)} use, with the gradient taken at
     * the parameters, not the paper's form as written, which takes it at a look-ahead point; see
     * {@link Transforms#momentum}.
     *
     * @param learningRate {@code η}
     * @return {@code chain(momentum(0.9, true), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> nesterov(double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("nesterov(" + learningRate + ")", nesterov(Schedules.constant(learningRate)));
    }

    /**
     * Nesterov momentum with a learning-rate schedule, and β = 0.9.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(momentum(0.9, true), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Velocity, Count>> nesterov(Schedule learningRate) {
        return named("nesterov(" + learningRate + ")",
                Transforms.chain(Transforms.momentum(0.9, true), Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * AdaGrad (Duchi, Hazan and Singer, JMLR 2011): {@code s ← s + g²},
     * {@code θ ← θ - η g / (√s + ε)}, with {@code s} starting at 0 and ε = 1e-10 outside the root:
     * PyTorch's {@code Adagrad(lr=η)} with its defaults. optax's {@code adagrad(η)} differs: its
     * accumulator starts at 0.1 and it divides by {@code √(s + ε)} with ε = 1e-7, having no option
     * for ε outside the root. {@link Transforms#scaleByAdagrad} takes the accumulator's start (0.1 for
     * optax's) and ε, always outside the root.
     *
     * @param learningRate {@code η}
     * @return {@code chain(scaleByAdagrad(0, 1e-10), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<SquareSum, Count>> adagrad(double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("adagrad(" + learningRate + ")", adagrad(Schedules.constant(learningRate)));
    }

    /**
     * AdaGrad with a learning-rate schedule.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(scaleByAdagrad(0, 1e-10), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<SquareSum, Count>> adagrad(Schedule learningRate) {
        return named("adagrad(" + learningRate + ")",
                Transforms.chain(Transforms.scaleByAdagrad(0.0, 1e-10), Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * RMSProp (Tieleman and Hinton, 2012): {@code s ← ρ s + (1 - ρ) g²},
     * {@code θ ← θ - η g / (√s + ε)}, with ρ = 0.9 (the lecture's value) and ε = 1e-8 outside the
     * root. optax's {@code rmsprop(η)} puts ε inside the root by default ({@code √(s + ε)}); this is
     * its {@code rmsprop(η, eps_in_sqrt=False)}. It is PyTorch's {@code RMSprop(lr=η, alpha=0.9)},
     * whose ε is outside the root too but whose default ρ ({@code alpha}) is 0.99.
     *
     * @param learningRate {@code η}
     * @return {@code chain(scaleByRms(0.9, 1e-8), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<SquareAverage, Count>> rmsprop(double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("rmsprop(" + learningRate + ")", rmsprop(Schedules.constant(learningRate)));
    }

    /**
     * RMSProp with a learning-rate schedule.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(scaleByRms(0.9, 1e-8), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<SquareAverage, Count>> rmsprop(Schedule learningRate) {
        return named("rmsprop(" + learningRate + ")",
                Transforms.chain(Transforms.scaleByRms(0.9, 1e-8), Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * Adam (Kingma and Ba, ICLR 2015) with the paper's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8;
     * see {@link Transforms#scaleByAdam}.
     *
     * @param learningRate {@code η}; the paper suggests 0.001
     * @return {@code chain(scaleByAdam(0.9, 0.999, 1e-8), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Moments, Count>> adam(double learningRate) {
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("adam(" + learningRate + ")", adam(Schedules.constant(learningRate)));
    }

    /**
     * Adam with a learning-rate schedule.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(scaleByAdam(0.9, 0.999, 1e-8), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Moments, Count>> adam(Schedule learningRate) {
        return named("adam(" + learningRate + ")",
                Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8), Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * AdamW (Loshchilov and Hutter, ICLR 2019): Adam's scaling, plus decoupled weight decay
     * {@code λ θ}, both scaled by the learning rate: {@code θ ← θ - η (m̂ / (√v̂ + ε) + λ θ)}.
     * The decay is multiplied by the whole learning rate {@code η}, as PyTorch and optax do; the
     * paper (Algorithm 2) decouples it from the learning rate α, multiplying {@code λ θ} only by the
     * schedule multiplier. For the paper's λ with a learning rate α, pass λ / α here.
     * With λ = 0.01, PyTorch's default ({@code AdamW(lr=η)}); optax's {@code adamw} defaults to
     * {@code weight_decay=1e-4}, so this is optax's {@code adamw(η, weight_decay=0.01)}.
     *
     * @param learningRate {@code η}
     * @return {@code chain(chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(0.01)), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Chain<Moments, EmptyState>, Count>> adamw(double learningRate) {
        return adamw(learningRate, 0.01);
    }

    /**
     * AdamW with a chosen weight decay.
     *
     * @param learningRate {@code η}
     * @param weightDecay {@code λ}, finite and not negative
     * @return {@code chain(chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(λ)), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Chain<Moments, EmptyState>, Count>> adamw(double learningRate, double weightDecay) {
        Hyperparameters.requireNonNegative("decay", weightDecay);
        Hyperparameters.requireNonNegative("learningRate", learningRate);
        return named("adamw(" + learningRate + ", " + weightDecay + ")",
                adamw(Schedules.constant(learningRate), weightDecay));
    }

    /**
     * AdamW with a learning-rate schedule, and λ = 0.01.
     *
     * @param learningRate the schedule {@code η(t)}
     * @return {@code chain(chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(0.01)), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Chain<Moments, EmptyState>, Count>> adamw(Schedule learningRate) {
        return adamw(learningRate, 0.01);
    }

    /**
     * AdamW with a learning-rate schedule and a chosen weight decay:
     * {@code θ ← θ - η(t) (m̂ / (√v̂ + ε) + λ θ)}.
     *
     * @param learningRate the schedule {@code η(t)}
     * @param weightDecay {@code λ}, finite and not negative
     * @return {@code chain(chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(λ)), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Chain<Moments, EmptyState>, Count>> adamw(Schedule learningRate,
            double weightDecay) {
        return named("adamw(" + learningRate + ", " + weightDecay + ")", Transforms.chain(
                Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8), Transforms.addDecayedWeights(weightDecay)),
                Transforms.scaleByLearningRate(learningRate)));
    }

    /**
     * AdamW that decays only the selected parameters, such as {@link Selection#decayable()}: every
     * parameter but biases and normalisation scales and offsets, as AdamW is used in practice.
     *
     * @param learningRate the schedule {@code η(t)}
     * @param weightDecay {@code λ}, finite and not negative
     * @param decayed the parameters to decay
     * @return {@code chain(chain(scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(λ, decayed)), scaleByLearningRate(η))}
     */
    public static Optimizer<Chain<Chain<Moments, EmptyState>, Count>> adamw(Schedule learningRate, double weightDecay,
            Selection decayed) {
        return named("adamw(" + learningRate + ", " + weightDecay + ", " + decayed + ")", Transforms.chain(
                Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8),
                        Transforms.addDecayedWeights(weightDecay, decayed)),
                Transforms.scaleByLearningRate(learningRate)));
    }
}
