package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall, F1, support and their averages from small confusion matrices, against
 * fractions worked out by hand (scikit-learn 1.9's {@code precision_recall_fscore_support} with
 * {@code zero_division=0.0} gives the same numbers).
 */
class ClassMetricsTest {

    /** Rows actual, columns predicted: class 0 has 1 example, classes 1 and 2 have 2 each. */
    private static final ConfusionMatrix THREE = new ConfusionMatrix(
            Vector.of(Vector.of(1, 0, 0), Vector.of(1, 1, 0), Vector.of(0, 1, 1)));

    private static void assertMetrics(double precision, double recall, double f1, int support, ClassMetrics m) {
        assertAll(m.toString(),
                () -> assertEquals(precision, m.precision(), 1e-15, "precision"),
                () -> assertEquals(recall, m.recall(), 1e-15, "recall"),
                () -> assertEquals(f1, m.f1(), 1e-15, "f1"),
                () -> assertEquals(support, m.support(), "support"));
    }

    @Test
    void eachClassHasTheRatiosOfItsCounts() {
        // class 0: tp 1, predicted 2 (column), actual 1 (row): P 1/2, R 1/1, F1 2/(2+1)
        assertEquals(new ClassMetrics(0.5, 1.0, 2.0 / 3.0, 1), THREE.classMetrics(0));
        // class 1: tp 1, predicted 2, actual 2: P 1/2, R 1/2, F1 2/(2+2)
        assertEquals(new ClassMetrics(0.5, 0.5, 0.5, 2), THREE.classMetrics(1));
        // class 2: tp 1, predicted 1, actual 2: P 1, R 1/2, F1 2/(1+2)
        assertEquals(new ClassMetrics(1.0, 0.5, 2.0 / 3.0, 2), THREE.classMetrics(2));
        assertEquals(Vector.of(THREE.classMetrics(0), THREE.classMetrics(1), THREE.classMetrics(2)), THREE.classMetrics());
        assertEquals(0.6, THREE.accuracy());
    }

    @Test
    void macroAverageIsTheMeanOverClassesAndWeightedAverageWeighsBySupport() {
        // macro: P (1/2 + 1/2 + 1) / 3, R (1 + 1/2 + 1/2) / 3, F1 (2/3 + 1/2 + 2/3) / 3 = 11/18
        assertMetrics(2.0 / 3.0, 2.0 / 3.0, 11.0 / 18.0, 5, THREE.macroAverage());
        // weighted by 1, 2, 2 over 5: P (1/2 + 1 + 2) / 5, R (1 + 1 + 1) / 5, F1 (2/3 + 1 + 4/3) / 5
        assertMetrics(0.7, 0.6, 0.6, 5, THREE.weightedAverage());
    }

    @Test
    void aRatioWithADenominatorOfZeroIsZero() {
        // class 1 is never present (its row is 0), class 2 never predicted (its column is 0)
        ConfusionMatrix c = new ConfusionMatrix(Vector.of(Vector.of(2, 1, 0), Vector.of(0, 0, 0), Vector.of(1, 2, 0)));
        assertMetrics(2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 3, c.classMetrics(0));
        // never present: P 0/3, R 0/0 -> 0, F1 0/(3 + 0)
        assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 0), c.classMetrics(1));
        // never predicted: P 0/0 -> 0, R 0/3, F1 0/(0 + 3)
        assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 3), c.classMetrics(2));
        // the absent class counts in the macro average, not in the weighted one (its weight is 0)
        assertMetrics(2.0 / 9.0, 2.0 / 9.0, 2.0 / 9.0, 6, c.macroAverage());
        assertMetrics(1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 6, c.weightedAverage());
    }

    @Test
    void aClassNeitherPresentNorPredictedHasZerosAndLowersOnlyTheMacroAverage() {
        ConfusionMatrix c = new ConfusionMatrix(Vector.of(Vector.of(1, 0, 0), Vector.of(0, 0, 0), Vector.of(0, 0, 1)));
        assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 0), c.classMetrics(1));
        assertMetrics(2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 2, c.macroAverage());
        assertEquals(new ClassMetrics(1.0, 1.0, 1.0, 2), c.weightedAverage());
        assertEquals(1.0, c.accuracy());
    }

    @Test
    void withoutExamplesEveryMetricIsZero() {
        ConfusionMatrix empty = ConfusionMatrix.of(Vector.empty(), Vector.empty(), 2);
        ClassMetrics zero = new ClassMetrics(0.0, 0.0, 0.0, 0);
        assertEquals(Vector.of(zero, zero), empty.classMetrics());
        assertEquals(zero, empty.macroAverage());
        assertEquals(zero, empty.weightedAverage());
        assertEquals(0.0, empty.accuracy());
    }

    @Test
    void badArgumentsAreRefusedWithTheirValues() {
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class, () -> THREE.classMetrics(3));
        assertTrue(outside.getMessage().contains("class 3 is outside [0, 3)"), outside.getMessage());
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(0.5, Double.NaN, 0.5, 1));
        assertTrue(ratio.getMessage().contains("recall NaN"), ratio.getMessage());
        IllegalArgumentException support = assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(0.5, 0.5, 0.5, -1));
        assertTrue(support.getMessage().contains("support -1"), support.getMessage());
    }
}
