/**
 * Runnable programs that use purenet. Printing lives here, never in the library.
 *
 * <ul>
 *   <li>{@link io.github.purenet.examples.SingleNeuron}: seed 001's single ReLU neuron, 200 steps;</li>
 *   <li>{@link io.github.purenet.examples.SoftmaxNetwork}: seed 001's 2-3-3 ReLU/softmax network,
 *       one step;</li>
 *   <li>{@link io.github.purenet.examples.OneInput}: seed 000's one-input sigmoid neuron.</li>
 * </ul>
 */
package io.github.purenet.examples;
