/**
 * purenet: neural networks trained by backpropagation and gradient descent, as pure functions over
 * immutable values.
 *
 * <p>The packages, from the bottom up:
 * <ul>
 *   <li>{@link io.github.purenet.tensor}: {@code Matrix}, immutable dense doubles, one example per
 *       row, with the products backpropagation needs;</li>
 *   <li>{@link io.github.purenet.random}: {@code Key}, a pure splittable random key, and its
 *       draws;</li>
 *   <li>{@link io.github.purenet.activation}: activation functions with their derivatives, and
 *       {@code Activations.elementwise} for your own;</li>
 *   <li>{@link io.github.purenet.loss}: loss functions with their gradients, the cross-entropies
 *       fused with their activations;</li>
 *   <li>{@link io.github.purenet.network}: the model as data ({@code Dense}, {@code Network},
 *       {@code Gradients}, {@code Trace}), {@code Backprop}'s {@code forward}, {@code backward},
 *       {@code step} and {@code sgdStep}, and initial weights from a key;</li>
 *   <li>{@link io.github.purenet.data}: immutable data sets, one-hot labels, standardisation,
 *       splits and batches by key;</li>
 *   <li>{@link io.github.purenet.optim}: optimizers as pairs of pure functions composed of small
 *       transforms, and learning-rate schedules;</li>
 *   <li>{@link io.github.purenet.train}: training as a fold ({@code TrainState}, {@code Training}),
 *       its lazy sequence of states ({@code Run}), observed in one pass, early stopping, and evaluation
 *       (accuracy, precision, recall, F1, log loss, ROC AUC);</li>
 *   <li>{@link io.github.purenet.model}: {@code Model}, a trained network with its standardisation,
 *       class names and held-out test part, for prediction ({@code predict}, {@code probabilities},
 *       {@code classify}) and evaluation;</li>
 *   <li>{@link io.github.purenet.checkpoint}: versioned, bit-exact JSON of networks, gradients,
 *       optimizer and training states, with content hashes;</li>
 *   <li>{@link io.github.purenet.testing}: the property-testing kit (generators, gradient, replay
 *       and purity checks), built on the optional dependencies junit-quickcheck and JUnit
 *       Jupiter.</li>
 * </ul>
 */
package io.github.purenet;
