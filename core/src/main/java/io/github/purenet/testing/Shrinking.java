package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.opentest4j.TestAbortedException;

/**
 * The outcome of shrinking a failing value: the smallest failing value found, its failure, the
 * number of steps taken and of candidates tried.
 *
 * @param <T> the type of the value
 * @param smallest the last failing value found
 * @param failure its failure
 * @param steps how many times a smaller failing value replaced the current one
 * @param tried how many candidates were checked
 */
record Shrinking<T>(T smallest, Throwable failure, int steps, int tried) {

    /** Mixed into the run's seed for the randomness that shrinkers may use. */
    private static final long SHRINK_SALT = 0x5DEECE66DL;

    /**
     * Shrinks greedily: the first candidate of {@link Generator#shrink} that still fails replaces
     * the current value, until no candidate fails or {@code limit} candidates have been tried.
     * Candidates equal to the current value are skipped without being counted; candidates that
     * are discarded count as passing.
     *
     * @param <T> the type of the value
     * @param generator the generator that made the value, and shrinks it
     * @param body the property
     * @param original the failing value
     * @param originalFailure its failure
     * @param seed the run's seed
     * @param limit the most candidates to try
     * @return the outcome
     */
    static <T> Shrinking<T> shrink(Generator<T> generator, Property.Body<? super T> body, T original,
            Throwable originalFailure, long seed, int limit) {
        SourceOfRandomness random = new SourceOfRandomness(new Random(seed ^ SHRINK_SALT));
        T smallest = original;
        Throwable smallestFailure = originalFailure;
        int steps = 0;
        int tried = 0;
        boolean progress = true;
        while (progress && tried < limit && generator.canShrink(smallest)) {
            progress = false;
            List<T> candidates = generator.shrink(random, smallest);
            for (T candidate : candidates) {
                if (tried >= limit) {
                    break;
                }
                if (Objects.equals(candidate, smallest)) {
                    continue;
                }
                tried++;
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
        return new Shrinking<>(smallest, smallestFailure, steps, tried);
    }

    /**
     * Checks the body on one value.
     *
     * @param <T> the type of the value
     * @param body the property
     * @param value the value
     * @return the body's failure, or null if it held
     */
    static <T> Throwable run(Property.Body<? super T> body, T value) {
        try {
            body.check(value);
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
    }
}
