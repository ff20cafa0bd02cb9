package io.github.purenet.property;

import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.opentest4j.TestAbortedException;

/**
 * A property-based check on JUnit Jupiter, with junit-quickcheck's generators and shrinkers.
 *
 * <pre>{@code
 * Property.forAll(new CaseGenerator()).trials(200).check(c -> assertEquals(...));
 * }</pre>
 *
 * <p>Each run draws its values from one {@link SourceOfRandomness} over a {@link Random} with a
 * seed: the system property {@value #SEED_PROPERTY} when it is set, else a fixed value derived from
 * the name of the calling test ({@code Class#method}), so that every build sees the same values. The
 * generation size grows with the trial number, from 1 to {@value #MAX_SIZE}.
 *
 * <p>A case that the property {@linkplain #discard(String) discards} (or that fails a JUnit
 * {@link org.junit.jupiter.api.Assumptions assumption}) does not count as a trial; after too many
 * discards the property fails rather than pass on too few cases. A failing case is shrunk greedily
 * with {@link Generator#shrink}: the first smaller candidate that still fails replaces it, until no
 * candidate fails. The {@link AssertionError} then shows both cases, the seed, the trial and the
 * command that reruns it, and has the original failure as its cause.
 *
 * <p>A {@code Property} is an immutable value; {@link #trials}, {@link #seed} and
 * {@link #maxDiscards} return new ones.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {

    /** The system property that overrides the seed of every property, to rerun a failure. */
    public static final String SEED_PROPERTY = "purenet.seed";

    /** The generation size of the last trial; the first has size 1. */
    public static final int MAX_SIZE = 100;

    private static final int DEFAULT_TRIALS = 100;
    private static final int MAX_SHRINK_EVALUATIONS = 2_000;

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
     * @param trials the number of cases that were checked and held
     * @param discarded the number of cases that were discarded
     */
    public record Result(long seed, int trials, int discarded) {
    }

    private final Generator<T> generator;
    private final int trials;
    private final Long seed; // null: from the system property or the test's name
    private final int maxDiscards; // negative: ten per trial

    private Property(Generator<T> generator, int trials, Long seed, int maxDiscards) {
        this.generator = generator;
        this.trials = trials;
        this.seed = seed;
        this.maxDiscards = maxDiscards;
    }

    /**
     * A property over the values of a generator, with {@value #DEFAULT_TRIALS} trials.
     *
     * @param generator the generator, which also shrinks
     * @param <T> the type of the values
     * @return the property
     */
    public static <T> Property<T> forAll(Generator<T> generator) {
        return new Property<>(Objects.requireNonNull(generator, "generator is null"), DEFAULT_TRIALS, null, -1);
    }

    /**
     * @param count the number of cases that must hold, positive
     * @return this property with that number of trials
     */
    public Property<T> trials(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("trials: expected a positive count, got " + count);
        }
        return new Property<>(generator, count, seed, maxDiscards);
    }

    /**
     * @param fixed a seed that takes precedence over {@value #SEED_PROPERTY} and the default
     * @return this property with that seed
     */
    public Property<T> seed(long fixed) {
        return new Property<>(generator, trials, fixed, maxDiscards);
    }

    /**
     * @param count the number of discarded cases after which the property gives up (by default ten
     *     per trial)
     * @return this property with that cap
     */
    public Property<T> maxDiscards(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("maxDiscards: expected a count >= 0, got " + count);
        }
        return new Property<>(generator, trials, seed, count);
    }

    /**
     * Discards the current case: it does not count as a trial.
     *
     * @param reason why, shown if the property gives up
     * @throws TestAbortedException always, which {@link #check} catches
     */
    public static void discard(String reason) {
        throw new TestAbortedException("discarded: " + reason);
    }

    /**
     * Discards the current case unless a condition holds.
     *
     * @param condition what the property needs of the case
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
     * @throws AssertionError if a case fails, or if too many cases are discarded
     */
    public Result check(Body<? super T> body) {
        Objects.requireNonNull(body, "body is null");
        String test = callingTest();
        long runSeed = seed != null ? seed : seedFor(System.getProperty(SEED_PROPERTY), test);
        String rerun = "mvn -pl core test -Dtest=" + test + (seed != null ? "" : " -D" + SEED_PROPERTY + "=" + runSeed);
        int cap = maxDiscards >= 0 ? maxDiscards : 10 * trials;
        SourceOfRandomness random = new SourceOfRandomness(new Random(runSeed));
        TrialStatus status = new TrialStatus();
        int passed = 0;
        int discarded = 0;
        while (passed < trials) {
            status.next(sizeFor(passed, trials));
            T value;
            try {
                value = generator.generate(random, status);
            } catch (RuntimeException e) {
                throw new AssertionError("Property's generator failed at trial " + (passed + 1) + " (seed " + runSeed
                        + ")\nRerun: " + rerun, e);
            }
            Throwable failure = run(body, value);
            if (failure instanceof TestAbortedException) {
                if (++discarded > cap) {
                    throw new AssertionError("Property gave up after " + discarded + " discarded cases (cap " + cap
                            + ") with " + passed + " of " + trials + " trials done (seed " + runSeed
                            + "); last discarded: " + value + " (" + failure.getMessage() + ")\nRerun: " + rerun,
                            failure);
                }
            } else if (failure != null) {
                throw falsified(value, failure, runSeed, passed + 1, discarded, body, rerun);
            } else {
                passed++;
            }
        }
        return new Result(runSeed, passed, discarded);
    }

    private AssertionError falsified(T original, Throwable originalFailure, long runSeed, int trial, int discarded,
            Body<? super T> body, String rerun) {
        SourceOfRandomness random = new SourceOfRandomness(new Random(runSeed ^ 0x5DEECE66DL));
        T smallest = original;
        Throwable smallestFailure = originalFailure;
        int steps = 0;
        int evaluations = 0;
        boolean progress = true;
        while (progress && evaluations < MAX_SHRINK_EVALUATIONS && generator.canShrink(smallest)) {
            progress = false;
            List<T> candidates = generator.shrink(random, smallest);
            for (T candidate : candidates) {
                if (evaluations++ >= MAX_SHRINK_EVALUATIONS) {
                    break;
                }
                if (Objects.equals(candidate, smallest)) {
                    continue;
                }
                Throwable failure = run(body, candidate);
                if (failure != null && !(failure instanceof TestAbortedException)) {
                    smallest = candidate;
                    smallestFailure = failure;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        AssertionError error = new AssertionError("Property falsified at trial " + trial + " of " + trials
                + " (" + discarded + " discarded before it), seed " + runSeed + "\n"
                + "  counterexample: " + original + "\n"
                + "  shrunk in " + steps + " steps (" + evaluations + " candidates tried) to: " + smallest + "\n"
                + "  failure of the shrunk case: " + smallestFailure + "\n"
                + "Rerun: " + rerun, originalFailure);
        if (smallestFailure != originalFailure) {
            error.addSuppressed(smallestFailure);
        }
        return error;
    }

    /** @return the body's failure, or null if it held */
    private static <T> Throwable run(Body<? super T> body, T value) {
        try {
            body.check(value);
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
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
        long z = test.hashCode() + 0x9E3779B97F4A7C15L; // String.hashCode is fixed by the JLS; mix as SplitMix64
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * The test that called {@link #check}, as {@code SimpleClassName#method}: the outermost frame of
     * the first class outside this file, which is the test method even when the property is checked
     * in a lambda or a helper of the same class.
     */
    private static String callingTest() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s.toList());
        String caller = frames.stream().map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.startsWith(Property.class.getName()))
                .findFirst().orElse("unknown");
        String method = "unknown";
        for (StackWalker.StackFrame frame : frames) {
            if (frame.getClassName().equals(caller)) {
                method = frame.getMethodName();
            }
        }
        return caller.substring(caller.lastIndexOf('.') + 1) + "#" + method;
    }
}
