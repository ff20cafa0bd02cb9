package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kit's properties hold over networks of every built-in kind ({@link Generators#architectures()}):
 * backpropagation agrees with finite differences in evaluation and in training with a fixed key,
 * a user's layer anywhere in them is checked alike, training runs replay from any of their states,
 * the passes are pure, their gradients form a commutative monoid, and networks and training
 * states read back equal from checkpoints. Each property also records
 * what it covered, so that a generator that stopped making a kind would fail it.
 */
class ArchitecturePropertiesTest {

    /** As in the dense gradient test: truncation and rounding stay near 1e-9, a wrong gradient errs by O(1). */
    private static final double TOLERANCE = 1e-6;

    /** Pre-activations this far from a kink stay on their side under a step of 1e-6 (see GradientCheckTest). */
    private static final double KINK_MARGIN = 1e-4;

    private static void assertAgrees(GradientCheck check, Object problem) {
        assertTrue(check.worst().error() < TOLERANCE, () -> check + " in " + problem);
    }

    /** The kinds of every layer of a network, blocks included, with a residual block's form. */
    private static Vector<String> kinds(Network n) {
        return n.layers().flatMap(Measures::nodes).map(l -> l instanceof io.github.purenet.network.Residual r
                ? "residual" + (r.projection().isDefined() ? " projected" : "") : l.kind());
    }

    private static void assertCoversEveryKind(Set<String> seen) {
        assertTrue(seen.containsAll(NetworkGenerator.builtInKinds().append("residual projected").toJavaSet()),
                seen::toString);
    }

    @Test
    void backwardAgreesWithFiniteDifferencesInEvaluationOnEveryArchitecture() {
        Set<String> seen = new HashSet<>();
        Property.forAll(Generators.problems().networks(Generators.architectures()).awayFromKinks(KINK_MARGIN))
                .trials(200).check(p -> {
                    assertAgrees(p.gradientCheck(Mode.evaluation()), p);
                    seen.addAll(kinds(p.network()).toJavaList());
                });
        assertCoversEveryKind(seen);
    }

    /**
     * In training, dropout's mask depends on the key alone and batch normalisation's statistics on
     * the batch, so with a fixed key the loss is one smooth function of the parameters. Kinks are
     * left out here: after dropout a ReLU's input is often exactly 0, and their derivatives are
     * checked in evaluation above.
     */
    @Test
    void backwardAgreesWithFiniteDifferencesInTrainingWithAFixedKey() {
        Set<String> seen = new HashSet<>();
        int[] modeChanged = {0};
        Property.forAll(Generators.pairs(Generators.problems().networks(Generators.architectures()).smooth(),
                Generators.keys())).trials(200).check(pk -> {
                    Problem p = pk._1;
                    Mode training = Mode.training(pk._2);
                    assertAgrees(p.gradientCheck(training), p);
                    seen.addAll(kinds(p.network()).toJavaList());
                    modeChanged[0] += p.lossAndGradients(training).loss() != p.lossAndGradients(Mode.evaluation()).loss()
                            ? 1 : 0;
                });
        assertCoversEveryKind(seen);
        assertTrue(modeChanged[0] > 50, modeChanged[0] + " of 200 losses differ between the modes");
    }

    /**
     * A user's layer, y = x ⊙ s ⊙ m, with a learnt scale s and, in training, a fixed noise
     * m = 0.5 + u drawn per unit from the layer's key (1 in evaluation).
     *
     * @param s the scale
     * @param forgetsNoise whether the backward pass forgets m in the scale's gradient (a bug)
     */
    private record NoisyScale(Matrix s, boolean forgetsNoise) implements CustomLayer {
        public String name() {
            return forgetsNoise ? "noisy_scale_bug" : "noisy_scale";
        }

        public Shape outputShape(Shape input) {
            return input;
        }

        public Vector<String> parameterNames() {
            return Vector.of("s");
        }

        public Vector<Matrix> parameters() {
            return Vector.of(s);
        }

        public NoisyScale withParameters(Vector<Matrix> p) {
            return new NoisyScale(p.get(0), forgetsNoise);
        }

        public boolean modeDependent() {
            return true;
        }

        private Matrix noise(Mode mode) {
            return Matrix.of(1, s.columns(), (i, j) -> mode instanceof Mode.Training t ? 0.5 + t.key().uniformAt(j) : 1.0);
        }

