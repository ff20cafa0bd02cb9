package io.github.purenet.checkpoint;

import io.github.purenet.Stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Dense;
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

    static final Codec CODEC = Codec.standard();

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

    static void assertBits(Network expected, Network actual) {
        assertEquals(expected.layers().size(), actual.layers().size());
        for (int l = 0; l < expected.layers().size(); l++) {
            Dense e = expected.dense(l);
            Dense a = actual.dense(l);
            assertBits(e.weights(), a.weights(), "layer " + l + " weights");
            assertBits(e.bias(), a.bias(), "layer " + l + " bias");
            assertEquals(e.activation(), a.activation(), "layer " + l + " activation");
        }
    }

    static void assertBits(Gradients expected, Gradients actual) {
        assertEquals(expected.paths(), actual.paths());
        for (int l = 0; l < Stacks.layers(expected).size(); l++) {
            Stacks.Pair e = Stacks.layers(expected).get(l);
            Stacks.Pair a = Stacks.layers(actual).get(l);
            assertBits(e.weights(), a.weights(), "layer " + l + " weights");
            assertBits(e.bias(), a.bias(), "layer " + l + " bias");
        }
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
