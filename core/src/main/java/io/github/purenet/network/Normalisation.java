package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;

/**
 * The arithmetic that {@link LayerNorm} and {@link BatchNorm} share: normalise groups of entries
 * of a batch, then scale and shift them, and the vector-Jacobian products of that.
 *
 * <p>A batch of {@code n} rows and {@code w} columns, with scale and offset {@code P} wide
 * ({@code P} divides {@code w}): column {@code j} takes the scale and offset of index
 * {@code k = j mod P}. The entries are grouped either by example (layer normalisation: the group of
 * entry {@code (r, j)} is row {@code r}, and {@code P = w}) or by channel (batch normalisation: the
 * group is the channel {@code k}, over every row and every position). With {@code N} the entries of
 * a group:
 * <pre>
 * μ = (Σ x) / N,  σ² = (Σ (x - μ)²) / N,  s = 1 / √(σ² + eps)       per group (or given: running statistics)
 * x̂ = (x - μ) · s,  y = fma(scale_k, x̂, offset_k)                   per entry
 * backward, for g = dL/dy:
 *   d offset_k = Σ g,  d scale_k = Σ g · x̂                         over the entries of index k
 *   h = g · scale_k
 *   dL/dx = (h - a - x̂ · b) · s,  a = (Σ h) / N,  b = (Σ h · x̂) / N  per group, for the batch's statistics
 *   dL/dx = h · s                                                    for given statistics
 * </pre>
 * Every sum starts from {@code +0.0} and visits the entries in the batch's order: rows ascending,
 * within a row columns ascending (so a layer norm sums each row left to right, and a batch norm of
 * flat examples sums each column over the rows ascending, as {@link Matrix#columnSums()}); sums of
 * products accumulate with {@link Math#fma} ({@code s = fma(d, d, s)}, {@code s = fma(g, x̂, s)});
 * divisions are by {@code N} as a double; {@link Math#sqrt} is correctly rounded. So the results are
 * the same bits on every JVM.
 */
final class Normalisation {

    private Normalisation() {
    }

    /**
     * A group's mean and biased variance, each {@code 1 x groups}.
     *
     * @param mean the means
     * @param variance the biased variances
     */
    record Moments(Matrix mean, Matrix variance) {
    }

    /**
     * A normalised batch: the output, what backward needs, and the statistics used.
     *
     * @param output {@code y}
     * @param normalised {@code x̂}
     * @param inverse {@code s = 1 / √(σ² + eps)} per group, {@code 1 x groups}
     * @param moments the mean and variance used
     */
    record Normalised(Matrix output, Matrix normalised, Matrix inverse, Moments moments) {
    }

    /** The number of entries of each group: a row's columns, or the rows times the positions of a channel. */
    static long count(Matrix x, int width, boolean byExample) {
        return byExample ? x.columns() : (long) x.rows() * (x.columns() / width);
    }

    /**
     * Normalises a batch with its own statistics ({@code given} null) or with given ones, then scales
     * and shifts it.
     */
    static Normalised forward(Matrix x, Matrix scale, Matrix offset, double eps, boolean byExample, Moments given) {
        double[][] a = x.toArray();
        int width = scale.columns();
        int groups = byExample ? a.length : width;
        double[] mean = given == null ? new double[groups] : given.mean().toArray()[0];
        double[] variance = given == null ? new double[groups] : given.variance().toArray()[0];
        if (given == null) {
            double count = count(x, width, byExample);
            for (int r = 0; r < a.length; r++) {
                for (int j = 0, k = 0; j < a[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                    mean[byExample ? r : k] += a[r][j];
                }
            }
            for (int g = 0; g < groups; g++) {
                mean[g] /= count;
            }
            for (int r = 0; r < a.length; r++) {
                for (int j = 0, k = 0; j < a[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                    int g = byExample ? r : k;
                    double d = a[r][j] - mean[g];
                    variance[g] = Math.fma(d, d, variance[g]);
                }
            }
            for (int g = 0; g < groups; g++) {
                variance[g] /= count;
            }
        }
        double[] inverse = new double[groups];
        for (int g = 0; g < groups; g++) {
            inverse[g] = 1.0 / Math.sqrt(variance[g] + eps);
        }
        double[] s = scale.toArray()[0];
        double[] o = offset.toArray()[0];
        double[][] y = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int j = 0, k = 0; j < a[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                int g = byExample ? r : k;
                a[r][j] = (a[r][j] - mean[g]) * inverse[g]; // a is a copy: it becomes x̂
                y[r][j] = Math.fma(s[k], a[r][j], o[k]);
            }
        }
        Moments moments = given == null ? new Moments(Matrix.row(mean), Matrix.row(variance)) : given;
        return new Normalised(Matrix.of(y), Matrix.of(a), Matrix.row(inverse), moments);
    }

    /**
     * The backward pass: writes {@code d scale} and {@code d offset} into {@code out} from
     * {@code offset}, and returns {@code dL/dx} (or null when {@code inputGradient} is false).
     *
     * @param batchStatistics whether the forward pass normalised with the batch's own statistics,
     *     which then depend on {@code x}
     */
    static Matrix backward(Matrix normalised, Matrix inverse, Matrix gradient, Matrix scale, boolean byExample,
            boolean batchStatistics, boolean inputGradient, Matrix[] out, int offset) {
        double[][] xh = normalised.toArray();
        double[][] g = gradient.toArray();
        double[] s = scale.toArray()[0];
        int width = s.length;
        double[] dScale = new double[width];
        double[] dOffset = new double[width];
        for (int r = 0; r < g.length; r++) {
            for (int j = 0, k = 0; j < g[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                dOffset[k] += g[r][j];
                dScale[k] = Math.fma(g[r][j], xh[r][j], dScale[k]);
            }
        }
        out[offset] = Matrix.row(dScale);
        out[offset + 1] = Matrix.row(dOffset);
        if (!inputGradient) {
            return null;
        }
        double[] inv = inverse.toArray()[0];
        int groups = inv.length;
        double[] a = new double[groups];
        double[] b = new double[groups];
        for (int r = 0; r < g.length; r++) {
            for (int j = 0, k = 0; j < g[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                g[r][j] *= s[k]; // g is a copy: it becomes h
                if (batchStatistics) {
                    int group = byExample ? r : k;
                    a[group] += g[r][j];
                    b[group] = Math.fma(g[r][j], xh[r][j], b[group]);
                }
            }
        }
        if (batchStatistics) {
            double count = count(gradient, width, byExample);
            for (int group = 0; group < groups; group++) {
                a[group] /= count;
                b[group] /= count;
            }
        }
        for (int r = 0; r < g.length; r++) {
            for (int j = 0, k = 0; j < g[r].length; j++, k = k + 1 == width ? 0 : k + 1) {
                int group = byExample ? r : k;
                g[r][j] = batchStatistics ? (g[r][j] - a[group] - xh[r][j] * b[group]) * inv[group]
                        : g[r][j] * inv[group];
            }
        }
        return Matrix.of(g);
    }
}
