/**
 * Data as immutable values, and pure splitting, standardisation and batching.
 *
 * <p>A {@link io.github.purenet.data.Dataset} pairs a table of features with a table of targets,
 * one example per row; a {@link io.github.purenet.data.Table} stores its numbers as compactly as
 * they allow (one byte per entry for at most 256 distinct values, one class number per row for
 * one-hot targets) and reads the rows that a batch selects as doubles, with the same bits. Everything else is a pure function of values and an explicit
 * {@link io.github.purenet.random.Key}:
 * <pre>{@code
 * Dataset all = Dataset.classification(features, labels, 3);              // one-hot targets
 * Split split = Datasets.stratifiedSplit(all, Key.of(1), 0.2);             // 80% train, 20% test
 * Standardization s = Standardization.fit(split.train().features());      // fitted on train only
 * Dataset train = s.apply(split.train());
 * Dataset test = s.apply(split.test());                                    // train's mean and std
 * Batching batching = Batching.miniBatches(32);                            // shuffled each epoch
 * Batch b = batching.batch(train, Key.of(2), epoch, index);                // pure in (key, epoch, index)
 * }</pre>
 * The same key gives the same split and the same batches, on every JVM.
 */
package io.github.purenet.data;
