package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.random.Key;
import java.util.Objects;
import java.util.Random;
import org.opentest4j.TestAbortedException;

/**
 * A property-based check inside a JUnit Jupiter test: a claim about every value of a
 * junit-quickcheck {@link Generator}, checked on many generated values; a failure is shrunk to a
 * small counterexample and reported with the seed that reproduces it.
 *
 * <h2>A property in a test</h2>
 * <pre>{@code
 * import static org.junit.jupiter.api.Assertions.assertTrue;
 *
 * import io.github.purenet.loss.Loss;
 * import io.github.purenet.testing.GradientCheck;
 * import io.github.purenet.testing.Generators;
 * import io.github.purenet.testing.Property;
 * import io.github.purenet.testing.TargetKind;
 * import org.junit.jupiter.api.Test;
 *
 * class MyLossTest {
 *
 *     private static final Loss MY_LOSS = new HalfSquaredError();   // the loss under test
 *
 *     @Test
 *     void myLossHasTheGradientOfItsValue() {
 *         Property.forAll(Generators.problems().loss(MY_LOSS, TargetKind.REAL).smooth())
 *                 .trials(200)
 *                 .check(p -> {
 *                     GradientCheck check = p.gradientCheck();   // backpropagation against finite differences
 *                     assertTrue(check.worst().error() < 1e-6, check.toString());
 *                 });
 *     }
 * }
 * }</pre>
 * The body is ordinary test code: it holds by returning and fails by throwing, usually through an
 * assertion. {@link #check} returns a {@link Result} when every trial held, and otherwise throws
 * an {@link AssertionError}, which fails the test. The kit prints nothing: everything it has to
 * say is in that error's message.
 *
 * <h2>Seeds</h2>
 * All values of a run come from one {@link SourceOfRandomness} over a {@link Random} with one
 * seed, so the seed fixes the whole run: the same seed gives the same values, the same failure and
 * the same shrunk counterexample. The seed is, in order of precedence:
 * <ol>
 * <li>the one given to {@link #seed(long)} in the code;</li>
 * <li>the system property {@value #SEED_PROPERTY}, to rerun a failure:
 * {@code mvn test -Dtest=MyLossTest#myLossHasTheGradientOfItsValue -Dpurenet.seed=1234} (it then
 * seeds every property of that test method);</li>
 * <li>otherwise a fixed number derived from the test's class and method name
 * ({@code MyLossTest#myLossHasTheGradientOfItsValue}), so that every build of the same code checks
 * the same values and a green build stays green. Different tests get different seeds.</li>
 * </ol>
 *
 * <h2>Trials and sizes</h2>
 * A property holds when {@link #trials(int)} generated values (100 unless set) pass. The
 * generation size that the generator sees ({@code GenerationStatus.size()}) grows with the trial:
 * 1 for the first, {@value #MAX_SIZE} for the last. The kit's {@link Generators} make small values
 * at small sizes, so the first trials try the simplest shapes.
 *
 * <h2>Discards</h2>
 * A value the property does not apply to is discarded, not counted as a trial: call
 * {@link #assume(boolean, String)} or {@link #discard(String)}, or use JUnit's
 * {@link org.junit.jupiter.api.Assumptions Assumptions}. A property whose discards exceed
 * {@link #maxDiscards(int)} (ten per trial unless set) fails rather than pass on too few values.
 *
 * <h2>Shrinking</h2>
 * A failing value is shrunk with {@link Generator#shrink}: the first candidate that still fails
 * replaces it, and this repeats until no candidate fails, or until {@link #shrinkLimit(int)}
 * candidates ({@value #DEFAULT_SHRINK_LIMIT} unless set) have been tried. Candidates that throw
 * an assumption are treated as passing. The kit's generators shrink toward fewer and smaller
 * layers, rows and columns, and simpler numbers.
 *
 * <h2>The report</h2>
 * The {@link AssertionError} states the seed, the trial, the original counterexample, the shrunk
 * one with its failure, and the Maven command that reruns the test with that seed. Its cause is
 * the original failure; the shrunk case's failure is attached as suppressed. For example:
 * <pre>
 * Property falsified at trial 17 of 200 (0 discarded before it), seed 5170520293380263042
 *   counterexample: Problem[Network[3-5-2 tanh,softmax] ...]
 *   shrunk in 9 steps (64 candidates tried) to: Problem[Network[1-1 identity] ...]
 *   failure of the shrunk case: org.opentest4j.AssertionFailedError: ...
 * Rerun: mvn -pl core test -Dtest=MyLossTest#myLossHasTheGradientOfItsValue -Dpurenet.seed=5170520293380263042
 * </pre>
 *
 * <p>A {@code Property} is an immutable value; {@link #trials}, {@link #seed}, {@link #maxDiscards}
 * and {@link #shrinkLimit} return new ones.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {

    /** The system property that sets the seed of every property that has no seed in the code. */
    public static final String SEED_PROPERTY = "purenet.seed";

    /** The generation size of the last trial; the first has size 1. */
    public static final int MAX_SIZE = 100;

    /** The number of trials unless {@link #trials(int)} sets it. */
    public static final int DEFAULT_TRIALS = 100;

    /** The number of shrink candidates tried unless {@link #shrinkLimit(int)} sets it. */
    public static final int DEFAULT_SHRINK_LIMIT = 2_000;

    /**
     * The body of a property: returns normally when the property holds for the value.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Checks the property for one value.
         *
         * @param value the generated value
         * @throws Throwable a failure ({@link TestAbortedException} discards the value instead)
         */
        void check(T value) throws Throwable;
    }

    /**
     * What a passing run did.
     *
     * @param seed the seed of the run
     * @param trials the number of values that were checked and held
     * @param discarded the number of values that were discarded
     */
    public record Result(long seed, int trials, int discarded) {
    }

    private final Generator<T> generator;
    private final int trials;
    private final Long seed; // null: from the system property or the test's name
    private final int maxDiscards; // negative: ten per trial
    private final int shrinkLimit;

    private Property(Generator<T> generator, int trials, Long seed, int maxDiscards, int shrinkLimit) {
        this.generator = generator;
        this.trials = trials;
        this.seed = seed;
        this.maxDiscards = maxDiscards;
        this.shrinkLimit = shrinkLimit;
    }

    /**
     * A property over the values of a generator, with {@value #DEFAULT_TRIALS} trials.
     *
     * @param generator the generator, which also shrinks
     * @param <T> the type of the values
     * @return the property
     */
    public static <T> Property<T> forAll(Generator<T> generator) {
        return new Property<>(Objects.requireNonNull(generator, "generator is null"), DEFAULT_TRIALS, null, -1,
                DEFAULT_SHRINK_LIMIT);
    }

    /**
     * @param count the number of values that must hold, positive
     * @return this property with that number of trials
     */
    public Property<T> trials(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("trials: expected a positive count, got " + count);
        }
        return new Property<>(generator, count, seed, maxDiscards, shrinkLimit);
    }

    /**
     * Fixes the seed in the code, as when a failure's seed is kept as a regression test.
     *
     * @param fixed a seed that takes precedence over {@value #SEED_PROPERTY} and the default
     * @return this property with that seed
     */
    public Property<T> seed(long fixed) {
        return new Property<>(generator, trials, fixed, maxDiscards, shrinkLimit);
    }

    /**
     * @param count the number of discarded values after which the property gives up and fails
     *     (by default ten per trial)
     * @return this property with that cap
     */
    public Property<T> maxDiscards(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("maxDiscards: expected a count >= 0, got " + count);
        }
        return new Property<>(generator, trials, seed, count, shrinkLimit);
    }

    /**
     * @param candidates the most shrink candidates to try after a failure; 0 reports the original
     *     counterexample unshrunk
     * @return this property with that limit
     */
    public Property<T> shrinkLimit(int candidates) {
        if (candidates < 0) {
            throw new IllegalArgumentException("shrinkLimit: expected a count >= 0, got " + candidates);
        }
        return new Property<>(generator, trials, seed, maxDiscards, candidates);
    }

    /**
     * Discards the current value: it does not count as a trial.
     *
     * @param reason why, shown if the property gives up
     * @throws TestAbortedException always, which {@link #check} catches
     */
    public static void discard(String reason) {
        throw new TestAbortedException("discarded: " + reason);
    }

    /**
     * Discards the current value unless a condition holds.
     *
     * @param condition what the property needs of the value
     * @param reason what it needs, shown if the property gives up
     */
    public static void assume(boolean condition, String reason) {
        if (!condition) {
            discard(reason);
        }
    }

    /**
     * Checks the property on generated values until the declared number of trials has held.
     *
     * @param body the property
     * @return what the run did
     * @throws AssertionError if a value fails (shrunk, with the seed and the command that reruns
     *     it), if the generator fails, or if too many values are discarded
     */
    public Result check(Body<? super T> body) {
        Objects.requireNonNull(body, "body is null");
        CallingTest test = CallingTest.find();
        long runSeed = seed != null ? seed : seedFor(System.getProperty(SEED_PROPERTY), test.name());
        String rerun = "Rerun: " + test.rerun(seed != null ? null : runSeed);
        int cap = maxDiscards >= 0 ? maxDiscards : 10 * trials;
        SourceOfRandomness random = new SourceOfRandomness(new Random(runSeed));
        int passed = 0;
        int discarded = 0;
        while (passed < trials) {
            TrialStatus status = TrialStatus.of(sizeFor(passed, trials), passed + discarded + 1);
            T value;
            try {
                value = generator.generate(random, status);
            } catch (RuntimeException e) {
                throw new AssertionError("Property's generator failed at trial " + (passed + 1) + " (seed " + runSeed
                        + "): " + e + "\n" + rerun, e);
            }
            Throwable failure = Shrinking.run(body, value);
            if (failure instanceof TestAbortedException) {
                if (++discarded > cap) {
                    throw new AssertionError("Property gave up after " + discarded + " discarded cases (cap " + cap
                            + ") with " + passed + " of " + trials + " trials done (seed " + runSeed
                            + "); last discarded: " + value + " (" + failure.getMessage() + ")\n" + rerun, failure);
                }
            } else if (failure != null) {
                Shrinking<T> shrunk = Shrinking.shrink(generator, body, value, failure, runSeed, shrinkLimit);
                AssertionError error = new AssertionError("Property falsified at trial " + (passed + 1) + " of "
                        + trials + " (" + discarded + " discarded before it), seed " + runSeed + "\n"
                        + "  counterexample: " + value + "\n"
                        + "  shrunk in " + shrunk.steps() + " steps (" + shrunk.tried() + " candidates tried) to: "
                        + shrunk.smallest() + "\n"
                        + "  failure of the shrunk case: " + shrunk.failure() + "\n" + rerun, failure);
                if (shrunk.failure() != failure) {
                    error.addSuppressed(shrunk.failure());
                }
                throw error;
            } else {
                passed++;
            }
        }
        return new Result(runSeed, passed, discarded);
    }

    /** The size of trial {@code passed} (from 0) of {@code trials}: 1 for the first, MAX_SIZE for the last. */
    static int sizeFor(int passed, int trials) {
        return 1 + (int) ((long) passed * (MAX_SIZE - 1) / Math.max(1, trials - 1));
    }

    /**
     * The seed of a run.
     *
     * @param property the value of {@value #SEED_PROPERTY}, or null when it is not set
     * @param test the calling test, as {@code Class#method}
     * @return the property's value when set, else a fixed non-negative hash of the test's name
     */
    static long seedFor(String property, String test) {
        if (property != null && !property.isBlank()) {
            try {
                return Long.parseLong(property.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SEED_PROPERTY + ": expected a long, got '" + property + "'", e);
            }
        }
        // String.hashCode is fixed by the JLS; the first SplitMix64 draw of it
        return Key.of(test.hashCode()).nextLong().value() & Long.MAX_VALUE;
    }
}
