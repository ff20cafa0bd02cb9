package io.github.purenet.loss;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;

/**
 * A loss fused with the output activation it is made for, such as cross-entropy with softmax.
 *
 * <p>When a network's last activation equals {@link #activation()}, backpropagation computes the
 * loss from the logits {@code z} (the last layer's pre-activations) and starts from
 * {@link #gradientAtLogits}, skipping the activation's Jacobian: this is both stabler (no
 * {@code log 0}) and cheaper. With any other last activation the loss is refused, since its value
 * is only meaningful for outputs of its own activation.
 */
public interface FusedLoss extends Loss {

    /** @return the output activation this loss is fused with */
    Activation activation();

    /**
     * The loss of a batch, from the logits.
     *
     * @param logits the last layer's pre-activations, one example per row
     * @param target the targets, of the same shape
     * @return the same value as {@code value(activation().apply(logits), target)}, computed stably
     */
    double valueAtLogits(Matrix logits, Matrix target);

    /**
     * The gradient of the batch loss with respect to the logits.
     *
     * @param logits the last layer's pre-activations
     * @param prediction {@code activation().apply(logits)}
     * @param target the targets, of the same shape
     * @return {@code d loss / d logits}
     */
    Matrix gradientAtLogits(Matrix logits, Matrix prediction, Matrix target);
}
