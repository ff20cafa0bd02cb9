package io.github.purenet.data;

import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * How an epoch is cut into batches, as a value: the batch size, whether rows are shuffled each
 * epoch, and what happens to leftover rows ({@link LastBatch}).
 *
 * <p>Batch {@code index} of epoch {@code epoch} is a pure function of (key, epoch, index): the rows
 * of the epoch are put in {@link #order(Key, long, int) order} (a permutation drawn from
 * {@code key.foldIn(epoch)} when shuffling, the original order otherwise), and batch {@code k} takes
 * positions {@code [k · size, min((k + 1) · size, n))} of that order.
 * <pre>{@code
 * Batching b = Batching.miniBatches(10);                         // shuffled, last batch kept
 * b.batchesPerEpoch(25);                                         // 3: batches of 10, 10 and 5
 * b.withLastBatch(LastBatch.DROP).batchesPerEpoch(25);           // 2: batches of 10 and 10
 * Vector<Integer> order = b.order(key, epoch, data.size());      // compute once per epoch...
 * Batch first = b.batch(data, order, epoch, 0);                  // ...and cut it into batches
 * }</pre>
 *
 * <p>A batch size at least the number of rows gives, with {@link LastBatch#KEEP}, one batch of all
 * rows; with {@link LastBatch#DROP} there would be no batch at all, so {@link #batchesPerEpoch(int)}
 * and {@code batch} refuse it, naming both numbers.
 *
 * @param size the number of rows of a batch, at least 1; {@link Integer#MAX_VALUE} for full batches
 * @param shuffle whether each epoch visits the rows in a fresh random order
 * @param lastBatch what to do with the rows left over when {@code size} does not divide the rows
 */
public record Batching(int size, boolean shuffle, LastBatch lastBatch) {

    /**
     * Checks that the size is positive.
     *
     * @param size the number of rows of a batch, at least 1
     * @param shuffle whether each epoch visits the rows in a fresh random order
     * @param lastBatch what to do with the rows left over when {@code size} does not divide the rows
     */
    public Batching {
        if (size < 1) {
            throw new IllegalArgumentException("size: expected a batch size of at least 1, got " + size);
        }
        Objects.requireNonNull(lastBatch, "lastBatch is null");
    }

    /**
     * Full-batch training: every batch is all the rows, in their original order. This is a batch
     * size of {@link Integer#MAX_VALUE}, not shuffled, with {@link LastBatch#KEEP}.
     *
     * @return the batching of one batch of all rows per epoch
     */
    public static Batching fullBatch() {
        return new Batching(Integer.MAX_VALUE, false, LastBatch.KEEP);
    }

    /**
     * Mini-batches of a given size, shuffled every epoch, the last smaller batch kept
     * ({@link LastBatch#KEEP}).
     *
     * @param size the number of rows of a batch, at least 1
     * @return the batching
     */
    public static Batching miniBatches(int size) {
        return new Batching(size, true, LastBatch.KEEP);
    }

    /**
     * @param lastBatch what to do with leftover rows
     * @return this batching with that choice
     */
    public Batching withLastBatch(LastBatch lastBatch) {
        return new Batching(size, shuffle, lastBatch);
    }

    /**
     * @param shuffle whether each epoch visits the rows in a fresh random order
     * @return this batching with that choice
     */
    public Batching withShuffle(boolean shuffle) {
        return new Batching(size, shuffle, lastBatch);
    }

    /**
     * The number of batches in an epoch: {@code ceil(n / size)} with {@link LastBatch#KEEP},
     * {@code floor(n / size)} with {@link LastBatch#DROP}.
     *
     * @param datasetSize the number of rows {@code n}, at least 1
     * @return the number of batches, at least 1
     * @throws IllegalArgumentException if {@code datasetSize < 1}, or with {@link LastBatch#DROP} if
     *         {@code size > datasetSize} (naming both)
     */
    public int batchesPerEpoch(int datasetSize) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("batchesPerEpoch: expected a dataset size of at least 1, got "
                    + datasetSize);
        }
        int whole = datasetSize / size;
        if (lastBatch == LastBatch.DROP && whole == 0) {
            throw new IllegalArgumentException("batchesPerEpoch: a batch size of " + size + " with DROP leaves no "
                    + "batch of " + datasetSize + " rows (use a batch size <= " + datasetSize + " or KEEP)");
        }
        return lastBatch == LastBatch.KEEP && datasetSize % size != 0 ? whole + 1 : whole;
    }

    /**
     * The order in which an epoch visits the rows: {@code key.foldIn(epoch).permutation(n)} when
     * shuffling, {@code 0, 1, ..., n-1} otherwise. Training computes it once per epoch and passes it
     * to {@link #batch(Dataset, Vector, long, int)} for each batch.
     *
     * @param key the run's key for batching; it is not consumed, each epoch folds in its number
     * @param epoch the epoch, from 0
     * @param datasetSize the number of rows {@code n}, at least 1
     * @return a permutation of {@code 0 .. n-1}
     * @throws IllegalArgumentException if {@code epoch < 0} or {@code datasetSize < 1}
     */
    public Vector<Integer> order(Key key, long epoch, int datasetSize) {
        Objects.requireNonNull(key, "key is null");
        requireEpoch("order", epoch);
        if (datasetSize < 1) {
            throw new IllegalArgumentException("order: expected a dataset size of at least 1, got " + datasetSize);
        }
        return shuffle ? key.foldIn(epoch).permutation(datasetSize).value() : Vector.range(0, datasetSize);
    }

    /**
     * Batch {@code index} of epoch {@code epoch}: {@code batch(data, order(key, epoch, data.size()),
     * epoch, index)}. This draws the epoch's order on every call; to cut a whole epoch, compute the
     * order once and use {@link #batch(Dataset, Vector, long, int)}.
     *
     * @param data the dataset
     * @param key the run's key for batching; it is not consumed
     * @param epoch the epoch, from 0
     * @param index the batch, in {@code [0, batchesPerEpoch(data.size()))}
     * @return the batch
     * @throws IllegalArgumentException if the epoch is negative or the index is outside the epoch
     *         (naming the numbers)
     */
    public Batch batch(Dataset data, Key key, long epoch, int index) {
        Objects.requireNonNull(data, "data is null");
        return batch(data, order(key, epoch, data.size()), epoch, index);
    }

    /**
     * Batch {@code index} of an epoch whose order is given: the rows at positions
     * {@code [index · size, min((index + 1) · size, n))} of {@code order}.
     *
     * @param data the dataset of {@code n} rows
     * @param order the epoch's order, from {@link #order(Key, long, int)}: a permutation of
     *        {@code 0 .. n-1}; only its length is checked here, so that each batch costs only its rows
     * @param epoch the epoch, from 0, recorded in the batch
     * @param index the batch, in {@code [0, batchesPerEpoch(n))}
     * @return the batch
     * @throws IllegalArgumentException if the order's length is not {@code n}, the epoch is negative,
     *         or the index is outside the epoch (naming the numbers)
     */
    public Batch batch(Dataset data, Vector<Integer> order, long epoch, int index) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(order, "order is null");
        requireEpoch("batch", epoch);
        if (order.size() != data.size()) {
            throw new IllegalArgumentException("batch: an order of " + order.size() + " rows for a dataset of "
                    + data.size() + " rows");
        }
        Dataset rows = data.rows(rows(order, index)); // only this batch's rows are read as doubles
        return new Batch(rows.features().matrix(), rows.targets().matrix(), epoch, index);
    }

    /**
     * The dataset's rows that make batch {@code index} of an epoch, in the batch's order: positions
     * {@code [index · size, min((index + 1) · size, n))} of {@code order}. A machine that holds the
     * data builds the batch from them ({@link Dataset#rows}) as {@link #batch} does.
     *
     * @param order the epoch's order, a permutation of the {@code n} rows
     * @param index the batch, in {@code [0, batchesPerEpoch(n))}
     * @return the rows
     * @throws IllegalArgumentException if the index is outside the epoch (naming the numbers)
     */
    public Vector<Integer> rows(Vector<Integer> order, int index) {
        Objects.requireNonNull(order, "order is null");
        int n = order.size();
        int batches = batchesPerEpoch(n);
        if (index < 0 || index >= batches) {
            throw new IllegalArgumentException("batch: index " + index + " is outside [0, " + batches + ") for "
                    + n + " rows in batches of " + size + " (" + lastBatch + ")");
        }
        int from = (int) ((long) index * size);
        return order.slice(from, (int) Math.min((long) from + size, n));
    }

    private static void requireEpoch(String operation, long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException(operation + ": expected an epoch >= 0, got " + epoch);
        }
    }

    /** @return the settings, such as {@code Batching[size 32, shuffled, KEEP]} or {@code Batching[full]} */
    @Override
    public String toString() {
        return "Batching[" + (size == Integer.MAX_VALUE ? "full" : "size " + size) + ", "
                + (shuffle ? "shuffled" : "in order") + ", " + lastBatch + "]";
    }
}
