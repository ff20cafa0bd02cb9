package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * Standardisation of features as a value: each column {@code j} maps {@code x} to
 * {@code (x - mean[j]) / standardDeviation[j]}.
 *
 * <p>Fit it on the training data and apply the same value to every other data, so that test
 * examples are scaled by what was known at training time:
 * <pre>{@code
 * Standardization s = Standardization.fit(split.train().features());
 * Dataset train = s.apply(split.train());   // each column: mean 0, standard deviation 1, when read
 * Dataset test = s.apply(split.test());     // scaled by the training mean and deviation
 * }</pre>
 *
 * @param mean the {@code 1 x d} mean of each column, finite
 * @param standardDeviation the {@code 1 x d} standard deviation of each column, finite and positive
 */
public record Standardization(Matrix mean, Matrix standardDeviation) {

    /**
     * Checks that mean and standard deviation are rows of the same width, finite, the deviations
     * positive.
     *
     * @param mean the {@code 1 x d} mean of each column, finite
     * @param standardDeviation the {@code 1 x d} standard deviation of each column, finite and positive
     */
    public Standardization {
        Objects.requireNonNull(mean, "mean is null");
        Objects.requireNonNull(standardDeviation, "standardDeviation is null");
        if (mean.rows() != 1 || standardDeviation.rows() != 1 || mean.columns() != standardDeviation.columns()) {
            throw new IllegalArgumentException("Standardization: mean " + mean.shape() + " and standardDeviation "
                    + standardDeviation.shape() + " must both be 1xd for the same d");
        }
        mean.requireFinite("mean");
        for (int j = 0; j < standardDeviation.columns(); j++) {
            double s = standardDeviation.get(0, j);
            if (!(s > 0.0 && s < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("standardDeviation: entry (0, " + j + ") of "
                        + standardDeviation.shape() + " is " + s + ", expected a finite positive number");
            }
        }
    }

    /**
     * The mean and population standard deviation of each column:
     * {@code mean = (1/n) Σ x} and {@code sd = sqrt((1/n) Σ (x - mean)²)}, summed over rows in
     * ascending order.
     *
     * <p>A column whose standard deviation is 0 gets standard deviation 1 instead, so that it maps to
     * 0 rather than to {@code NaN}: a constant column carries no information. When all entries of a
     * column are equal, its mean is taken to be that entry exactly (the computed mean of, say, three
     * 0.1s is not exactly 0.1), so the column maps to exactly 0. A column too spread for its squares
     * to fit in a double (entries near {@code 1e154} and beyond) is refused.
     *
     * @param features the {@code n x d} training features, all finite
     * @return the fitted standardization
     * @throws IllegalArgumentException naming an entry that is not finite, or a column whose
     *         standard deviation overflows
     */
    public static Standardization fit(Matrix features) {
        Objects.requireNonNull(features, "features is null");
        return fit(Table.of(features));
    }

    /**
     * The mean and standard deviation of each column of a table, such as a dataset's compact
     * features, read a row at a time: the same numbers as {@link #fit(Matrix)} of its
     * {@link Table#matrix()}, without building it.
     *
     * @param features the {@code n x d} training features, all finite
     * @return the fitted standardization
     * @throws IllegalArgumentException naming an entry that is not finite, or a column whose
     *         standard deviation overflows
     */
    public static Standardization fit(Table features) {
        Objects.requireNonNull(features, "features is null");
        features.requireFinite("features");
        int n = features.rows();
        int d = features.columns();
        double[] first = features.row(0); // local accumulators, copied into matrices below
        double[] mean = new double[d];
        boolean[] constant = new boolean[d];
        Arrays.fill(constant, true);
        for (int i = 0; i < n; i++) {
            double[] x = features.row(i);
            for (int j = 0; j < d; j++) {
                mean[j] += x[j];
                constant[j] &= x[j] == first[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = constant[j] ? first[j] : mean[j] / n;
        }
        double[] squares = new double[d];
        for (int i = 0; i < n; i++) {
            double[] x = features.row(i);
            for (int j = 0; j < d; j++) {
                double deviation = x[j] - mean[j];
                squares[j] = Math.fma(deviation, deviation, squares[j]);
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(squares[j] / n);
            if (!Double.isFinite(mean[j]) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("fit: column " + j + " of features " + features.shape()
                        + " overflows (mean " + mean[j] + ", standard deviation " + s + ")");
            }
            sd[j] = s > 0.0 ? s : 1.0;
        }
        return new Standardization(Matrix.row(mean), Matrix.row(sd));
    }

    /** @return the number of columns {@code d} that this standardization applies to */
    public int columns() {
        return mean.columns();
    }

    /**
     * Standardises features with this value's mean and standard deviation.
     *
     * @param features an {@code n x d} matrix
     * @return the {@code n x d} matrix of {@code (x - mean[j]) / standardDeviation[j]}
     * @throws IllegalArgumentException naming both shapes if {@code features} has not {@code d} columns
     */
    public Matrix apply(Matrix features) {
        Objects.requireNonNull(features, "features is null");
        if (features.columns() != columns()) {
            throw new IllegalArgumentException("apply: features " + features.shape() + " do not fit standardization "
                    + mean.shape() + " (expected " + columns() + " columns)");
        }
        double[] m = mean.toArray()[0]; // local copies, read only
        double[] s = standardDeviation.toArray()[0];
        return Matrix.of(features.rows(), features.columns(), (i, j) -> (features.get(i, j) - m[j]) / s[j]);
    }

    /**
     * Standardises the features of a dataset; the targets are kept as they are.
     *
     * @param data a dataset whose features have {@code d} columns
     * @return the dataset with standardised features
     * @throws IllegalArgumentException naming both shapes if the features have not {@code d} columns
     */
    public Dataset apply(Dataset data) {
        Objects.requireNonNull(data, "data is null");
        return data.withFeatures(apply(data.features()));
    }

    /**
     * Standardises a table's entries as they are read: the table keeps its storage, and each entry
     * reads as {@code (x - mean[j]) / standardDeviation[j]}, the same bits as
     * {@link #apply(Matrix)} of its matrix.
     *
     * @param features an {@code n x d} table
     * @return the standardised table
     * @throws IllegalArgumentException naming both shapes if {@code features} has not {@code d} columns
     */
    public Table apply(Table features) {
        Objects.requireNonNull(features, "features is null");
        if (features.columns() != columns()) {
            throw new IllegalArgumentException("apply: features " + features.shape() + " do not fit standardization "
                    + mean.shape() + " (expected " + columns() + " columns)");
        }
        return features.standardized(this);
    }

    /**
     * Both rows as {@link Matrix#toString()} prints them (with their entries when small), such as
     * {@code Standardization[mean Matrix[1x2 [[5.0, 0.5]]], standardDeviation Matrix[1x2 [[2.0, 0.25]]]]}.
     *
     * @return the mean and the standard deviation
     */
    @Override
    public String toString() {
        return "Standardization[mean " + mean + ", standardDeviation " + standardDeviation + "]";
    }
}
