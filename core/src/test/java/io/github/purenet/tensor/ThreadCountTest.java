package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Results do not depend on the number of threads: products large enough to be split across the
 * pool, and whole training steps, give the same bits in pools of 1, 2 and 16 threads (a parallel
 * stream runs in the pool it is started from).
 */
class ThreadCountTest {

    @Test
    void productsAreBitIdenticalForOneTwoAndSixteenThreads() throws Exception {
        Key key = Key.of(11);
        Matrix a = key.normal(300, 257, 0, 1).value();
        Matrix b = key.foldIn(1).normal(257, 190, 0, 1).value();
        Matrix c = key.foldIn(2).normal(300, 190, 0, 1).value();
        assertTrue((long) a.rows() * a.columns() * b.columns() >= Products.PARALLEL_THRESHOLD, "large enough to split");
        Matrix times = Threads.in(1, () -> a.times(b));
        Matrix transposeTimes = Threads.in(1, () -> a.transposeTimes(c));
        Matrix timesTranspose = Threads.in(1, () -> c.timesTranspose(b));
        for (int threads : new int[] {2, 16}) {
            assertEquals(times, Threads.in(threads, () -> a.times(b)), threads + " threads");
            assertEquals(transposeTimes, Threads.in(threads, () -> a.transposeTimes(c)), threads + " threads");
            assertEquals(timesTranspose, Threads.in(threads, () -> c.timesTranspose(b)), threads + " threads");
        }
    }

    /** {@code Aᵀ · B} of fewer than four rows adds outer products, split by rows of the result when large. */
    @Test
    void aTransposeTimesOfFewRowsIsTheNaiveLoopForOneTwoAndSixteenThreads() throws Exception {
        Key key = Key.of(13);
        Matrix a = key.normal(3, 1100, 0, 1).value();
        Matrix b = key.foldIn(1).normal(3, 900, 0, 1).value();
        assertTrue((long) a.rows() * a.columns() * b.columns() >= Products.PARALLEL_THRESHOLD, "large enough to split");
        double[][] expected = Reference.product(Reference.transpose(a.toArray()), b.toArray());
        for (int threads : new int[] {1, 2, 16}) {
            Reference.assertSameBits(expected, Threads.in(threads, () -> a.transposeTimes(b)), threads + " threads");
        }
    }

    @Test
    void trainingStepsAreBitIdenticalForOneTwoAndSixteenThreads() throws Exception {
        Key key = Key.of(12);
        Network network = Initializers.network(key, Initializers.heUniform(), Vector.of(784, 128, 10),
                Vector.of(Activations.relu(), Activations.softmax()));
        Matrix inputs = key.foldIn(1).uniform(64, 784, 0, 1).value();
        Matrix targets = Matrix.of(64, 10, (i, j) -> i % 10 == j ? 1.0 : 0.0);
        Callable<Network> threeSteps = () -> {
            Network n = network;
            for (int k = 0; k < 3; k++) {
                n = Backprop.step(n, Backprop.lossAndGradients(n, inputs, targets, Losses.softmaxCrossEntropy())
                        .gradients(), 0.01);
            }
            return n;
        };
        Network one = Threads.in(1, threeSteps);
        assertEquals(one, Threads.in(2, threeSteps));
        assertEquals(one, Threads.in(16, threeSteps));
    }

    /**
     * Entry-wise functions of many entries (an optimizer's update, its finiteness scan) share rows
     * out among the pool's threads: each row is computed as on one thread, so the bits are equal.
     */
    @Test
    void entryWiseFunctionsAreBitIdenticalForOneTwoAndSixteenThreads() throws Exception {
        Key key = Key.of(14);
        Matrix theta = key.normal(300, 200, 0, 1).value();
        Matrix m = key.foldIn(1).normal(300, 200, 0, 1).value();
        Matrix v = key.foldIn(2).uniform(300, 200, 0, 1).value();
        Matrix g = key.foldIn(3).normal(300, 200, 0, 1).value();
        Matrix notFinite = Matrix.of(300, 200, (i, j) -> i == 299 && j == 199 ? Double.NaN : 1.0);
        assertTrue((long) theta.rows() * theta.columns() >= Entrywise.PARALLEL_ENTRIES, "large enough to split");
        Callable<List<Object>> functions = () -> List.of(
                UpdateKernels.adamApplied(theta, m, v, g, 0.9, 0.999, 0.1, 0.001, 1e-8, -0.001),
                UpdateKernels.adam(m, v, g, 0.9, 0.999, 0.1, 0.001, 1e-8), theta.plusScaled(g, -0.01),
                g.scale(0.5), theta.isFinite(), notFinite.isFinite());
        List<Object> one = Threads.in(1, functions);
        assertEquals(List.of(true, false), one.subList(4, 6));
        assertEquals(one, Threads.in(2, functions));
        assertEquals(one, Threads.in(16, functions));
    }
}
