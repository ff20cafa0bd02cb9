package io.github.purenet.data;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

class BatchingTest {

    private static final Key KEY = Key.of(42);

    /** n examples whose feature is the row number and whose target is minus it. */
    private static Dataset numbered(int n) {
        return new Dataset(Matrix.of(n, 1, (i, j) -> i), Matrix.of(n, 1, (i, j) -> -i));
    }

    /** The row numbers of a batch, checking that each target belongs to its input. */
    private static Vector<Integer> rowNumbers(Batch b) {
        return Vector.range(0, b.size()).map(i -> {
            assertEquals(b.inputs().get(i, 0), -b.targets().get(i, 0), 0.0, "target of row " + i);
            return (int) b.inputs().get(i, 0);
        });
    }

    /** The batches of one epoch. */
    private static Vector<Batch> epoch(Batching batching, Dataset data, long epoch) {
        Vector<Integer> order = batching.order(KEY, epoch, data.size());
        return Vector.range(0, batching.batchesPerEpoch(data.size()))
                .map(k -> batching.batch(data, order, epoch, k));
    }

    @Test
    void keepVisitsEveryRowExactlyOncePerEpochWithASmallerLastBatch() {
        Batching batching = Batching.miniBatches(10);
        Dataset data = numbered(25);
        assertEquals(3, batching.batchesPerEpoch(25));
        for (long e = 0; e < 3; e++) {
            Vector<Batch> batches = epoch(batching, data, e);
            assertEquals(Vector.of(10, 10, 5), batches.map(Batch::size));
            assertEquals(Vector.range(0, 25), batches.flatMap(BatchingTest::rowNumbers).sorted(), "epoch " + e);
            assertEquals(Vector.of(0, 1, 2), batches.map(Batch::index));
            long epoch = e;
            assertTrue(batches.forAll(b -> b.epoch() == epoch));
        }
    }

    @Test
    void dropGivesOnlyFullBatchesOfDistinctRows() {
        Batching batching = Batching.miniBatches(10).withLastBatch(LastBatch.DROP);
        Dataset data = numbered(25);
        assertEquals(2, batching.batchesPerEpoch(25));
        Vector<Batch> batches = epoch(batching, data, 0);
        assertEquals(Vector.of(10, 10), batches.map(Batch::size));
        Vector<Integer> rows = batches.flatMap(BatchingTest::rowNumbers);
        assertEquals(20, rows.distinct().size());
        assertEquals(batching.order(KEY, 0, 25).take(20), rows);
    }

    @Test
    void theShuffledOrderIsThePermutationOfTheKeyFoldedWithTheEpoch() {
        Batching batching = Batching.miniBatches(4);
        assertEquals(KEY.foldIn(3).permutation(25).value(), batching.order(KEY, 3, 25));
        assertEquals(Vector.range(0, 25), batching.order(KEY, 3, 25).sorted());
    }

    @Test
    void ordersAreEqualForTheSameKeyAndEpochAndDifferBetweenEpochsAndKeys() {
        Batching batching = Batching.miniBatches(8);
        assertEquals(batching.order(KEY, 5, 100), batching.order(Key.of(42), 5, 100));
        assertNotEquals(batching.order(KEY, 5, 100), batching.order(KEY, 6, 100));
        assertNotEquals(batching.order(KEY, 0, 100), batching.order(KEY, 1, 100));
        assertNotEquals(batching.order(KEY, 5, 100), batching.order(Key.of(43), 5, 100));
    }

    @Test
    void aBatchIsAPureFunctionOfKeyEpochAndIndex() {
        Batching batching = Batching.miniBatches(7);
        Dataset data = numbered(30);
        Batch b = batching.batch(data, KEY, 4, 2);
        assertEquals(b, batching.batch(data, Key.of(42), 4, 2));
        assertEquals(b, batching.batch(data, batching.order(KEY, 4, 30), 4, 2));
        assertEquals(batching.order(KEY, 4, 30).slice(14, 21), rowNumbers(b));
        Vector<Integer> rows = batching.order(KEY, 4, 30).slice(14, 21);
        assertEquals("Batch[epoch 4, index 2: inputs Matrix[7x1 " + rows.map(r -> "[" + (double) r + "]").mkString("[", ", ", "]")
                + "], targets Matrix[7x1 " + rows.map(r -> "[" + (double) -r + "]").mkString("[", ", ", "]") + "]]",
                b.toString());
    }

