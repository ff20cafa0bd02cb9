package io.github.purenet.train;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Counts of examples by actual class (row) and predicted class (column).
 *
 * @param counts {@code counts.get(actual).get(predicted)}, a square table
 */
public record ConfusionMatrix(Vector<Vector<Integer>> counts) {

    /**
     * Checks that the table is square and its counts are not negative.
     *
     * @param counts {@code counts.get(actual).get(predicted)}
     */
    public ConfusionMatrix {
        Objects.requireNonNull(counts, "counts is null");
        if (counts.isEmpty() || !counts.forAll(row -> row.size() == counts.size() && row.forAll(c -> c >= 0))) {
            throw new IllegalArgumentException("counts: expected a square table of counts >= 0, got " + counts);
        }
    }

    /**
     * The confusion matrix of labelled predictions.
     *
     * @param actual the actual class of each example
     * @param predicted the predicted class of each example, as many as {@code actual}
     * @param classes the number of classes, positive; every label is in {@code [0, classes)}
     * @return the counts
     */
    public static ConfusionMatrix of(Seq<Integer> actual, Seq<Integer> predicted, int classes) {
        Objects.requireNonNull(actual, "actual is null");
        Objects.requireNonNull(predicted, "predicted is null");
        if (classes < 1 || actual.size() != predicted.size()) {
            throw new IllegalArgumentException("ConfusionMatrix.of: expected classes >= 1 and as many predictions as labels, got "
                    + classes + " classes, " + actual.size() + " labels and " + predicted.size() + " predictions");
        }
        Vector<Vector<Integer>> counts = Vector.fill(classes, Vector.fill(classes, 0));
        for (var pair : actual.zip(predicted)) {
            int a = pair._1;
            int p = pair._2;
            if (a < 0 || a >= classes || p < 0 || p >= classes) {
                throw new IllegalArgumentException("ConfusionMatrix.of: label " + a + " or prediction " + p
                        + " is outside [0, " + classes + ")");
            }
            counts = counts.update(a, row -> row.update(p, c -> c + 1));
        }
        return new ConfusionMatrix(counts);
    }

    /** @return the number of classes */
    public int classes() {
        return counts.size();
    }

    /**
     * @param actual the actual class
     * @param predicted the predicted class
     * @return how many examples of class {@code actual} were predicted as {@code predicted}
     */
    public int count(int actual, int predicted) {
        return counts.get(actual).get(predicted);
    }

    /** @return the number of examples */
    public int total() {
        return counts.map(row -> row.sum().intValue()).sum().intValue();
    }

    /** @return the number of examples predicted as their actual class, the diagonal's sum */
    public int correct() {
        return Vector.range(0, classes()).map(i -> count(i, i)).sum().intValue();
    }

    /** @return {@code correct() / total()}, or 0 when there are no examples */
    public double accuracy() {
        int total = total();
        return total == 0 ? 0.0 : (double) correct() / total;
    }
}
