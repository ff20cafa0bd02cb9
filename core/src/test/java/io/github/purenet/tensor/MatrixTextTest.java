package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#toString()}: the entries of a small matrix, by {@link Double#toString(double)}, so
 * that unequal matrices print differently; the shape alone past {@link Matrix#PRINTED_ENTRIES}.
 */
class MatrixTextTest {

    @Test
    void aSmallMatrixPrintsItsShapeAndEntriesRowByRow() {
        assertEquals("Matrix[2x3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]",
                Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).toString());
        assertEquals("Matrix[1x1 [[0.1]]]", Matrix.row(0.1).toString());
        assertEquals("Matrix[3x1 [[1.0E-7], [-2.5E10], [4.9E-324]]]",
                Matrix.of(3, 1, (i, j) -> new double[] {1e-7, -2.5e10, Double.MIN_VALUE}[i]).toString());
    }

    @Test
    void signedZerosNaNAndInfinitiesShowAsSuch() {
        assertEquals("Matrix[1x4 [[-0.0, 0.0, NaN, -Infinity]]]",
                Matrix.row(-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY).toString());
        Matrix negative = Matrix.row(1, -0.0);
        Matrix positive = Matrix.row(1, 0.0);
        assertNotEquals(negative, positive);
        assertNotEquals(negative.toString(), positive.toString());
    }

    @Test
    void atMostAHundredEntriesPrintAndMorePrintTheShapeOnly() {
        assertEquals(100, Matrix.PRINTED_ENTRIES);
        String hundred = Matrix.filled(10, 10, 0.5).toString();
        assertTrue(hundred.startsWith("Matrix[10x10 [[0.5, 0.5, "), hundred);
        assertEquals(100, hundred.split("0\\.5", -1).length - 1, hundred);
        assertEquals("Matrix[10x11]", Matrix.filled(10, 11, 0.5).toString());
        assertEquals("Matrix[1x101]", Matrix.filled(1, 101, 0.5).toString());
        assertEquals("Matrix[64x10]", Matrix.filled(64, 10, 0.5).toString());
        // 2^16 x 2^16 entries are 0 in int arithmetic: the count must not wrap around
        assertEquals("Matrix[65536x65536]", Matrix.wrap(wide(65536, 65536)).toString());
    }

    /** Rows that all share one array: a matrix of 2^32 entries without the memory. */
    private static double[][] wide(int rows, int columns) {
        double[][] shared = new double[rows][];
        double[] row = new double[columns];
        Arrays.fill(shared, row);
        return shared;
    }

    @Test
    void smallMatricesPrintAlikeExactlyWhenTheyAreEqual() {
        double[] values = {0.0, -0.0, 1.0, Math.nextUp(1.0), 0.1, 0.1 + 0.2, 0.3, Double.NaN,
            Double.POSITIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE};
        Random random = new Random(11);
        int unequal = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            int rows = 1 + random.nextInt(3);
            int columns = 1 + random.nextInt(3);
            Matrix a = Matrix.of(rows, columns, (i, j) -> values[random.nextInt(values.length)]);
            // b is a's copy with at most one entry changed, or a matrix of another shape
            int[] at = {random.nextInt(rows), random.nextInt(columns)};
            double other = values[random.nextInt(values.length)];
            Matrix b = random.nextInt(10) == 0
                    ? Matrix.of(columns, rows, (i, j) -> a.get(j, i))
                    : Matrix.of(rows, columns, (i, j) -> i == at[0] && j == at[1] ? other : a.get(i, j));
            assertEquals(a.equals(b), a.toString().equals(b.toString()), a + " and " + b);
            unequal += a.equals(b) ? 0 : 1;
        }
        assertTrue(unequal > 1_000 && unequal < 2_000, unequal + " of 2,000 pairs unequal");
    }
}
