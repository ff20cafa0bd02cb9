package io.github.purenet.checkpoint;

import static io.github.purenet.Checks.fails;
import static io.github.purenet.Checks.refuses;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static io.github.purenet.checkpoint.Fixtures.assertBits;
import static io.github.purenet.checkpoint.Fixtures.shaField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Fixtures.Named;
import io.github.purenet.checkpoint.Fixtures.Setup;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.NetworkGenerator;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.github.purenet.train.TrainState;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value the codec writes reads back equal, bit for bit, with an equal SHA-256; the text it
 * writes is a function of the value alone; different values have different hashes.
 */
class RoundTripTest {

    /** A generated problem, and a seed for the test's own choices. */
    private static final Generator<Tuple2<Problem, Key>> SEEDED = Generators.pairs(Generators.problems(),
            Generators.keys());

    /** Values at the edges of IEEE 754: signed zeros, subnormals, extremes, NaNs and infinities. */
    private static final double[] SPECIALS = {
        -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
        Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7fffffffffffffffL), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.1 + 0.2, 1.0 / 3.0, Math.nextUp(1.0), 2e22, 9007199254740993.0, 5e-324 * 3, 1e23, 4.35e-5,
    };

    private static final Pattern KIND = Pattern.compile("\"kind\" : \"([a-z_]+)\"");

    @Test
    void networksOfEveryActivationReadBackBitForBitWithEqualHashAndText() {
        Set<Activation> all = HashSet.ofAll(NetworkGenerator.builtInActivations());
        java.util.Set<Activation> seen = new java.util.HashSet<>();
        Property.forAll(Generators.problems()).trials(300).check(c -> {
            seen.addAll(Fixtures.activations(c.network()).asJava());
            String json = CODEC.encode(c.network());
            Network back = CODEC.decodeNetwork(json);
            assertEquals(c.network(), back);
            assertBits(c.network(), back);
            assertEquals(CODEC.sha256(c.network()), CODEC.sha256(back));
            assertEquals(CODEC.sha256(c.network()), shaField(json), "the document carries the value's hash");
            assertEquals(json, CODEC.encode(c.network()), "written twice, the same text");
            assertEquals(json, CODEC.encode(back), "the value read back writes the same text");
        });
        assertEquals(all, HashSet.ofAll(seen), "every activation occurred");
    }

    @Test
    void everyBuiltInActivationAndLeakyReluSlopeReadsBackAsItself() {
        Vector<Activation> activations = NetworkGenerator.builtInActivations()
                .appendAll(Vector.of(0.0, Double.MIN_VALUE, 1e-310, 0.1 + 0.2, Math.nextDown(1.0))
                        .map(Activations::leakyRelu));
        for (Activation a : activations) {
            Network n = Network.of(new Dense(Matrix.row(-0.0, 1e-310), Matrix.row(-Double.MAX_VALUE), a));
            Network back = CODEC.decodeNetwork(CODEC.encode(n));
            assertEquals(n, back, a.name());
            assertBits(n, back);
        }
    }

    @Test
    void gradientsFromBackwardReadBackBitForBitWithEqualHash() {
        Property.forAll(Generators.problems()).trials(300).check(c -> {
            Gradients g = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).gradients();
            String json = CODEC.encode(g);
            Gradients back = CODEC.decodeGradients(json);
            assertEquals(g, back);
            assertBits(g, back);
            assertEquals(CODEC.sha256(g), CODEC.sha256(back));
            assertEquals(json, CODEC.encode(g));
            assertEquals(json, CODEC.encode(back));
        });
    }

    @Test
    void specialValuesAndArbitraryBitPatternsReadBackExactlyAndEveryNaNAsTheCanonicalNaN() {
        Property.forAll(SEEDED).trials(300).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Gradients g = Gradients.zero(c.network()).map(x -> random.nextBoolean()
                    ? SPECIALS[random.nextInt(SPECIALS.length)]
                    : Double.longBitsToDouble(random.nextLong()));
            String json = CODEC.encode(g);
            Gradients back = CODEC.decodeGradients(json);
            assertBits(g, back);
            assertEquals(g, back, "Matrix equality identifies NaNs as Double.equals does");
            assertEquals(CODEC.sha256(g), CODEC.sha256(back), "the hash sees every NaN as the canonical one");
            assertEquals(json, CODEC.encode(back));
        });
    }

    @Test
    void signedZerosAndNaNPayloadsAreSeenByTheHashExactlyAsByEquality() {
        Network n = Network.of(new Dense(Matrix.row(0.0), Matrix.row(1.0), Activations.identity()));
        Network negativeZero = Network.of(new Dense(Matrix.row(-0.0), Matrix.row(1.0), Activations.identity()));
        assertNotEquals(CODEC.sha256(n), CODEC.sha256(negativeZero));
        assertNotEquals(CODEC.encode(n), CODEC.encode(negativeZero));
        Gradients nan = Stacks.gradients(Vector.of(new Stacks.Pair(Matrix.row(Double.NaN),
                Matrix.row(1.0))));
        Gradients payload = nan.map(x -> Double.isNaN(x) ? Double.longBitsToDouble(0xfff0000000000abcL) : x);
        assertEquals(nan, payload);
        assertEquals(CODEC.sha256(nan), CODEC.sha256(payload));
        assertEquals(CODEC.encode(nan), CODEC.encode(payload));
    }

    @Test
    void optimizerStatesOfEveryKindReadBackEqualAfterEveryStep() {
        java.util.Set<String> kinds = new TreeSet<>();
        Property.forAll(SEEDED).trials(60).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Setup setup = Setup.of(c, random);
            for (Named<?> named : Fixtures.namedOptimizers(0.05).appendAll(
                    Fixtures.composedOptimizers(c.network().layers().size(), random))) {
                kinds.addAll(assertOptimizerStatesRoundTrip(named, c, setup));
            }
        });
        assertEquals(new TreeSet<>(java.util.List.of("accumulation", "chain", "count", "empty", "moments",
                "partition", "square_average", "square_sum", "velocity")), kinds, "every kind of state occurred");
    }

    private static <S> java.util.Set<String> assertOptimizerStatesRoundTrip(Named<S> named, Problem c, Setup setup) {
        Optimizer<S> optimizer = named.make().get();
        Vector<TrainState<S>> states = setup.states(c.network(), optimizer, 5);
        java.util.Set<String> kinds = new TreeSet<>();
        String previousSha = null;
        for (TrainState<S> s : states) {
            String json = CODEC.encodeOptimizerState(s.optimizerState());
            S back = CODEC.decodeOptimizerState(json, named.make().get(), s.network());
            assertEquals(s.optimizerState(), back, named + " at step " + s.step());
            assertEquals(json, CODEC.encodeOptimizerState(s.optimizerState()), named + ": written twice");
            assertEquals(json, CODEC.encodeOptimizerState(back), named + ": the state read back writes the same");
            assertNotEquals(previousSha, shaField(json), named + ": one step apart, different hashes");
            previousSha = shaField(json);
            Matcher m = KIND.matcher(json);
            while (m.find()) {
                kinds.add(m.group(1));
            }
        }
        return kinds;
    }

    @Test
    void trainingStatesReadBackEqualWithEqualHashForEveryOptimizerAndEveryStep() {
        EnumSet<LossSeen> seen = EnumSet.noneOf(LossSeen.class);
        Property.forAll(SEEDED).trials(60).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Setup setup = Setup.of(c, random);
            for (Named<?> named : Fixtures.namedOptimizers(0.05).appendAll(
                    Fixtures.composedOptimizers(c.network().layers().size(), random))) {
                seen.addAll(assertTrainStatesRoundTrip(named, c, setup, 2 + random.nextInt(6)));
            }
        });
        assertEquals(EnumSet.allOf(LossSeen.class), seen);
    }

    private enum LossSeen { NONE, SOME, LATER_EPOCH }

    private static <S> EnumSet<LossSeen> assertTrainStatesRoundTrip(Named<S> named, Problem c, Setup setup, int count) {
        EnumSet<LossSeen> seen = EnumSet.noneOf(LossSeen.class);
        Vector<TrainState<S>> states = setup.states(c.network(), named.make().get(), count);
        String previousSha = null;
        for (TrainState<S> s : states) {
            String json = CODEC.encode(s, named.make().get());
            TrainState<S> back = CODEC.decodeTrainState(json, named.make().get());
            assertEquals(s, back, named + " at step " + s.step());
            assertBits(s.network(), back.network());
            assertEquals(CODEC.sha256(s), CODEC.sha256(back), named + " at step " + s.step());
            // the document's hash covers the record of its optimizer as well, so it is not the state's alone
            assertNotEquals(CODEC.sha256(s), shaField(json), named + " at step " + s.step());
            assertEquals(json, CODEC.encode(s, named.make().get()), named + ": written twice");
            assertEquals(json, CODEC.encode(back, named.make().get()), named + ": the state read back writes the same text");
            assertNotEquals(previousSha, CODEC.sha256(s), named + ": one step apart, different hashes");
            previousSha = CODEC.sha256(s);
            seen.add(s.loss().isEmpty() ? LossSeen.NONE : LossSeen.SOME);
            if (s.epoch() > 0) {
                seen.add(LossSeen.LATER_EPOCH);
            }
        }
        return seen;
    }

    @Test
    void aDivergedStateWithNaNAndInfinitiesReadsBackSoThatItCanBeInspected() {
        Network n = Network.of(new Dense(Matrix.row(Double.NaN, Double.NEGATIVE_INFINITY), Matrix.row(-0.0),
                Activations.tanh()));
        for (double loss : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            TrainState<Count> s = new TrainState<>(n, new Count(7), 7, 3, 0, Vector.of(1, 0, 2), Key.of(-1),
                    Option.some(loss));
            TrainState<Count> back = CODEC.decodeTrainState(CODEC.encode(s, Optimizers.sgd(0.1)), Optimizers.sgd(0.1));
            assertEquals(s, back);
            assertTrue(back.diverged());
            assertEquals(CODEC.sha256(s), CODEC.sha256(back));
        }
    }

    @Test
    void statesThatDifferInAnyOneComponentHaveDifferentHashes() {
        Network n = Fixtures.seedNetwork();
        TrainState<Count> s = new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7),
                Option.some(0.25));
        Network changed = Stacks.network(Stacks.layers(n).update(1, new Dense(n.dense(1).weights(),
                Matrix.row(0.1, -0.1, Math.nextUp(0.05)), Activations.softmax())));
        Network leaky = Stacks.network(Stacks.layers(n).update(0, new Dense(n.dense(0).weights(),
                n.dense(0).bias(), Activations.leakyRelu(0.0))));
        Vector<TrainState<Count>> variants = Vector.of(
                s,
                new TrainState<>(changed, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(leaky, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(5), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 5, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 4, 2, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 4, 1, 1, Vector.of(2, 0, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(0, 2, 1), Key.of(7), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(8), Option.some(0.25)),
                new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.none()),
                new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(0.0)),
                new TrainState<>(n, new Count(4), 4, 1, 2, Vector.of(2, 0, 1), Key.of(7), Option.some(-0.0)));
        assertEquals(variants.size(), variants.map(CODEC::sha256).distinct().size(), "one hash per state");
        assertEquals(variants.size(), variants.map(v -> CODEC.encode(v, Optimizers.sgd(0.1))).distinct().size(), "one text per state");
        TrainState<Count> copy = new TrainState<>(Fixtures.seedNetwork(), new Count(4), 4, 1, 2, Vector.of(2, 0, 1),
                Key.of(7), Option.some(0.25));
        assertEquals(CODEC.sha256(s), CODEC.sha256(copy), "equal states built apart, equal hashes");
        assertEquals(CODEC.encode(s, Optimizers.sgd(0.1)), CODEC.encode(copy, Optimizers.sgd(0.1)));
    }

    @Test
    void aUserDefinedActivationIsRefusedByTheStandardCodecAndReadsBackWhenRegistered() {
        Activation swish = Activations.elementwise("swish", z -> z * Activations.sigmoid(z),
                (z, a) -> a + Activations.sigmoid(z) * (1.0 - a));
        Network n = Network.of(new Dense(Matrix.row(0.5, -0.25), Matrix.row(0.125), swish),
                new Dense(Matrix.row(2.0), Matrix.row(-0.0), Activations.sigmoid()));
        refuses(() -> Codec.standard().encode(n), "'swish'", "not built in", "Codec.withActivation");
        refuses(() -> Codec.standard().sha256(n), "'swish'", "Codec.withActivation");

        Codec codec = Codec.standard().withActivation(swish);
        String json = codec.encode(n);
        Network back = codec.decodeNetwork(json);
        assertEquals(n, back);
        assertSame(swish, back.dense(0).activation());
        assertEquals(codec.sha256(n), codec.sha256(back));
        assertEquals(json, codec.encode(back));

        fails(CheckpointException.class, () -> Codec.standard().decodeNetwork(json),
                "$.network.layers[0].activation", "unknown activation \"swish\"");
        Activation otherSwish = Activations.elementwise("swish", z -> z, (z, a) -> 1.0);
        refuses(() -> Codec.standard().withActivation(otherSwish).encode(n), "'swish'", "not built in");
        refuses(() -> Codec.standard().withActivation(Activations.elementwise("relu", z -> z, (z, a) -> 1.0)),
                "'relu'", "built-in name");
    }

    /**
     * {@code Encoder.activation} checks only the name: a user's activation named like a built-in
     * is written as the built-in, reads back as the built-in (not equal to what was written), and
     * its network has the same SHA-256 as the network with the built-in.
     */
    @Test
    void aUserActivationWithABuiltInsNameIsRefusedRatherThanWrittenAsTheBuiltIn() {
        Activation sine = Activations.elementwise("tanh", Math::sin, (z, a) -> Math.cos(z));
        Network n = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), sine));
        Network builtIn = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), Activations.tanh()));
        assertNotEquals(n, builtIn);
        refuses(() -> CODEC.encode(n), "'tanh'");
        refuses(() -> CODEC.sha256(n), "'tanh'");
    }
}
