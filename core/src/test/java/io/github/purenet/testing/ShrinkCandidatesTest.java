package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every shrink candidate of every generator is strictly simpler than the value it comes from, by
 * the independent {@link Measures}, and stays a valid value within the generator's bounds. Checked
 * on values of every size, and on the candidates of their first candidates.
 */
class ShrinkCandidatesTest {

    private static final SourceOfRandomness RANDOM = new SourceOfRandomness(new Random(3));

    private static final Network NETWORK = Network.of(
            new Dense(Matrix.filled(3, 2, 0.5), Matrix.filled(1, 3, 0.5), Activations.tanh()),
            new Dense(Matrix.filled(2, 3, 0.5), Matrix.filled(1, 2, 0.5), Activations.softmax()));

    /**
     * For {@code count} values at a property's sizes: every candidate is {@code simpler} than its
     * value, {@code valid}, and not the value; so are the candidates of each value's first
     * candidate; and most values have candidates.
     */
    private static <T> void assertCandidatesAreSimpler(Generator<T> g, int count, BiPredicate<T, T> simpler,
            Predicate<T> valid) {
        int withCandidates = 0;
        for (T value : Generators.samples(g, 11, count)) {
            Vector<T> candidates = Vector.ofAll(g.shrink(RANDOM, value));
            withCandidates += candidates.isEmpty() ? 0 : 1;
            assertSimplerAndValid(g, value, candidates, simpler, valid);
            for (T first : candidates.headOption()) {
                assertSimplerAndValid(g, first, Vector.ofAll(g.shrink(RANDOM, first)), simpler, valid);
            }
        }
        assertTrue(withCandidates > count / 2, g + ": only " + withCandidates + " of " + count + " values shrink");
    }

    private static <T> void assertSimplerAndValid(Generator<T> g, T value, Vector<T> candidates,
            BiPredicate<T, T> simpler, Predicate<T> valid) {
        for (T c : candidates) {
            assertFalse(c.equals(value), () -> g + ": " + value + " is its own candidate");
            assertTrue(simpler.test(c, value), () -> g + ": candidate " + c + " is not simpler than " + value);
            assertTrue(valid.test(c), () -> g + ": candidate " + c + " of " + value + " is not valid");
        }
    }

    private static <T> BiPredicate<T, T> by(Function<T, Vector<Integer>> measure) {
        return (c, value) -> Measures.less(measure.apply(c), measure.apply(value));
    }

    @Test
    void matrixCandidatesHaveFewerRowsOrColumnsOrSimplerEntriesInTheRange() {
        MatrixGenerator g = Generators.matrices().rows(2, 8).columns(1, 5).values(-3, 2);
        assertCandidatesAreSimpler(g, 60, by(Measures::matrix), m -> m.rows() >= 2 && m.rows() <= 8
                && m.columns() <= 5 && m.map(x -> x >= -3 && x <= 2 ? 0 : 1).sum() == 0);
    }

    @Test
    void networkCandidatesHaveFewerOrNarrowerLayersIdentityActivationsOrSimplerWeights() {
        NetworkGenerator g = Generators.networks().layers(1, 4).inputs(2, 6);
        assertCandidatesAreSimpler(g, 60, by(Measures::network), n -> n.inputs() >= 2 && Stacks.layers(n).forAll(d ->
                NetworkGenerator.builtInActivations().contains(d.activation())
                        && d.weights().map(x -> Math.abs(x) <= 1 ? 0 : 1).sum() == 0));
        NetworkGenerator fixed = Generators.networks().inputs(3, 3).outputs(2, 2);
        assertCandidatesAreSimpler(fixed, 40, by(Measures::network), n -> n.inputs() == 3 && n.outputs() == 2);
    }

    /** The deepest nesting of blocks: 0 for a layer that is not a block; a residual block's inner sequence is part of it. */
    static int depth(Layer l) {
        if (l instanceof Sequential s) {
            return 1 + s.layers().map(ShrinkCandidatesTest::depth).max().get();
        }
        if (l instanceof Residual r) {
            int inner = r.inner() instanceof Sequential s ? depth(s) - 1 : depth(r.inner());
            return 1 + Math.max(inner, r.projection().map(ShrinkCandidatesTest::depth).getOrElse(0));
        }
        return 0;
    }

    /** Within the bounds of {@code g}'s documentation: layers, inputs, outputs, depth, and a last dense layer of a last activation. */
    private static boolean within(NetworkGenerator g, Network n, int minInputs, int maxInputs, int minOutputs,
            int maxOutputs) {
        return n.layers().size() >= 1 && n.layers().size() <= 4 && n.inputs() >= minInputs && n.inputs() <= maxInputs
                && n.outputs() >= minOutputs && n.outputs() <= maxOutputs
                && n.layers().map(ShrinkCandidatesTest::depth).max().get() <= 2
                && n.layers().last() instanceof Dense d && NetworkGenerator.builtInActivations().contains(d.activation())
                && n.layers().flatMap(Measures::nodes).forAll(l -> NetworkGenerator.builtInKinds().contains(l.kind()));
    }

