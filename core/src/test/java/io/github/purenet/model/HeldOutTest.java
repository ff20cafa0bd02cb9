package io.github.purenet.model;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.TargetKind;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A {@link HeldOut} finds the same test part again from the same data, as the split functions of
 * {@link Datasets} made it, and refuses other data by their SHA-256.
 */
class HeldOutTest {

    /** Fractions with awkward roundings: 0.25 and 0.5 of odd counts round half up. */
    private static final double[] FRACTIONS = {0.1, 0.2, 0.25, 0.3, 1.0 / 3.0, 0.5, 0.75, 0.9};

    /**
     * Checks {@code check} at every fraction for which {@code expected} can split the data (both
     * parts non-empty), and returns how many that was.
     */
    private static int atEveryPossibleFraction(Function<Double, Split> expected, BiConsumer<Double, Split> check) {
        int checked = 0;
        for (double f : FRACTIONS) {
            Split split;
            try {
                split = expected.apply(f);
            } catch (IllegalArgumentException e) {
                continue; // a part would be empty
            }
            check.accept(f, split);
            checked++;
        }
        return checked;
    }

    @Test
    void aStratifiedHeldOutPartIsTheTestPartOfDatasetsStratifiedSplitOfOneHotTargets() {
        AtomicInteger checked = new AtomicInteger();
        Generator<Tuple2<Dataset, Key>> cases = Generators.pairs(
                Generators.datasets().rows(2, 40).outputs(2, 5).classification(), Generators.keys());
        Property.forAll(cases).check(t -> {
            Dataset data = t._1;
            Key key = t._2;
            checked.addAndGet(atEveryPossibleFraction(f -> Datasets.stratifiedSplit(data, key, f), (f, split) -> {
                HeldOut heldOut = HeldOut.stratified(data, key, f);
                assertEquals(split, heldOut.split(data));
                assertEquals(split.test(), heldOut.test(data));
                assertEquals(new HeldOut(key, f, true, HeldOut.sha256(data)), heldOut);
            }));
        });
        assertTrue(checked.get() > 300, "splits checked: " + checked);
    }

    @Test
    void aPlainHeldOutPartIsTheTestPartOfDatasetsSplit() {
        AtomicInteger checked = new AtomicInteger();
        Property.forAll(Generators.pairs(Generators.datasets().rows(2, 40), Generators.keys())).check(t -> {
            Dataset data = t._1;
            Key key = t._2;
            checked.addAndGet(atEveryPossibleFraction(f -> Datasets.split(data, key, f), (f, split) -> {
                HeldOut heldOut = HeldOut.of(data, key, f);
                assertEquals(split, heldOut.split(data));
                assertEquals(split.test(), heldOut.test(data));
                assertFalse(heldOut.stratified());
            }));
        });
        assertTrue(checked.get() > 300, "splits checked: " + checked);
    }

    /** One column of targets: the class is 1 at 0.5 and above, 0 below, as Evaluation.classesOf reads it. */
    @Test
    void aStratifiedSplitOfOneTargetColumnIsByTheHalfThreshold() {
        AtomicInteger checked = new AtomicInteger();
        Property.forAll(Generators.pairs(Generators.datasets().rows(2, 40).outputs(1, 1).targets(TargetKind.UNIT),
                Generators.keys())).check(t -> {
                    Dataset data = t._1;
                    Key key = t._2;
                    Vector<Integer> classes = Vector.range(0, data.size())
                            .map(i -> data.targets().get(i, 0) >= 0.5 ? 1 : 0);
                    checked.addAndGet(atEveryPossibleFraction(f -> Datasets.stratifiedSplit(data, classes, key, f),
                            (f, split) -> assertEquals(split, HeldOut.stratified(data, key, f).split(data))));
                });
        assertTrue(checked.get() > 300, "splits checked: " + checked);
        // 0.5 itself is class 1: targets 0.5, 0.5, 0.49, 0.49 are classes 1, 1, 0, 0
        Dataset edge = new Dataset(Matrix.of(4, 1, (i, j) -> i), Matrix.of(4, 1, (i, j) -> i < 2 ? 0.5 : 0.49));
        Split byHalf = Datasets.stratifiedSplit(edge, Vector.of(1, 1, 0, 0), Key.of(3), 0.5);
        assertEquals(byHalf, HeldOut.stratified(edge, Key.of(3), 0.5).split(edge));
        assertNotEquals(byHalf, Datasets.stratifiedSplit(edge, Vector.of(0, 0, 0, 0), Key.of(3), 0.5),
                "with 0.5 read as class 0, this key would split otherwise");
    }

