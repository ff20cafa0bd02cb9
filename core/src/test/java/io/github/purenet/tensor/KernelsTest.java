package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every product kernel gives the bits of the naive triple loop on shapes that reach every branch:
 * the vector kernels' tiles of eight rows by three vectors, strips of two vectors and of one,
 * columns and rows left over from whole vectors and tiles, inner dimensions across blocks of 128,
 * products large enough to be cut into tasks of rows by strips, and right factors read in place
 * or packed. The build runs this class twice, with and without the vector API, so both sets of
 * kernels are held to the same loop.
 */
class KernelsTest {

    /**
     * Normals of many magnitudes, signed zeros, subnormals, and, with {@code specials}, now and then
     * a NaN or infinity. Specials make most entries of a long product NaN or infinite, whatever the
     * order of its sum, so each test also runs without them, where every bit of the order shows.
     */
    private static double draw(Random random, boolean specials) {
        return switch (random.nextInt(40)) {
            case 0 -> -0.0;
            case 1 -> Double.MIN_VALUE * random.nextInt(100);
            case 2 -> specials ? (random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NaN) : random.nextGaussian();
            default -> random.nextGaussian() * Math.pow(2, random.nextInt(40) - 20);
        };
    }

    private static double[][] matrix(Random random, boolean specials, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = draw(random, specials);
            }
        }
        return m;
    }

    @Test
    void productsOfEveryBranchShapeEqualTheNaiveTripleLoop() {
        for (boolean specials : new boolean[] {true, false}) {
            Random random = new Random(2026);
            for (int trial = 0; trial < 150; trial++) {
                int n = 1 + random.nextInt(11);
                int p = 1 + random.nextInt(trial % 3 == 0 ? 300 : 40);
                int m = 1 + random.nextInt(50);
                double[][] a = matrix(random, specials, n, p);
                double[][] b = matrix(random, specials, p, m);
                double[][] expected = Reference.product(a, b);
                String shape = "(" + n + "x" + p + ")·(" + p + "x" + m + "), trial " + trial
                        + (specials ? " with NaN and infinities" : "");
                Reference.assertSameBits(expected, Matrix.of(a).times(Matrix.of(b)), "times " + shape);
                Matrix left = Matrix.of(a);
                Matrix right = Matrix.of(b);
                Reference.assertSameBits(expected, left.transpose().transposeTimes(right), "transposeTimes " + shape);
                Reference.assertSameBits(expected, left.timesTranspose(right.transpose()), "timesTranspose " + shape);
            }
        }
    }

    @Test
    void productsOfTileShapesEqualTheNaiveTripleLoop() {
        // with 8 lanes: whole tiles (8, 128, 24), a strip of two vectors after whole ones (16, 129, 40),
        // of one (8, 131, 32), columns left over (5, 256, 17), rows left over (12, 127, 24), an inner
        // dimension of one (3, 1, 16), (136, 130, 200), cut into four blocks of rows, and (40, 130, 800)
        // and (264, 20, 800), cut into blocks of rows by two of 17 strips; up to 256 rows the right
        // factor is read in place, its last strip packed when its columns do not fill their vectors
        // (17, 33), and from 257 rows packed: (264, 130, 200), (300, 20, 43) and (264, 20, 800)
        int[][] shapes = {{8, 128, 24}, {16, 129, 40}, {8, 131, 32}, {5, 256, 17}, {12, 127, 24}, {3, 1, 16},
            {33, 200, 48}, {32, 131, 33}, {16, 7, 64}, {48, 129, 96}, {136, 130, 200}, {264, 130, 200},
            {300, 20, 43}, {40, 130, 800}, {264, 20, 800}};
        for (boolean specials : new boolean[] {true, false}) {
            Random random = new Random(17);
            for (int[] s : shapes) {
                double[][] a = matrix(random, specials, s[0], s[1]);
                double[][] b = matrix(random, specials, s[1], s[2]);
                String shape = "(" + s[0] + "x" + s[1] + ")·(" + s[1] + "x" + s[2] + ")"
                        + (specials ? " with NaN and infinities" : "");
                double[][] expected = Reference.product(a, b);
                Reference.assertSameBits(expected, Matrix.of(a).times(Matrix.of(b)), "times " + shape);
                Reference.assertSameBits(expected, Matrix.of(a).transpose().transposeTimes(Matrix.of(b)),
                        "transposeTimes " + shape);
                Reference.assertSameBits(expected, Matrix.of(a).timesTranspose(Matrix.of(b).transpose()),
                        "timesTranspose " + shape);
            }
        }
    }

    @Test
    void transposesMoveEveryEntryOnAnyNumberOfBlocks() {
        // from 32,768 entries a transpose is cut into blocks of 32 of its rows on the common pool:
        // (257, 131) and (130, 264) across that threshold's blocks, (1000, 33) and (33, 1000) with
        // a short last block, (100, 300) below it
        int[][] shapes = {{257, 131}, {130, 264}, {1000, 33}, {33, 1000}, {100, 300}};
        Random random = new Random(23);
        for (int[] s : shapes) {
            double[][] a = matrix(random, true, s[0], s[1]);
            Matrix t = Matrix.of(a).transpose();
            assertEquals(s[1] + "x" + s[0], t.shape());
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    assertEquals(Double.doubleToRawLongBits(a[i][j]), Double.doubleToRawLongBits(t.get(j, i)),
                            "entry (" + i + ", " + j + ") of " + s[0] + "x" + s[1]);
                }
            }
        }
    }

    /** The build's second run of this class sets the property, and must then take the vector kernels. */
    @Test
    void theVectorKernelsRunWhenTheBuildAsksForThem() {
        boolean expected = Boolean.getBoolean("purenet.test.vector");
        assertEquals(expected, Products.VECTOR, "vector API present (run with --add-modules jdk.incubator.vector)");
        assertEquals(expected, Matrix.vectorKernels(), "what Matrix.vectorKernels() tells users");
    }
}
