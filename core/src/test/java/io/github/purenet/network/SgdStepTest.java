package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Checks;
import io.github.purenet.Seed001;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.PurityCheck;
import io.vavr.collection.Vector;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Backprop#sgdStep}: the bits of {@code lossAndGradients} then {@code step}, whether the
 * fused step ({@link FusedSgd}) takes it or the composition does, and the same errors.
 */
class SgdStepTest {

    private static final double LEARNING_RATE = 0.1;

    @Test
    void seed001sNetworkStepsToTheBitsOfTheComposedStep() {
        Network network = Seed001.network();
        Matrix x = Seed001.INPUT;
        Matrix y = Seed001.TARGET;
        assertTrue(FusedSgd.applies(network, x, y, Losses.softmaxCrossEntropy(), 0.01));
        // a hundred steps, each from the network the step before made, bit for bit
        Network composed = network;
        Network fused = network;
        for (int t = 0; t < 100; t++) {
            LossAndGradients lg = Backprop.lossAndGradients(composed, x, y, Losses.softmaxCrossEntropy());
            LossAndNetwork step = Backprop.sgdStep(fused, x, y, Losses.softmaxCrossEntropy(), 0.01);
            assertEquals(Double.doubleToRawLongBits(lg.loss()), Double.doubleToRawLongBits(step.loss()), "loss at " + t);
            composed = Backprop.step(composed, lg.gradients(), 0.01);
            fused = step.network();
            assertEquals(composed, fused, "network after step " + t);
        }
        // the first step's output bias, as seed 001 prints it
        assertEquals(0.10026157, Backprop.sgdStep(network, x, y, Losses.softmaxCrossEntropy(), 0.01)
                .network().dense(1).bias().get(0, 0), 5e-9);
    }

    @Test
    void softmaxCrossEntropyProblemsStepToTheComposedBitsMostlyFused() {
        AtomicInteger fused = new AtomicInteger();
        Property.Result result = Property.forAll(Generators.problems().loss(Losses.softmaxCrossEntropy()))
                .trials(400).check(c -> {
                    if (FusedSgd.applies(c.network(), c.inputs(), c.targets(), c.loss(), LEARNING_RATE)) {
                        fused.incrementAndGet();
                    }
                    assertSameStep(c);
                });
        // the hidden layers take every activation, so some steps are leaky ReLU's, composed
        assertTrue(fused.get() >= result.trials() / 2, fused + " of " + result.trials() + " steps fused");
    }

    @Test
    void everyBuiltInLossStepsToTheComposedBits() {
        Property.forAll(Generators.problems()).trials(400).check(SgdStepTest::assertSameStep);
    }

    @Test
    void aStepBeyondTheFusedSizeIsComposedWithTheSameBits() {
        Key key = Key.of(7);
        Network network = Initializers.network(key, Initializers.heUniform(), Vector.of(40, 64, 10),
                Vector.of(Activations.relu(), Activations.softmax()));
        Matrix x = Key.of(8).uniform(2, 40, -1.0, 1.0).value();
        Matrix y = Matrix.of(2, 10, (i, j) -> j == i ? 1.0 : 0.0);
        assertFalse(FusedSgd.applies(network, x, y, Losses.softmaxCrossEntropy(), LEARNING_RATE));
        assertSameStep(new Problem(network, x, y, Losses.softmaxCrossEntropy()));
        Matrix one = Key.of(9).uniform(1, 40, -1.0, 1.0).value();
        assertTrue(FusedSgd.applies(network, one, y.selectRows(Vector.of(0)), Losses.softmaxCrossEntropy(), 0.1),
                "a batch of one example, 3,200 multiply-adds, is fused");
    }

    @Test
    void sgdStepIsPureAndChangesNoArgument() {
        Property.forAll(Generators.problems().loss(Losses.softmaxCrossEntropy())).trials(100).check(c ->
                PurityCheck.verify(x -> Backprop.sgdStep(c.network(), x, c.targets(), c.loss(), LEARNING_RATE),
                        () -> Matrix.of(c.inputs().toArray())));
    }

