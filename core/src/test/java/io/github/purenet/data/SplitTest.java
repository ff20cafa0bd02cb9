package io.github.purenet.data;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** {@link Datasets#split} and {@link Datasets#stratifiedSplit}. */
class SplitTest {

    /** n examples whose first feature is the row number, so that each row says where it came from. */
    private static Dataset numbered(int n) {
        return new Dataset(Matrix.of(n, 2, (i, j) -> j == 0 ? i : i * 0.5), Matrix.of(n, 1, (i, j) -> -i));
    }

    /** The first feature of each row: the original row numbers of a part. */
    private static Vector<Integer> rowNumbers(Dataset d) {
        return Vector.range(0, d.size()).map(i -> (int) d.features().get(i, 0));
    }

    /** Class 0 for the first a rows, 1 for the next b, 2 for the next c. */
    private static Vector<Integer> classes(int a, int b, int c) {
        return Vector.fill(a, 0).appendAll(Vector.fill(b, 1)).appendAll(Vector.fill(c, 2));
    }

    @Test
    void splitSizesAreTheRoundedFraction() {
        Split s = Datasets.split(numbered(100), Key.of(1), 0.2);
        assertEquals(80, s.train().size());
        assertEquals(20, s.test().size());
        // 10 * 0.25 = 2.5 rounds half up to 3
        Split t = Datasets.split(numbered(10), Key.of(1), 0.25);
        assertEquals(7, t.train().size());
        assertEquals(3, t.test().size());
    }

    @Test
    void aSplitPrintsItsTwoDatasets() {
        Split s = new Split(new Dataset(Matrix.row(1, 2), Matrix.row(-0.0)), new Dataset(Matrix.row(3, 4), Matrix.row(0)));
        assertEquals("Split[train Dataset[1: features Table[1x2 [[1.0, 2.0]]], targets Table[1x1 [[-0.0]]]], "
                + "test Dataset[1: features Table[1x2 [[3.0, 4.0]]], targets Table[1x1 [[0.0]]]]]", s.toString());
    }

    @Test
    void partsAreDisjointAndTogetherHoldEveryRowOnce() {
        Dataset data = numbered(37);
        Split s = Datasets.split(data, Key.of(5), 0.3);
        Vector<Integer> train = rowNumbers(s.train());
        Vector<Integer> test = rowNumbers(s.test());
        assertTrue(train.toSet().intersect(test.toSet()).isEmpty(), "train and test share rows");
        assertEquals(Vector.range(0, 37), train.appendAll(test).sorted());
        // each part keeps the original order, and its rows are the original rows, features with targets
        assertEquals(train.sorted(), train);
        assertEquals(data.rows(train), s.train());
        assertEquals(data.rows(test), s.test());
    }

    @Test
    void theSameKeyGivesTheSameSplitAndDifferentKeysDifferentOnes() {
        Dataset data = numbered(100);
        assertEquals(Datasets.split(data, Key.of(9), 0.2), Datasets.split(data, Key.of(9), 0.2));
        assertNotEquals(rowNumbers(Datasets.split(data, Key.of(9), 0.2).test()),
                rowNumbers(Datasets.split(data, Key.of(10), 0.2).test()));
    }

    @Test
    void theTestRowsAreTheFirstOfThePermutationDrawnFromTheKey() {
        Key key = Key.of(3);
        Split s = Datasets.split(numbered(20), key, 0.25);
        assertEquals(key.permutation(20).value().take(5).sorted(), rowNumbers(s.test()));
    }

    @Test
    void stratifiedSplitKeepsTheClassProportionsExactly() {
        Vector<Integer> labels = classes(20, 40, 60);
        Dataset data = Dataset.classification(numbered(120).features(), labels, 3);
        Split s = Datasets.stratifiedSplit(data, Key.of(2), 0.25);
        assertEquals(Vector.of(15, 30, 45), countPerClass(s.train()));
        assertEquals(Vector.of(5, 10, 15), countPerClass(s.test()));
    }

    @Test
    void stratifiedSplitRoundsEachClassHalfUp() {
        // 8 * 0.25 = 2; 6 * 0.25 = 1.5 -> 2; 10 * 0.25 = 2.5 -> 3; a class of 1 -> 0.25 -> 0
        Vector<Integer> labels = classes(8, 6, 10).append(3);
        Dataset data = Dataset.classification(numbered(25).features(), labels, 4);
        Split s = Datasets.stratifiedSplit(data, Key.of(4), 0.25);
        assertEquals(Vector.of(2, 2, 3, 0), countPerClass(s.test(), 4));
        assertEquals(Vector.of(6, 4, 7, 1), countPerClass(s.train(), 4));
    }

    @Test
    void stratifiedSplitByExplicitLabelsSplitsEachClassAndCoversEveryRowOnce() {
        // labels need not be 0..k-1; the targets here are regression values
        Vector<Integer> labels = Vector.range(0, 30).map(i -> i % 3 == 0 ? -7 : 12);
        Dataset data = numbered(30);
        Split s = Datasets.stratifiedSplit(data, labels, Key.of(6), 0.5);
        Vector<Integer> test = rowNumbers(s.test());
        Vector<Integer> train = rowNumbers(s.train());
        assertEquals(5, test.count(i -> labels.get(i) == -7));
        assertEquals(10, test.count(i -> labels.get(i) == 12));
        assertTrue(train.toSet().intersect(test.toSet()).isEmpty());
        assertEquals(Vector.range(0, 30), train.appendAll(test).sorted());
        assertEquals(s, Datasets.stratifiedSplit(data, labels, Key.of(6), 0.5));
        assertNotEquals(s, Datasets.stratifiedSplit(data, labels, Key.of(7), 0.5));
    }

    @Test
    void splitsRefuseFractionsOutsideTheOpenUnitIntervalNamingThem() {
        Dataset data = numbered(10);
        assertAll(
                () -> refuses(() -> Datasets.split(data, Key.of(1), 0.0), "testFraction", "(0, 1)", "0.0"),
                () -> refuses(() -> Datasets.split(data, Key.of(1), 1.0), "testFraction", "1.0"),
                () -> refuses(() -> Datasets.split(data, Key.of(1), -0.5), "-0.5"),
                () -> refuses(() -> Datasets.split(data, Key.of(1), Double.NaN), "NaN"),
                () -> refuses(() -> Datasets.stratifiedSplit(data, Vector.fill(10, 0), Key.of(1), 1.5), "1.5"));
    }

    @Test
    void splitsRefuseFractionsThatLeaveAPartEmptyNamingTheNumbers() {
        assertAll(
                () -> refuses(() -> Datasets.split(numbered(10), Key.of(1), 0.01),
                        "testFraction 0.01 of 10 rows gives 0 test and 10 training rows", "at least one row"),
                () -> refuses(() -> Datasets.split(numbered(10), Key.of(1), 0.99),
                        "gives 10 test and 0 training rows"),
                () -> refuses(() -> Datasets.split(numbered(1), Key.of(1), 0.5), "of 1 rows"),
                () -> refuses(() -> Datasets.stratifiedSplit(numbered(4), Vector.of(0, 1, 2, 3), Key.of(1), 0.4),
                        "gives 0 test and 4 training rows (rounded per class)"));
    }

    @Test
    void stratifiedSplitRefusesAsManyLabelsAsRowsOnly() {
        refuses(() -> Datasets.stratifiedSplit(numbered(10), List.of(0, 1), Key.of(1), 0.5),
                "2 labels for a dataset of 10 rows");
    }

    private static Vector<Integer> countPerClass(Dataset d) {
        return countPerClass(d, d.targets().columns());
    }

    private static Vector<Integer> countPerClass(Dataset d, int classes) {
        Vector<Integer> labels = Datasets.labels(d.targets().matrix());
        return Vector.range(0, classes).map(c -> labels.count(c::equals));
    }
}
