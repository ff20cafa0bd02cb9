/**
 * Loss functions with their gradients.
 *
 * <p>The convention for a batch: a loss is a sum over the output units of one example, and a
 * batch's loss is the mean of its examples' losses. The gradients are those of that mean, so they
 * carry the factor {@code 1/n} of a batch of {@code n} rows. The seeds are batches of one, where
 * the mean is the example's loss.
 *
 * <p>{@link io.github.purenet.loss.Losses} has the built-ins. Cross-entropies are
 * {@link io.github.purenet.loss.FusedLoss}es: fused with the output activation they belong to, they
 * are computed from the logits, which is both stable and simple (the gradient at the logits is
 * prediction minus target).
 */
package io.github.purenet.loss;
