package io.github.purenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** The numbers printed by the two seed tutorials, reproduced by the library. */
class SeedsTest {

    /** Seed 001, section 4.3: the losses it prints, to the digits it prints them with. */
    private static final double[] PRINTED_LOSSES = {
        36.0, 33.872399999999985, 31.870541159999995, 29.98699217744401, 28.21476093975706,
        26.54726856821742, 24.978324995835766, 23.502105988581878, 22.113131524656684, 20.80624545154949,
        19.576596345362915, 18.419619501351963, 17.331019988822064, 16.306756707482677, 15.343027386070442,
        14.43625446755368, 13.583071828521268, 12.780312283455652, 12.024995827503426, 11.314318574097976,
        10.645642346368787, 10.016484883698395, 9.424510627071816, 8.867522049011871, 8.34345149591527,
        7.850353512506679,
    };

    private static final Matrix NEURON_INPUT = Matrix.row(1.0, -2.0, 3.0);
    private static final Matrix NEURON_TARGET = Matrix.row(0.0);

    private static Network singleNeuron() {
        return Network.of(new Dense(Matrix.row(-3.0, -1.0, 2.0), Matrix.row(1.0), Activations.relu()));
    }

    private static double[] neuronLosses(int iterations) {
        double[] losses = new double[iterations];
        Network network = singleNeuron();
        for (int k = 0; k < iterations; k++) {
            LossAndGradients lg = Backprop.lossAndGradients(network, NEURON_INPUT, NEURON_TARGET, Losses.squaredError());
            losses[k] = lg.loss();
            network = Backprop.step(network, lg.gradients(), 0.001);
        }
        return losses;
    }

    @Test
    void singleReluNeuronReproducesEveryPrintedLoss() {
        double[] losses = neuronLosses(PRINTED_LOSSES.length);
        for (int k = 0; k < PRINTED_LOSSES.length; k++) {
            assertEquals(PRINTED_LOSSES[k], losses[k], 1e-9 * PRINTED_LOSSES[k], "iteration " + (k + 1));
        }
    }

    /**
     * The seed prints 27 of its 200 losses. The rest follow from the algebra: the neuron's output
     * stays positive, so each step multiplies it by {@code 1 - 2 lr (|x|² + 1) = 0.97}, and the loss
     * at iteration k is {@code 36 · 0.97^(2(k-1))}; the weights move by
     * {@code -2 lr x Σ out_k = -0.4 x (1 - 0.97^200)} and the bias by {@code -0.4 (1 - 0.97^200)}.
     */
    @Test
    void singleReluNeuronFollowsTheClosedFormForAll200Iterations() {
        double[] losses = neuronLosses(200);
        for (int k = 1; k <= 200; k++) {
            double expected = 36.0 * Math.pow(0.97, 2 * (k - 1));
            assertEquals(expected, losses[k - 1], 1e-9 * expected, "iteration " + k);
        }
        Network network = singleNeuron();
        for (int k = 0; k < 200; k++) {
            network = Backprop.step(network, Backprop.lossAndGradients(network, NEURON_INPUT, NEURON_TARGET,
                    Losses.squaredError()).gradients(), 0.001);
        }
        double moved = 0.4 * (1.0 - Math.pow(0.97, 200));
        assertArrayEquals(new double[] {-3.0 - moved, -1.0 + 2.0 * moved, 2.0 - 3.0 * moved},
                network.dense(0).weights().toArray()[0], 1e-12);
        assertEquals(1.0 - moved, network.dense(0).bias().get(0, 0), 1e-12);
    }

    /** Seed 001, section 4.4: the 2-3-3 ReLU/softmax network after one step of lr 0.01. */
    @Test
    void softmaxNetworkMatchesEveryAdjustedWeightAndBias() {
        Network network = Seed001.network();
        LossAndGradients lg = Backprop.lossAndGradients(network, Seed001.INPUT, Seed001.TARGET,
                Losses.softmaxCrossEntropy());
        Network adjusted = Backprop.step(network, lg.gradients(), 0.01);

        assertClose(new double[][] {{0.10022781, 0.20034171}, {0.30033243, 0.40049865}, {0.50043706, 0.60065559}},
                adjusted.dense(0).weights());
        assertClose(new double[][] {{0.1001139, -0.09983378, 0.05021853}}, adjusted.dense(0).bias());
        assertClose(new double[][] {
            {0.70023541, 0.80044466, 0.90074546},
            {-0.10002087, -0.20003943, -0.3000661},
            {0.29978546, 0.19959477, 0.09932064}}, adjusted.dense(1).weights());
        assertClose(new double[][] {{0.10026157, -0.10002319, 0.04976163}}, adjusted.dense(1).bias());
    }

    private static void assertClose(double[][] printed, Matrix actual) {
        double[][] values = actual.toArray();
        assertEquals(printed.length, values.length);
        for (int i = 0; i < printed.length; i++) {
            assertArrayEquals(printed[i], values[i], 1e-8, "row " + i);
        }
    }

    /**
     * Seed 000: one input, one sigmoid neuron, no bias, x = 0.1, target 0.3, starting weight 0.5,
     * lr 0.5, 10,000 iterations. The seed passes the prediction, not the weighted sum, to the
     * sigmoid's derivative; the library follows the chain rule: {@code dE/dw = 2 (p - t) σ'(wx) x}.
     * The seed has no bias, so the bias's gradient is set to zero before each step.
     */
    @Test
    void oneInputSigmoidNeuronApproachesItsTargetWithTheCorrectChainRule() {
        Network network = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), Activations.sigmoid()));
        Matrix x = Matrix.row(0.1);
        Matrix target = Matrix.row(0.3);
        double w = 0.5; // the independent reference: the chain rule written out on scalars
        for (int k = 0; k < 10_000; k++) {
            Gradients g = Backprop.lossAndGradients(network, x, target, Losses.squaredError()).gradients();
            network = Backprop.step(network, withoutBias(g), 0.5);
            double p = 1.0 / (1.0 + Math.exp(-w * 0.1));
            w -= 0.5 * 2.0 * (p - 0.3) * p * (1.0 - p) * 0.1;
        }
        double prediction = Backprop.forward(network, x).output().get(0, 0);
        assertTrue(Math.abs(prediction - 0.3) < 0.01, "prediction " + prediction);
        assertEquals(w, network.dense(0).weights().get(0, 0), 1e-9);
        assertEquals(0.0, network.dense(0).bias().get(0, 0));
    }

    private static Gradients withoutBias(Gradients g) {
        return Stacks.gradients(Stacks.layers(g).map(layer -> new Stacks.Pair(layer.weights(), layer.bias().scale(0.0))));
    }
}
