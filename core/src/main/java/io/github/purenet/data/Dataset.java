package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * Examples with their targets: row {@code i} of {@code features} is the input of example
 * {@code i}, and row {@code i} of {@code targets} what the network should output for it.
 *
 * <pre>{@code
 * Dataset d = Dataset.classification(features, labels, 3);   // 150 examples of 4 features, 3 classes
 * Dataset firstTwo = d.rows(Vector.of(0, 1));                 // the first two
 * Matrix x = firstTwo.features().matrix();                    // their features, as doubles
 * }</pre>
 *
 * <p>Features and targets are {@link Table}s: stored as compactly as their values allow (one byte
 * per entry for MNIST's pixels read by {@code purenet-io}, a class number per example for
 * {@link #classification} targets) and read as doubles with the same bits, a batch at a time, by
 * {@link Batching} and {@link io.github.purenet.train.Evaluation}. A dataset made from matrices
 * keeps them as they are.
 *
 * <p>A table has at least one row, so a dataset has at least one example. Every entry is
 * finite: a {@code NaN} or an infinity is refused here, where data enter, rather than found later
 * in the loss.
 */
public final class Dataset {

    private final Table features;
    private final Table targets;

    /**
     * A dataset of two matrices, kept as they are (eight bytes per entry).
     *
     * @param features the {@code n x inputs} inputs, one example per row, all finite
     * @param targets the {@code n x outputs} targets, one row per example, all finite
     * @throws IllegalArgumentException if the numbers of rows differ, or an entry is not finite
     */
    public Dataset(Matrix features, Matrix targets) {
        this(Table.of(Objects.requireNonNull(features, "features is null")),
                Table.of(Objects.requireNonNull(targets, "targets is null")), true);
    }

    private Dataset(Table features, Table targets, boolean check) {
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("Dataset: features " + features.shape() + " and targets "
                    + targets.shape() + " differ in rows");
        }
        this.features = check ? features.requireFinite("features") : features;
        this.targets = check ? targets.requireFinite("targets") : targets;
    }

    /**
     * A dataset of two tables, such as compact features read from a file.
     *
     * @param features the {@code n x inputs} inputs, one example per row, all finite
     * @param targets the {@code n x outputs} targets, one row per example, all finite
     * @return the dataset
     * @throws IllegalArgumentException if the numbers of rows differ, or an entry is not finite
     */
    public static Dataset of(Table features, Table targets) {
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(targets, "targets is null");
        return new Dataset(features, targets, true);
    }

    /**
     * A classification dataset: the targets are the one-hot encoding of the labels, kept as the
     * labels ({@link Table#oneHot(Seq, int)}), and read as {@link Datasets#oneHot(Seq, int)}.
     *
     * @param features the {@code n x inputs} inputs, one example per row, all finite
     * @param labels the class of each example, {@code n} labels in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return a dataset with {@code n x classes} one-hot targets
     * @throws IllegalArgumentException if the numbers of rows and labels differ, or a label is outside
     *         {@code [0, classes)}
     */
    public static Dataset classification(Matrix features, Seq<Integer> labels, int classes) {
        Objects.requireNonNull(features, "features is null");
        return classification(Table.of(features), labels, classes);
    }

    /**
     * A classification dataset of features in a table, such as compact pixels read from a file;
     * see {@link #classification(Matrix, Seq, int)}.
     *
     * @param features the {@code n x inputs} inputs, one example per row, all finite
     * @param labels the class of each example, {@code n} labels in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return a dataset with {@code n x classes} one-hot targets
     * @throws IllegalArgumentException if the numbers of rows and labels differ, or a label is outside
     *         {@code [0, classes)}
     */
    public static Dataset classification(Table features, Seq<Integer> labels, int classes) {
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(labels, "labels is null");
        if (labels.size() != features.rows()) {
            throw new IllegalArgumentException("classification: features " + features.shape() + " and "
                    + labels.size() + " labels differ in rows");
        }
        Table targets = Table.oneHot(labels, classes);
        features.requireFinite("features");
        return new Dataset(features, targets, false);
    }

    /** @return the {@code n x inputs} inputs, one example per row */
    public Table features() {
        return features;
    }

    /** @return the {@code n x outputs} targets, one row per example */
    public Table targets() {
        return targets;
    }

    /** @return the number of examples, at least 1 */
    public int size() {
        return features.rows();
    }

    /**
     * The examples at the given indices, in that order, such as one part of a split or a batch. The
     * storage is shared with this dataset, not copied (it is never written).
     *
     * @param indices at least one row index, each in {@code [0, size())}; repeats are allowed
     * @return a dataset of {@code indices.size()} examples
     * @throws IllegalArgumentException if there are no indices
     * @throws IndexOutOfBoundsException naming an index outside {@code [0, size())}
     */
    public Dataset rows(Seq<Integer> indices) {
        Objects.requireNonNull(indices, "indices is null");
        return isEveryRowInOrder(indices) ? this // a full batch in order: the same examples, nothing selected
                : new Dataset(features.select(indices), targets.select(indices), false);
    }

    private boolean isEveryRowInOrder(Seq<Integer> indices) {
        if (indices.size() != size()) {
            return false;
        }
        int expected = 0;
        for (Integer index : indices) {
            if (index == null || index != expected++) {
                return false;
            }
        }
        return true;
    }

    /**
     * This dataset with other features, such as standardised ones, and the same targets.
     *
     * @param newFeatures {@code size()} rows of features
     * @return the dataset
     * @throws IllegalArgumentException naming an entry of the new features that is not finite
     */
    Dataset withFeatures(Table newFeatures) {
        newFeatures.requireFinite("features");
        return new Dataset(newFeatures, targets, false);
    }

    /**
     * @param o another object
     * @return whether it is a dataset with equal features and targets ({@link Table#equals})
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Dataset d && features.equals(d.features) && targets.equals(d.targets);
    }

    /** @return a hash of the features and targets */
    @Override
    public int hashCode() {
        return 31 * features.hashCode() + targets.hashCode();
    }

    /**
     * The size and both tables as {@link Table#toString()} prints them: with their entries when
     * small, such as {@code Dataset[1: features Table[1x2 [[0.5, 1.0]]], targets Table[1x1 [[1.0]]]]},
     * or as shapes and storage, such as
     * {@code Dataset[60000: features Table[60000x784, 1 byte per entry (256 levels)], targets Table[60000x10, one-hot, ...]]}.
     *
     * @return the size and the tables
     */
    @Override
    public String toString() {
        return "Dataset[" + size() + ": features " + features + ", targets " + targets + "]";
    }
}
