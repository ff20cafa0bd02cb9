package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link GenerationStatus} that {@link Property} hands to a generator for one attempt: the
 * generation size, the number of attempts so far (discarded cases included), and values that
 * generators may share.
 *
 * <p>It is an immutable value, a new one for every attempt. {@link #setValue} therefore returns a
 * new status that holds the value, and leaves this one as it is: a generator that shares values
 * passes the returned status on.
 *
 * @param size the generation size, from 1
 * @param attempts the number of this attempt, from 1
 * @param values the shared values
 */
record TrialStatus(int size, int attempts, Map<GenerationStatus.Key<?>, Object> values) implements GenerationStatus {

    /** Checks that the counts are positive and the values present. */
    TrialStatus {
        if (size < 1 || attempts < 1) {
            throw new IllegalArgumentException("TrialStatus: expected size >= 1 and attempts >= 1, got " + size
                    + " and " + attempts);
        }
        Objects.requireNonNull(values, "values is null");
    }

    /**
     * The status of one attempt, with no shared values.
     *
     * @param size the generation size
     * @param attempts the number of the attempt
     * @return the status
     */
    static TrialStatus of(int size, int attempts) {
        return new TrialStatus(size, attempts, HashMap.empty());
    }

    @Override
    public <T> GenerationStatus setValue(GenerationStatus.Key<T> key, T value) {
        return new TrialStatus(size, attempts, values.put(Objects.requireNonNull(key, "key is null"), value));
    }

    @Override
    public <T> Optional<T> valueOf(GenerationStatus.Key<T> key) {
        return Optional.ofNullable(values.get(key).map(key::cast).getOrNull());
    }
}
