package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;

/**
 * Layer and batch normalisation written from the formulas with plain loops over {@code double[][]},
 * the oracle of {@link NormalisationTest}. It shares no code with the layers (no {@code Matrix}
 * operation but {@code get} and {@code of}), sums in other orders than they do (a batch norm's
 * channel position by position, then row by row; squares as {@code d * d}), and takes the input
 * gradient from the full Jacobian of the normalisation, derived on paper, instead of the
 * simplified formula that the layers use:
 * <pre>
 * x̂_j = (x_j - μ) s,  s = (σ² + eps)^(-1/2),  μ = Σ x / N,  σ² = Σ (x - μ)² / N   over a group of N entries
 * ∂μ/∂x_i = 1/N,  ∂σ²/∂x_i = 2 (x_i - μ) / N   (as Σ (x_j - μ) = 0)
 * ∂s/∂x_i = -(1/2) (σ² + eps)^(-3/2) · 2 (x_i - μ) / N = -s³ (x_i - μ) / N
 * ∂x̂_j/∂x_i = (δ_ij - 1/N) s + (x_j - μ) ∂s/∂x_i = (δ_ij - 1/N) s - s³ (x_j - μ)(x_i - μ) / N
 * dL/dx_i = Σ_j g_j scale_j ∂x̂_j/∂x_i
 * </pre>
 * With fixed statistics (batch norm in evaluation), {@code ∂x̂_j/∂x_i = δ_ij s}.
 */
final class NormReference {

    private NormReference() {
    }

    /**
     * One pass of a normalisation: its output, the input gradient and the parameter gradients for
     * an output gradient, and the batch's statistics (per group).
     *
     * @param y the output
     * @param dx dL/dx
     * @param dScale dL/d scale
     * @param dOffset dL/d offset
     * @param mean the batch's means per group (rows for layer norm, channels for batch norm)
     * @param variance the batch's biased variances per group
     */
    record Pass(Matrix y, Matrix dx, Matrix dScale, Matrix dOffset, double[] mean, double[] variance) {
    }

    /** Layer normalisation of every row over its features, with its gradients for {@code g}. */
    static Pass layerNorm(Matrix x, Matrix scale, Matrix offset, double eps, Matrix g) {
        int n = x.rows();
        int w = x.columns();
        double[][] y = new double[n][w];
        double[][] dx = new double[n][w];
        double[] dScale = new double[w];
        double[] dOffset = new double[w];
        double[] means = new double[n];
        double[] variances = new double[n];
        for (int r = 0; r < n; r++) {
            int row = r;
            int[][] group = new int[w][];
            for (int j = 0; j < w; j++) {
                group[j] = new int[] {row, j};
            }
            int[] parameterOf = new int[w];
            for (int j = 0; j < w; j++) {
                parameterOf[j] = j;
            }
            double[] stats = normaliseGroup(x, scale, offset, eps, g, group, parameterOf, y, dx, dScale, dOffset);
            means[r] = stats[0];
            variances[r] = stats[1];
        }
        return new Pass(Matrix.of(y), Matrix.of(dx), row(dScale), row(dOffset), means, variances);
    }

