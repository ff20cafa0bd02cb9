package io.github.purenet.data;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** {@link Datasets#oneHot} and its inverse {@link Datasets#labels}. */
class LabelsTest {

    @Test
    void oneHotPutsAOneInTheLabelsColumnAndZerosElsewhere() {
        assertEquals(Matrix.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                Datasets.oneHot(List.of(2, 0, 1, 2), 3));
        assertEquals(Matrix.of(new double[][] {{1}, {1}}), Datasets.oneHot(Vector.of(0, 0), 1));
    }

    @Test
    void oneHotRefusesLabelsOutsideTheRangeNamingTheLabelItsPositionAndTheRange() {
        assertAll(
                () -> refuses(() -> Datasets.oneHot(List.of(0, 1, 3), 3), "label 3", "position 2", "[0, 3)"),
                () -> refuses(() -> Datasets.oneHot(List.of(-1, 0), 3), "label -1", "position 0", "[0, 3)"));
    }

    @Test
    void oneHotRefusesFewerThanOneClassNoLabelsAndNullLabels() {
        assertAll(
                () -> refuses(() -> Datasets.oneHot(List.of(0), 0), "classes", "at least 1", "got 0"),
                () -> refuses(() -> Datasets.oneHot(List.of(0), -2), "classes", "got -2"),
                () -> refuses(() -> Datasets.oneHot(List.empty(), 3), "labels", "at least one label"),
                () -> fails(NullPointerException.class, () -> Datasets.oneHot(List.of(0, null), 3), "position 1"));
    }

    @Test
    void labelsIsTheArgmaxOfEachRow() {
        Matrix probabilities = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.5, 0.2, 0.3}, {-3, -2, -1}});
        assertEquals(Vector.of(1, 0, 2), Datasets.labels(probabilities));
    }

    @Test
    void labelsInvertsOneHot() {
        List<Integer> labels = List.of(3, 0, 2, 2, 1);
        assertEquals(labels.toVector(), Datasets.labels(Datasets.oneHot(labels, 4)));
    }

    @Test
    void labelsTakesTheFirstMaximumOnTies() {
        Matrix ties = Matrix.of(new double[][] {{0.4, 0.4, 0.2}, {0.2, 0.4, 0.4}, {1, 1, 1}, {0.0, -0.0, 0.0}});
        assertEquals(Vector.of(0, 1, 0, 0), Datasets.labels(ties));
    }

    @Test
    void labelsCountsNanAsTheLargestValueAsNumPyDoes() {
        Matrix withNan = Matrix.of(new double[][] {{0.9, Double.NaN, Double.NaN}, {Double.NaN, 5, 6},
                {Double.POSITIVE_INFINITY, 1, 2}});
        assertEquals(Vector.of(1, 0, 0), Datasets.labels(withNan));
    }
}