    @Test
    void architectureCandidatesHaveFewerLayersOrBlocksNarrowerLayersIdentityActivationsOrSimplerNumbers() {
        NetworkGenerator g = Generators.architectures().inputs(2, 6);
        assertCandidatesAreSimpler(g, 80, by(Measures::architecture), n -> within(g, n, 2, 6, 1, 8));
        NetworkGenerator fixed = Generators.architectures().inputs(3, 3).outputs(2, 2);
        assertCandidatesAreSimpler(fixed, 60, by(Measures::architecture), n -> within(fixed, n, 3, 3, 2, 2));
    }

    @Test
    void architectureProblemCandidatesHaveASmallerNetworkOrBatchOrASimplerLossInputsOrTargets() {
        assertCandidatesAreSimpler(Generators.problems().networks(Generators.architectures()), 60,
                by(Measures::architectureProblem), p -> {
                    p.lossAndGradients(Mode.evaluation());
                    p.lossAndGradients(Mode.training(Key.of(1))); // fits, and batch normalisation has 2 rows
                    return p.network().finalActivation().exists(a -> ProblemGenerator.accepts(p.loss(), a));
                });
    }

    @Test
    void gradientCandidatesHaveTheNetworksShapeAndSimplerEntries() {
        assertCandidatesAreSimpler(Generators.gradients(NETWORK), 40, by(Measures::gradients),
                g -> g.requireFits(NETWORK) == g);
    }

    @Test
    void datasetCandidatesHaveFewerRowsOrColumnsOrSimplerFeaturesAndTargets() {
        assertCandidatesAreSimpler(Generators.datasets(), 60, by(Measures::dataset), d -> true);
        assertCandidatesAreSimpler(Generators.datasets().classification().outputs(2, 4), 60, by(Measures::dataset),
                d -> d.targets().columns() >= 2 && TargetKind.ONE_HOT.accepts(d.targets().matrix()));
        assertCandidatesAreSimpler(Generators.datasets().targets(TargetKind.PROBABILITIES), 60, by(Measures::dataset),
                d -> TargetKind.PROBABILITIES.accepts(d.targets().matrix()));
    }

    @Test
    void keyCandidatesHaveSeedsNearerZero() {
        assertCandidatesAreSimpler(Generators.keys(), 60, by(Measures::key), k -> k.equals(Key.of(k.state())));
    }

    @Test
    void optimizerCandidatesAreSgdOrHaveDefaultHyperparametersOrARounderLearningRate() {
        assertCandidatesAreSimpler(Generators.optimizers().learningRates(1e-4, 0.3), 60, by(Measures::optimizer),
                o -> o.hyperparameters().get("learningRate").forAll(r -> r >= 1e-4 && r <= 0.3));
    }

    @Test
    void problemCandidatesHaveASmallerNetworkOrBatchOrASimplerLossInputsOrTargets() {
        assertCandidatesAreSimpler(Generators.problems(), 80, by(Measures::problem), p -> {
            p.lossAndGradients(); // the loss accepts the network and the targets
            return true;
        });
        ProblemGenerator awayFromKinks = Generators.problems().awayFromKinks(0.05);
        assertCandidatesAreSimpler(awayFromKinks, 40, by(Measures::problem), p -> !p.nearKink(0.05));
    }

    /** Each component at most the value's, one strictly less. */
    private static boolean simplerTraining(TrainingCase<?> c, TrainingCase<?> t) {
        Vector<Vector<Integer>> a = components(c);
        Vector<Vector<Integer>> b = components(t);
        return a.zipWith(b, Measures::atMost).forAll(x -> x) && a.zipWith(b, Measures::less).exists(x -> x);
    }

    private static Vector<Vector<Integer>> components(TrainingCase<?> t) {
        Problem p = new Problem(t.network(), t.data().features().matrix(), t.data().targets().matrix(), t.loss());
        return Vector.of(Vector.of(t.steps()), Measures.problem(p), Measures.optimizer(t.optimizer()),
                Measures.batching(t.batching()), Measures.key(t.key()));
    }

    @Test
    void trainingCandidatesTakeFewerStepsOrHaveOneSimplerPart() {
        assertCandidatesAreSimpler(Generators.trainings(), 30, ShrinkCandidatesTest::simplerTraining,
                t -> {
                    TrainState<?> state = t.state();
                    return (state.step() == t.steps() || state.diverged())
                            && TrainingCase.of(t.network(), t.data(), t.loss(), t.batching(), t.optimizer(), t.key(),
                                    t.steps()).state().equals(state);
                });
    }
}
