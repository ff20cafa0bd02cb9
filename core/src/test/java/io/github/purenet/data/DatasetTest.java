package io.github.purenet.data;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DatasetTest {

    /** Three examples with features (i, 10 i) and targets (-i). */
    private static final Dataset THREE = new Dataset(
            Matrix.of(3, 2, (i, j) -> j == 0 ? i : 10 * i), Matrix.of(3, 1, (i, j) -> -i));

    @Test
    void sizeIsTheNumberOfRowsAndToStringShowsTheEntriesOfSmallMatrices() {
        assertEquals(3, THREE.size());
        assertEquals("Dataset[3: features Table[3x2 [[0.0, 0.0], [1.0, 10.0], [2.0, 20.0]]], "
                + "targets Table[3x1 [[0.0], [-1.0], [-2.0]]]]", THREE.toString());
        Dataset large = new Dataset(Matrix.filled(101, 1, 1.0), Matrix.filled(101, 2, 0.0));
        assertEquals("Dataset[101: features Table[101x1, 8 bytes per entry (doubles)], "
                + "targets Table[101x2, 8 bytes per entry (doubles)]]", large.toString());
        Dataset compact = Dataset.classification(Table.compact(Matrix.filled(101, 1, 1.0)), Vector.fill(101, 1), 2);
        assertEquals("Dataset[101: features Table[101x1, 1 byte per entry (1 level)], "
                + "targets Table[101x2, one-hot, 4 bytes per row (its class)]]", compact.toString());
    }

    @Test
    void aFailedAssertionOnSmallDatasetsShowsTheEntryThatDiffers() {
        Dataset expected = new Dataset(Matrix.row(1), Matrix.row(0.0, 1));
        Dataset actual = new Dataset(Matrix.row(1), Matrix.row(-0.0, 1));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertEquals(expected, actual));
        assertEquals("expected: <Dataset[1: features Table[1x1 [[1.0]]], targets Table[1x2 [[0.0, 1.0]]]]> "
                + "but was: <Dataset[1: features Table[1x1 [[1.0]]], targets Table[1x2 [[-0.0, 1.0]]]]>", e.getMessage());
    }

    @Test
    void rowsSelectsExamplesInTheGivenOrderWithRepeats() {
        Dataset picked = THREE.rows(Vector.of(2, 0, 2));
        assertEquals(Matrix.of(new double[][] {{2, 20}, {0, 0}, {2, 20}}), picked.features().matrix());
        assertEquals(Matrix.of(new double[][] {{-2}, {0}, {-2}}), picked.targets().matrix());
    }

    @Test
    void everyRowInOrderIsTheDatasetItselfAndAnyOtherSelectionIsNot() {
        assertSame(THREE, THREE.rows(Vector.of(0, 1, 2)), "a full batch in order selects nothing");
        assertSame(THREE, THREE.rows(List.of(0, 1, 2)));
        for (Seq<Integer> other : List.<Seq<Integer>>of(Vector.of(0, 2, 1), Vector.of(0, 1), Vector.of(0, 1, 2, 0),
                Vector.of(1, 1, 2))) {
            Dataset picked = THREE.rows(other);
            assertNotSame(THREE, picked, other.toString());
            assertEquals(other.size(), picked.size(), other.toString());
            assertEquals(THREE.features().matrix().selectRows(other), picked.features().matrix(), other.toString());
        }
    }

    @Test
    void classificationOneHotEncodesTheLabels() {
        Dataset d = Dataset.classification(THREE.features(), List.of(1, 0, 2), 3);
        assertEquals(Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}), d.targets().matrix());
        assertEquals(THREE.features(), d.features());
    }

    @Test
    void refusesFeaturesAndTargetsThatDifferInRowsNamingBothShapes() {
        refuses(() -> new Dataset(Matrix.filled(150, 4, 0.0), Matrix.filled(149, 3, 0.0)),
                "features 150x4 and targets 149x3 differ in rows");
    }

    @Test
    void refusesNonFiniteValuesNamingTheMatrixAndThePosition() {
        assertAll(
                () -> refuses(() -> new Dataset(Matrix.of(2, 2, (i, j) -> i == 1 && j == 0 ? Double.NaN : 0),
                        Matrix.filled(2, 1, 0.0)), "features", "(1, 0)", "NaN"),
                () -> refuses(() -> new Dataset(Matrix.filled(2, 2, 0.0),
                        Matrix.of(2, 1, (i, j) -> i == 1 ? Double.POSITIVE_INFINITY : 0)),
                        "targets", "(1, 0)", "Infinity"));
    }

    @Test
    void refusesNullsAndBadIndices() {
        assertAll(
                () -> fails(NullPointerException.class, () -> new Dataset(null, Matrix.row(1)), "features"),
                () -> fails(NullPointerException.class, () -> new Dataset(Matrix.row(1), null), "targets"),
                () -> refuses(() -> THREE.rows(List.empty()), "at least one index"),
                () -> fails(IndexOutOfBoundsException.class, () -> THREE.rows(List.of(0, 3)), "row 3", "3x2"));
    }

    @Test
    void classificationRefusesEmptyLabelsAndLabelCountsThatDifferFromTheRows() {
        assertAll(
                () -> refuses(() -> Dataset.classification(THREE.features(), List.of(0, 1), 2),
                        "features 3x2 and 2 labels differ in rows"),
                () -> refuses(() -> Datasets.oneHot(List.empty(), 2), "at least one label", "got none"),
                () -> refuses(() -> Dataset.classification(THREE.features(), List.of(0, 1, 5), 2),
                        "label 5", "position 2", "[0, 2)"));
    }
}
