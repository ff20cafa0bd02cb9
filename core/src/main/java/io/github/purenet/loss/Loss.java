package io.github.purenet.loss;

import io.github.purenet.tensor.Matrix;

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
}
