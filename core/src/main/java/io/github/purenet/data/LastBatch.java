package io.github.purenet.data;

/**
 * What {@link Batching} does with the rows left over when the batch size does not divide the
 * number of rows: 25 rows in batches of 10 leave 5.
 */
public enum LastBatch {

    /**
     * Keep the leftover rows as a final, smaller batch: 25 rows in batches of 10 give batches of 10,
     * 10 and 5, and every row is in exactly one batch of each epoch. A batch size at least the number
     * of rows gives one batch of all rows.
     */
    KEEP,

    /**
     * Drop the leftover rows, so that every batch has exactly the batch size: 25 rows in batches of 10
     * give batches of 10 and 10. When shuffling, the dropped rows differ from epoch to epoch. A batch
     * size larger than the number of rows would leave no batch at all, and is refused.
     */
    DROP
}
