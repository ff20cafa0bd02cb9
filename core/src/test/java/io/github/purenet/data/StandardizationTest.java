package io.github.purenet.data;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    /**
     * Columns by hand: {1, 2, 3, 4} has mean 2.5 and population variance (2.25 + 0.25 + 0.25 + 2.25) / 4
     * = 1.25; {10, 10, 30, 30} has mean 20 and standard deviation 10; {7, 7, 7, 7} is constant.
     */
    private static final Matrix TRAIN = Matrix.of(new double[][] {{1, 10, 7}, {2, 10, 7}, {3, 30, 7}, {4, 30, 7}});

    /** Mean and population standard deviation of column j, computed independently (two passes). */
    private static double[] meanAndDeviation(Matrix m, int j) {
        double sum = 0;
        for (int i = 0; i < m.rows(); i++) {
            sum += m.get(i, j);
        }
        double mean = sum / m.rows();
        double squares = 0;
        for (int i = 0; i < m.rows(); i++) {
            squares += (m.get(i, j) - mean) * (m.get(i, j) - mean);
        }
        return new double[] {mean, Math.sqrt(squares / m.rows())};
    }

    @Test
    void fitFindsTheMeanAndPopulationStandardDeviationOfEachColumn() {
        Standardization s = Standardization.fit(TRAIN);
        assertEquals(Matrix.row(2.5, 20, 7), s.mean());
        assertEquals(Math.sqrt(1.25), s.standardDeviation().get(0, 0), 1e-15);
        assertEquals(10.0, s.standardDeviation().get(0, 1), 1e-15);
        assertEquals(3, s.columns());
        // sqrt(1.25) printed by Double.toString; 1.0 for the constant column
        assertEquals("Standardization[mean Matrix[1x3 [[2.5, 20.0, 7.0]]], "
                + "standardDeviation Matrix[1x3 [[1.118033988749895, 10.0, 1.0]]]]", s.toString());
    }

    @Test
    void fittedDataHasMeanZeroAndStandardDeviationOneInEveryNonConstantColumn() {
        Matrix train = Matrix.of(50, 4, (i, j) -> Math.sin(1.7 * i + j) * (j + 1) * 100 + 3 * j - i % 7);
        Matrix standardized = Standardization.fit(train).apply(train);
        for (int j = 0; j < 4; j++) {
            double[] md = meanAndDeviation(standardized, j);
            assertEquals(0.0, md[0], 1e-12, "mean of column " + j);
            assertEquals(1.0, md[1], 1e-12, "standard deviation of column " + j);
        }
    }

    @Test
    void applyingToOtherDataUsesTheTrainingParametersNotItsOwn() {
        Standardization s = Standardization.fit(TRAIN);
        Matrix test = s.apply(Matrix.of(new double[][] {{5, 0, 9}, {2.5, 20, 7}}));
        // (5 - 2.5) / sqrt(1.25) = sqrt(5); (0 - 20) / 10 = -2; (9 - 7) / 1 = 2; the means map to 0
        assertEquals(Math.sqrt(5), test.get(0, 0), 1e-12);
        assertEquals(-2.0, test.get(0, 1), 1e-12);
        assertEquals(2.0, test.get(0, 2), 1e-12);
        assertEquals(Matrix.row(0, 0, 0), test.selectRows(io.vavr.collection.List.of(1)));
    }

    @Test
    void aConstantColumnGetsStandardDeviationOneAndMapsToExactlyZero() {
        // three 0.1s sum to 0.30000000000000004, whose third is not 0.1: the mean must be 0.1 exactly
        Matrix constant = Matrix.of(new double[][] {{0.1, 1}, {0.1, 2}, {0.1, 3}});
        Standardization s = Standardization.fit(constant);
        assertEquals(0.1, s.mean().get(0, 0));
        assertEquals(1.0, s.standardDeviation().get(0, 0));
        Matrix applied = s.apply(constant);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, applied.get(i, 0));
        }
    }

    @Test
    void applyToADatasetStandardizesTheFeaturesAndKeepsTheTargets() {
        Dataset data = new Dataset(TRAIN, Matrix.of(4, 2, (i, j) -> i * j));
        Standardization s = Standardization.fit(data.features());
        Dataset applied = s.apply(data);
        assertEquals(s.apply(TRAIN), applied.features().matrix());
        assertSame(data.targets(), applied.targets());
    }

    @Test
    void applyRefusesFeaturesOfAnotherWidthNamingBothShapes() {
        Standardization s = Standardization.fit(TRAIN);
        refuses(() -> s.apply(Matrix.filled(10, 4, 0.0)), "features 10x4", "1x3", "expected 3 columns");
    }

    @Test
    void refusesBadParametersAndNonFiniteOrOverflowingFeatures() {
        assertAll(
                () -> refuses(() -> new Standardization(Matrix.row(0, 0), Matrix.row(1, 0)),
                        "standardDeviation", "(0, 1)", "0.0", "finite positive"),
                () -> refuses(() -> new Standardization(Matrix.row(0, 0), Matrix.row(1, -2)), "-2.0"),
                () -> refuses(() -> new Standardization(Matrix.row(0, 0), Matrix.row(1, 1, 1)), "1x2", "1x3"),
                () -> refuses(() -> new Standardization(Matrix.filled(2, 2, 0), Matrix.filled(2, 2, 1)), "2x2"),
                () -> refuses(() -> new Standardization(Matrix.row(Double.NaN), Matrix.row(1)), "mean", "NaN"),
                () -> refuses(() -> Standardization.fit(Matrix.row(1, Double.NaN)), "features", "(0, 1)", "NaN"),
                () -> refuses(() -> Standardization.fit(Matrix.of(new double[][] {{1e300}, {-1e300}})),
                        "column 0", "overflows"));
    }
}