        public Matrix forward(Matrix x, Mode mode) {
            Matrix m = noise(mode);
            return Matrix.of(x.rows(), x.columns(), (i, j) -> x.get(i, j) * s.get(0, j) * m.get(0, j));
        }

        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            Matrix m = forgetsNoise ? noise(Mode.evaluation()) : noise(mode);
            Matrix full = noise(mode);
            return new Backward(Matrix.of(x.rows(), x.columns(), (i, j) -> dy.get(i, j) * s.get(0, j) * full.get(0, j)),
                    Vector.of(Matrix.of(x.rows(), x.columns(), (i, j) -> dy.get(i, j) * x.get(i, j) * m.get(0, j))
                            .columnSums()));
        }
    }

    /** Problems of smooth networks with the user's layer among their kinds. */
    private static ProblemGenerator withUsersLayer(boolean forgetsNoise) {
        String kind = forgetsNoise ? "noisy_scale_bug" : "noisy_scale";
        return Generators.problems().smooth().networks(Generators.architectures().layers(2, 4)
                .withLayer(kind, width -> new NoisyScale(Matrix.filled(1, width, 1.0), forgetsNoise))
                .kinds(Vector.of(kind, "dense", "dropout", "batch_norm", "sequential", "residual")));
    }

    @Test
    void aUsersLayerAnywhereInAnyArchitectureIsCheckedInBothModesAndAWrongGradientIsFoundInTraining() {
        int[] inside = {0, 0};
        Property.forAll(Generators.pairs(withUsersLayer(false), Generators.keys())).trials(100).check(pk -> {
            Problem p = pk._1;
            assertAgrees(p.gradientCheck(Mode.evaluation()), p);
            assertAgrees(p.gradientCheck(Mode.training(pk._2)), p);
            inside[0] += p.network().layers().flatMap(Measures::nodes).exists(l -> l instanceof NoisyScale) ? 1 : 0;
            inside[1] += p.network().layers().filter(l -> !(l instanceof NoisyScale)).flatMap(Measures::nodes)
                    .exists(l -> l instanceof NoisyScale) ? 1 : 0;
        });
        assertTrue(inside[0] >= 30 && inside[1] >= 10, inside[0] + " of 100 networks hold the user's layer, "
                + inside[1] + " inside a block");
        Property.forAll(withUsersLayer(true)).trials(50).check(p ->
                assertAgrees(p.gradientCheck(Mode.evaluation()), p)); // the bug is invisible there
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(Generators.pairs(
                withUsersLayer(true), Generators.keys())).check(pk -> assertAgrees(pk._1.gradientCheck(
                        Mode.training(pk._2)), pk._1)));
        assertTrue(error.getMessage().contains("to: (Problem[Network[1: NoisyScale[s=Matrix[1x1 [[0.0]]], "
                + "forgetsNoise=true], Dense[1->1 identity]]"), error.getMessage()); // shrunk to the layer alone
    }

    @Test
    void trainingRunsOverEveryArchitectureReplayFromAnyOfTheirStatesAndCarryTheirState() {
        Set<String> seen = new HashSet<>();
        int[] stateChanged = {0};
        TrainingGenerator trainings = Generators.trainings().problems(Generators.problems().batch(1, 8)
                .networks(Generators.architectures().layers(1, 3).widths(1, 5))).steps(0, 6);
        Property.forAll(trainings).trials(100).check(t -> {
            seen.addAll(kinds(t.network()).toJavaList());
            stateChanged[0] += replays(t) ? 1 : 0;
        });
        assertCoversEveryKind(seen);
        assertTrue(stateChanged[0] > 5, stateChanged[0] + " runs changed their network's state");
    }

    /** Replays the case; whether a step changed the network's non-trainable state. */
    private static <S> boolean replays(TrainingCase<S> t) {
        TrainState<S> state = t.state();
        ReplayCheck.verify(state, t.transition(), 4);
        Vector<Matrix> before = t.network().state();
        return !state.diverged() && state.step() > 0 && !state.network().state().equals(before);
    }

    @Test
    void forwardAndBackwardArePureInBothModes() {
        Property.forAll(Generators.pairs(Generators.problems().networks(Generators.architectures()), Generators.keys()))
                .trials(100).check(pk -> {
                    Problem p = pk._1;
                    for (Mode mode : Vector.of(Mode.evaluation(), Mode.training(pk._2))) {
                        PurityCheck.verify(x -> Backprop.forward(p.network(), x, mode), () -> Matrix.of(p.inputs().toArray()));
                        PurityCheck.verify(n -> Backprop.lossAndGradients(n, p.inputs(), p.targets(), p.loss(), mode),
                                () -> p.network().withParameters(p.network().parameters().map(m -> Matrix.of(m.toArray()))));
                    }
                });
    }

    @Test
    void gradientsOfEveryArchitectureFormACommutativeMonoid() {
        NetworkGenerator shapes = Generators.architectures().layers(1, 3).widths(1, 6).inputs(1, 6).outputs(1, 6);
        for (ValueKind kind : ValueKind.values()) {
            Property.forAll(new Addends.Gen(kind, shapes)).trials(50).check(x -> {
                Gradients zero = Gradients.zero(x.network());
                assertEquals(x.a(), x.a().plus(zero));
                assertEquals(x.a(), zero.plus(x.a()));
                assertEquals(x.a().plus(x.b()), x.b().plus(x.a()));
            });
        }
        Property.forAll(new Addends.Gen(ValueKind.DYADIC, shapes)).trials(100).check(x ->
                assertEquals(x.a().plus(x.b()).plus(x.c()), x.a().plus(x.b().plus(x.c()))));
    }

    @Test
    void networksAndTrainingStatesOfEveryArchitectureReadBackEqualThroughTheCodec() {
        Codec codec = Codec.standard();
        Set<String> seen = new HashSet<>();
        Property.forAll(Generators.architectures()).trials(200).check(n -> {
            String json = codec.encode(n);
            Network back = codec.decodeNetwork(json);
            assertEquals(n, back); // Matrix equality is bit for bit
            assertEquals(json, codec.encode(back));
            seen.addAll(kinds(n).toJavaList());
        });
        assertCoversEveryKind(seen);
        TrainingGenerator trainings = Generators.trainings().problems(Generators.problems().batch(1, 8)
                .networks(Generators.architectures().layers(1, 3).widths(1, 5))).steps(0, 4);
        Property.forAll(trainings).trials(60).check(t -> readsBack(codec, t));
    }

    private static <S> void readsBack(Codec codec, TrainingCase<S> t) {
        TrainState<S> state = t.state();
        assertEquals(state, codec.decodeTrainState(codec.encode(state, t.optimizer().optimizer()), t.optimizer().optimizer()));
    }
}
