package io.github.purenet.train;

/**
 * Precision, recall and F1 score of one class, or their average over classes, with the number of
 * examples they are about, as made by {@link ConfusionMatrix#classMetrics(int)},
 * {@link ConfusionMatrix#macroAverage()} and {@link ConfusionMatrix#weightedAverage()}.
 *
 * <p>For class {@code k}, with {@code tp} its examples predicted as {@code k}, {@code fp} the
 * other examples predicted as {@code k} and {@code fn} its examples predicted as another class:
 * <ul>
 * <li>precision {@code tp / (tp + fp)}: of the examples predicted as {@code k}, the fraction that
 * are {@code k};</li>
 * <li>recall {@code tp / (tp + fn)}: of the examples of class {@code k}, the fraction predicted as
 * {@code k};</li>
 * <li>F1 {@code 2 tp / (2 tp + fp + fn)}, the harmonic mean of precision and recall, computed from
 * the counts in one division;</li>
 * <li>support {@code tp + fn}, the number of examples of class {@code k}.</li>
 * </ul>
 * A ratio whose denominator is 0 (precision of a class never predicted, recall of a class never
 * present, F1 of a class neither present nor predicted) is {@code 0.0}, the value that
 * scikit-learn gives by default ({@code zero_division="warn"}, which warns as well).
 *
 * @param precision the precision, in {@code [0, 1]}
 * @param recall the recall, in {@code [0, 1]}
 * @param f1 the F1 score, in {@code [0, 1]}
 * @param support the number of examples of the class, or of all classes for an average; at least 0
 */
public record ClassMetrics(double precision, double recall, double f1, int support) {

    /**
     * Checks that the ratios are in {@code [0, 1]} and the support is not negative.
     *
     * @param precision the precision, in {@code [0, 1]}
     * @param recall the recall, in {@code [0, 1]}
     * @param f1 the F1 score, in {@code [0, 1]}
     * @param support the number of examples, at least 0
     */
    public ClassMetrics {
        if (!(precision >= 0.0 && precision <= 1.0 && recall >= 0.0 && recall <= 1.0 && f1 >= 0.0 && f1 <= 1.0)
                || support < 0) {
            throw new IllegalArgumentException("ClassMetrics: expected precision, recall and f1 in [0, 1] and support >= 0,"
                    + " got precision " + precision + ", recall " + recall + ", f1 " + f1 + ", support " + support);
        }
    }

    /**
     * {@code numerator / denominator}, or {@code 0.0} when the denominator is 0.
     *
     * @param numerator a count
     * @param denominator a count at least {@code numerator}
     * @return the ratio
     */
    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
