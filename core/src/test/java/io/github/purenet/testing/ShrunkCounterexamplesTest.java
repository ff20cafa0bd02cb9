package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.LinkedHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A property that fails shrinks, with each generator, to the smallest counterexample the failure
 * allows: the last value on which the body failed is the reported one, and it is exactly the
 * small value that the generator's documentation leads one to expect.
 */
class ShrunkCounterexamplesTest {

    private static final Network NETWORK = Network.of(
            new Dense(Matrix.filled(3, 2, 0.5), Matrix.filled(1, 3, 0.5), Activations.tanh()),
            new Dense(Matrix.filled(2, 3, 0.5), Matrix.filled(1, 2, 0.5), Activations.softmax()));

    /** Checks that {@code holds} is false for some value, and returns the shrunk counterexample. */
    static <T> T shrunk(Generator<T> generator, Predicate<T> holds) {
        AtomicReference<T> last = new AtomicReference<>();
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(generator).check(x -> {
            if (!holds.test(x)) {
                last.set(x);
                throw new AssertionError("fails for " + x);
            }
        }));
        assertTrue(error.getMessage().contains("to: " + last.get() + "\n"), error.getMessage());
        return last.get();
    }

    @Test
    void aMatrixWithAnEntryAboveOneHalfShrinksToTheOneByOneMatrixOfOne() {
        Matrix m = shrunk(Generators.matrices(), x -> x.map(v -> v > 0.5 ? 1 : 0).sum() == 0);
        assertEquals(Matrix.row(1.0), m);
    }

    @Test
    void aMatrixOfAtLeastThreeRowsShrinksToThreeRowsOfOneZeroEntry() {
        Matrix m = shrunk(Generators.matrices(), x -> x.rows() < 3);
        assertEquals(Matrix.filled(3, 1, 0.0), m);
    }

    @Test
    void aNetworkWithATanhLayerShrinksToOneTanhNeuronWithZeroWeightAndBias() {
        Network n = shrunk(Generators.networks(), x -> !Stacks.layers(x).exists(d -> d.activation().equals(Activations.tanh())));
        assertEquals(Network.of(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.tanh())), n);
    }

    @Test
    void aNetworkOfThreeLayersShrinksToThreeIdentityLayersOfWidthOneAndZeroWeights() {
        Network n = shrunk(Generators.networks(), x -> x.layers().size() < 3);
        Dense zero = new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity());
        assertEquals(Network.of(zero, zero, zero), n);
    }

    /** Whether every parameter is 0, every running variance 1 and every other number 0. */
    private static boolean atOrigin(Network n) {
        return n.parameters().forAll(m -> m.map(Math::abs).sum() == 0)
                && n.statePaths().zipWith(n.state(), (p, m) -> m.map(x -> x == (p.endsWith("variance") ? 1 : 0) ? 0 : 1)
                        .sum() == 0).forAll(b -> b)
                && n.layers().flatMap(Measures::nodes).forAll(l -> !(l instanceof Dropout d && d.rate() != 0)
                        && !(l instanceof BatchNorm b && b.momentum() != 0));
    }

    @Test
    void anArchitectureWithAResidualBlockShrinksToOneBlockAroundOneLayerOfOneUnitBeforeAnIdentityUnit() {
        Network n = shrunk(Generators.architectures(), x -> !x.layers().flatMap(Measures::nodes)
                .exists(l -> l instanceof Residual));
        assertEquals(2, n.layers().size(), Values.show(n));
        Residual r = (Residual) n.layers().head();
        assertTrue(r.projection().isEmpty() && Measures.nodes(r.inner()).size() == 1, Values.show(n));
        assertEquals(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity()), n.layers().last());
        assertEquals(1, n.inputs());
        assertTrue(atOrigin(n), Values.show(n));
    }

    @Test
    void anArchitectureWithBatchNormalisationShrinksToItsOriginBeforeAnIdentityUnit() {
        Network n = shrunk(Generators.architectures(), x -> !x.layers().flatMap(Measures::nodes)
                .exists(l -> l instanceof BatchNorm));
        assertEquals(Network.of(Shape.of(1), new BatchNorm(Matrix.row(0.0), Matrix.row(0.0), Matrix.row(0.0),
                Matrix.row(1.0), 0.0, BatchNorm.EPS), new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity())),
                n);
    }

    @Test
    void anArchitectureOfAtLeastFiveLayersOrDenseUnitsShrinksToExactlyFiveOfThemAtTheOrigin() {
        Network n = shrunk(Generators.architectures(), x -> x.layers().flatMap(Measures::nodes).size() < 5);
        assertEquals(5, n.layers().flatMap(Measures::nodes).size(), Values.show(n));
        assertTrue(atOrigin(n), Values.show(n));
        Network m = shrunk(Generators.architectures(), x -> NetworkShrinks.widths(x) < 5);
        assertEquals(5, NetworkShrinks.widths(m), Values.show(m));
        assertTrue(atOrigin(m), Values.show(m));
    }

    @Test
    void gradientsWithAnEntryOfMagnitudeOverOneHalfShrinkToEntriesOfOneAndZeroInOneLayer() {
        Gradients g = shrunk(Generators.gradients(NETWORK), x -> x.map(v -> Math.abs(v) > 0.5 ? 1 : 0).norm() == 0);
        assertEquals(0.0, g.map(v -> v == 0.0 || Math.abs(v) == 1.0 ? 0.0 : 1.0).norm(), "entries -1, 0 and 1: " + g);
        assertEquals(1, Stacks.layers(g).count(d -> d.weights().map(Math::abs).sum() + d.bias().map(Math::abs).sum() > 0),
                "one layer of entries that are not 0: " + g);
    }

    @Test
    void aDatasetOfAtLeastFiveRowsShrinksToFiveRowsOfZeros() {
        Dataset d = shrunk(Generators.datasets(), x -> x.size() < 5);
        assertEquals(new Dataset(Matrix.filled(5, 1, 0.0), Matrix.filled(5, 1, 0.0)), d);
        Dataset classes = shrunk(Generators.datasets().classification().outputs(2, 4), x -> x.size() < 5);
        assertEquals(new Dataset(Matrix.filled(5, 1, 0.0), Matrix.of(5, 2, (i, j) -> j == 0 ? 1 : 0)), classes);
    }

    @Test
    void aKeyWithASeedOfMagnitudeAtLeast1000ShrinksToASeedBelow2000() {
        Key k = shrunk(Generators.keys(), x -> Math.abs(x.state()) < 1000 && x.state() != Long.MIN_VALUE);
        assertTrue(Math.abs(k.state()) >= 1000 && Math.abs(k.state()) < 2000, k.toString());
        assertEquals(Key.of(k.state()), k);
    }

    @Test
    void anAdamOptimizerShrinksToAdamWithDefaultBetasAndARoundLearningRate() {
        OptimizerCase<?> o = shrunk(Generators.optimizers(), x -> !x.name().equals("adam"));
        assertEquals("adam", o.name());
        assertEquals(LinkedHashMap.of("beta1", 0.9, "beta2", 0.999), o.hyperparameters().remove("learningRate"));
        assertEquals(1, Measures.optimizer(o).last(), "one significant digit: " + o);
    }

    @Test
    void aProblemWithATanhLayerShrinksToTheSmallestSquaredErrorProblem() {
        Problem p = shrunk(Generators.problems(),
                x -> !Stacks.layers(x.network()).exists(d -> d.activation().equals(Activations.tanh())));
        assertEquals(new Problem(Network.of(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.tanh())),
                Matrix.row(0.0), Matrix.row(0.0), Losses.squaredError()), p);
        assertEquals("Problem[Network[1-1 tanh]{W0=[[0.0]] b0=[[0.0]]} squared_error, batch 1, inputs [[0.0]], "
                + "targets [[0.0]]]", p.toString());
    }

    @Test
    void aTrainingStateAfterThreeStepsShrinksToThreeStepsOfSgdOnTheSmallestProblem() {
        TrainingCase<?> t = shrunk(Generators.trainings(), x -> x.steps() < 3);
        assertEquals(3, t.steps());
        assertEquals(Network.of(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity())), t.network());
        assertEquals(new Dataset(Matrix.row(0.0), Matrix.row(0.0)), t.data());
        assertEquals(Losses.squaredError(), t.loss());
        assertEquals(Batching.fullBatch(), t.batching());
        assertEquals("sgd", t.optimizer().name());
        assertEquals(Key.of(0), t.key());
    }
}
