package io.github.purenet.checkpoint;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Softmax;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Window;
import io.vavr.collection.Vector;

/**
 * The image layers of format version 2, for {@link LayerReader}: {@code conv2d}, {@code max_pool2d},
 * {@code avg_pool2d}, {@code global_average_pool} and {@code flatten}. Each setting is checked at its
 * own place in the document, in the order a layer needs them: the input shape (an image, except for
 * a flatten), the padding, the kernel or window (which must fit the image when it is not padded),
 * the stride, the activation (not softmax), then the weights (whose columns must be
 * {@code kernelHeight * kernelWidth * channels}) and the bias (one entry per filter). That the input
 * shape is the one the layers before give is checked by {@link LayerReader}, as for every kind.
 *
 * @param reader the reader of the document's layers, for its matrices
 */
record ImageReader(LayerReader reader) {

    private static final int MAX = Integer.MAX_VALUE;

    Conv2D conv2d(At at, String path) {
        LayerReader.leaf(at, path, "input_shape", "kernel", "stride", "padding", "activation");
        Shape input = image(at.field("input_shape"), path);
        Padding padding = padding(at.field("padding"));
        Vector<Integer> kernel = pair(at.field("kernel"));
        int stride = (int) at.field("stride").integer(1, MAX);
        int kh = kernel.get(0);
        int kw = kernel.get(1);
        LayerReader.build(at.field("kernel"), path, () -> padding == Padding.VALID
                ? Window.valid(input.height(), input.width(), input.channels(), kh, kw, stride)
                : Window.same(input.height(), input.width(), input.channels(), kh, kw, stride));
        Activation f = reader.decoder().activation(at.field("activation"));
        if (f instanceof Softmax) {
            throw at.field("activation").error(path + ": a convolution's activation acts entry by entry, and softmax "
                    + "normalises a whole row; expected another activation");
        }
        At p = at.field("parameters");
        Vector<Matrix> wb = reader.matrices(p, Vector.of("weights", "bias"));
        reader.matrices(at.field("state"), Vector.empty());
        Matrix weights = wb.get(0);
        // the weights are checked against the kernel with a bias that fits them, then the bias against the weights
        LayerReader.build(p.field("weights"), path + ".weights", () -> new Conv2D(weights,
                Matrix.filled(1, weights.rows(), 0.0), input, kh, kw, stride, padding, f));
        return LayerReader.build(p.field("bias"), path + ".bias", () -> new Conv2D(weights, wb.get(1), input, kh, kw,
                stride, padding, f));
    }

    /** A {@code max_pool2d} or an {@code avg_pool2d}, whose settings are the same. */
    Layer pool(At at, String path, String kind) {
        LayerReader.leaf(at, path, "input_shape", "window", "stride");
        Shape input = image(at.field("input_shape"), path);
        Vector<Integer> window = pair(at.field("window"));
        int stride = (int) at.field("stride").integer(1, MAX);
        none(at);
        return LayerReader.build(at.field("window"), path, () -> kind.equals("max_pool2d")
                ? new MaxPool2D(input, window.get(0), window.get(1), stride)
                : new AvgPool2D(input, window.get(0), window.get(1), stride));
    }

    GlobalAveragePool globalAveragePool(At at, String path) {
        LayerReader.leaf(at, path, "input_shape");
        Shape input = image(at.field("input_shape"), path);
        none(at);
        return new GlobalAveragePool(input);
    }

    Flatten flatten(At at, String path) {
        LayerReader.leaf(at, path, "input_shape");
        Shape input = LayerReader.shape(at.field("input_shape"));
        none(at);
        return new Flatten(input);
    }

    /** The shape of an image, {@code [height, width, channels]}. */
    private static Shape image(At at, String path) {
        Shape shape = LayerReader.shape(at);
        if (shape.rank() != 3) {
            throw at.error(path + ": expected the shape of an image, [height, width, channels], got " + shape);
        }
        return shape;
    }

    /** Rows and columns, such as a kernel's: {@code [3, 3]}, each at least 1. */
    private static Vector<Integer> pair(At at) {
        Vector<At> items = at.elements();
        if (items.size() != 2) {
            throw at.error("expected [rows, columns], such as [3, 3], got " + items.size() + " numbers");
        }
        return items.map(i -> (int) i.integer(1, MAX));
    }

    private static Padding padding(At at) {
        String label = at.text();
        for (Padding p : Padding.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw at.error("expected \"valid\" or \"same\", got " + At.quote(label));
    }

    /** A layer without parameters or state has empty objects of them. */
    private void none(At at) {
        reader.matrices(at.field("parameters"), Vector.empty());
        reader.matrices(at.field("state"), Vector.empty());
    }
}
