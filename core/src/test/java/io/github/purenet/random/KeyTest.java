package io.github.purenet.random;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Key}: the oracle {@link SplittableRandom} (tests may use it, main code may not), pinned
 * values, statistics, uniform permutations, purity and bad input.
 *
 * <p>The statistical tests use fixed seeds, so each passes or fails for ever; the bounds of five
 * standard errors (a chance of about 6e-7 each for a correct generator) make a pass with these
 * seeds evidence, and a failure a real fault rather than bad luck.
 */
class KeyTest {

    private static final long[] SEEDS = {0L, 1L, -1L, 42L, 123_456_789L, Long.MIN_VALUE, Long.MAX_VALUE,
        0x9e3779b97f4a7c15L};
    private static final int N = 100_000;

    // ---- oracle: SplittableRandom ------------------------------------------------------------

    @Test
    void nextLongDrawsTheFirst1000LongsOfSplittableRandomForSeveralSeeds() {
        for (long seed : SEEDS) {
            SplittableRandom oracle = new SplittableRandom(seed);
            Key key = Key.of(seed);
            for (int n = 0; n < 1000; n++) {
                Draw<Long> draw = key.nextLong();
                assertEquals(oracle.nextLong(), draw.value(), "seed " + seed + ", draw " + n);
                key = draw.next();
            }
        }
    }

    @Test
    void uniformDrawsWhatNextDoubleDraws() {
        for (long seed : SEEDS) {
            SplittableRandom oracle = new SplittableRandom(seed);
            Key key = Key.of(seed);
            for (int n = 0; n < 1000; n++) {
                Draw<Double> draw = key.uniform();
                assertEquals(oracle.nextDouble(), draw.value(), "seed " + seed + ", draw " + n);
                key = draw.next();
            }
        }
    }

