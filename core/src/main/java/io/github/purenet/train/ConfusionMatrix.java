package io.github.purenet.train;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Counts of examples by actual class (row) and predicted class (column), and the metrics read
 * from them: accuracy, and per class precision, recall and F1 ({@link ClassMetrics}) with their
 * macro and weighted averages, as scikit-learn's {@code classification_report} gives them.
 *
 * <p>{@link #toString()} prints the counts as a table, actual classes as rows and predicted
 * classes as columns, numbered from 0; {@link #table(Vector)} names them:
 * <pre>
 * actual\predicted  0  1  2
 *                0  1  0  0
 *                1  1  1  0
 *                2  0  1  1
 * </pre>
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
        return ClassMetrics.ratio(correct(), total());
    }

    /**
     * Precision, recall, F1 and support of one class, each ratio {@code 0.0} when its denominator
     * is 0 (see {@link ClassMetrics}).
     *
     * @param k the class, in {@code [0, classes())}
     * @return its metrics
     */
    public ClassMetrics classMetrics(int k) {
        if (k < 0 || k >= classes()) {
            throw new IndexOutOfBoundsException("classMetrics: class " + k + " is outside [0, " + classes() + ")");
        }
        long truePositives = count(k, k);
        long predicted = Vector.range(0, classes()).map(i -> count(i, k)).sum().longValue();
        int support = counts.get(k).sum().intValue();
        return new ClassMetrics(ClassMetrics.ratio(truePositives, predicted), ClassMetrics.ratio(truePositives, support),
                ClassMetrics.ratio(2 * truePositives, predicted + support), support);
    }

    /** @return {@link #classMetrics(int)} of every class, in class order */
    public Vector<ClassMetrics> classMetrics() {
        return Vector.range(0, classes()).map(this::classMetrics);
    }

    /**
     * The unweighted mean over all classes of precision, recall and F1, each summed from
     * {@code 0.0} in class order and divided by {@code classes()}. Every class counts, including
     * a class with no examples (whose ratios are 0), as in scikit-learn when its {@code labels}
     * name every class.
     *
     * @return the means, with the support of all classes, {@code total()}
     */
    public ClassMetrics macroAverage() {
        return average(Vector.fill(classes(), 1), classes());
    }

    /**
     * The mean over classes of precision, recall and F1 weighted by each class's support:
     * {@code Σ_k m_k · support_k / total()}, summed from {@code 0.0} in class order with
     * {@link Math#fma}; all 0 when there are no examples.
     *
     * @return the weighted means, with the support of all classes, {@code total()}
     */
    public ClassMetrics weightedAverage() {
        return average(classMetrics().map(ClassMetrics::support), total());
    }

    private ClassMetrics average(Vector<Integer> weights, long divisor) {
        Vector<ClassMetrics> metrics = classMetrics();
        double[] sums = new double[3];
        for (int k = 0; k < classes(); k++) {
            ClassMetrics m = metrics.get(k);
            double w = weights.get(k);
            sums[0] = Math.fma(m.precision(), w, sums[0]);
            sums[1] = Math.fma(m.recall(), w, sums[1]);
            sums[2] = Math.fma(m.f1(), w, sums[2]);
        }
        return divisor == 0 ? new ClassMetrics(0.0, 0.0, 0.0, 0)
                : new ClassMetrics(sums[0] / divisor, sums[1] / divisor, sums[2] / divisor, total());
    }

    /**
     * The counts as an aligned table with named classes: a header row of predicted classes, then
     * one row per actual class; columns are right-aligned and two spaces apart.
     *
     * @param classNames one name per class, in class order, none with a line break
     * @return the table, lines separated by {@code \n}, with no line break at the end
     */
    public String table(Vector<String> classNames) {
        return Reports.confusionTable(this, Reports.requireNames("table", classNames, classes()));
    }

    /** @return the counts as a table with classes numbered from 0, as {@link #table(Vector)} prints it */
    @Override
    public String toString() {
        return table(Reports.numbers(classes()));
    }
}
