/**
 * Optimizers as values: a pair of pure functions, {@code init(network) -> state} and
 * {@code update(gradients, state, network) -> (updates, state')}.
 *
 * <p>Updates are added to the parameters ({@link io.github.purenet.optim.Optimizer#applyUpdates});
 * the minus sign of gradient descent lives in the optimizer, not in the caller.
 */
package io.github.purenet.optim;
