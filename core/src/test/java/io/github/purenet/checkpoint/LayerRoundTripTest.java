package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static io.github.purenet.checkpoint.Fixtures.assertBits;
import static io.github.purenet.checkpoint.Fixtures.shaField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.purenet.checkpoint.Fixtures.Named;
import io.github.purenet.model.Model;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Selection;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Update;
import io.github.purenet.optim.Wrappers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Networks of every kind of layer, nested, read back equal bit for bit with an equal SHA-256 and
 * the same text; so do their models, gradients, optimizer states and training states. Networks that differ
 * in a setting or a running statistic have different hashes.
 */
class LayerRoundTripTest {

    /** Optimizers whose states hold gradient-shaped parts, selecting parameters by path. */
    private static Vector<Named<?>> optimizers() {
        return Fixtures.namedOptimizers(0.05).appendAll(Vector.of(
                new Named<>("partition(under(layers[0]), adam, adagrad)", () -> Wrappers.partition(
                        Selection.under("layers[0]"), Optimizers.adam(0.01), Optimizers.adagrad(0.05))),
                new Named<>("freeze(decayable().not(), rmsprop)", () -> Wrappers.freeze(Selection.decayable().not(),
                        Optimizers.rmsprop(0.01))),
                new Named<>("accumulate(2, chain(clip, adamw))", () -> Wrappers.accumulate(2, Transforms.chain(
                        Transforms.clipByGlobalNorm(0.5), Optimizers.adamw(0.01))))));
    }

    static void assertRoundTrip(Network n) {
        String json = CODEC.encode(n);
        Network back = CODEC.decodeNetwork(json);
        assertBits(n, back);
        assertEquals(CODEC.sha256(n), CODEC.sha256(back));
        assertEquals(CODEC.sha256(n), shaField(json), "the document carries the value's hash");
        assertEquals(json, CODEC.encode(n), "written twice, the same text");
        assertEquals(json, CODEC.encode(back), "the value read back writes the same text");
    }

    @Test
    void theNetworkOfEveryKindAndTheImageNetworkReadBackBitForBit() {
        assertRoundTrip(Fixtures.everyKind());
        assertRoundTrip(Fixtures.imageNetwork());
        assertRoundTrip(Documents.TRAIN_STATE.network());
    }

    @Test
    void randomTreesOfEveryKindReadBackBitForBitWithEqualHashAndText() {
        java.util.Set<String> kinds = new TreeSet<>();
        Property.forAll(Generators.keys()).trials(300).check(key -> {
            Network n = Trees.network(new SplittableRandom(key.state()));
            n.layers().forEach(l -> kinds.addAll(kinds(l).asJava()));
            assertRoundTrip(n);
        });
        assertEquals(new TreeSet<>(java.util.List.of("activation", "avg_pool2d", "batch_norm", "conv2d", "dense",
                "dropout", "flatten", "global_average_pool", "layer_norm", "max_pool2d", "residual",
                "residual+projection", "scale", "sequential")), kinds, "every kind occurred");
    }

    private static Vector<String> kinds(Layer layer) {
        if (layer instanceof Sequential s) {
            return s.layers().flatMap(LayerRoundTripTest::kinds).append("sequential");
        }
        if (layer instanceof Residual r) {
            return kinds(r.inner()).appendAll(r.projection().toVector().flatMap(LayerRoundTripTest::kinds))
                    .append(r.projection().isDefined() ? "residual+projection" : "residual");
        }
        return Vector.of(layer.kind().startsWith("scale(") ? "scale" : layer.kind());
    }

    @Test
    void modelsOfRandomTreesReadBackBitForBitWithEqualHashAndText() {
        Property.forAll(Generators.keys()).trials(100).check(key -> {
            SplittableRandom random = new SplittableRandom(key.state());
            Model m = ModelRoundTripTest.model(Trees.network(random), random, random.nextBoolean(), random.nextBoolean());
            String json = CODEC.encode(m);
            Model back = CODEC.decodeModel(json);
            assertEquals(m, back);
            assertBits(m.network(), back.network());
            assertEquals(CODEC.sha256(m), CODEC.sha256(back));
            assertEquals(json, CODEC.encode(back));
        });
    }

