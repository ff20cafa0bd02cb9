package io.github.purenet.loss;

import io.github.purenet.tensor.Matrix;
import io.vavr.control.Option;

/**
 * A loss: how far a batch of predictions is from its targets, and the gradient of that distance.
 *
 * <p>A batch's loss is the mean over its examples (rows); {@link #gradient} is the gradient of that
 * mean. Implementations are pure and immutable, and check that prediction and target have the same
 * shape. A user's own loss implements this interface, the same one the built-ins of {@link Losses}
 * implement.
 */
public interface Loss {

    /** @return a short name that identifies the loss, such as {@code "squared_error"} */
    String name();

    /**
     * The loss of a batch.
     *
     * @param prediction the network's outputs, one example per row
     * @param target the targets, of the same shape
     * @return the mean over rows of each example's loss
     */
    double value(Matrix prediction, Matrix target);

    /**
     * The gradient of {@link #value} with respect to the prediction.
     *
     * @param prediction the network's outputs, one example per row
     * @param target the targets, of the same shape
     * @return {@code d value / d prediction}, of the shape of the prediction
     */
    Matrix gradient(Matrix prediction, Matrix target);

    /**
     * This loss for a shard of a batch (see {@code train.Sharding}): a loss whose value on some of
     * a batch's rows is the sum of their examples' losses divided by the whole batch's
     * {@code batchRows}, and whose gradient is that value's, each row's entries as the whole batch's
     * gradient has them. The sums of a batch's shards then add up to the batch's loss and gradient.
     * A sharded run needs it; every built-in loss offers it, of its own kind (a {@link FusedLoss}
     * for a fused loss). A loss of your own that does not override this cannot be split, and a
     * sharded run refuses it; a run with one shard never calls it.
     *
     * @param batchRows the whole batch's rows, at least 1
     * @return the loss of a shard of such a batch, or none if this loss cannot be split by rows
     */
    default Option<Loss> shard(int batchRows) {
        return Option.none();
    }
}
