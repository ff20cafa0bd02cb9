package io.github.purenet.checkpoint;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;

/**
 * Random convolutional networks for the codec's properties, with every image kind and every setting
 * the layers take: images up to 4x4x3, convolutions of any kernel, stride and padding, pools of any
 * window and stride, the image layers alone, in sequences and in residual blocks (with a 1x1
 * convolution as projection or without one), then a flatten or a global average pool, and
 * sometimes layers of flat examples after it, when it gives at most 8 features. Numbers are any doubles, as {@link Trees} draws them.
 */
final class ImageTrees {

    private ImageTrees() {
    }

    static Network network(SplittableRandom random) {
        Shape shape = Shape.of(1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(3));
        Shape input = shape;
        Vector<Layer> layers = Vector.empty();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            Layer layer = imageLayer(random, shape, 1);
            layers = layers.append(layer);
            shape = layer.outputShape(shape);
        }
        Layer exit = random.nextBoolean() ? Flatten.of(shape) : GlobalAveragePool.of(shape);
        layers = layers.append(exit);
        int width = exit.outputShape(shape).size();
        if (width <= 8 && random.nextBoolean()) { // the codec knows the test's scale layer up to 8 wide
            layers = layers.append(Trees.layer(random, width, 1, true)._1);
        }
        return Network.of(input, layers);
    }

    /** A layer that takes images of this shape and gives images. */
    private static Layer imageLayer(SplittableRandom random, Shape shape, int depth) {
        switch (random.nextInt(depth > 0 ? 5 : 3)) {
            case 0:
                return conv(random, shape, 1 + random.nextInt(3), 1 + random.nextInt(Math.min(3, shape.height())),
                        1 + random.nextInt(Math.min(3, shape.width())), 1 + random.nextInt(2),
                        random.nextBoolean() ? Padding.SAME : Padding.VALID);
            case 1:
            case 2: {
                int h = 1 + random.nextInt(Math.min(3, shape.height()));
                int w = 1 + random.nextInt(Math.min(3, shape.width()));
                int stride = 1 + random.nextInt(2);
                return random.nextBoolean() ? new MaxPool2D(shape, h, w, stride) : new AvgPool2D(shape, h, w, stride);
            }
            case 3: {
                Layer first = imageLayer(random, shape, depth - 1);
                Layer second = imageLayer(random, first.outputShape(shape), depth - 1);
                return Sequential.of(first, second);
            }
            default: {
                boolean projected = random.nextBoolean();
                int filters = projected ? 1 + random.nextInt(3) : shape.channels();
                Conv2D inner = conv(random, shape, filters, 1 + random.nextInt(3), 1 + random.nextInt(3), 1,
                        Padding.SAME);
                return projected ? Residual.of(inner, conv(random, shape, filters, 1, 1, 1, Padding.VALID))
                        : Residual.of(inner);
            }
        }
    }

    private static Conv2D conv(SplittableRandom random, Shape input, int filters, int kh, int kw, int stride,
            Padding padding) {
        Activation f;
        do {
            f = Trees.activation(random);
        } while (f.equals(Activations.softmax()));
        Matrix weights = Trees.matrix(random, filters, kh * kw * input.channels());
        return new Conv2D(weights, Trees.matrix(random, 1, filters), input, kh, kw, stride, padding, f);
    }
}