    @Test
    void theSha256IsOfTheShapesAndBitsAsDocumented() {
        // the oracle: Python's hashlib.sha256(b(x) + b(y)),
        // with b(a) = struct.pack('>ii', *a.shape) + numpy.array(a).astype('>f8').tobytes()
        Dataset data = new Dataset(Matrix.of(new double[][] {{1.5, -0.0, 0.1}, {2.0, 1e-310, -3.25}}),
                Matrix.of(new double[][] {{1, 0}, {0, 1}}));
        assertEquals("31945fa2d23600413564a806b6ed6f1d9fd1e5dddade33b82df5ec2f22dd09b4", HeldOut.sha256(data));
        Dataset positiveZero = new Dataset(Matrix.of(new double[][] {{1.5, 0.0, 0.1}, {2.0, 1e-310, -3.25}}),
                data.targets().matrix());
        assertEquals("3296d9957afc093a81fbcea373f5204374afc665cda4ca87dd46f046f944531c", HeldOut.sha256(positiveZero));
    }

    @Test
    void theSameNumbersInOtherShapesHaveAnotherSha256() {
        // the entries read row by row are 1..6 in both; only the shapes differ
        Dataset a = new Dataset(Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.of(new double[][] {{5}, {6}}));
        Dataset b = new Dataset(Matrix.of(new double[][] {{1}, {2}}), Matrix.of(new double[][] {{3, 4}, {5, 6}}));
        assertNotEquals(HeldOut.sha256(a), HeldOut.sha256(b));
    }

    @Test
    void otherDataAreRefusedNamingBothHashes() {
        Dataset data = Dataset.classification(Matrix.of(10, 2, (i, j) -> i + j), Vector.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 2);
        HeldOut heldOut = HeldOut.stratified(data, Key.of(1), 0.2);
        Dataset changed = new Dataset(data.features().matrix().map(x -> x == 9.0 ? Math.nextUp(9.0) : x), data.targets().matrix());
        refuses(() -> heldOut.test(changed), "data: 10 examples (features 10x2, targets 10x2)", HeldOut.sha256(changed),
                heldOut.dataSha256(), "not the same data");
        Dataset fewer = data.rows(Vector.range(0, 9));
        refuses(() -> heldOut.split(fewer), "data: 9 examples (features 9x2, targets 9x2)", "not the same data");
        assertEquals(2, heldOut.test(data).size());
    }

    @Test
    void badFractionsHashesAndImpossibleSplitsAreRefused() {
        String sha = "0".repeat(64);
        for (double f : new double[] {0.0, 1.0, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            refuses(() -> new HeldOut(Key.of(1), f, true, sha), "testFraction", "(0, 1)", "got " + f);
        }
        for (String bad : new String[] {"", "0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64)}) {
            refuses(() -> new HeldOut(Key.of(1), 0.2, false, bad), "dataSha256", "64 lower-case", "\"" + bad + "\"");
        }
        assertThrows(NullPointerException.class, () -> new HeldOut(null, 0.2, false, sha));
        assertThrows(NullPointerException.class, () -> new HeldOut(Key.of(1), 0.2, false, null));
        Dataset two = new Dataset(Matrix.of(2, 1, (i, j) -> i), Matrix.of(2, 1, (i, j) -> i));
        refuses(() -> HeldOut.of(two, Key.of(1), 0.1), "testFraction 0.1 of 2 rows gives 0 test");
        refuses(() -> HeldOut.stratified(two, Key.of(1), 0.9), "stratifiedSplit", "rounded per class");
        refuses(() -> HeldOut.of(two, Key.of(1), 1.0), "testFraction", "got 1.0");
    }

    @Test
    void itPrintsItsSplitAndTheStartOfTheHash() {
        HeldOut h = new HeldOut(Key.of(1), 0.2, true, "3fa2c1d0" + "0".repeat(56));
        assertEquals("HeldOut[stratified 0.2 of data 3fa2c1d0...]", h.toString());
        assertEquals("HeldOut[0.25 of data 3fa2c1d0...]", new HeldOut(Key.of(1), 0.25, false, h.dataSha256()).toString());
    }
}
