package io.github.purenet.train;

import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Objects;

/**
 * Metrics of a classifier's scores and probabilities, beyond the counts of a
 * {@link ConfusionMatrix}: the area under the ROC curve of two classes and the log loss.
 * {@link Evaluation#of} computes both from a network's outputs.
 *
 * <p>Both are exact and deterministic: the same inputs give the same bits, on any JVM.
 */
public final class Metrics {

    /**
     * The smallest probability {@link #logLoss} uses, {@code 2^-52} ({@code Math.ulp(1.0)}):
     * probabilities are clipped to {@code [EPSILON, 1 - EPSILON]}, as scikit-learn's
     * {@code log_loss} does for doubles ({@code np.finfo(np.float64).eps}).
     */
    public static final double EPSILON = Math.ulp(1.0);

    private Metrics() {
    }

    /**
     * The area under the ROC curve of a binary classifier's scores: the probability that a random
     * example of class 1 scores higher than a random example of class 0, ties counting one half.
     * This is the Mann-Whitney statistic {@code U / (n1 · n0)}, the value of scikit-learn's
     * {@code roc_auc_score}:
     * <pre>{@code
     * Metrics.rocAuc(Vector.of(0.1, 0.4, 0.35, 0.8), Vector.of(0, 0, 1, 1))   // Some(0.75)
     * }</pre>
     *
     * <p>Only the order of the scores matters ({@code -0.0} ties with {@code 0.0}). The scores of
     * each class are sorted and {@code 2U} is counted exactly in a {@code long}; the result is
     * {@code 2U / (2 n1 n0)}, one division, correctly rounded while {@code 2 n1 n0 < 2^53}.
     *
     * @param scores one score per example, higher meaning more likely class 1, none NaN
     * @param labels the class of each example, 0 or 1, as many as {@code scores}
     * @return the area, in {@code [0, 1]}; none when only one class is present
     * @throws IllegalArgumentException if the sizes differ, a score is NaN or a label is neither 0
     *     nor 1 (for more classes, compute it one class against the rest)
     */
    public static Option<Double> rocAuc(Seq<Double> scores, Seq<Integer> labels) {
        Objects.requireNonNull(scores, "scores is null");
        Objects.requireNonNull(labels, "labels is null");
        if (scores.size() != labels.size()) {
            throw new IllegalArgumentException("rocAuc: " + scores.size() + " scores and " + labels.size()
                    + " labels, expected one label per score");
        }
        Vector<Tuple2<Double, Integer>> examples = Vector.ofAll(scores.zip(labels));
        int positives = 0;
        for (int i = 0; i < examples.size(); i++) {
            Double score = examples.get(i)._1;
            Integer label = examples.get(i)._2;
            if (score == null || Double.isNaN(score)) {
                throw new IllegalArgumentException("rocAuc: scores[" + i + "] is " + score + ", expected a number");
            }
            if (label == null || label != 0 && label != 1) {
                throw new IllegalArgumentException("rocAuc: labels[" + i + "] is " + label + ", expected 0 or 1");
            }
            positives += label;
        }
        if (positives == 0 || positives == examples.size()) {
            return Option.none();
        }
        double[] positive = sorted(examples, 1, positives);
        double[] negative = sorted(examples, 0, examples.size() - positives);
        // for each positive in ascending order: the negatives below it count 2, those equal to it 1
        long twiceU = 0;
        int below = 0;
        int notAbove = 0;
        for (double p : positive) {
            while (below < negative.length && negative[below] < p) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negative.length && negative[notAbove] <= p) {
                notAbove++;
            }
            twiceU += below + (long) notAbove;
        }
        return Option.some((double) twiceU / (2.0 * positive.length * negative.length));
    }

    private static double[] sorted(Vector<Tuple2<Double, Integer>> examples, int label, int count) {
        double[] scores = new double[count];
        int n = 0;
        for (Tuple2<Double, Integer> e : examples) {
            if (e._2 == label) {
                scores[n++] = e._1;
            }
        }
        Arrays.sort(scores);
        return scores;
    }

    /**
     * The log loss (cross-entropy) of predicted probabilities: the mean over examples of
     * {@code -log p}, where {@code p} is the probability given to the example's actual class.
     *
     * <p>With one column, the column is the probability of class 1 (a sigmoid output) and
     * {@code 1 - x} that of class 0; with several, row {@code i} holds the probability of each
     * class (a softmax output). Each {@code p} is clipped to {@code [EPSILON, 1 - EPSILON]} before
     * its logarithm, as scikit-learn's {@code log_loss} does, so a probability of 0 for the actual
     * class costs {@code -log(2^-52)}, about 36.04, rather than infinity. Rows are not
     * renormalised. Logarithms are {@link StrictMath#log}; the sum runs over rows in ascending
     * order from {@code 0.0} and is divided by the number of rows.
     *
     * <p>For one-hot targets (or targets 0 and 1) this is the quantity that
     * {@link io.github.purenet.loss.Losses#softmaxCrossEntropy()} and
     * {@link io.github.purenet.loss.Losses#binaryCrossEntropy()} compute as a network's loss, but
     * those compute it from the logits, without clipping: the two agree up to rounding, except
     * where a probability rounds to 0 or 1, where the loss from the logits is the larger.
     *
     * @param probabilities one example per row, every entry in {@code [0, 1]}
     * @param classes the actual class of each example, one per row: 0 or 1 for one column, and in
     *     {@code [0, columns)} otherwise
     * @return the mean negative log-likelihood, at least 0
     * @throws IllegalArgumentException if an entry is outside {@code [0, 1]}, the sizes differ or a
     *     class is outside its range
     */
    public static double logLoss(Matrix probabilities, Seq<Integer> classes) {
        Objects.requireNonNull(probabilities, "probabilities is null");
        Objects.requireNonNull(classes, "classes is null");
        for (Tuple2<Integer, Integer> at : probabilities.firstOutside(0.0, 1.0)) {
            throw new IllegalArgumentException("logLoss: probabilities: entry (" + at._1 + ", " + at._2 + ") of "
                    + probabilities.shape() + " is " + probabilities.get(at._1, at._2) + ", expected a probability in [0, 1]");
        }
        if (classes.size() != probabilities.rows()) {
            throw new IllegalArgumentException("logLoss: " + classes.size() + " classes for probabilities "
                    + probabilities.shape() + ", expected one class per row");
        }
        int range = Math.max(2, probabilities.columns());
        double total = 0.0;
        int i = 0;
        for (Integer k : classes) {
            if (k == null || k < 0 || k >= range) {
                throw new IllegalArgumentException("logLoss: classes[" + i + "] is " + k + ", expected a class in [0, "
                        + range + ")");
            }
            double p = probabilities.columns() == 1
                    ? (k == 1 ? probabilities.get(i, 0) : 1.0 - probabilities.get(i, 0))
                    : probabilities.get(i, k);
            total += StrictMath.log(Math.max(EPSILON, Math.min(1.0 - EPSILON, p)));
            i++;
        }
        return -total / probabilities.rows();
    }
}
