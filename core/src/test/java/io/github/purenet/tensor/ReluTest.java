package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.random.Key;
import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#relu()} and {@link Matrix#reluGradient(Matrix)} have the bits of the entry-wise
 * functions they stand for, on special values (signed zeros, NaN, infinities, subnormals) and on a
 * matrix large enough to run its rows in parallel.
 */
class ReluTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 1.5, -2.5};

    @Test
    void reluAndItsGradientHaveTheBitsOfMapAndZipWithOnSpecialValues() {
        int n = SPECIAL.length;
        Matrix z = Matrix.of(n, n, (i, j) -> SPECIAL[i]);
        Matrix g = Matrix.of(n, n, (i, j) -> SPECIAL[j]);
        assertEquals(z.map(x -> x > 0.0 ? x : 0.0), z.relu());
        assertEquals(z.zipWith(g, (x, y) -> x > 0.0 ? 1.0 : 0.0).hadamard(g), z.reluGradient(g));
        assertEquals(Matrix.row(0.0, 0.0, 0.0, 3.0), Matrix.row(-0.0, Double.NaN, -1.0, 3.0).relu());
        // a blocked unit passes 0.0 times the gradient: -0.0 for a negative one, NaN for an infinite one
        assertEquals(Matrix.row(0.0, -0.0, Double.NaN, 7.0), Matrix.row(-1.0, 0.0, -2.0, 1.0)
                .reluGradient(Matrix.row(5.0, -5.0, Double.POSITIVE_INFINITY, 7.0)));
    }

    @Test
    void aLargeMatrixGivesTheSameBitsAsTheEntryWiseFunctions() {
        Matrix z = Key.of(4).normal(300, 1000, 0, 1).value();
        Matrix g = Key.of(5).normal(300, 1000, 0, 1).value();
        assertEquals(z.map(x -> x > 0.0 ? x : 0.0), z.relu());
        assertEquals(z.zipWith(g, (x, y) -> x > 0.0 ? 1.0 : 0.0).hadamard(g), z.reluGradient(g));
        assertThrows(IllegalArgumentException.class, () -> z.reluGradient(Matrix.filled(2, 2, 0.0)));
    }
}
