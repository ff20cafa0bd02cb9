package io.github.purenet.testing;

import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.activation.Softmax;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Shape;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The image layers of generated networks: a network of images starts with a stem of top-level
 * image layers (convolutions and pools, and activations, dropout and batch normalisations over
 * channels when those kinds are listed) that ends in a {@code flatten} or a
 * {@code global_average_pool}, whose flat output the other layers take. This class draws stems,
 * finds a network's stem, and fits a stem again to the image after one of its layers is removed.
 */
final class ImageStems {

    /** @return the kinds of image layers */
    static Vector<String> kinds() {
        return Vector.of("conv2d", "max_pool2d", "avg_pool2d", "global_average_pool", "flatten");
    }

    /** The most layers of a stem, its exit included. */
    static final int MAX_STEM = 3;

    /** @return the kinds that end a stem */
    private static Vector<String> exits() {
        return Vector.of("flatten", "global_average_pool");
    }

    /** @return the kinds that keep the image's shape and may stand between image layers, when they are listed */
    private static Vector<String> keeping() {
        return Vector.of("activation", "dropout", "batch_norm");
    }

    /** The largest kernel, window, number of filters and stride drawn. */
    private static final int KERNEL = 3;
    private static final int WINDOW = 2;
    private static final int FILTERS = 3;
    private static final int STRIDE = 2;

    private ImageStems() {
    }

    /** Whether a generator draws networks of images: it lists an image kind. */
    static boolean drawn(NetworkGenerator g) {
        return g.kinds.names().exists(kinds()::contains);
    }

    /**
     * An image of {@code size} entries: up to 3 channels, a divisor of the size, then rows a divisor
     * of the rest, drawn with equal chance.
     */
    static Shape image(SourceOfRandomness random, int size) {
        int channels = pick(random, divisors(size).filter(d -> d <= 3));
        int rest = size / channels;
        int height = pick(random, divisors(rest));
        return Shape.of(height, rest / height, channels);
    }

    /** A stem of {@code count} layers for images of this shape: convolutions and pools, then an exit. */
    static Vector<Layer> stem(NetworkGenerator g, SourceOfRandomness random, Shape image, int count) {
        Vector<String> inner = g.kinds.names().filter(kinds()::contains).removeAll(exits());
        Vector<String> others = g.kinds.names().filter(keeping()::contains);
        Vector<String> exits = g.kinds.names().filter(exits()::contains);
        Vector<Layer> layers = Vector.empty();
        Shape shape = image;
        for (int i = 0; i < count - 1 && !inner.isEmpty(); i++) {
            boolean keeping = !others.isEmpty() && random.nextBoolean();
            Layer layer = layer(g, random, pick(random, keeping ? others : inner), shape);
            layers = layers.append(layer);
            shape = layer.outputShape(shape);
        }
        String exit = exits.isEmpty() ? "flatten" : pick(random, exits);
        return layers.append(exit.equals("flatten") ? Flatten.of(shape) : GlobalAveragePool.of(shape));
    }

    private static Layer layer(NetworkGenerator g, SourceOfRandomness random, String kind, Shape shape) {
        switch (kind) {
            case "activation":
                return ActivationLayer.of(pick(random, g.hidden));
            case "dropout":
                return Architectures.dropout(random);
            case "batch_norm":
                return Architectures.batchNorm(g, random, shape.channels());
            default:
                break;
        }
        if (kind.equals("conv2d")) {
            int filters = random.nextInt(1, FILTERS);
            int kh = random.nextInt(1, Math.min(KERNEL, shape.height()));
            int kw = random.nextInt(1, Math.min(KERNEL, shape.width()));
            int stride = random.nextInt(1, STRIDE);
            Padding padding = random.nextBoolean() ? Padding.VALID : Padding.SAME;
            Vector<Activation> entrywise = g.hidden.filter(a -> !(a instanceof Softmax));
            Activation f = entrywise.isEmpty() ? Activations.identity() : pick(random, entrywise);
            return new Conv2D(Values.uniform(random, filters, kh * kw * shape.channels(), g.low, g.high),
                    Values.uniform(random, 1, filters, g.low, g.high), shape, kh, kw, stride, padding, f);
        }
        int wh = random.nextInt(1, Math.min(WINDOW, shape.height()));
        int ww = random.nextInt(1, Math.min(WINDOW, shape.width()));
        int stride = random.nextInt(1, STRIDE);
        return kind.equals("max_pool2d") ? new MaxPool2D(shape, wh, ww, stride) : new AvgPool2D(shape, wh, ww, stride);
    }

    /** The stem of a network of images: its layers up to the first exit; none for flat examples or no exit. */
    static Option<Vector<Layer>> of(Network n) {
        if (n.input().isFlat()) {
            return Option.some(Vector.empty());
        }
        int exit = n.layers().indexWhere(l -> l instanceof Flatten || l instanceof GlobalAveragePool);
        return exit < 0 ? Option.none() : Option.some(n.layers().take(exit + 1));
    }

    /**
     * A stem fitted to images of a shape, each layer given the shape the one before gives: a
     * convolution keeps its first weights (padded with {@code fill}) for the channels it now
     * takes; none if a kernel or window no longer fits.
     */
    static Option<Vector<Layer>> fit(Vector<Layer> stem, Shape image, double fill) {
        Vector<Layer> fitted = Vector.empty();
        Shape shape = image;
        try {
            for (Layer l : stem) {
                Layer layer = at(l, shape, fill);
                fitted = fitted.append(layer);
                shape = layer.outputShape(shape);
            }
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
        return Option.some(fitted);
    }

    private static Layer at(Layer layer, Shape shape, double fill) {
        if (layer instanceof Conv2D c) {
            return new Conv2D(Values.refit(c.weights(), c.filters(), c.kernelHeight() * c.kernelWidth()
                    * shape.channels(), fill), c.bias(), shape, c.kernelHeight(), c.kernelWidth(), c.stride(),
                    c.padding(), c.activation());
        }
        if (layer instanceof MaxPool2D p) {
            return new MaxPool2D(shape, p.windowHeight(), p.windowWidth(), p.stride());
        }
        if (layer instanceof AvgPool2D p) {
            return new AvgPool2D(shape, p.windowHeight(), p.windowWidth(), p.stride());
        }
        if (layer instanceof BatchNorm b) {
            int c = shape.channels();
            return new BatchNorm(Values.refitColumns(b.scale(), c, fill), Values.refitColumns(b.offset(), c, fill),
                    Values.refitColumns(b.mean(), c, fill), Values.refitColumns(b.variance(), c, 1.0), b.momentum(),
                    b.eps());
        }
        if (layer instanceof Flatten) {
            return Flatten.of(shape);
        }
        return layer instanceof GlobalAveragePool ? GlobalAveragePool.of(shape) : layer; // an activation, a dropout
    }

    private static Vector<Integer> divisors(int n) {
        return Vector.rangeClosed(1, n).filter(d -> n % d == 0);
    }

    private static <T> T pick(SourceOfRandomness random, Vector<T> choices) {
        return Architectures.pick(random, choices);
    }
}
