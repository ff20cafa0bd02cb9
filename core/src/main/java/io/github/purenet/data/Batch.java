package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * One batch of examples, with its place in the run: batch {@code index} of epoch {@code epoch}, as
 * made by {@link Batching#batch(Dataset, io.github.purenet.random.Key, long, int)}.
 *
 * @param inputs the {@code b x inputs} features, one example per row, all finite
 * @param targets the {@code b x outputs} targets, one row per example, all finite
 * @param epoch the epoch, from 0
 * @param index the batch's position in its epoch, from 0
 */
public record Batch(Matrix inputs, Matrix targets, long epoch, int index) {

    /**
     * Checks that inputs and targets have the same number of rows and only finite entries, and that
     * epoch and index are not negative.
     *
     * @param inputs the {@code b x inputs} features, one example per row, all finite
     * @param targets the {@code b x outputs} targets, one row per example, all finite
     * @param epoch the epoch, from 0
     * @param index the batch's position in its epoch, from 0
     */
    public Batch {
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(targets, "targets is null");
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("Batch: inputs " + inputs.shape() + " and targets "
                    + targets.shape() + " differ in rows");
        }
        if (epoch < 0 || index < 0) {
            throw new IllegalArgumentException("Batch: expected epoch and index >= 0, got epoch " + epoch
                    + " and index " + index);
        }
        inputs = inputs.requireFinite("inputs"); // equal matrices that remember the check
        targets = targets.requireFinite("targets");
    }

    /** @return the number of examples in this batch */
    public int size() {
        return inputs.rows();
    }

    /**
     * The place and both matrices as {@link Matrix#toString()} prints them (with their entries when
     * small), such as {@code Batch[epoch 3, index 2: inputs Matrix[32x4], targets Matrix[32x3]]}.
     *
     * @return the place and the matrices
     */
    @Override
    public String toString() {
        return "Batch[epoch " + epoch + ", index " + index + ": inputs " + inputs + ", targets " + targets + "]";
    }
}
