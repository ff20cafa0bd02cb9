package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Generates named optimizers with random valid hyperparameters, as {@link OptimizerCase}s; made by
 * {@link Generators#optimizers()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.optimizers().learningRates(1e-4, 0.05)).check(o -> checkResumes(o));
 * static <S> void checkResumes(OptimizerCase<S> o) { S state = o.stateAfter(network, gradients); ... }
 * }</pre>
 *
 * <p>By default every name of {@link OptimizerCase}, simplest first ({@code sgd, momentum,
 * nesterov, adagrad, rmsprop, adam, adamw}), learning rates log-uniform in {@code [0.001, 0.1]}
 * with three significant digits, β of momentum in {@code [0, 0.99]}, the decay of RMSProp in
 * {@code [0.5, 0.99]}, Adam's β1 in {@code [0, 0.95]} and β2 in {@code [0.9, 0.9999]}, AdamW's
 * weight decay in {@code [0, 0.1]}. The generation size bounds the choice of names: at size 1
 * only the first, and every name from size 50 on.
 *
 * <p>Shrinking turns the optimizer into the first name with the same learning rate, sets the
 * other hyperparameters to their defaults, and rounds the learning rate to one significant digit
 * (within the range).
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class OptimizerGenerator extends Generator<OptimizerCase<?>> {

    private final Vector<String> names;
    private final double minRate;
    private final double maxRate;

    OptimizerGenerator(Vector<String> names, double minRate, double maxRate) {
        super(type());
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names: expected at least one of " + OptimizerCase.names().mkString(", "));
        }
        names.forEach(OptimizerCase::defaults); // refuses unknown names
        if (!(minRate >= 0.0 && minRate <= maxRate && Double.isFinite(maxRate))) {
            throw new IllegalArgumentException("learningRates: expected finite 0 <= min <= max, got " + minRate
                    + " and " + maxRate);
        }
        this.names = names;
        this.minRate = minRate;
        this.maxRate = maxRate;
    }

    @SuppressWarnings("unchecked")
    private static Class<OptimizerCase<?>> type() {
        return (Class<OptimizerCase<?>>) (Class<?>) OptimizerCase.class;
    }

    /** @return the default generator */
    static OptimizerGenerator standard() {
        return new OptimizerGenerator(OptimizerCase.names(), 1e-3, 0.1);
    }

    /**
     * @param names the names to draw from, at least one, simplest first (shrinking goes to the first)
     * @return this generator with those names only
     */
    public OptimizerGenerator named(Seq<String> names) {
        return new OptimizerGenerator(Vector.ofAll(Objects.requireNonNull(names, "names is null")), minRate, maxRate);
    }

    /**
     * @param min the least learning rate, not negative; from 0, the rates are uniform, else log-uniform
     * @param max the largest learning rate, at least {@code min}
     * @return this generator with learning rates in {@code [min, max]}
     */
    public OptimizerGenerator learningRates(double min, double max) {
        return new OptimizerGenerator(names, min, max);
    }

    @Override
    public OptimizerCase<?> generate(SourceOfRandomness random, GenerationStatus status) {
        String name = names.get(random.nextInt(0, Values.upper(1, names.size(), status.size()) - 1));
        double rate = minRate == 0.0 ? Values.uniform(random, 0.0, maxRate)
                : StrictMath.exp(Values.uniform(random, StrictMath.log(minRate), StrictMath.log(maxRate)));
        Map<String, Double> h = LinkedHashMap.of(OptimizerCase.LEARNING_RATE, clamp(significant(rate, 3)));
        for (String key : OptimizerCase.defaults(name).keySet()) {
            h = h.put(key, switch (key) {
                case "beta" -> Values.round(Values.uniform(random, 0.0, 0.99), 2);
                case "decay" -> Values.round(Values.uniform(random, 0.5, 0.99), 2);
                case "beta1" -> Values.round(Values.uniform(random, 0.0, 0.95), 2);
                case "beta2" -> Values.round(Values.uniform(random, 0.9, 0.9999), 4);
                default -> Values.round(Values.uniform(random, 0.0, 0.1), 3);
            });
        }
        return OptimizerCase.of(name, h);
    }

    @Override
    public List<OptimizerCase<?>> doShrink(SourceOfRandomness random, OptimizerCase<?> larger) {
        double rate = larger.hyperparameters().get(OptimizerCase.LEARNING_RATE).get();
        Vector<OptimizerCase<?>> candidates = Vector.empty();
        if (!larger.name().equals(names.head())) {
            candidates = candidates.append(OptimizerCase.of(names.head(),
                    LinkedHashMap.of(OptimizerCase.LEARNING_RATE, rate)));
        }
        Map<String, Double> defaults = OptimizerCase.defaults(larger.name());
        for (String key : defaults.keySet()) {
            if (!larger.hyperparameters().get(key).equals(defaults.get(key))) {
                candidates = candidates.append(OptimizerCase.of(larger.name(),
                        larger.hyperparameters().put(key, defaults.get(key).get())));
            }
        }
        double rounded = significant(rate, 1);
        if (rounded >= minRate && rounded <= maxRate) {
            candidates = candidates.append(OptimizerCase.of(larger.name(),
                    larger.hyperparameters().put(OptimizerCase.LEARNING_RATE, rounded)));
        }
        return candidates.distinct().filter(c -> !c.equals(larger)).toJavaList();
    }

    /** {@code x} rounded to {@code digits} significant digits. */
    static double significant(double x, int digits) {
        return x == 0.0 ? 0.0 : new BigDecimal(x).round(new MathContext(digits)).doubleValue();
    }

    private double clamp(double rate) {
        return Math.min(maxRate, Math.max(minRate, rate));
    }

    @Override
    public String toString() {
        return "optimizers().named(" + names.mkString(", ") + ").learningRates(" + minRate + ", " + maxRate + ")";
    }
}
