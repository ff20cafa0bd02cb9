package io.github.purenet.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The baselines of {@link HandWrittenBench} do the work of {@link PurenetBench}: seed 001's
 * network trained by hand follows the library's steps, and the pure form of the hand-written step
 * gives the in-place step's numbers while leaving its argument as it was.
 */
class HandWrittenMlpTest {

    private static HandWrittenMlp tiny() {
        HandWrittenBench.Tiny state = new HandWrittenBench.Tiny();
        state.setUp();
        return state.network;
    }

    /** The weights of layer {@code l} as the library stores them, {@code [out][in]}. */
    private static double[][] weights(HandWrittenMlp network, int l) {
        double[][] w = network.w[l];
        double[][] t = new double[w[0].length][w.length];
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][k] = w[k][j];
            }
        }
        return t;
    }

    @Test
    void handWrittenTinyFollowsTheLibrarysSteps() {
        HandWrittenMlp byHand = tiny();
        PurenetBench.Tiny library = new PurenetBench.Tiny();
        library.setUp();
        for (int step = 0; step < 100; step++) {
            double loss = library.step();
            // Math.exp against StrictMath.exp, and separate rounding against fma: a few ulps apart
            assertEquals(loss, byHand.step(PurenetBench.LEARNING_RATE), 1e-13, "loss of step " + step);
        }
        assertEquals(100, library.state.step());
        for (int l = 0; l < 2; l++) {
            double[][] expected = library.state.network().dense(l).weights().toArray();
            double[][] actual = weights(byHand, l);
            for (int j = 0; j < expected.length; j++) {
                assertArrayEquals(expected[j], actual[j], 1e-13, "layer " + l + ", row " + j);
            }
            assertArrayEquals(library.state.network().dense(l).bias().toArray()[0], byHand.b[l], 1e-13);
        }
    }

    @Test
    void steppedGivesTheInPlaceStepAndLeavesItsArgument() {
        HandWrittenMlp before = tiny();
        HandWrittenMlp inPlace = tiny();
        for (int step = 0; step < 10; step++) {
            String parameters = Arrays.deepToString(before.w) + Arrays.deepToString(before.b);
            HandWrittenMlp.Stepped next = before.stepped(0.01);
            assertEquals(parameters, Arrays.deepToString(before.w) + Arrays.deepToString(before.b),
                    "stepped wrote its argument");
            assertEquals(inPlace.step(0.01), next.loss(), 0.0, "the same loss, bit for bit");
            assertTrue(Arrays.deepEquals(inPlace.w, next.network().w), "the same weights, bit for bit");
            assertTrue(Arrays.deepEquals(inPlace.b, next.network().b), "the same biases, bit for bit");
            assertFalse(Arrays.deepEquals(before.w, next.network().w), "the step changed the weights");
            before = next.network();
        }
    }
}
