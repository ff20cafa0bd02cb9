package io.github.purenet.testing;

import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.vavr.collection.Vector;

/**
 * Draws the networks of a {@link NetworkGenerator}, as its documentation describes: top-level
 * layers of its kinds, blocks nested up to its depth, and a last dense layer; half of the
 * networks of two layers or more of a generator that lists image kinds take images and start with a stem of image
 * layers ({@link ImageStems}).
 */
final class Architectures {

    /** @return every built-in kind of layer, by {@link Layer#kind()} name */
    static Vector<String> kinds() {
        return Vector.of("dense", "activation", "dropout", "layer_norm", "batch_norm", "sequential", "residual")
                .appendAll(ImageStems.kinds());
    }

    /** @return the kinds that hold other layers */
    static Vector<String> blocks() {
        return Vector.of("sequential", "residual");
    }

    /** The most layers in a block. */
    static final int BLOCK = 3;

    /** Dropout rates are drawn in {@code [0, MAX_RATE)}. */
    static final double MAX_RATE = 0.5;

    /** Running variances are drawn in {@code [MIN_VARIANCE, MAX_VARIANCE)}. */
    static final double MIN_VARIANCE = 0.5;

    /** The bound of the running variances. */
    static final double MAX_VARIANCE = 1.5;

    private Architectures() {
    }

    /**
     * A network: the number of top-level layers and the inputs, then, for a generator with image
     * kinds and at least two layers, whether the examples are images, and if so the image and its
     * stem (2 or 3 layers where the bounds allow, the network growing to hold them and the last
     * layer); then each layer before the last in order, then the outputs and the last dense layer.
     * With the kind {@code dense} alone no kind is drawn, so the draws are those of a stack of dense
     * layers: width, activation, weights, bias.
     */
    static Network generate(NetworkGenerator g, SourceOfRandomness random, int size) {
        int count = Values.count(random, g.minLayers, g.maxLayers, size);
        int in = Values.count(random, g.minInputs, g.maxInputs, size);
        Vector<Layer> layers = Vector.empty();
        Shape input = Shape.of(in);
        int width = in;
        int total = count;
        if (ImageStems.drawn(g) && count >= 2 && random.nextBoolean()) {
            int most = Math.min(g.maxLayers - 1, ImageStems.MAX_STEM);
            input = ImageStems.image(random, in);
            layers = ImageStems.stem(g, random, input, random.nextInt(Math.min(2, most), most));
            width = Network.of(input, layers).outputShape().size();
            total = Math.max(count, layers.size() + 1);
        }
        for (int l = layers.size(); l < total - 1; l++) {
            Layer layer = layer(g, random, size, width, g.kinds.depth());
            layers = layers.append(layer);
            width = Refit.width(layer, width);
        }
        layers = layers.append(dense(g, random, width, Values.count(random, g.minOutputs, g.maxOutputs, size), g.last));
        return Network.of(input, layers);
    }

    /** A layer of one of the generator's kinds that takes {@code in} features, with blocks at most {@code depth} deep. */
    private static Layer layer(NetworkGenerator g, SourceOfRandomness random, int size, int in, int depth) {
        Vector<String> kinds = (depth > 0 ? g.kinds.names() : g.kinds.names().removeAll(blocks()))
                .removeAll(ImageStems.kinds());
        String kind = kinds.isEmpty() ? "dense" : kinds.size() == 1 ? kinds.head() : pick(random, kinds);
        switch (kind) {
            case "dense":
                return dense(g, random, in, Values.count(random, g.minWidth, g.maxWidth, size), g.hidden);
            case "activation":
                return ActivationLayer.of(pick(random, g.hidden));
            case "dropout":
                return dropout(random);
            case "layer_norm":
                return new LayerNorm(Values.uniform(random, 1, in, g.low, g.high),
                        Values.uniform(random, 1, in, g.low, g.high), LayerNorm.EPS);
            case "batch_norm":
                return batchNorm(g, random, in);
            case "sequential":
                return new Sequential(block(g, random, size, in, depth - 1));
            case "residual":
                return residual(g, random, size, in, depth - 1);
            default:
                Layer made = g.kinds.makers().get(kind).get().apply(in);
                return made.withParameters(made.parameters().map(m -> Values.uniform(random, m.rows(), m.columns(),
                        g.low, g.high)));
        }
    }

    /** A dropout of a rate uniform in {@code [0, MAX_RATE)}. */
    static Dropout dropout(SourceOfRandomness random) {
        return Dropout.of(Values.uniform(random, 0.0, MAX_RATE));
    }

    /** A batch normalisation of {@code channels}: scale, offset, running mean, running variance, momentum. */
    static BatchNorm batchNorm(NetworkGenerator g, SourceOfRandomness random, int channels) {
        return new BatchNorm(Values.uniform(random, 1, channels, g.low, g.high),
                Values.uniform(random, 1, channels, g.low, g.high), Values.uniform(random, 1, channels, g.low, g.high),
                Values.uniform(random, 1, channels, MIN_VARIANCE, MAX_VARIANCE), Values.uniform(random, 0.0, 1.0),
                BatchNorm.EPS);
    }

    /** 1 to {@link #BLOCK} layers in sequence, the first taking {@code in} features. */
    private static Vector<Layer> block(NetworkGenerator g, SourceOfRandomness random, int size, int in, int depth) {
        int count = Values.count(random, 1, BLOCK, size);
        Vector<Layer> layers = Vector.empty();
        int width = in;
        for (int l = 0; l < count; l++) {
            Layer layer = layer(g, random, size, width, depth);
            layers = layers.append(layer);
            width = Refit.width(layer, width);
        }
        return layers;
    }

    /** A residual block: a projection to the inner block's width half of the time, else a dense layer back to {@code in}. */
    private static Residual residual(NetworkGenerator g, SourceOfRandomness random, int size, int in, int depth) {
        Vector<Layer> inner = block(g, random, size, in, depth);
        int width = Refit.width(new Sequential(inner), in);
        if (random.nextBoolean()) {
            return Residual.of(single(inner), new Dense(Values.uniform(random, width, in, g.low, g.high),
                    Values.uniform(random, 1, width, g.low, g.high), Activations.identity()));
        }
        return Residual.of(single(width == in ? inner : inner.append(dense(g, random, width, in, g.hidden))));
    }

    /** The layer itself when there is one, else their sequence. */
    static Layer single(Vector<Layer> layers) {
        return layers.size() == 1 ? layers.head() : new Sequential(layers);
    }

    /** A dense layer from {@code in} to {@code out} features: activation, weights, bias, in that order. */
    private static Dense dense(NetworkGenerator g, SourceOfRandomness random, int in, int out,
            Vector<Activation> activations) {
        Activation activation = pick(random, activations);
        return new Dense(Values.uniform(random, out, in, g.low, g.high), Values.uniform(random, 1, out, g.low, g.high),
                activation);
    }

    static <T> T pick(SourceOfRandomness random, Vector<T> choices) {
        return choices.get(random.nextInt(0, choices.size() - 1));
    }
}
