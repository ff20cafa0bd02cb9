package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Adam and momentum reach a lower training loss than plain gradient descent on the digits, in the
 * same 450 steps from the same seed, each at its best learning rate of the same grid (the protocol
 * of Choi et al. 2019: comparing at one shared rate would favour whichever method that rate suits).
 * Measured with seed 42: sgd 0.0282 at lr 1.0, momentum 0.0234 at lr 0.3, Adam 0.0237 at lr 0.03.
 */
class CompareOptimizersTest {

    @Test
    void adamAndMomentumBeatPlainGradientDescentEachAtItsBestLearningRate() {
        Vector<CompareOptimizers.Result> r = CompareOptimizers.compare(42, Vector.of("sgd", "momentum", "adam"));
        CompareOptimizers.Result sgd = r.get(0);
        CompareOptimizers.Result momentum = r.get(1);
        CompareOptimizers.Result adam = r.get(2);

        assertEquals(450, sgd.steps());
        assertEquals(1.0, sgd.learningRate());
        assertEquals(0.0282, sgd.trainingLoss(), 1e-4);
        assertEquals(0.3, momentum.learningRate());
        assertEquals(0.0234, momentum.trainingLoss(), 1e-4);
        assertEquals(0.03, adam.learningRate());
        assertEquals(0.0237, adam.trainingLoss(), 1e-4);

        assertTrue(momentum.trainingLoss() < sgd.trainingLoss(), r.toString());
        assertTrue(adam.trainingLoss() < sgd.trainingLoss(), r.toString());
        assertTrue(r.forAll(result -> result.testAccuracy() > 0.95), r.toString());
    }
}
