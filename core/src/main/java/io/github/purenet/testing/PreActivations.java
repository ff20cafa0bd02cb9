package io.github.purenet.testing;

import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Images;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Window;
import io.vavr.collection.Vector;

/**
 * The inputs of the kinked activations of a network on a batch, anywhere in its tree of layers:
 * the pre-activations of dense layers with a kinked activation, and the inputs of activation
 * layers with one. Found with the public forward pass alone: the input of a sequence's layer
 * {@code i} is the output of the sequence's first {@code i} layers, run as a network of them in
 * the sequence's mode, which gives each of them the mode it has in the whole network
 * ({@link Mode} folds the path segments {@code layers[i]}, {@code inner} and {@code projection}
 * into the key). A layer that acts alike in both modes is run alone, in evaluation; a dense layer
 * is computed as its forward pass computes it, {@code f(x · Wᵀ + b)}, and a convolution as
 * {@link Images#convolve} computes it. A max pool is kinked where the maximum of a window changes
 * hands: its "pre-activations" are the gaps between the two largest entries of each window.
 */
final class PreActivations {

    private PreActivations() {
    }

    /**
     * The kinked pre-activations.
     *
     * @param network the network
     * @param inputs a batch that fits it
     * @param mode the mode of the pass
     * @return the {@code n x width} inputs of each kinked activation, depth first in the order of the layers
     */
    static Vector<Matrix> kinked(Network network, Matrix inputs, Mode mode) {
        return sequence(network.input(), network.layers(), inputs, mode);
    }

    /** The kinked pre-activations of layers in sequence, run in the sequence's mode. */
    private static Vector<Matrix> sequence(Shape shape, Vector<Layer> layers, Matrix x, Mode mode) {
        Vector<Matrix> z = Vector.empty();
        Shape s = shape;
        Matrix a = x;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dense d) {
                Matrix pre = preActivation(d, a);
                z = NetworkGenerator.kinked(d.activation()) ? z.append(pre) : z;
                a = d.activation().apply(pre);
                s = Shape.of(d.outputs());
            } else {
                Network alone = Network.of(s, layer);
                z = z.appendAll(layer(s, layer, a, mode.at("layers[" + i + "]")));
                a = i + 1 == layers.size() ? a : alone.modeDependentLayers().isEmpty()
                        ? Backprop.forward(alone, a).output()
                        : Backprop.forward(Network.of(shape, layers.take(i + 1)), x, mode).output();
                s = alone.outputShape();
            }
        }
        return z;
    }

    /** A dense layer's pre-activation, {@code x · Wᵀ + b}, as its forward pass computes it. */
    private static Matrix preActivation(Dense d, Matrix x) {
        return x.timesTransposePlusRow(d.weights(), d.bias());
    }

    /** The kinked pre-activations of a layer that is not dense, run in its own mode. */
    private static Vector<Matrix> layer(Shape shape, Layer layer, Matrix x, Mode mode) {
        if (layer instanceof ActivationLayer a) {
            return NetworkGenerator.kinked(a.activation()) ? Vector.of(x) : Vector.empty();
        }
        if (layer instanceof Conv2D c) {
            return NetworkGenerator.kinked(c.activation())
                    ? Vector.of(Images.convolve(x, c.window(), c.weights(), c.bias())) : Vector.empty();
        }
        if (layer instanceof MaxPool2D p) {
            return Vector.of(gaps(x, p.window()));
        }
        if (layer instanceof Sequential s) {
            return sequence(shape, s.layers(), x, mode);
        }
        if (layer instanceof Residual r) {
            return inner(shape, r.inner(), x, mode.at("inner"))
                    .appendAll(r.projection().toVector().flatMap(p -> inner(shape, p, x, mode.at("projection"))));
        }
        return Vector.empty();
    }

    /**
     * A max pool's distances from its kinks: for each window and channel, the largest entry less
     * the second largest ({@code +Infinity} for a window of one entry), which is 0 where the
     * maximum changes hands. Pools have no padding, so every entry of a window is in the image.
     */
    private static Matrix gaps(Matrix x, Window w) {
        int c = w.channels();
        return Matrix.of(x.rows(), w.positions() * c, (n, k) -> {
            int position = k / c;
            int ch = k % c;
            int top = position / w.outputWidth() * w.stride();
            int left = position % w.outputWidth() * w.stride();
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < w.windowHeight(); i++) {
                for (int j = 0; j < w.windowWidth(); j++) {
                    double v = x.get(n, ((top + i) * w.width() + left + j) * c + ch);
                    second = v > first ? first : Math.max(second, v);
                    first = Math.max(first, v);
                }
            }
            return first - second;
        });
    }

    /** The kinked pre-activations of a residual block's branch, which runs in {@code mode}. */
    private static Vector<Matrix> inner(Shape shape, Layer branch, Matrix x, Mode mode) {
        if (branch instanceof Dense d) {
            return NetworkGenerator.kinked(d.activation()) ? Vector.of(preActivation(d, x)) : Vector.empty();
        }
        return layer(shape, branch, x, mode);
    }
}
