package io.github.purenet.checkpoint;

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
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.NetworkGenerator;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;

/**
 * Random networks with layers of every kind, nested, for the codec's properties: dense layers,
 * activations, dropout, layer and batch normalisation, the test's own {@link Scale}, sequences, and
 * residual blocks with and without projections; their numbers are any doubles (NaN, infinities,
 * signed zeros, subnormals), their settings any that the layers take; a fifth of them are
 * convolutional networks ({@link ImageTrees}). A network is a pure function of its random source.
 */
final class Trees {

    /** Doubles at the edges of IEEE 754. */
    private static final double[] SPECIALS = {-0.0, 0.0, Double.MIN_VALUE, -1e-310, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.1 + 0.2, 1.0 / 3.0, 2e22, 9007199254740993.0};

    private Trees() {
    }

    /** A network of 1 to 4 layers, containers up to two deep, of examples 1 to 4 wide or 1x2xc images. */
    static Network network(SplittableRandom random) {
        return network(random, true);
    }

    /**
     * A network of examples 1 to 4 wide, of dense, activation, {@link Scale}, sequence and residual
     * layers only when {@code everyKind} is false: the kinds that train the same in every mode.
     */
    static Network network(SplittableRandom random, boolean everyKind) {
        int draw = everyKind ? random.nextInt(5) : -1;
        if (draw == 1) {
            return ImageTrees.network(random);
        }
        boolean image = draw == 0;
        int width = 1 + random.nextInt(4);
        Shape input = image ? Shape.of(1, 2, width) : Shape.of(width);
        Vector<Layer> layers = Vector.empty();
        int n = 1 + random.nextInt(4);
        int w = width;
        for (int i = 0; i < n; i++) {
            Tuple2<Layer, Integer> l = image ? Tuple.of(shapeKeeping(random, width, input.size(), true), width)
                    : layer(random, w, 2, everyKind);
            layers = layers.append(l._1);
            w = l._2;
        }
        return Network.of(input, layers);
    }

    /** A layer that takes examples {@code width} wide, and the width of its output. */
    static Tuple2<Layer, Integer> layer(SplittableRandom random, int width, int depth, boolean everyKind) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        switch (kind) {
            case 0: {
                int out = 1 + random.nextInt(4);
                return Tuple.of(new Dense(matrix(random, out, width), matrix(random, 1, out), activation(random)), out);
            }
            case 6: {
                Vector<Layer> layers = Vector.empty();
                int w = width;
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    Tuple2<Layer, Integer> l = layer(random, w, depth - 1, everyKind);
                    layers = layers.append(l._1);
                    w = l._2;
                }
                return Tuple.of(new Sequential(layers), w);
            }
            case 7:
            case 8: {
                Tuple2<Layer, Integer> inner = layer(random, width, depth - 1, everyKind);
                if (inner._2 == width && random.nextBoolean()) {
                    return Tuple.of(Residual.of(inner._1), width);
                }
                Tuple2<Layer, Integer> projection = Tuple.of(new Dense(matrix(random, inner._2, width),
                        matrix(random, 1, inner._2), Activations.identity()), inner._2);
                return Tuple.of(Residual.of(inner._1, projection._1), inner._2);
            }
            default:
                return Tuple.of(shapeKeeping(random, width, width, everyKind), width);
        }
    }

    /** A layer whose output has its input's shape: examples of {@code size} entries, the last dimension {@code channels}. */
    private static Layer shapeKeeping(SplittableRandom random, int channels, int size, boolean everyKind) {
        switch (everyKind ? random.nextInt(5) : 4 * random.nextInt(2)) {
            case 0:
                return ActivationLayer.of(activation(random));
            case 1:
                return Dropout.of(random.nextInt(4) == 0 ? 0.0 : random.nextDouble(0.0, 1.0));
            case 2:
                return new LayerNorm(matrix(random, 1, size), matrix(random, 1, size), positive(random));
            case 3:
                return new BatchNorm(matrix(random, 1, channels), matrix(random, 1, channels),
                        matrix(random, 1, channels), matrix(random, 1, channels).map(Math::abs),
                        random.nextInt(4) == 0 ? 0.0 : random.nextDouble(0.0, 1.0), positive(random));
            default:
                return size == channels ? new Scale(matrix(random, 1, channels)) : ActivationLayer.of(activation(random));
        }
    }

    static Activation activation(SplittableRandom random) {
        Vector<Activation> all = NetworkGenerator.builtInActivations().append(Activations.leakyRelu(
                random.nextDouble(0.0, 1.0)));
        return all.get(random.nextInt(all.size()));
    }

    private static double positive(SplittableRandom random) {
        double x;
        do {
            x = Math.abs(number(random));
        } while (!(x > 0.0 && Double.isFinite(x)));
        return x;
    }

    private static double number(SplittableRandom random) {
        return random.nextBoolean() ? SPECIALS[random.nextInt(SPECIALS.length)]
                : Double.longBitsToDouble(random.nextLong());
    }

    static Matrix matrix(SplittableRandom random, int rows, int columns) {
        return Matrix.of(rows, columns, (i, j) -> number(random));
    }
}
