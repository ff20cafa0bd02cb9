package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The checkers find what they are for, and pass what is right. */
class CheckersTest {

    private static final Matrix INPUTS = Matrix.of(new double[][] {{0.3, -0.7}, {0.9, 0.2}, {-0.5, 0.4}});
    private static final Matrix TARGETS = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}});

    private static Network network(Activation hidden) {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.2, -0.4}, {0.6, 0.1}, {-0.3, 0.5}}), Matrix.row(0.1, 0, -0.1), hidden),
                new Dense(Matrix.of(new double[][] {{0.3, -0.2, 0.4}, {-0.5, 0.1, 0.2}}), Matrix.row(0, 0.05),
                        Activations.softmax()));
    }

    @Test
    void gradientCheckPassesTheBuiltInsWithinOnePartInAMillion() {
        for (Activation hidden : List.of(Activations.tanh(), Activations.sigmoid(), Activations.identity())) {
            GradientCheck check = GradientCheck.of(network(hidden), INPUTS, TARGETS, Losses.softmaxCrossEntropy());
            assertTrue(check.worst().error() < 1e-6, check.toString());
            assertEquals(4, check.leaves().size());
        }
    }

    @Test
    void gradientCheckFindsADerivativeOffByAFactorAndSaysWhere() {
        Activation wrongTanh = Activations.elementwise("tanh with twice its slope", StrictMath::tanh,
                (z, a) -> 2 * (1 - a * a));
        GradientCheck check = GradientCheck.of(network(wrongTanh), INPUTS, TARGETS, Losses.softmaxCrossEntropy());
        LeafError worst = check.worst();
        assertTrue(worst.path().startsWith("layers[0]."), check.toString());
        assertTrue(worst.error() > 1e-3, check.toString());
        assertTrue(Math.abs(worst.analytic() / worst.numeric() - 2.0) < 1e-3, check.toString());
        assertTrue(check.leaves().drop(2).forAll(e -> e.error() < 1e-6), "the output layer's gradients do not use the hidden slope");
        assertTrue(worst.toString().contains("layers[0]"), worst.toString());
    }

    @Test
    void gradientCheckRefusesABadStep() {
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.of(network(Activations.tanh()), INPUTS, TARGETS, Losses.softmaxCrossEntropy(), 0.0));
    }

    private static TrainState<Count> initial() {
        Dataset data = new Dataset(INPUTS, TARGETS);
        return Training.init(network(Activations.tanh()), Optimizers.sgd(0.1), Key.of(3), data, Batching.miniBatches(2));
    }

    private static Function<TrainState<Count>, TrainState<Count>> transition() {
        return Training.transition(new Dataset(INPUTS, TARGETS), Batching.miniBatches(2), Losses.softmaxCrossEntropy(),
                Optimizers.sgd(0.1));
    }

    @Test
    void replayCheckPassesTheLibrarysTransition() {
        ReplayCheck.verify(initial(), transition(), 12);
    }

    @Test
    void replayCheckFindsAStageWithHiddenState() {
        AtomicInteger calls = new AtomicInteger();
        Function<TrainState<Count>, TrainState<Count>> counting = Training.transition(new Dataset(INPUTS, TARGETS),
                Batching.miniBatches(2), Losses.softmaxCrossEntropy(),
                step -> step.mapGradients(g -> g.scale(calls.incrementAndGet() % 7 == 0 ? 2.0 : 1.0)),
                Optimizers.sgd(0.1));
        AssertionError e = assertThrows(AssertionError.class, () -> ReplayCheck.verify(initial(), counting, 12));
        assertTrue(e.getMessage().startsWith("not replayable: "), e.getMessage());
        assertTrue(e.getMessage().contains("differs at step"), e.getMessage());
    }

    @Test
    void purityCheckPassesForwardAndBackward() {
        PurityCheck.verify(x -> Backprop.forward(network(Activations.tanh()), x), () -> INPUTS);
        PurityCheck.verify(n -> Backprop.lossAndGradients(n, INPUTS, TARGETS, Losses.softmaxCrossEntropy()),
                () -> network(Activations.relu()));
    }

    @Test
    void purityCheckFindsHiddenState() {
        AtomicInteger counter = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class,
                () -> PurityCheck.verify(x -> x.scale(counter.incrementAndGet()), () -> INPUTS));
        assertTrue(e.getMessage().contains("different results"), e.getMessage());
    }

    @Test
    void purityCheckFindsAFunctionThatChangesItsArgument() {
        AssertionError e = assertThrows(AssertionError.class, () -> PurityCheck.verify((List<Double> xs) -> {
            xs.add(1.0);
            return xs.size();
        }, () -> new ArrayList<>(List.of(0.5))));
        assertTrue(e.getMessage().contains("changed its argument"), e.getMessage());
    }

    @Test
    void purityCheckRefusesASupplierOfUnequalArguments() {
        AtomicInteger n = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> PurityCheck.verify(x -> x, n::incrementAndGet));
    }
}
