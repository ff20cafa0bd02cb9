package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Checks;
import io.github.purenet.Seed001;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.PurityCheck;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Backprop#sgdStep}, the composition of {@code lossAndGradients} and {@code step}: seed
 * 001's numbers, purity, and the errors of bad arguments.
 */
class SgdStepTest {

    private static final double LEARNING_RATE = 0.1;

    @Test
    void seed001sFirstStepGivesTheSeedsBias() {
        LossAndNetwork step = Backprop.sgdStep(Seed001.network(), Seed001.INPUT, Seed001.TARGET,
                Losses.softmaxCrossEntropy(), 0.01);
        // the first step's output bias, as seed 001 prints it
        assertEquals(0.10026157, step.network().dense(1).bias().get(0, 0), 5e-9);
    }

    @Test
    void sgdStepIsPureAndChangesNoArgument() {
        Property.forAll(Generators.problems().loss(Losses.softmaxCrossEntropy())).trials(100).check(c ->
                PurityCheck.verify(x -> Backprop.sgdStep(c.network(), x, c.targets(), c.loss(), LEARNING_RATE),
                        () -> Matrix.of(c.inputs().toArray())));
    }

    /** A bad argument gets the error of the function that takes it, naming what is wrong. */
    @Test
    void badArgumentsAreNamed() {
        Network network = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}}), Matrix.row(0.1, -0.1), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8}, {-0.1, -0.2}}), Matrix.row(0.1, 0.0),
                        Activations.softmax()));
        Matrix x = Matrix.row(2.0, 3.0);
        Matrix y = Matrix.row(1.0, 0.0);
        Loss loss = Losses.softmaxCrossEntropy();
        assertFails(() -> Backprop.sgdStep(network, x, y, loss, -0.1),
                "learningRate: expected a positive finite number, got -0.1");
        assertFails(() -> Backprop.sgdStep(network, x, y, loss, Double.NaN),
                "learningRate: expected a positive finite number, got NaN");
        Matrix nan = Matrix.row(Double.NaN, 3.0);
        assertFails(() -> Backprop.sgdStep(network, nan, y, loss, 0.1), "forward: inputs: entry (0, 0) of 1x2 is NaN");
        Matrix negative = Matrix.row(1.5, -0.5);
        assertFails(() -> Backprop.sgdStep(network, x, negative, loss, 0.1), "target (0, 1) is -0.5");
        assertFails(() -> Backprop.sgdStep(network, Matrix.row(2.0, 3.0, 4.0), y, loss, 0.1),
                "forward: inputs 1x3 do not fit network");
        assertFails(() -> Backprop.sgdStep(network, x, Matrix.row(1.0, 0.0, 0.0), loss, 0.1),
                "backward: targets 1x3 do not fit outputs 1x2");
        assertFails(() -> Backprop.sgdStep(network, x, y, Losses.binaryCrossEntropy(), 0.1),
                "loss binary_cross_entropy is fused with sigmoid but the network ends in softmax");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(null, x, y, loss, 0.1), "network is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, null, y, loss, 0.1), "inputs is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, x, null, loss, 0.1), "targets is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, x, y, null, 0.1), "loss is null");
    }

    private static void assertFails(Supplier<?> step, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, step::get);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