    @Test
    void gradientsOfRandomTreesReadBackBitForBit() {
        Property.forAll(Generators.keys()).trials(100).check(key -> {
            SplittableRandom random = new SplittableRandom(key.state());
            Network n = Trees.network(random);
            Gradients g = Gradients.zero(n).map(x -> Double.longBitsToDouble(random.nextLong()));
            String json = CODEC.encode(g);
            Gradients back = CODEC.decodeGradients(json);
            assertBits(g, back);
            assertEquals(CODEC.sha256(g), CODEC.sha256(back));
            assertEquals(json, CODEC.encode(back));
        });
    }

    @Test
    void optimizerAndTrainingStatesOfRandomTreesReadBackEqualAfterEveryUpdate() {
        Property.forAll(Generators.keys()).trials(40).check(key -> {
            SplittableRandom random = new SplittableRandom(key.state());
            for (Named<?> named : optimizers()) {
                assertStatesRoundTrip(named, random);
            }
        });
    }

    private static <S> void assertStatesRoundTrip(Named<S> named, SplittableRandom random) {
        Network n = finite(Trees.network(random));
        Optimizer<S> optimizer = named.make().get();
        S state = optimizer.init(n);
        String previous = null;
        for (int step = 0; step < 3; step++) {
            String json = CODEC.encodeOptimizerState(state);
            assertEquals(state, CODEC.decodeOptimizerState(json, named.make().get(), n), named + " at " + step);
            assertEquals(json, CODEC.encodeOptimizerState(CODEC.decodeOptimizerState(json, named.make().get(), n)));
            TrainState<S> s = new TrainState<>(n, state, step, random.nextInt(3), random.nextInt(2),
                    Vector.of(1, 0, 2), new Key(random.nextLong(), random.nextLong() | 1L),
                    step == 0 ? Option.none() : Option.some(random.nextDouble()));
            String text = CODEC.encode(s, named.make().get());
            TrainState<S> back = CODEC.decodeTrainState(text, named.make().get());
            assertEquals(s, back, named + " at " + step);
            assertBits(s.network(), back.network());
            assertEquals(CODEC.sha256(s), CODEC.sha256(back));
            assertEquals(text, CODEC.encode(back, named.make().get()));
            assertNotEquals(previous, CODEC.sha256(s));
            previous = CODEC.sha256(s);
            Gradients g = Gradients.zero(n).map(x -> random.nextDouble(-1.0, 1.0));
            Update<S> u = optimizer.update(g, state, n);
            n = Optimizer.applyUpdates(n, u.updates());
            state = u.state();
        }
    }

    /** The network with finite parameters, as a training run has them. */
    private static Network finite(Network n) {
        return n.withParameters(n.parameters().map(m -> m.map(x -> Double.isFinite(x) ? Math.tanh(x) : 0.5)));
    }

    @Test
    void networksThatDifferInASettingOrARunningStatisticHaveDifferentHashes() {
        Network n = Fixtures.everyKind();
        BatchNorm bn = (BatchNorm) n.layers().get(1);
        Vector<Network> variants = Vector.of(
                n,
                Network.of(n.input(), n.layers().update(1, new BatchNorm(bn.scale(), bn.offset(), bn.mean(),
                        bn.variance(), Math.nextUp(0.9), bn.eps()))),
                Network.of(n.input(), n.layers().update(1, new BatchNorm(bn.scale(), bn.offset(), bn.mean(),
                        bn.variance(), 0.9, Math.nextDown(0.001)))),
                n.withState(Vector.of(bn.mean().map(x -> x == 0.2 ? Math.nextUp(x) : x), bn.variance())),
                n.withState(Vector.of(bn.mean(), Matrix.row(1.5, 0.25, 2.25))),
                Network.of(n.input(), n.layers().update(3, io.github.purenet.network.Dropout.of(0.5))),
                Network.of(n.input(), n.layers().removeAt(3)));
        assertEquals(variants.size(), variants.map(CODEC::sha256).distinct().size(), "one hash per network");
        assertEquals(variants.size(), variants.map(CODEC::encode).distinct().size(), "one text per network");
        assertEquals(CODEC.sha256(n), CODEC.sha256(Fixtures.everyKind()), "equal networks built apart, equal hashes");
        Network zero = n.withState(Vector.of(bn.mean().map(x -> 0.0), bn.variance()));
        Network negativeZero = n.withState(Vector.of(bn.mean().map(x -> -0.0), bn.variance()));
        assertNotEquals(CODEC.sha256(zero), CODEC.sha256(negativeZero), "the hash sees the sign of a zero");
    }
}
