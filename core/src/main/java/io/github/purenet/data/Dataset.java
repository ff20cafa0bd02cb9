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
 * }</pre>
 *
 * <p>A {@link Matrix} has at least one row, so a dataset has at least one example. Every entry is
 * finite: a {@code NaN} or an infinity is refused here, where data enter, rather than found later
 * in the loss.
 *
 * @param features the {@code n x inputs} inputs, one example per row, all finite
 * @param targets the {@code n x outputs} targets, one row per example, all finite
 */
public record Dataset(Matrix features, Matrix targets) {

    /**
     * Checks that features and targets have the same number of rows and only finite entries.
     *
     * @param features the {@code n x inputs} inputs, one example per row, all finite
     * @param targets the {@code n x outputs} targets, one row per example, all finite
     */
    public Dataset {
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(targets, "targets is null");
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("Dataset: features " + features.shape() + " and targets "
                    + targets.shape() + " differ in rows");
        }
        features.requireFinite("features");
        targets.requireFinite("targets");
    }

    /**
     * A classification dataset: the targets are the one-hot encoding of the labels
     * ({@link Datasets#oneHot(Seq, int)}).
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
        Objects.requireNonNull(labels, "labels is null");
        if (labels.size() != features.rows()) {
            throw new IllegalArgumentException("classification: features " + features.shape() + " and "
                    + labels.size() + " labels differ in rows");
        }
        return new Dataset(features, Datasets.oneHot(labels, classes));
    }

    /** @return the number of examples, at least 1 */
    public int size() {
        return features.rows();
    }

    /**
     * The examples at the given indices, in that order, such as one part of a split. The rows are
     * shared with this dataset, not copied (they are never written).
     *
     * @param indices at least one row index, each in {@code [0, size())}; repeats are allowed
     * @return a dataset of {@code indices.size()} examples
     * @throws IllegalArgumentException if there are no indices
     * @throws IndexOutOfBoundsException naming an index outside {@code [0, size())}
     */
    public Dataset rows(Seq<Integer> indices) {
        Objects.requireNonNull(indices, "indices is null");
        return new Dataset(features.selectRows(indices), targets.selectRows(indices));
    }

    /**
     * The size and both matrices as {@link Matrix#toString()} prints them: with their entries when
     * small, such as {@code Dataset[1: features Matrix[1x2 [[0.5, 1.0]]], targets Matrix[1x1 [[1.0]]]]},
     * or as shapes, such as {@code Dataset[150: features Matrix[150x4], targets Matrix[150x3]]}.
     *
     * @return the size and the matrices
     */
    @Override
    public String toString() {
        return "Dataset[" + size() + ": features " + features + ", targets " + targets + "]";
    }
}
