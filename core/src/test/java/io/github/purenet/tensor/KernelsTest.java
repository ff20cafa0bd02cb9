package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every product kernel gives the bits of the naive triple loop on shapes that reach every branch:
 * the vector kernels' tiles of 16 columns, their one-vector and one-column remainders, rows left
 * over from tiles of four, and inner dimensions across blocks of 128. The build runs this class
 * twice, with and without the vector API, so both sets of kernels are held to the same loop.
 */
class KernelsTest {

    /** Normals of many magnitudes, signed zeros, subnormals, and now and then a NaN or infinity. */
    private static double draw(Random random) {
        return switch (random.nextInt(40)) {
            case 0 -> -0.0;
            case 1 -> Double.MIN_VALUE * random.nextInt(100);
            case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NaN;
            default -> random.nextGaussian() * Math.pow(2, random.nextInt(40) - 20);
        };
    }

    private static double[][] matrix(Random random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = draw(random);
            }
        }
        return m;
    }

    @Test
    void productsOfEveryBranchShapeEqualTheNaiveTripleLoop() {
        Random random = new Random(2026);
        for (int trial = 0; trial < 150; trial++) {
            int n = 1 + random.nextInt(11);
            int p = 1 + random.nextInt(trial % 3 == 0 ? 300 : 40);
            int m = 1 + random.nextInt(50);
            double[][] a = matrix(random, n, p);
            double[][] b = matrix(random, p, m);
            double[][] expected = Reference.product(a, b);
            String shape = "(" + n + "x" + p + ")·(" + p + "x" + m + "), trial " + trial;
            Reference.assertSameBits(expected, Matrix.of(a).times(Matrix.of(b)), "times " + shape);
            Matrix left = Matrix.of(a);
            Matrix right = Matrix.of(b);
            Reference.assertSameBits(expected, left.transpose().transposeTimes(right), "transposeTimes " + shape);
            Reference.assertSameBits(expected, left.timesTranspose(right.transpose()), "timesTranspose " + shape);
        }
    }

    @Test
    void productsOfTileMultiplesEqualTheNaiveTripleLoop() {
        Random random = new Random(17);
        int[][] shapes = {{4, 128, 16}, {8, 129, 32}, {5, 256, 17}, {12, 127, 24}, {3, 1, 16}, {33, 200, 48}};
        for (int[] s : shapes) {
            double[][] a = matrix(random, s[0], s[1]);
            double[][] b = matrix(random, s[1], s[2]);
            String shape = "(" + s[0] + "x" + s[1] + ")·(" + s[1] + "x" + s[2] + ")";
            double[][] expected = Reference.product(a, b);
            Reference.assertSameBits(expected, Matrix.of(a).times(Matrix.of(b)), "times " + shape);
            Reference.assertSameBits(expected, Matrix.of(a).transpose().transposeTimes(Matrix.of(b)), "transposeTimes " + shape);
        }
    }

    /** The build's second run of this class sets the property, and must then take the vector kernels. */
    @Test
    void theVectorKernelsRunWhenTheBuildAsksForThem() {
        boolean expected = Boolean.getBoolean("purenet.test.vector");
        assertEquals(expected, Products.VECTOR, "vector API present (run with --add-modules jdk.incubator.vector)");
    }
}