    /**
     * A bad argument keeps a step out of the fused pass, so {@code sgdStep} raises the composed
     * functions' own error; the test pins that it does, and what each message names.
     */
    @Test
    void badArgumentsGiveTheComposedFunctionsErrors() {
        Network network = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}}), Matrix.row(0.1, -0.1), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8}, {-0.1, -0.2}}), Matrix.row(0.1, 0.0),
                        Activations.softmax()));
        Matrix x = Matrix.row(2.0, 3.0);
        Matrix y = Matrix.row(1.0, 0.0);
        Loss loss = Losses.softmaxCrossEntropy();
        assertSameError(() -> composed(network, x, y, loss, -0.1), () -> Backprop.sgdStep(network, x, y, loss, -0.1),
                "learningRate: expected a positive finite number, got -0.1");
        assertSameError(() -> composed(network, x, y, loss, Double.NaN),
                () -> Backprop.sgdStep(network, x, y, loss, Double.NaN), "NaN");
        Matrix nan = Matrix.row(Double.NaN, 3.0);
        assertSameError(() -> composed(network, nan, y, loss, 0.1), () -> Backprop.sgdStep(network, nan, y, loss, 0.1),
                "forward: inputs: entry (0, 0) of 1x2 is NaN");
        Matrix negative = Matrix.row(1.5, -0.5);
        assertSameError(() -> composed(network, x, negative, loss, 0.1),
                () -> Backprop.sgdStep(network, x, negative, loss, 0.1), "target (0, 1) is -0.5");
        Matrix wide = Matrix.row(2.0, 3.0, 4.0);
        assertSameError(() -> composed(network, wide, y, loss, 0.1),
                () -> Backprop.sgdStep(network, wide, y, loss, 0.1), "inputs 1x3 do not fit network");
        Matrix three = Matrix.row(1.0, 0.0, 0.0);
        assertSameError(() -> composed(network, x, three, loss, 0.1),
                () -> Backprop.sgdStep(network, x, three, loss, 0.1), "targets 1x3 do not fit outputs 1x2");
        assertSameError(() -> composed(network, x, y, Losses.binaryCrossEntropy(), 0.1),
                () -> Backprop.sgdStep(network, x, y, Losses.binaryCrossEntropy(), 0.1), "fused with sigmoid");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(null, x, y, loss, 0.1), "network is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, null, y, loss, 0.1), "inputs is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, x, null, loss, 0.1), "targets is null");
        Checks.fails(NullPointerException.class, () -> Backprop.sgdStep(network, x, y, null, 0.1), "loss is null");
    }

    private static LossAndNetwork composed(Network network, Matrix x, Matrix y, Loss loss, double learningRate) {
        LossAndGradients lg = Backprop.lossAndGradients(network, x, y, loss);
        return new LossAndNetwork(lg.loss(), Backprop.step(network, lg.gradients(), learningRate));
    }

    private static void assertSameStep(Problem c) {
        LossAndNetwork expected = composed(c.network(), c.inputs(), c.targets(), c.loss(), LEARNING_RATE);
        LossAndNetwork actual = Backprop.sgdStep(c.network(), c.inputs(), c.targets(), c.loss(), LEARNING_RATE);
        assertEquals(Double.doubleToLongBits(expected.loss()), Double.doubleToLongBits(actual.loss()), "loss of " + c);
        assertEquals(expected.network(), actual.network(), "network after a step of " + c);
    }

    private static void assertSameError(Supplier<?> composed, Supplier<?> fused, String part) {
        IllegalArgumentException expected = assertThrows(IllegalArgumentException.class, composed::get);
        IllegalArgumentException actual = assertThrows(IllegalArgumentException.class, fused::get);
        assertEquals(expected.getMessage(), actual.getMessage());
        assertTrue(actual.getMessage().contains(part), actual.getMessage());
    }
}
