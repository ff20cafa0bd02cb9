package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
     * Asserts the shape and, entry by entry, the bits (every NaN counted as one, as Matrix.equals does).
     *
     * @param expected the reference
     * @param actual the matrix under test
     * @param operation what made it, for the message
     */
    public static void assertSameBits(double[][] expected, Matrix actual, String operation) {
        assertEquals(expected.length + "x" + expected[0].length, actual.shape(), operation + ": shape");
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                double want = expected[i][j];
                double got = actual.get(i, j);
                if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) { // the message only when it fails
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                            operation + " entry (" + i + ", " + j + "): reference " + want + ", got " + got);
                }
            }
        }
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