    @Test
    void withoutShuffleBatchesFollowTheOriginalOrder() {
        Batching batching = Batching.miniBatches(10).withShuffle(false);
        assertEquals(Vector.range(0, 25), batching.order(KEY, 7, 25));
        assertEquals(Vector.range(20, 25), rowNumbers(batching.batch(numbered(25), KEY, 7, 2)));
        assertFalse(batching.shuffle());
        assertEquals("Batching[size 10, in order, KEEP]", batching.toString());
    }

    @Test
    void fullBatchIsOneBatchOfAllRowsInOrder() {
        Batching full = Batching.fullBatch();
        Dataset data = numbered(25);
        assertEquals(1, full.batchesPerEpoch(25));
        Batch b = full.batch(data, KEY, 9, 0);
        assertEquals(data.features().matrix(), b.inputs());
        assertEquals(data.targets().matrix(), b.targets());
        assertEquals("Batching[full, in order, KEEP]", full.toString());
    }

    @Test
    void aBatchLargerThanTheDatasetIsOneBatchOfAllRowsWithKeepAndRefusedWithDrop() {
        Dataset data = numbered(5);
        Batching keep = Batching.miniBatches(64);
        assertEquals(1, keep.batchesPerEpoch(5));
        assertEquals(Vector.range(0, 5), rowNumbers(keep.batch(data, KEY, 0, 0)).sorted());
        Batching drop = keep.withLastBatch(LastBatch.DROP);
        assertAll(
                () -> refuses(() -> drop.batchesPerEpoch(5), "batch size of 64", "DROP", "5 rows"),
                () -> refuses(() -> drop.batch(data, KEY, 0, 0), "batch size of 64", "DROP", "5 rows"));
        assertEquals(1, Batching.miniBatches(5).withLastBatch(LastBatch.DROP).batchesPerEpoch(5));
    }

    @Test
    void refusesSizesBelowOneAtConstruction() {
        assertAll(
                () -> refuses(() -> Batching.miniBatches(0), "size", "at least 1", "got 0"),
                () -> refuses(() -> Batching.miniBatches(-3), "got -3"),
                () -> refuses(() -> new Batching(0, false, LastBatch.KEEP), "got 0"),
                () -> fails(NullPointerException.class, () -> Batching.miniBatches(2).withLastBatch(null), "lastBatch"));
    }

    @Test
    void refusesIndicesOutsideTheEpochAndNegativeEpochsNamingTheNumbers() {
        Batching batching = Batching.miniBatches(10);
        Dataset data = numbered(25);
        Vector<Integer> order = batching.order(KEY, 0, 25);
        assertAll(
                () -> refuses(() -> batching.batch(data, KEY, 0, 3), "index 3", "[0, 3)", "25 rows", "batches of 10"),
                () -> refuses(() -> batching.batch(data, order, 0, -1), "index -1", "[0, 3)"),
                () -> refuses(() -> batching.withLastBatch(LastBatch.DROP).batch(data, order, 0, 2),
                        "index 2", "[0, 2)"),
                () -> refuses(() -> batching.batch(data, KEY, -1, 0), "epoch", "got -1"),
                () -> refuses(() -> batching.order(KEY, -2, 25), "epoch", "got -2"),
                () -> refuses(() -> batching.batch(data, order.take(24), 0, 0), "order of 24 rows", "25 rows"),
                () -> refuses(() -> batching.batchesPerEpoch(0), "at least 1", "got 0"),
                () -> refuses(() -> batching.order(KEY, 0, 0), "at least 1", "got 0"));
    }

    @Test
    void batchRecordRefusesMismatchedRowsAndNegativePlaces() {
        assertAll(
                () -> refuses(() -> new Batch(Matrix.filled(10, 4, 0), Matrix.filled(9, 3, 0), 0, 0),
                        "inputs 10x4 and targets 9x3 differ in rows"),
                () -> refuses(() -> new Batch(Matrix.row(1), Matrix.row(1), -1, 0), "epoch -1"),
                () -> refuses(() -> new Batch(Matrix.row(1), Matrix.row(1), 0, -5), "index -5"),
                () -> refuses(() -> new Batch(Matrix.row(Double.NaN), Matrix.row(1), 0, 0), "inputs", "NaN"));
    }
}
