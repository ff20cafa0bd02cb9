package io.github.purenet.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.loss.Loss;
import io.github.purenet.activation.Activation;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedules;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Wrappers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Problem;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared by the checkpoint tests: the optimizers under test, runs built from generated cases, and
 * comparisons bit for bit.
 */
final class Fixtures {

    /** The standard codec, knowing the test's own layer {@link Scale} in widths 1 to 8. */
    static final Codec CODEC = Vector.range(1, 9).foldLeft(Codec.standard(), (c, w) -> c.withLayer(Scale.ones(w)));

    /** The bits of Java's canonical NaN, the one NaN a document reads back as. */
    static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);

    private static final Pattern SHA256 = Pattern.compile("\"sha256\" : \"([0-9a-f]{64})\"");
    private static final Pattern SHA256_FIELD = Pattern.compile("\"sha256\" : \"[0-9a-f]{64}\",\\s*");

    private Fixtures() {
    }

    /** Seed 001's 2-3-3 ReLU/softmax network (section 4.4). */
    static Network seedNetwork() {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
    }

    /**
     * A network with a layer of every kind, its numbers short decimals: a dense layer, a batch
     * normalisation with running statistics of its own, a residual block of a dense layer, a layer
     * normalisation and leaky ReLU (no projection), dropout, a residual block of a dense layer and
     * the test's own {@link Scale} layer with a projection, and a softmax output; 2 inputs, 3 outputs.
     */
    static Network everyKind() {
        return Network.of(Shape.of(2),
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new BatchNorm(Matrix.row(1.5, 0.5, 1.25), Matrix.row(0.1, 0.05, -0.1), Matrix.row(0.2, -0.3, 0.4),
                        Matrix.row(1.5, 0.25, 2.5), 0.9, 0.001),
                Residual.of(Sequential.of(
                        new Dense(Matrix.of(new double[][] {{0.7, -0.8, 0.9}, {-0.1, 0.2, -0.3}, {0.3, 0.2, 0.1}}),
                                Matrix.row(0.15, 0.25, -0.5), Activations.tanh()),
                        new LayerNorm(Matrix.row(1.1, 0.9, 1.2), Matrix.row(0.05, 0.1, -0.2), 0.01),
                        ActivationLayer.of(Activations.leakyRelu(0.25)))),
                Dropout.of(0.25),
                Residual.of(Sequential.of(
                        new Dense(Matrix.of(new double[][] {{0.4, 0.3, -0.2}, {-0.6, 0.5, 0.1}}), Matrix.row(0.3, -0.2),
                                Activations.identity()),
                        Scale.of(0.5, 1.5)),
                        new Dense(Matrix.of(new double[][] {{1.5, 0.25, -1.5}, {0.5, 0.5, 0.5}}), Matrix.row(0.35, 0.1),
                                Activations.identity())),
                new Dense(Matrix.of(new double[][] {{0.2, -0.4}, {0.6, 0.8}, {-1.5, 0.3}}), Matrix.row(0.05, 0.15, -0.05),
                        Activations.softmax()));
    }

    /** A network of images 2x2x3 (channels last): batch and layer normalisation, tanh and dropout. */
    static Network imageNetwork() {
        return Network.of(Shape.of(2, 2, 3),
                new BatchNorm(Matrix.row(1.0, 2.0, 0.5), Matrix.row(0.0, 0.5, -0.5), Matrix.row(0.1, 0.2, 0.3),
                        Matrix.row(0.5, 1.0, 1.5), 0.99, 0.00001),
                LayerNorm.of(12),
                ActivationLayer.of(Activations.tanh()),
                Dropout.of(0.5));
    }

    /**
     * An optimizer with a name, built afresh by every call of {@code make}, as a resumed run builds
     * it again from its configuration.
     *
     * @param <S> the type of its state
     * @param name what the failure messages call it
     * @param make builds the optimizer
     */
    record Named<S>(String name, Supplier<Optimizer<S>> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The seven named optimizers of {@link Optimizers}. */
    static Vector<Named<?>> namedOptimizers(double lr) {
        return Vector.of(
                new Named<>("sgd", () -> Optimizers.sgd(lr)),
                new Named<>("momentum", () -> Optimizers.momentum(lr)),
                new Named<>("nesterov", () -> Optimizers.nesterov(lr)),
                new Named<>("adagrad", () -> Optimizers.adagrad(lr)),
                new Named<>("rmsprop", () -> Optimizers.rmsprop(lr)),
                new Named<>("adam", () -> Optimizers.adam(lr)),
                new Named<>("adamw", () -> Optimizers.adamw(lr)));
    }

    /**
     * Optimizers with schedules, wrappers and chains, for a network of {@code layers} layers; the
     * flags of the partitions are drawn from {@code random}.
     */
    static Vector<Named<?>> composedOptimizers(int layers, SplittableRandom random) {
        Vector<Boolean> frozen = Vector.fill(layers, random::nextBoolean);
        Vector<Boolean> selected = Vector.fill(layers, random::nextBoolean);
        return Vector.of(
                new Named<>("sgd(cosineDecay)", () -> Optimizers.sgd(Schedules.cosineDecay(0.1, 7, 0.1))),
                new Named<>("adam(warmupCosineDecay)",
                        () -> Optimizers.adam(Schedules.warmupCosineDecay(0.0, 0.05, 3, 9, 0.001))),
                new Named<>("accumulate(3, adam)", () -> Wrappers.accumulate(3, Optimizers.adam(0.02))),
                new Named<>("freeze(" + frozen + ", momentum)", () -> Wrappers.freeze(frozen, Optimizers.momentum(0.05))),
                new Named<>("partition(" + selected + ", rmsprop, adagrad)",
                        () -> Wrappers.partition(selected, Optimizers.rmsprop(0.01), Optimizers.adagrad(0.05))),
                new Named<>("accumulate(2, partition(nesterov, adamw))", () -> Wrappers.accumulate(2,
                        Wrappers.partition(selected, Optimizers.nesterov(0.02), Optimizers.adamw(0.01)))),
                new Named<>("chain(clipByGlobalNorm, adam)",
                        () -> Transforms.chain(Transforms.clipByGlobalNorm(0.5), Optimizers.adam(0.03))));
    }

    /**
     * What a run trains on, besides its network and optimizer: a case's batch as the data, a
     * batching, a key and the case's loss.
     */
    record Setup(Dataset data, Batching batching, Key key, Loss loss) {

        /** The case's data, with a batch size, shuffling, last batch and key drawn from {@code random}. */
        static Setup of(Problem c, SplittableRandom random) {
            Dataset data = new Dataset(c.inputs(), c.targets());
            Batching batching = Batching.miniBatches(1 + random.nextInt(data.size()))
                    .withShuffle(random.nextBoolean())
                    .withLastBatch(random.nextBoolean() ? LastBatch.KEEP : LastBatch.DROP);
            return new Setup(data, batching, Key.of(random.nextLong()), c.loss());
        }

        <S> Function<TrainState<S>, TrainState<S>> transition(Optimizer<S> optimizer) {
            return Training.transition(data, batching, loss, optimizer);
        }

        /** The first {@code count} states of the run (fewer if it diverges first), from step 0. */
        <S> Vector<TrainState<S>> states(Network network, Optimizer<S> optimizer, int count) {
            TrainState<S> initial = Training.init(network, optimizer, key, data, batching);
            return Training.run(initial, transition(optimizer)).take(count).iterator().toVector();
        }
    }

    /** Asserts the same raw bits everywhere, except that a NaN must read back as the canonical NaN. */
    static void assertBits(Matrix expected, Matrix actual, String where) {
        assertEquals(expected.shape(), actual.shape(), where);
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                double e = expected.get(i, j);
                long wanted = Double.isNaN(e) ? CANONICAL_NAN : Double.doubleToRawLongBits(e);
                long got = Double.doubleToRawLongBits(actual.get(i, j));
                if (wanted != got) {
                    fail(where + " (" + i + ", " + j + "): wrote " + e + " (bits " + Long.toHexString(
                            Double.doubleToRawLongBits(e)) + "), read back bits " + Long.toHexString(got));
                }
            }
        }
    }

    /**
     * Asserts equal networks whose every parameter and every state matrix has the same bits, leaf
     * by leaf (a NaN as the canonical NaN).
     */
    static void assertBits(Network expected, Network actual) {
        assertEquals(expected.input(), actual.input(), "input shape");
        assertEquals(expected.parameterPaths(), actual.parameterPaths());
        assertEquals(expected.statePaths(), actual.statePaths());
        for (int i = 0; i < expected.parameterPaths().size(); i++) {
            assertBits(expected.parameters().get(i), actual.parameters().get(i), expected.parameterPaths().get(i));
        }
        for (int i = 0; i < expected.statePaths().size(); i++) {
            assertBits(expected.state().get(i), actual.state().get(i), expected.statePaths().get(i));
        }
        assertEquals(expected, actual, "settings and structure");
    }

    static void assertBits(Gradients expected, Gradients actual) {
        assertEquals(expected.paths(), actual.paths());
        for (int i = 0; i < expected.paths().size(); i++) {
            assertBits(expected.values().get(i), actual.values().get(i), expected.paths().get(i));
        }
    }

    /** @return the activations of a network's dense and activation layers, at any depth */
    static Vector<Activation> activations(Network network) {
        return network.layers().flatMap(Fixtures::activations);
    }

    private static Vector<Activation> activations(Layer layer) {
        if (layer instanceof Dense d) {
            return Vector.of(d.activation());
        } else if (layer instanceof ActivationLayer a) {
            return Vector.of(a.activation());
        } else if (layer instanceof Sequential s) {
            return s.layers().flatMap(Fixtures::activations);
        } else if (layer instanceof Residual r) {
            return activations(r.inner()).appendAll(r.projection().toVector().flatMap(Fixtures::activations));
        }
        return Vector.empty();
    }

    /** @return the value of a document's {@code sha256} field */
    static String shaField(String json) {
        Matcher m = SHA256.matcher(json);
        if (!m.find()) {
            fail("no sha256 field in " + json);
        }
        return m.group(1);
    }

    /** @return the document without its {@code sha256} field, as a tool that omits it would write it */
    static String withoutSha(String json) {
        return SHA256_FIELD.matcher(json).replaceFirst("");
    }
}
