/**
 * The model as data, and backpropagation as pure functions over it.
 *
 * <p>A {@link io.github.purenet.network.Network} is a vector of
 * {@link io.github.purenet.network.Dense} layers. {@link io.github.purenet.network.Backprop}
 * holds the three functions of training:
 * <pre>{@code
 * Trace trace = Backprop.forward(network, inputs);                        // outputs and what backward needs
 * LossAndGradients lg = Backprop.backward(network, trace, targets, loss); // Gradients shaped like network
 * Network next = Backprop.step(network, lg.gradients(), 0.01);            // plain gradient descent
 * }</pre>
 * Nothing is changed in place: each call returns new values and leaves its arguments as they were.
 *
 * <p>A {@link io.github.purenet.network.Shape} is the shape of one example: {@code 784} for a flat
 * one, {@code 28x28x1} for an image, channels last; an example of any shape is one row of a batch.
 * {@link io.github.purenet.network.Shape#mismatch} builds the one message every layer gives for an
 * input of the wrong shape, naming the layer's path and both shapes.
 */
package io.github.purenet.network;
