package io.github.purenet.optim;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * The built-in {@link Schedule}s, and {@link #join} that runs schedules one after another.
 *
 * <pre>{@code
 * Schedule lr = Schedules.join(
 *         Vector.of(Schedules.linear(0.0, 0.1, 100), Schedules.exponentialDecay(0.1, 0.5, 1000, true)),
 *         Vector.of(100L));   // 100 steps of warm-up, then halve every 1000 steps
 * }</pre>
 *
 * <p>In the formulas, {@code t} is the step count. Every schedule here has values that are finite and
 * not negative, as a learning rate must be, so every value given to a factory must be finite and
 * {@code >= 0}; a bad argument is refused where it enters, with a message that names it and its
 * value, and {@code at} refuses a negative step. Cosines and powers come from {@link StrictMath}, so
 * a schedule gives the same bits on every JVM. Each schedule prints as the call that made it, such as
 * {@code cosineDecay(0.1, 1000, 0.0)}.
 */
public final class Schedules {

    private Schedules() {
    }

    /**
     * The same value at every step: {@code v(t) = value}.
     *
     * @param value the value, finite and not negative
     * @return the schedule
     */
    public static Schedule constant(double value) {
        requireValue("constant", "value", value);
        return new Named("constant(" + value + ")", Description.of("constant").with("value", value), t -> value);
    }

    /**
     * A linear ramp from {@code initial} to {@code end} over {@code steps} steps, then {@code end}:
     * {@code v(t) = initial · (1 - f) + end · f} with {@code f = min(t, steps) / steps}, as optax's
     * {@code linear_schedule}. Used as a warm-up ({@code initial} small, {@code end} the peak), it is the
     * gradual warm-up of P. Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
     * arXiv:1706.02677, 2017, section 2.2.
     *
     * @param initial the value at step 0, finite and not negative
     * @param end the value from step {@code steps} on, finite and not negative
     * @param steps the length of the ramp, positive
     * @return the schedule
     */
    public static Schedule linear(double initial, double end, long steps) {
        requireValue("linear", "initial", initial);
        requireValue("linear", "end", end);
        requireSteps("linear", "steps", steps);
        return new Named("linear(" + initial + ", " + end + ", " + steps + ")",
                Description.of("linear").with("initial", initial).with("end", end).with("steps", steps), t -> {
            double f = (double) Math.min(t, steps) / steps;
            return initial * (1.0 - f) + end * f;
        });
    }

    /**
     * A step function: {@code initial} before {@code boundaries[0]}, then {@code values[i]} from step
     * {@code boundaries[i]} on (inclusive) until the next boundary. For example the schedule of
     * K. He, X. Zhang, S. Ren and J. Sun, "Deep Residual Learning for Image Recognition", CVPR 2016
     * (0.1, divided by 10 at 32k and 48k iterations) is
     * {@code piecewiseConstant(0.1, Vector.of(32_000L, 48_000L), Vector.of(0.01, 0.001))}. Unlike
     * Keras's {@code PiecewiseConstantDecay}, the new value applies at the boundary itself.
     *
     * @param initial the value before the first boundary, finite and not negative
     * @param boundaries the steps at which the value changes: strictly increasing, each {@code >= 1}
     * @param values the value from each boundary on, as many as boundaries, each finite and not negative
     * @return the schedule; with no boundaries, the constant {@code initial}
     */
    public static Schedule piecewiseConstant(double initial, Seq<Long> boundaries, Seq<Double> values) {
        requireValue("piecewiseConstant", "initial", initial);
        Vector<Long> b = requireBoundaries("piecewiseConstant", boundaries);
        Objects.requireNonNull(values, "values is null");
        Vector<Double> v = Vector.ofAll(values);
        if (v.size() != b.size()) {
            throw new IllegalArgumentException("piecewiseConstant: values: expected one per boundary, " + b.size()
                    + " for boundaries " + b.mkString("[", ", ", "]") + ", got " + v.size() + ": "
                    + v.mkString("[", ", ", "]"));
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) == null) {
                throw new IllegalArgumentException("piecewiseConstant: values: value " + i + " is null");
            }
            requireValue("piecewiseConstant", "values[" + i + "]", v.get(i));
        }
        return new Named("piecewiseConstant(" + initial + ", " + b.mkString("[", ", ", "]") + ", "
                + v.mkString("[", ", ", "]") + ")", Description.of("piecewise_constant").with("initial", initial)
                .with("boundaries", b).with("values", v), t -> {
                    int i = passed(b, t);
                    return i == 0 ? initial : v.get(i - 1);
                });
    }

    /**
     * Exponential decay: {@code v(t) = initial · rate^p} with {@code p = t / decaySteps}, or
     * {@code p = floor(t / decaySteps)} with {@code staircase}, so that the value is multiplied by
     * {@code rate} every {@code decaySteps} steps, smoothly or all at once; as optax's
     * {@code exponential_decay} and Keras's {@code ExponentialDecay}. The power is
     * {@link StrictMath#pow}. A {@code rate} above 1 makes the value grow (as in a learning-rate
     * range test); its {@code at} throws {@link ArithmeticException} at a step where the value would
     * no longer be finite.
     *
     * @param initial the value at step 0, finite and not negative
     * @param rate the factor per {@code decaySteps} steps, finite and positive
     * @param decaySteps the number of steps per factor {@code rate}, positive
     * @param staircase whether to round the exponent down, making a step function
     * @return the schedule
     */
    public static Schedule exponentialDecay(double initial, double rate, long decaySteps, boolean staircase) {
        requireValue("exponentialDecay", "initial", initial);
        if (!(rate > 0.0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("exponentialDecay: rate: expected a finite number > 0, got " + rate);
        }
        requireSteps("exponentialDecay", "decaySteps", decaySteps);
        String call = "exponentialDecay(" + initial + ", " + rate + ", " + decaySteps + ", " + staircase + ")";
        Description description = Description.of("exponential_decay").with("initial", initial).with("rate", rate)
                .with("decay_steps", decaySteps).with("staircase", staircase);
        return new Named(call, description, t -> {
            double p = staircase ? (double) (t / decaySteps) : (double) t / decaySteps;
            double value = initial * StrictMath.pow(rate, p);
            if (!Double.isFinite(value)) {
                throw new ArithmeticException(call + ": the value at step " + t + " is not finite: " + value);
            }
            return value;
        });
    }

    /**
     * Cosine decay from {@code initial} to {@code alpha · initial} over {@code decaySteps} steps, then
     * {@code alpha · initial} for ever: {@code v(t) = initial · ((1 - alpha) · c + alpha)} with
     * {@code c = ½ (1 + cos(π · min(t, decaySteps) / decaySteps))}, as optax's
     * {@code cosine_decay_schedule}. From I. Loshchilov and F. Hutter, "SGDR: Stochastic Gradient
     * Descent with Warm Restarts", ICLR 2017, equation 5, for a single cycle (no restarts).
     *
     * @param initial the value at step 0, finite and not negative
     * @param decaySteps the length of the decay, positive
     * @param alpha the final value as a fraction of {@code initial}, in {@code [0, 1]}
     * @return the schedule
     */
    public static Schedule cosineDecay(double initial, long decaySteps, double alpha) {
        requireValue("cosineDecay", "initial", initial);
        requireSteps("cosineDecay", "decaySteps", decaySteps);
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("cosineDecay: alpha: expected a number in [0, 1], got " + alpha);
        }
        return new Named("cosineDecay(" + initial + ", " + decaySteps + ", " + alpha + ")", Description.of("cosine_decay")
                .with("initial", initial).with("decay_steps", decaySteps).with("alpha", alpha), t -> {
            double c = 0.5 * (1.0 + cosine(t, decaySteps));
            return initial * ((1.0 - alpha) * c + alpha);
        });
    }

    /**
     * A linear warm-up, then a cosine decay, as optax's {@code warmup_cosine_decay_schedule}, whose
     * {@code decaySteps} include the warm-up. For {@code t < warmupSteps},
     * {@code v(t) = initial · (1 - f) + peak · f} with {@code f = t / warmupSteps} (P. Goyal et al.,
     * "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", arXiv:1706.02677, 2017); from
     * {@code t = warmupSteps} on, {@code v(t) = peak · c + end · (1 - c)} with
     * {@code c = ½ (1 + cos(π · min(s, n) / n))}, {@code s = t - warmupSteps} and
     * {@code n = decaySteps - warmupSteps} (I. Loshchilov and F. Hutter, "SGDR: Stochastic Gradient
     * Descent with Warm Restarts", ICLR 2017). This is optax's {@code peak · ((1 - α) c + α)} with
     * {@code α = end / peak}, written so that the peak and the end are reached exactly. A peak of 0
     * is a special case, as in optax (which takes {@code α = 0} then, rather than divide by 0): the
     * decay starts from the peak and is a fraction of it, so from {@code t = warmupSteps} on the value
     * is 0 whatever {@code end} is. With no warm-up, {@code initial} is never used.
     *
     * @param initial the value at step 0, finite and not negative
     * @param peak the value at step {@code warmupSteps}, finite and not negative
     * @param warmupSteps the length of the warm-up, {@code >= 0} and {@code < decaySteps}
     * @param decaySteps the length of the warm-up and the decay together, positive
     * @param end the value from step {@code decaySteps} on, finite and not negative; not used when
     *     {@code peak} is 0, where the value is 0 from step {@code warmupSteps} on
     * @return the schedule
     */
    public static Schedule warmupCosineDecay(double initial, double peak, long warmupSteps, long decaySteps,
            double end) {
        requireValue("warmupCosineDecay", "initial", initial);
        requireValue("warmupCosineDecay", "peak", peak);
        requireValue("warmupCosineDecay", "end", end);
        requireSteps("warmupCosineDecay", "decaySteps", decaySteps);
        if (warmupSteps < 0 || warmupSteps >= decaySteps) {
            throw new IllegalArgumentException("warmupCosineDecay: warmupSteps: expected a number >= 0 and "
                    + "< decaySteps " + decaySteps + ", got " + warmupSteps);
        }
        String call = "warmupCosineDecay(" + initial + ", " + peak + ", " + warmupSteps + ", " + decaySteps + ", "
                + end + ")";
        Description description = Description.of("warmup_cosine_decay").with("initial", initial).with("peak", peak)
                .with("warmup_steps", warmupSteps).with("decay_steps", decaySteps).with("end", end);
        return new Named(call, description, t -> {
            if (t < warmupSteps) {
                double f = (double) t / warmupSteps;
                return initial * (1.0 - f) + peak * f;
            }
            if (peak == 0.0) {
                return peak;
            }
            double cos = cosine(t - warmupSteps, decaySteps - warmupSteps);
            return peak * (0.5 * (1.0 + cos)) + end * (0.5 * (1.0 - cos));
        });
    }

    /**
     * Schedules one after another, each counting its steps from its own start, as optax's
     * {@code join_schedules}: schedule 0 runs from step 0, and schedule {@code i >= 1} runs from step
     * {@code boundaries[i-1]} until the next boundary, at step count {@code t - boundaries[i-1]}.
     *
     * <pre>{@code
     * Schedules.join(Vector.of(Schedules.linear(0.0, 0.1, 100), Schedules.constant(0.1),
     *         Schedules.exponentialDecay(0.1, 0.5, 1000, false)), Vector.of(100L, 5000L));
     * // at(5000) is exponentialDecay.at(0) = 0.1; at(6000) is exponentialDecay.at(1000) = 0.05
     * }</pre>
     *
     * @param schedules the schedules, at least one
     * @param boundaries the step at which each schedule after the first starts, one fewer than the
     *     schedules: strictly increasing, each {@code >= 1}
     * @return the schedule
     */
    public static Schedule join(Seq<? extends Schedule> schedules, Seq<Long> boundaries) {
        Objects.requireNonNull(schedules, "schedules is null");
        Vector<Schedule> s = Vector.<Schedule>ofAll(schedules);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("join: schedules: expected at least one schedule, got none");
        }
        int missing = s.indexOf(null);
        if (missing >= 0) {
            throw new NullPointerException("join: schedules: schedule " + missing + " is null");
        }
        Vector<Long> b = requireBoundaries("join", boundaries);
        if (b.size() != s.size() - 1) {
            throw new IllegalArgumentException("join: boundaries: expected one fewer than the schedules, "
                    + (s.size() - 1) + " for " + s.size() + " schedules, got " + b.size() + ": "
                    + b.mkString("[", ", ", "]"));
        }
        return new Named("join(" + s.mkString("[", ", ", "]") + ", " + b.mkString("[", ", ", "]") + ")",
                Description.of("join").with("schedules", s.map(Schedule::description)).with("boundaries", b), t -> {
            int i = passed(b, t);
            return s.get(i).at(i == 0 ? t : t - b.get(i - 1));
        });
    }

    private static double requireValue(String factory, String name, double value) {
        if (!(value >= 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(factory + ": " + name + ": expected a finite number >= 0, got " + value);
        }
        return value;
    }

    private static long requireSteps(String factory, String name, long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(factory + ": " + name + ": expected a number >= 1, got " + steps);
        }
        return steps;
    }

    private static Vector<Long> requireBoundaries(String factory, Seq<Long> boundaries) {
        Objects.requireNonNull(boundaries, "boundaries is null");
        Vector<Long> b = Vector.ofAll(boundaries);
        for (int i = 0; i < b.size(); i++) {
            Long previous = i == 0 ? 0L : b.get(i - 1);
            if (b.get(i) == null || b.get(i) <= previous) {
                throw new IllegalArgumentException(factory + ": boundaries: boundary " + i + " is " + b.get(i)
                        + ", expected " + (i == 0 ? "a step >= 1" : "a step above " + previous) + ", in "
                        + b.mkString("[", ", ", "]"));
            }
        }
        return b;
    }

    /** How many of the boundaries are at or before the step. */
    private static int passed(Vector<Long> boundaries, long step) {
        int i = boundaries.size();
        while (i > 0 && step < boundaries.get(i - 1)) {
            i--;
        }
        return i;
    }

    /** {@code cos(π · min(t, n) / n)}. */
    private static double cosine(long step, long n) {
        return StrictMath.cos(StrictMath.PI * ((double) Math.min(step, n) / n));
    }

    /**
     * A schedule of one's own, identified by its name, so that a training state recorded with it is
     * refused under another schedule ({@link Description}): a lambda alone has no name, and the
     * training state of an optimizer that uses one cannot be encoded.
     *
     * <pre>{@code
     * Schedule lr = Schedules.named("inverse_sqrt(0.1)", step -> 0.1 / StrictMath.sqrt(step + 1.0));
     * }</pre>
     *
     * @param name what identifies it and what it prints as: not blank, and telling apart every setting
     * @param value the value at each step {@code >= 0}; pure, with {@link StrictMath} for
     *     transcendental functions
     * @return the schedule, whose description is {@link Description#custom custom(name)} and which
     *     refuses a negative step
     */
    public static Schedule named(String name, LongToDoubleFunction value) {
        Objects.requireNonNull(value, "value is null");
        return new Named(name, Description.custom(name), value);
    }

    /** A schedule and the call that made it: checks the step, and prints as the call. */
    private record Named(String call, Description description, LongToDoubleFunction value) implements Schedule {
        @Override
        public double at(long step) {
            if (step < 0) {
                throw new IllegalArgumentException(call + ": step: expected a step count >= 0, got " + step);
            }
            return value.applyAsDouble(step);
        }

        @Override
        public String toString() {
            return call;
        }
    }
}