    /** A matrix of uniform draws in [0, 1) holds nextDouble's numbers row by row and uses them all up. */
    @Test
    void uniformMatrixHoldsNextDoubleRowByRowAndContinuesAfterIt() {
        for (long seed : SEEDS) {
            SplittableRandom oracle = new SplittableRandom(seed);
            Draw<Matrix> draw = Key.of(seed).uniform(7, 11, 0.0, 1.0);
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 11; j++) {
                    assertEquals(oracle.nextDouble(), draw.value().get(i, j), "seed " + seed + " at " + i + "," + j);
                }
            }
            assertEquals(oracle.nextLong(), draw.next().nextLong().value(), "seed " + seed + ": continuation");
        }
    }

    /** uniformAt(i) is the i-th nextDouble (from 0), the i-th uniform() of a chain of draws, and entry i of a row. */
    @Test
    void uniformAtIsTheDrawOfThatNumberWithoutDrawingTheOnesBefore() {
        for (long seed : SEEDS) {
            SplittableRandom oracle = new SplittableRandom(seed);
            Key key = Key.of(seed);
            Key chain = key;
            Matrix row = key.uniform(1, 300, 0.0, 1.0).value();
            for (int i = 0; i < 300; i++) {
                double expected = oracle.nextDouble();
                assertEquals(expected, key.uniformAt(i), "seed " + seed + " at " + i);
                Draw<Double> d = chain.uniform();
                assertEquals(d.value(), key.uniformAt(i), "seed " + seed + " at " + i);
                chain = d.next();
                assertEquals(row.get(0, i), key.uniformAt(i), "seed " + seed + " at " + i);
            }
            Key folded = key.foldIn(12_345);
            assertEquals(folded.uniform(3, 4, 0.0, 1.0).value().get(2, 1), folded.uniformAt(2 * 4 + 1));
        }
        refuses(() -> Key.of(1).uniformAt(-1), "index: expected a draw number >= 0, got -1");
    }

    @Test
    void splitGivesTheChildAndTheContinuationOfSplittableRandomSplit() {
        for (long seed : SEEDS) {
            SplittableRandom parent = new SplittableRandom(seed);
            SplittableRandom child = parent.split();
            Tuple2<Key, Key> keys = Key.of(seed).split();
            assertEquals(Vector.fill(1000, child::nextLong), longs(keys._1, 1000), "seed " + seed + ": child");
            assertEquals(Vector.fill(1000, parent::nextLong), longs(keys._2, 1000), "seed " + seed + ": parent");
        }
    }

    /** Splits of splits, and splits after draws, follow SplittableRandom too. */
    @Test
    void nestedSplitsAfterDrawsFollowSplittableRandom() {
        SplittableRandom parent = new SplittableRandom(42);
        parent.nextLong();
        parent.nextDouble();
        SplittableRandom child = parent.split();
        SplittableRandom grandchild = child.split();
        Key key = Key.of(42).nextLong().next().uniform().next();
        Tuple2<Key, Key> first = key.split();
        Tuple2<Key, Key> second = first._1.split();
        assertAll(
                () -> assertEquals(Vector.fill(100, grandchild::nextLong), longs(second._1, 100), "grandchild"),
                () -> assertEquals(Vector.fill(100, child::nextLong), longs(second._2, 100), "child"),
                () -> assertEquals(Vector.fill(100, parent::nextLong), longs(first._2, 100), "parent"));
    }

    /** split(n) gives the children of n successive splits, like n calls of SplittableRandom.split(). */
    @Test
    void splitIntoManyGivesTheChildrenOfSuccessiveSplits() {
        SplittableRandom parent = new SplittableRandom(7);
        Vector<Key> keys = Key.of(7).split(5);
        assertEquals(5, keys.size());
        for (Key key : keys) {
            SplittableRandom child = parent.split();
            assertEquals(Vector.fill(50, child::nextLong), longs(key, 50), key.toString());
        }
    }

    /** normal() is Box-Muller over two nextDouble draws, as documented, with StrictMath. */
    @Test
    void normalIsBoxMullerOverTwoNextDoubles() {
        for (long seed : SEEDS) {
            SplittableRandom oracle = new SplittableRandom(seed);
            Key key = Key.of(seed);
            Draw<Matrix> matrix = Key.of(seed).normal(10, 10, 0.0, 1.0);
            for (int n = 0; n < 100; n++) {
                double u = 1.0 - oracle.nextDouble();
                double v = oracle.nextDouble();
                double expected = StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
                Draw<Double> draw = key.normal();
                assertEquals(expected, draw.value(), "seed " + seed + ", draw " + n);
                assertEquals(expected, matrix.value().get(n / 10, n % 10), "seed " + seed + ", entry " + n);
                key = draw.next();
            }
            assertEquals(key, matrix.next(), "a matrix of 100 normals uses 200 draws, like 100 normal() calls");
        }
    }

    /** permutation(n) sorts the indices by one nextLong each, stably, as documented. */
    @Test
    void permutationSortsTheIndicesByOneNextLongEach() {
        for (long seed : SEEDS) {
            for (int n : new int[] {0, 1, 2, 10, 257}) {
                SplittableRandom oracle = new SplittableRandom(seed);
                long[] draws = oracle.longs(n).toArray();
                Vector<Integer> expected = Vector.ofAll(IntStream.range(0, n).boxed()
                        .sorted(Comparator.comparingLong(i -> draws[i])).toList());
                Draw<Vector<Integer>> draw = Key.of(seed).permutation(n);
                assertEquals(expected, draw.value(), "seed " + seed + ", n " + n);
                assertEquals(oracle.nextLong(), draw.next().nextLong().value(), "continuation, seed " + seed + ", n " + n);
            }
        }
    }

    // ---- pinned values -----------------------------------------------------------------------

    /** The bits of a few draws from seed 42: a change of algorithm fails here first. */
    @Test
    void drawsFromSeed42ArePinned() {
        Key key = Key.of(42);
        assertAll(
                () -> assertEquals(-4767286540954276203L, key.nextLong().value()),
                () -> assertEquals(0.7415648787718233, key.uniform().value()),
                () -> assertEquals(0.8822489062222688, key.normal().value()),
                () -> assertEquals(Matrix.of(new double[][] {
                    {0.4831297575436466, -0.6801792142461598, -0.4427977394897227},
                    {-0.31161856695272494, -0.9239396629195076, 0.7364561530930647}}),
                        key.uniform(2, 3, -1.0, 1.0).value()),
                () -> assertEquals(Matrix.of(new double[][] {
                    {2.764497812444538, 0.09830024856227981},
                    {1.376705268231863, 1.439172758381522}}),
                        key.normal(2, 2, 1.0, 2.0).value()),
                () -> assertEquals(Vector.of(9, 0, 7, 5, 4, 1, 6, 2, 8, 3), key.permutation(10).value()),
                () -> assertEquals(new Key(0xbdd732262feb6e95L, 0x077fb59b63a77005L), key.split()._1),
                () -> assertEquals(new Key(0x3c6ef372fe94f854L, 0x9e3779b97f4a7c15L), key.split()._2),
                () -> assertEquals("Key[0x2a, 0x9e3779b97f4a7c15]", key.toString()));
    }

    // ---- statistics --------------------------------------------------------------------------

    /**
     * U(0, 1) has mean 1/2 and variance 1/12. The mean of n draws has standard error
     * sqrt(1/12/n) (9.1e-4 for n = 100,000); the sample variance has standard deviation
     * sqrt((μ4 - σ⁴)/n) with μ4 = 1/80, so sqrt((1/80 - 1/144)/n) = sqrt(1/180/n) (2.4e-4).
     * Bounds: five of each. Neighbours are uncorrelated: the lag-1 correlation of independent
     * draws has standard error 1/sqrt(n) (3.2e-3).
     */
    @Test
    void uniformDrawsHaveMeanOneHalfAndVarianceOneTwelfth() {
        double[] fromMatrix = entries(Key.of(2024).uniform(250, 400, 0.0, 1.0).value());
        double[] chained = chained(Key.of(2025), Key::uniform, N);
        for (double[] x : new double[][] {fromMatrix, chained}) {
            assertEquals(N, x.length);
            assertTrue(Arrays.stream(x).allMatch(u -> u >= 0.0 && u < 1.0), "all in [0, 1)");
            assertEquals(0.5, mean(x), 5 * Math.sqrt(1.0 / 12 / N), "mean");
            assertEquals(1.0 / 12, variance(x), 5 * Math.sqrt(1.0 / 180 / N), "variance");
            assertEquals(0.0, lagOneCorrelation(x), 5 / Math.sqrt(N), "lag-1 correlation");
        }
    }

    /** Scaled to [low, high): mean (low + high)/2, variance (high - low)²/12, every entry inside. */
    @Test
    void uniformMatrixScalesToItsBounds() {
        double low = -3.0;
        double high = 5.0;
        double[] x = entries(Key.of(9).uniform(400, 250, low, high).value());
        double width = high - low;
        assertTrue(Arrays.stream(x).allMatch(u -> u >= low && u < high), "all in [low, high)");
        assertEquals(1.0, mean(x), 5 * width * Math.sqrt(1.0 / 12 / N), "mean");
        assertEquals(width * width / 12, variance(x), 5 * width * width * Math.sqrt(1.0 / 180 / N), "variance");
    }

    /**
     * Bounds whose distance overflows a double ({@code 1e308 - (-1e308)} is infinite) still give
     * draws spread over [low, high). Divided by 1e308 they are U(-1, 1): mean 0 and variance 1/3,
     * with bounds of five standard errors as above, scaled by the width 2 (and 4 for the variance).
     */
    @Test
    void uniformMatrixWithAnOverflowingWidthStaysUniform() {
        double[] x = entries(Key.of(3).uniform(100, 1000, -1e308, 1e308).value());
        assertTrue(Arrays.stream(x).allMatch(u -> u >= -1e308 && u < 1e308), "all in [low, high)");
        double[] scaled = Arrays.stream(x).map(u -> u / 1e308).toArray();
        assertEquals(0.0, mean(scaled), 5 * 2 * Math.sqrt(1.0 / 12 / N), "mean / 1e308");
        assertEquals(1.0 / 3, variance(scaled), 5 * 4 * Math.sqrt(1.0 / 180 / N), "variance / 1e308²");
    }

    /**
     * N(0, 1): the mean of n draws has standard error 1/sqrt(n) and the sample variance standard
     * deviation sqrt(2/n) (μ4 = 3); bounds of five of each (0.016 and 0.022 for n = 100,000).
     */
    @Test
    void normalDrawsHaveMeanZeroAndVarianceOne() {
        double[] fromMatrix = entries(Key.of(2024).normal(250, 400, 0.0, 1.0).value());
        double[] chained = chained(Key.of(2025), Key::normal, N);
        for (double[] x : new double[][] {fromMatrix, chained}) {
            assertEquals(N, x.length);
            assertTrue(Arrays.stream(x).allMatch(Double::isFinite), "all finite");
            assertEquals(0.0, mean(x), 5 / Math.sqrt(N), "mean");
            assertEquals(1.0, variance(x), 5 * Math.sqrt(2.0 / N), "variance");
            assertEquals(0.0, lagOneCorrelation(x), 5 / Math.sqrt(N), "lag-1 correlation");
            // P(|Z| > 1.96) = 0.05, a binomial proportion with standard error sqrt(0.05 · 0.95 / n)
            double tails = Arrays.stream(x).filter(z -> Math.abs(z) > 1.959963984540054).count() / (double) N;
            assertEquals(0.05, tails, 5 * Math.sqrt(0.05 * 0.95 / N), "two-sided 5% tails");
        }
    }

    /** normal(rows, cols, mean, sd) is mean + sd · N(0, 1), exactly and in distribution. */
    @Test
    void normalMatrixScalesByItsMeanAndStandardDeviation() {
        Matrix standard = Key.of(11).normal(250, 400, 0.0, 1.0).value();
        Matrix scaled = Key.of(11).normal(250, 400, 3.0, 2.0).value();
        assertEquals(standard.map(z -> 3.0 + 2.0 * z), scaled, "the same draws, scaled and shifted");
        double[] x = entries(scaled);
        assertEquals(3.0, mean(x), 5 * 2.0 / Math.sqrt(N), "mean");
        assertEquals(4.0, variance(x), 5 * 4.0 * Math.sqrt(2.0 / N), "variance");
        assertEquals(Matrix.filled(3, 4, 7.0), Key.of(11).normal(3, 4, 7.0, 0.0).value(), "sd 0 gives the mean");
    }

    // ---- permutations ------------------------------------------------------------------------

    /** The 0.999 quantile of chi-square with 23 degrees of freedom (24 outcomes, 4! = 24). */
    private static final double CHI_SQUARE_23_0_999 = 49.728;

    @Test
    void permutationsOfFourFromSuccessiveKeysAreUniform() {
        int[] counts = new int[256];
        Key key = Key.of(4);
        for (int t = 0; t < 60_000; t++) {
            Draw<Vector<Integer>> draw = key.permutation(4);
            counts[code(draw.value())]++;
            key = draw.next();
        }
        assertUniformOverPermutationsOfFour(counts);
    }

    /**
     * With seed 5 the statistic is 47.5, near the bound (p about 0.002); over the 100 seeds
     * 1000..1099 of the same experiment it had mean 22.5 and variance 44.9 (chi-square(23): 23
     * and 46), so this is chance, not a fault. Seed 4 of the test above gives 29.9.
     */
    @Test
    void permutationsOfFourFromSplitKeysAreUniform() {
        int[] counts = new int[256];
        Key.of(5).split(60_000).forEach(k -> counts[code(k.permutation(4).value())]++);
        assertUniformOverPermutationsOfFour(counts);
    }

    /** A permutation of 0..3 as the base-4 number p0 p1 p2 p3, after checking that it is one. */
    private static int code(Vector<Integer> p) {
        int seen = 0;
        int code = 0;
        for (int i : p) {
            seen |= 1 << i;
            code = 4 * code + i;
        }
        assertTrue(p.size() == 4 && seen == 0b1111, () -> p + " is not a permutation of 0..3");
        return code;
    }

    /** Every one of the 24 permutations occurs, and chi-square over them is below its 0.999 quantile. */
    private static void assertUniformOverPermutationsOfFour(int[] counts) {
        int total = Arrays.stream(counts).sum();
        double expected = total / 24.0;
        assertEquals(24, Arrays.stream(counts).filter(c -> c > 0).count(), "every permutation occurs");
        double chiSquare = Arrays.stream(counts).filter(c -> c > 0)
                .mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertTrue(chiSquare < CHI_SQUARE_23_0_999, "chi-square " + chiSquare + " >= " + CHI_SQUARE_23_0_999
                + " over counts " + Arrays.toString(counts));
    }

    @Test
    void permutationsOfEverySizeUpTo64AreBijections() {
        Key key = Key.of(64);
        for (int n = 0; n <= 64; n++) {
            Draw<Vector<Integer>> draw = key.permutation(n);
            assertEquals(Vector.range(0, n), draw.value().sorted(), "n = " + n);
            key = draw.next();
        }
    }

    @Test
    void permutationsOfZeroAndOneElementAreEmptyAndTheIdentity() {
        Key key = Key.of(1);
        assertAll(
                () -> assertEquals(Vector.empty(), key.permutation(0).value()),
                () -> assertEquals(key, key.permutation(0).next(), "no draw is used"),
                () -> assertEquals(Vector.of(0), key.permutation(1).value()),
                () -> assertEquals(key.nextLong().next(), key.permutation(1).next(), "one draw is used"));
    }

    // ---- purity ------------------------------------------------------------------------------

    @Test
    void theSameKeyGivesTheSameDrawEveryTime() {
        Key key = Key.of(77).split()._1;
        assertAll(
                () -> assertEquals(key.nextLong(), key.nextLong()),
                () -> assertEquals(key.uniform(), key.uniform()),
                () -> assertEquals(key.normal(), key.normal()),
                () -> assertEquals(key.uniform(5, 6, -2, 3), key.uniform(5, 6, -2, 3)),
                () -> assertEquals(key.normal(5, 6, 1, 2), key.normal(5, 6, 1, 2)),
                () -> assertEquals(key.permutation(20), key.permutation(20)),
                () -> assertEquals(key.split(), key.split()),
                () -> assertEquals(key.split(4), key.split(4)),
                () -> assertEquals(key.foldIn(3), key.foldIn(3)));
    }

    /**
     * Draws depend on the key's two numbers alone: not on which object holds them, on draws from
     * other keys in between, on what was drawn from this key before, or on the thread.
     */
    @Test
    void drawsDependOnNothingButTheKey() throws Exception {
        Key key = Key.of(5).split()._1;
        Draw<Matrix> first = key.normal(30, 30, 0.0, 1.0);
        Key copy = new Key(key.state(), key.gamma());
        Key.of(6).normal(100, 100, 0.0, 1.0);          // other keys in use in between
        key.uniform(100, 100, 0.0, 1.0);               // this key used before, wrongly, for something else
        Draw<Matrix> onAnotherThread = CompletableFuture.supplyAsync(() -> copy.normal(30, 30, 0.0, 1.0)).get();
        assertAll(
                () -> assertEquals(first, copy.normal(30, 30, 0.0, 1.0)),
                () -> assertEquals(first, key.normal(30, 30, 0.0, 1.0)),
                () -> assertEquals(first, onAnotherThread));
    }

    @Test
    void foldInGivesTheSameKeyForTheSameNumberAndDifferentKeysForDifferentNumbers() {
        Key key = Key.of(8);
        Vector<Long> data = Vector.range(-500L, 500L).appendAll(Vector.of(Long.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE + 1, Long.MAX_VALUE - 1));
        Vector<Key> folded = data.map(key::foldIn);
        assertAll(
                () -> assertEquals(data.map(key::foldIn), folded, "same number, same key"),
                () -> assertEquals(data.size(), HashSet.ofAll(folded).size(), "different numbers, different keys"),
                () -> assertEquals(data.size(), HashSet.ofAll(folded.map(k -> k.nextLong().value())).size(),
                        "different numbers, different first draws"),
                () -> assertNotEquals(key.foldIn(0), Key.of(9).foldIn(0), "different keys, different folds"),
                () -> assertEquals(Key.of(8), key, "folding does not change the key"));
    }

    /** foldIn(e) gives streams of its own: none is a split child, the key itself or its continuation. */
    @Test
    void foldInDoesNotRepeatSplitChildren() {
        Key key = Key.of(10);
        Vector<Key> folded = Vector.range(0L, 1000L).map(key::foldIn);
        Vector<Key> children = key.split(1000);
        Vector<Key> continuations = Iterator.iterate(key.split()._2, k -> k.split()._2).take(1000).toVector();
        HashSet<Key> all = HashSet.ofAll(folded).addAll(children).addAll(continuations).add(key);
        assertEquals(3001, all.size(), "a folded key equals a split child, a continuation or the key");
        HashSet<Long> firstDraws = HashSet.ofAll(folded.appendAll(children).map(k -> k.nextLong().value()));
        assertEquals(2000, firstDraws.size(), "a folded key starts like a split child");
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void badInputIsRefusedWithTheBadValueInTheMessage() {
        Key key = Key.of(1);
        assertAll(
                () -> refuses(() -> key.uniform(2, 2, 1.0, 1.0), "1.0, 1.0"),
                () -> refuses(() -> key.uniform(2, 2, 2.0, 1.0), "2.0, 1.0"),
                () -> refuses(() -> key.uniform(2, 2, Double.NaN, 1.0), "NaN"),
                () -> refuses(() -> key.uniform(2, 2, 0.0, Double.NaN), "NaN"),
                () -> refuses(() -> key.uniform(2, 2, Double.NEGATIVE_INFINITY, 1.0), "-Infinity"),
                () -> refuses(() -> key.uniform(2, 2, 0.0, Double.POSITIVE_INFINITY), "Infinity"),
                () -> refuses(() -> key.normal(2, 2, 0.0, -1.0), "-1.0"),
                () -> refuses(() -> key.normal(2, 2, 0.0, Double.NaN), "NaN"),
                () -> refuses(() -> key.normal(2, 2, 0.0, Double.POSITIVE_INFINITY), "Infinity"),
                () -> refuses(() -> key.normal(2, 2, Double.NaN, 1.0), "NaN"),
                () -> refuses(() -> key.permutation(-1), "n", "-1"),
                () -> refuses(() -> key.split(0), "n", "got 0"),
                () -> refuses(() -> key.split(-3), "n", "-3"),
                () -> refuses(() -> new Key(1L, 2L), "gamma", "2"),
                () -> refuses(() -> new Key(1L, 0L), "gamma", "0"),
                () -> refuses(() -> key.uniform(0, 3, 0.0, 1.0), "0x3"),
                () -> refuses(() -> key.normal(3, -1, 0.0, 1.0), "3x-1"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The first n longs drawn from a key, each draw from the previous one's next key. */
    private static Vector<Long> longs(Key key, int n) {
        return Iterator.iterate(key.nextLong(), d -> d.next().nextLong()).take(n).map(Draw::value).toVector();
    }

    private static double[] chained(Key key, Function<Key, Draw<Double>> draw, int n) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            Draw<Double> d = draw.apply(key);
            x[t] = d.value();
            key = d.next();
        }
        return x;
    }

    private static double[] entries(Matrix m) {
        return Arrays.stream(m.toArray()).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    /** The sample variance, with divisor n - 1. */
    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    private static double lagOneCorrelation(double[] x) {
        double m = mean(x);
        double products = 0.0;
        for (int t = 1; t < x.length; t++) {
            products += (x[t] - m) * (x[t - 1] - m);
        }
        return products / (x.length - 1) / variance(x);
    }
}
