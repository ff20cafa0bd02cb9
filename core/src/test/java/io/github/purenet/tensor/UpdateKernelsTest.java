package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.random.Key;
import io.vavr.Tuple3;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** {@link UpdateKernels#adam} against Adam's formulas evaluated entry by entry in the test. */
class UpdateKernelsTest {

    @Test
    void adamGivesTheBitsOfItsFormulasEntryByEntry() {
        Vector<Key> keys = Key.of(11).split(40);
        for (int t = 0; t < 10; t++) {
            int rows = 1 + t % 4;
            int columns = 1 + 7 * t;
            Matrix m = keys.get(4 * t).uniform(rows, columns, -1.0, 1.0).value();
            Matrix v = keys.get(4 * t + 1).uniform(rows, columns, 0.0, 2.0).value();
            Matrix g = keys.get(4 * t + 2).normal(rows, columns, 0.0, 3.0).value();
            double beta1 = 0.8 + 0.01 * t;
            double beta2 = 0.99 + 0.0009 * t;
            double c1 = 1.0 - Math.pow(beta1, t + 1);
            double c2 = 1.0 - Math.pow(beta2, t + 1);
            double epsilon = Math.pow(10, -t);
            Tuple3<Matrix, Matrix, Matrix> muv = UpdateKernels.adam(m, v, g, beta1, beta2, c1, c2, epsilon);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double mij = beta1 * m.get(i, j) + (1.0 - beta1) * g.get(i, j);
                    double vij = beta2 * v.get(i, j) + (1.0 - beta2) * g.get(i, j) * g.get(i, j);
                    double uij = (mij / c1) / (Math.sqrt(vij / c2) + epsilon);
                    String at = "(" + i + ", " + j + ") of case " + t;
                    assertEquals(Double.doubleToRawLongBits(mij), Double.doubleToRawLongBits(muv._1.get(i, j)), "m " + at);
                    assertEquals(Double.doubleToRawLongBits(vij), Double.doubleToRawLongBits(muv._2.get(i, j)), "v " + at);
                    assertEquals(Double.doubleToRawLongBits(uij), Double.doubleToRawLongBits(muv._3.get(i, j)), "u " + at);
                }
            }
        }
    }

    @Test
    void adamAppliedGivesTheBitsOfAdamThenPlusScaled() {
        Vector<Key> keys = Key.of(12).split(50);
        for (int t = 0; t < 10; t++) {
            int rows = 1 + t % 3;
            int columns = 1 + 9 * t;
            Matrix theta = keys.get(5 * t).normal(rows, columns, 0.0, 1.0).value();
            Matrix m = keys.get(5 * t + 1).uniform(rows, columns, -1.0, 1.0).value();
            Matrix v = keys.get(5 * t + 2).uniform(rows, columns, 0.0, 2.0).value();
            Matrix g = keys.get(5 * t + 3).normal(rows, columns, 0.0, 3.0).value();
            double factor = -Math.pow(10, -1 - t % 4);
            Tuple3<Matrix, Matrix, Matrix> muv = UpdateKernels.adam(m, v, g, 0.9, 0.999, 0.1, 0.001, 1e-8);
            Tuple3<Matrix, Matrix, Matrix> applied = UpdateKernels.adamApplied(theta, m, v, g, 0.9, 0.999, 0.1, 0.001,
                    1e-8, factor);
            assertEquals(muv._1, applied._1, "m of case " + t);
            assertEquals(muv._2, applied._2, "v of case " + t);
            assertEquals(theta.plusScaled(muv._3, factor), applied._3, "θ of case " + t);
        }
    }

    @Test
    void adamRefusesMatricesOfOtherShapes() {
        Matrix m = Matrix.filled(2, 3, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpdateKernels.adam(m, Matrix.filled(3, 2, 0.0), m, 0.9, 0.999, 0.1, 0.001, 1e-8));
        assertEquals("adam: v 3x2 does not fit m 2x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UpdateKernels.adam(m, m, Matrix.filled(2, 4, 0.0), 0.9, 0.999, 0.1, 0.001, 1e-8));
        assertEquals("adam: g 2x4 does not fit m 2x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UpdateKernels.adamApplied(Matrix.filled(1, 3, 0.0), m, m,
                m, 0.9, 0.999, 0.1, 0.001, 1e-8, -0.1));
        assertEquals("adam: theta 1x3 does not fit m 2x3", e.getMessage());
    }
}
