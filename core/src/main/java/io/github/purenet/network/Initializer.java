package io.github.purenet.network;

import io.github.purenet.random.Draw;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;

/**
 * A way to draw the initial weights of a {@link Dense} layer from a key.
 *
 * <p>The weights come back {@code outputs x inputs}, the way {@link Dense} stores them: row
 * {@code j} holds the weights into output unit {@code j}. The built-ins are in
 * {@link Initializers}; a user's own is a lambda:
 * <pre>{@code
 * // LeCun normal: N(0, 1/inputs) (LeCun, Bottou, Orr and Müller, "Efficient BackProp", 1998)
 * Initializer lecunNormal = (key, inputs, outputs) ->
 *         key.normal(outputs, inputs, 0.0, Math.sqrt(1.0 / inputs));
 * Network network = Initializers.network(Key.of(42), lecunNormal, Vector.of(4, 16, 3),
 *         Vector.of(Activations.tanh(), Activations.softmax()));
 * }</pre>
 *
 * <p>An initializer is a pure function: the same key and sizes give the same weights.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * Draws the weights of a layer.
     *
     * @param key the key to draw from, used once
     * @param inputs the number of inputs of the layer (its fan-in), positive
     * @param outputs the number of outputs of the layer (its fan-out), positive
     * @return an {@code outputs x inputs} matrix of weights, with the key to draw from next
     */
    Draw<Matrix> weights(Key key, int inputs, int outputs);

    /**
     * Draws the filters of a convolution: {@code outputs x inputs} weights, where {@code inputs} is
     * the size of a patch ({@code kernelHeight * kernelWidth * channels}, the fan-in) and the fan-out
     * is {@code outputs * receptiveField} ({@code receptiveField = kernelHeight * kernelWidth}), as
     * PyTorch and Keras count them for convolutions.
     *
     * <p>By default this is {@link #weights(Key, int, int) weights(key, inputs, outputs)}, which is
     * exact for every initializer that reads the fan-in alone, or none (He, uniform, normal,
     * zeros); the built-in Glorot initializers override it with the fan-out above.
     *
     * @param key the key to draw from, used once
     * @param inputs the size of a patch, the fan-in, positive
     * @param outputs the number of filters, positive
     * @param receptiveField the number of positions of the kernel, positive
     * @return an {@code outputs x inputs} matrix of weights, with the key to draw from next
     */
    default Draw<Matrix> weights(Key key, int inputs, int outputs, int receptiveField) {
        return weights(key, inputs, outputs);
    }
}
