package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * The generators make valid values within their bounds: networks that compute, gradients that fit
 * their network, datasets whose rows match, optimizers that update, training states that continue.
 */
class GeneratorValuesTest {

    private static final Network NETWORK = Network.of(
            new Dense(Matrix.filled(3, 2, 0.5), Matrix.filled(1, 3, 0.5), Activations.tanh()),
            new Dense(Matrix.filled(2, 3, 0.5), Matrix.filled(1, 2, 0.5), Activations.softmax()));

    /** Whether every entry lies in {@code [low, high]} and none is {@code -0.0}. */
    private static boolean within(Matrix m, double low, double high) {
        return m.map(x -> x >= low && x <= high && Double.doubleToRawLongBits(x) != Long.MIN_VALUE ? 0 : 1).sum() == 0;
    }

    @Test
    void matricesHaveTheirShapesAndEntriesInTheirRanges() {
        Property.forAll(Generators.matrices().rows(2, 5).columns(3, 3).values(-2, -1)).check(m -> {
            assertTrue(m.rows() >= 2 && m.rows() <= 5 && m.columns() == 3, m::shape);
            assertTrue(within(m, -2, -1));
        });
        assertThrows(IllegalArgumentException.class, () -> Generators.matrices().rows(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Generators.matrices().values(1, 0));
    }

    @Test
    void networksHaveTheirBoundsAndActivationsAndComputeABatch() {
        NetworkGenerator g = Generators.networks().layers(2, 3).inputs(4, 4).widths(2, 5).outputs(3, 3)
                .hiddenActivations(Vector.of(Activations.relu(), Activations.tanh())).weights(-0.5, 0.5);
        Property.forAll(g).check(n -> {
            assertTrue(n.layers().size() >= 2 && n.layers().size() <= 3 && n.inputs() == 4 && n.outputs() == 3, n::toString);
            assertTrue(Stacks.layers(n).init().forAll(d -> d.outputs() >= 2 && d.outputs() <= 5
                    && Vector.of(Activations.relu(), Activations.tanh()).contains(d.activation())), n::toString);
            assertTrue(Stacks.layers(n).forAll(d -> within(d.weights(), -0.5, 0.5) && within(d.bias(), -0.5, 0.5)));
            assertEquals("3x3", Backprop.forward(n, Matrix.filled(3, 4, 0.25)).output().shape());
        });
    }

    @Test
    void smoothNetworksHaveNoKinkedActivationAndDefaultNetworksHaveEveryBuiltIn() {
        Property.forAll(Generators.networks().smooth()).check(n ->
                assertTrue(Stacks.layers(n).forAll(d -> !NetworkGenerator.kinked(d.activation())), n::toString));
        java.util.Set<Object> seen = new java.util.HashSet<>();
        Property.forAll(Generators.networks()).trials(200).check(n -> Stacks.layers(n).forEach(d -> seen.add(d.activation())));
        assertEquals(NetworkGenerator.builtInActivations().toJavaSet(), seen);
        assertTrue(NetworkGenerator.kinked(Activations.leakyRelu(0.2)) && NetworkGenerator.kinked(Activations.relu()));
        assertThrows(IllegalArgumentException.class,
                () -> Generators.networks().activations(Vector.of(Activations.relu())).smooth());
    }

    @Test
    void gradientsFitTheirNetworkAndLieInTheirRange() {
        Property.forAll(Generators.gradients(NETWORK).values(-3, 3)).check(g -> {
            assertEquals(g, g.requireFits(NETWORK));
            assertTrue(Stacks.layers(g).forAll(d -> within(d.weights(), -3, 3) && within(d.bias(), -3, 3)));
        });
    }

    @Test
    void datasetsHaveMatchingRowsTheirColumnsAndTargetsOfTheirKind() {
        Property.forAll(Generators.datasets().rows(3, 20).fitting(NETWORK).classification()).check(d -> {
            assertEquals(d.features().rows(), d.targets().rows());
            assertTrue(d.size() >= 3 && d.size() <= 20 && d.features().columns() == 2 && d.targets().columns() == 2);
            assertTrue(TargetKind.ONE_HOT.accepts(d.targets().matrix()), d::toString);
            Backprop.loss(NETWORK, d.features().matrix(), d.targets().matrix(), io.github.purenet.loss.Losses.softmaxCrossEntropy());
        });
        for (TargetKind kind : TargetKind.values()) {
            Property.forAll(Generators.datasets().targets(kind)).trials(50)
                    .check(d -> assertTrue(kind.accepts(d.targets().matrix()), kind + ": " + d));
        }
    }

    @Test
    void optimizersUpdateAndTheirDescriptionRebuildsAnEqualOptimizerThatUpdatesAlike() {
        Vector<Gradients> gradients = Generators.samples(Generators.gradients(NETWORK), 1, 3);
        Property.forAll(Generators.optimizers()).check(o -> {
            OptimizerCase<?> rebuilt = OptimizerCase.of(o.name(), o.hyperparameters());
            assertEquals(o, rebuilt);
            assertEquals(o.description(), o.optimizer().toString());
            assertEquals(o.networkAfter(NETWORK, gradients), rebuilt.networkAfter(NETWORK, gradients));
            assertEquals(o.stateAfter(NETWORK, gradients), rebuilt.stateAfter(NETWORK, gradients));
            assertTrue(Stacks.layers(o.networkAfter(NETWORK, gradients)).forAll(d -> d.weights().isFinite()));
        });
        assertEquals(io.github.purenet.optim.Optimizers.adam(0.01).init(NETWORK),
                OptimizerCase.of("adam", LinkedHashMap.of("learningRate", 0.01)).stateAfter(NETWORK, Vector.empty()));
        assertThrows(IllegalArgumentException.class, () -> OptimizerCase.of("adam", LinkedHashMap.of("beta", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> OptimizerCase.of("lion", LinkedHashMap.of("learningRate", 1.0)));
    }

    @Test
    void trainingStatesAreTheStateAfterTheirStepsAndContinue() {
        Property.forAll(Generators.trainings()).trials(60).check(GeneratorValuesTest::assertContinues);
    }

    private static <S> void assertContinues(TrainingCase<S> t) {
        TrainState<S> state = t.state(); // computed by training, so taken once
        assertEquals(state, io.github.purenet.train.Training.run(t.initial(), t.transition()).take(t.steps() + 1L)
                .last(), "the state is the run's");
        Vector<TrainState<S>> next = Vector.ofAll(t.run().take(4));
        assertEquals(state, next.head());
        if (!state.diverged()) {
            assertEquals(t.steps(), state.step());
            assertEquals(4, next.size(), "the state continues");
            assertEquals(Vector.range(0, 4).map(k -> t.steps() + (long) k), next.map(TrainState::step));
        }
        ReplayCheck.verify(state, t.transition(), 3);
    }

    @Test
    void statusesAreValuesAndSettingAValueGivesANewStatus() {
        TrialStatus status = TrialStatus.of(7, 2);
        var key = new com.pholser.junit.quickcheck.generator.GenerationStatus.Key<>("depth", Integer.class);
        var set = status.setValue(key, 3);
        assertEquals(java.util.Optional.empty(), status.valueOf(key), "the first status is unchanged");
        assertEquals(java.util.Optional.of(3), set.valueOf(key));
        assertEquals(7, set.size());
        assertEquals(2, set.attempts());
    }
}
