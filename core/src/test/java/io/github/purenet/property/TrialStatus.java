package io.github.purenet.property;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link GenerationStatus} that {@link Property} hands to generators: a size that grows with
 * the trial number, the number of attempts so far (discarded cases included), and a small map of
 * values that generators may share within one run.
 */
final class TrialStatus implements GenerationStatus {

    private final Map<Key<?>, Object> values = new HashMap<>();
    private int size = 1;
    private int attempts;

    /**
     * Moves on to the next attempt.
     *
     * @param nextSize the size for the value about to be generated
     */
    void next(int nextSize) {
        size = nextSize;
        attempts++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public <T> GenerationStatus setValue(Key<T> key, T value) {
        values.put(key, value);
        return this;
    }

    @Override
    public <T> Optional<T> valueOf(Key<T> key) {
        return Optional.ofNullable(key.cast(values.get(key)));
    }
}
