package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

// snippet:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;
// end:imports
import org.junit.jupiter.api.Test;

/** README's first quickstart: seed 001's 2-3-3 network, one forward pass, one backward pass, one step. */
class QuickstartTest {

    private static Network seed001() {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
    }

    @Test
    void oneStepGivesTheTutorialsAdjustedWeightsAndLeavesTheNetwork() {
        // snippet:forward
        Network network = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),   // 3 outputs x 2 inputs
                          Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                          Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));

        Matrix inputs = Matrix.row(2.0, 3.0);          // a batch: one example per row
        Matrix targets = Matrix.row(1.0, 0.0, 0.0);

        Trace trace = Backprop.forward(network, inputs);                 // trace.output(): 1x3, the prediction
        LossAndGradients lg = Backprop.backward(network, trace, targets, Losses.softmaxCrossEntropy());
        Network next = Backprop.step(network, lg.gradients(), 0.01);     // network itself is unchanged
        // end:forward

        assertEquals(1, trace.output().rows());
        assertEquals(3, trace.output().columns());
        assertEquals(seed001(), network);
        // the tutorial's printed values, to its eight decimals
        Dense hidden = next.dense(0);
        Dense output = next.dense(1);
        assertClose(new double[][] {{0.10022781, 0.20034171}, {0.30033243, 0.40049865}, {0.50043706, 0.60065559}},
                hidden.weights());
        assertClose(new double[][] {{0.1001139, -0.09983378, 0.05021853}}, hidden.bias());
        assertClose(new double[][] {{0.10026157, -0.10002319, 0.04976163}}, output.bias());
    }

    private static void assertClose(double[][] expected, Matrix actual) {
        assertEquals(expected.length, actual.rows());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.toArray()[i], 5e-9, "row " + i);
        }
    }
}
