package io.github.purenet.tensor;

/** The reference loops that the product kernels are held to, for the tests of any package. */
public final class Reference {

    private Reference() {
    }

    /**
     * The naive product.
     *
     * @param a an {@code n x p} array
     * @param b a {@code p x m} array
     * @return {@code c[i][j] = Σ_k a[i][k] b[k][j]}, k ascending, with {@link Math#fma} from +0.0
     */
    public static double[][] product(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double sum = +0.0;
                for (int k = 0; k < b.length; k++) {
                    sum = Math.fma(a[i][k], b[k][j], sum);
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    /**
     * The transpose.
     *
     * @param a an array of rows of one length
     * @return {@code t[j][i] = a[i][j]}
     */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
