package io.github.purenet.data;

import java.util.Objects;

/**
 * A dataset split into a part to train on and a part to test on, as made by
 * {@link Datasets#split(Dataset, io.github.purenet.random.Key, double)}.
 *
 * @param train the examples to train on (and to fit a {@link Standardization} on)
 * @param test the held-out examples to evaluate on
 */
public record Split(Dataset train, Dataset test) {

    /**
     * Checks that both parts have the same numbers of feature and target columns.
     *
     * @param train the examples to train on
     * @param test the held-out examples to evaluate on
     */
    public Split {
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(test, "test is null");
        if (train.features().columns() != test.features().columns()
                || train.targets().columns() != test.targets().columns()) {
            throw new IllegalArgumentException("Split: train " + train + " and test " + test + " differ in columns");
        }
    }

    /**
     * Both parts as {@link Dataset#toString()} prints them, so with their entries when they are
     * small: {@code Split[train Dataset[120: ...], test Dataset[30: ...]]}.
     *
     * @return both parts
     */
    @Override
    public String toString() {
        return "Split[train " + train + ", test " + test + "]";
    }
}
