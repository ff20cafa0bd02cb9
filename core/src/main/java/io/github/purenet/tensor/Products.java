package io.github.purenet.tensor;

/**
 * The kernels behind {@link Matrix}'s products, on arrays that the caller does not share.
 *
 * <p>Each entry of a product is a sum over the inner index in ascending order, accumulated from
 * {@code +0.0} with {@link Math#fma}; the kernels may visit rows and columns in any order, but never
 * reorder that sum, so every kernel gives the same bits as the plain triple loop.
 */
final class Products {

    /** Below this many rows, {@code A · Bᵀ} takes dot products instead of transposing {@code B}. */
    private static final int TRANSPOSE_THRESHOLD = 4;

    private Products() {
    }

    /** {@code a · b}, for {@code a} n×p and {@code b} p×m. */
    static Matrix times(double[][] a, double[][] b) {
        int m = b[0].length;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = c[i] = new double[m];
            for (int k = 0; k < ai.length; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] = Math.fma(aik, bk[j], ci[j]);
                }
            }
        }
        return Matrix.wrap(c);
    }

    /** {@code aᵀ · b}, for {@code a} n×p and {@code b} n×m. */
    static Matrix transposeTimes(double[][] a, double[][] b) {
        int p = a[0].length;
        int m = b[0].length;
        double[][] c = new double[p][m];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            for (int k = 0; k < p; k++) {
                double aik = ai[k];
                double[] ck = c[k];
                for (int j = 0; j < m; j++) {
                    ck[j] = Math.fma(aik, bi[j], ck[j]);
                }
            }
        }
        return Matrix.wrap(c);
    }

    /** {@code a · bᵀ}, for {@code a} n×p and {@code b} m×p. */
    static Matrix timesTranspose(double[][] a, double[][] b) {
        if (a.length >= TRANSPOSE_THRESHOLD) {
            return times(a, transpose(b));
        }
        double[][] c = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            for (int k = 0; k < b.length; k++) {
                double[] bk = b[k];
                double s = 0.0;
                for (int j = 0; j < ai.length; j++) {
                    s = Math.fma(ai[j], bk[j], s);
                }
                c[i][k] = s;
            }
        }
        return Matrix.wrap(c);
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < t.length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
