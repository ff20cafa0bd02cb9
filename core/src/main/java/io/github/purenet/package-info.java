/**
 * purenet: neural networks trained by backpropagation and gradient descent, as pure functions over
 * immutable values.
 *
 * <p>The packages, from the bottom up:
 * <ul>
 *   <li>{@link io.github.purenet.tensor}: {@code Matrix}, immutable dense doubles;</li>
 *   <li>{@link io.github.purenet.activation}: activation functions with their derivatives;</li>
 *   <li>{@link io.github.purenet.loss}: loss functions with their gradients;</li>
 *   <li>{@link io.github.purenet.network}: the model as data ({@code Dense}, {@code Network},
 *       {@code Gradients}, {@code Trace}) and {@code Backprop}'s {@code forward}, {@code backward}
 *       and {@code step}.</li>
 * </ul>
 */
package io.github.purenet;
