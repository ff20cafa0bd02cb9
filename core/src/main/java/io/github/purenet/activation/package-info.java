/**
 * Activation functions, each with its derivative written beside it.
 *
 * <p>{@link io.github.purenet.activation.Activations} has the built-ins: identity, sigmoid, tanh,
 * ReLU, leaky ReLU and softmax. A user's own activation implements
 * {@link io.github.purenet.activation.Activation}, the same interface the built-ins implement, or
 * is made from a function and its derivative with
 * {@link io.github.purenet.activation.Activations#elementwise}.
 */
package io.github.purenet.activation;