    /**
     * Batch normalisation of each channel (column {@code j} is channel {@code j mod channels}), with
     * the batch's statistics (training) or with given ones (evaluation), and its gradients for {@code g}.
     */
    static Pass batchNorm(Matrix x, Matrix scale, Matrix offset, double eps, Matrix g, boolean training,
            double[] runningMean, double[] runningVariance) {
        int n = x.rows();
        int w = x.columns();
        int channels = scale.columns();
        int positions = w / channels;
        double[][] y = new double[n][w];
        double[][] dx = new double[n][w];
        double[] dScale = new double[channels];
        double[] dOffset = new double[channels];
        double[] means = new double[channels];
        double[] variances = new double[channels];
        for (int k = 0; k < channels; k++) {
            // the channel's entries, position by position, then row by row (an order the layer does not use)
            int[][] group = new int[n * positions][];
            int e = 0;
            for (int p = 0; p < positions; p++) {
                for (int r = 0; r < n; r++) {
                    group[e++] = new int[] {r, p * channels + k};
                }
            }
            int[] parameterOf = new int[w];
            for (int j = 0; j < w; j++) {
                parameterOf[j] = j % channels;
            }
            if (training) {
                double[] stats = normaliseGroup(x, scale, offset, eps, g, group, parameterOf, y, dx, dScale,
                        dOffset);
                means[k] = stats[0];
                variances[k] = stats[1];
            } else {
                normaliseFixed(x, scale, offset, eps, g, group, k, runningMean[k], runningVariance[k], y, dx, dScale,
                        dOffset);
            }
        }
        return new Pass(Matrix.of(y), Matrix.of(dx), row(dScale), row(dOffset), means, variances);
    }

    /** {@code momentum · old + (1 - momentum) · batch}, the running statistic after a training pass. */
    static Matrix running(double momentum, Matrix old, double[] batch) {
        double[][] result = new double[1][batch.length];
        for (int k = 0; k < batch.length; k++) {
            result[0][k] = momentum * old.get(0, k) + (1 - momentum) * batch[k];
        }
        return Matrix.of(result);
    }

    /**
     * Normalises one group of entries with its own statistics, writing y and dL/dx at its entries and
     * adding to the parameter gradients; returns the group's mean and variance.
     */
    private static double[] normaliseGroup(Matrix x, Matrix scale, Matrix offset, double eps, Matrix g, int[][] group,
            int[] parameterOf, double[][] y, double[][] dx, double[] dScale, double[] dOffset) {
        int size = group.length;
        double sum = 0;
        for (int[] at : group) {
            sum += x.get(at[0], at[1]);
        }
        double mu = sum / size;
        double squares = 0;
        for (int[] at : group) {
            double d = x.get(at[0], at[1]) - mu;
            squares += d * d;
        }
        double variance = squares / size;
        double s = 1 / Math.sqrt(variance + eps);
        for (int[] at : group) {
            int k = parameterOf[at[1]];
            double xhat = (x.get(at[0], at[1]) - mu) * s;
            y[at[0]][at[1]] = scale.get(0, k) * xhat + offset.get(0, k);
            dScale[k] += g.get(at[0], at[1]) * xhat;
            dOffset[k] += g.get(at[0], at[1]);
        }
        for (int[] at : group) {
            double ci = x.get(at[0], at[1]) - mu;
            double total = 0;
            for (int[] other : group) {
                double cj = x.get(other[0], other[1]) - mu;
                double delta = at == other ? 1 : 0;
                double jacobian = (delta - 1.0 / size) * s - s * s * s * cj * ci / size;
                total += g.get(other[0], other[1]) * scale.get(0, parameterOf[other[1]]) * jacobian;
            }
            dx[at[0]][at[1]] = total;
        }
        return new double[] {mu, variance};
    }

    /** Normalises one channel's entries with fixed statistics: an affine map, whose Jacobian is diagonal. */
    private static void normaliseFixed(Matrix x, Matrix scale, Matrix offset, double eps, Matrix g, int[][] group,
            int k, double mean, double variance, double[][] y, double[][] dx, double[] dScale, double[] dOffset) {
        double s = 1 / Math.sqrt(variance + eps);
        for (int[] at : group) {
            double xhat = (x.get(at[0], at[1]) - mean) * s;
            y[at[0]][at[1]] = scale.get(0, k) * xhat + offset.get(0, k);
            dScale[k] += g.get(at[0], at[1]) * xhat;
            dOffset[k] += g.get(at[0], at[1]);
            dx[at[0]][at[1]] = g.get(at[0], at[1]) * scale.get(0, k) * s;
        }
    }

    private static Matrix row(double[] values) {
        return Matrix.of(new double[][] {values});
    }
}
