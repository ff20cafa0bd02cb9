package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * {@link BlowUps} on runs whose losses are known by hand: one identity neuron {@code p = w x + b}
 * from {@code w = 1, b = 0}, examples {@code x = 1} with target {@code t}, squared error
 * {@code (p - t)²}, plain gradient descent with rate {@code η}. Each step moves {@code w} and
 * {@code b} by {@code -2η(p - t)}, so {@code p - t} is multiplied by {@code 1 - 4η}, and the loss
 * of the batch that makes state {@code k} (computed before its step) is
 * {@code (1 - t)² (1 - 4η)^(2(k - 1))}: with {@code η = 1}, {@code 1, 9, 81, 729, ...}; with
 * {@code η = 1/8}, {@code 1, 1/4, 1/16, ...}; with {@code t = 1}, 0 throughout. Every figure is a
 * power of two or a small integer, so exact in doubles.
 */
class BlowUpsTest {

    /** A run of the neuron on {@code examples} copies of {@code x = 1}, batches of one, {@code steps} steps. */
    private static Run<Count> run(double rate, double target, int examples, int steps) {
        Network network = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Dataset data = new Dataset(Matrix.filled(examples, 1, 1.0), Matrix.filled(examples, 1, target));
        var sgd = Optimizers.sgd(rate);
        Batching batching = Batching.miniBatches(1);
        return Training.run(Training.init(network, sgd, Key.of(0), data, batching),
                Training.transition(data, batching, Losses.squaredError(), sgd)).take(steps + 1);
    }

    @Test
    void theLossesAreTheOnesComputedByHand() {
        assertEquals(Vector.of(1.0, 9.0, 81.0, 729.0),
                run(1, 0, 1, 4).stream().flatMap(s -> s.loss().toJavaStream()).collect(Vector.collector()));
    }

    @Test
    void aRunWhoseLossGrowsNinefoldEachStepBlowsUpAtTheFirstEpochEndAboveTenTimesTheFirstLoss() {
        // one example: every step ends an epoch; losses 1, 9, 81: 81 > 10 * 1 at epoch 3
        assertEquals(Option.some(new BlowUp(3, 3, 1, 81)), BlowUps.find(run(1, 0, 1, 6)));
        // a factor of 100: 729 > 100 at epoch 4
        assertEquals(Option.some(new BlowUp(4, 4, 1, 729)), BlowUps.find(run(1, 0, 1, 6), 100));
        assertEquals(81.0, new BlowUp(3, 3, 1, 81).ratio());
    }

    @Test
    void onlyTheLossesAtEpochEndsCount() {
        // two examples: epochs end at steps 2 and 4, with losses 9 and 729; step 3's 81 is mid-epoch
        assertEquals(Option.some(new BlowUp(2, 4, 1, 729)), BlowUps.find(run(1, 0, 2, 5)));
        // a run that stops at step 3 never ends an epoch above 10
        assertEquals(Option.none(), BlowUps.find(run(1, 0, 2, 3)));
    }

    @Test
    void theBaselineIsTheFirstBatchsLossNotTheFirstEpochsEnd() {
        // two examples, factor 100: 729 > 100 * 1 (the first batch's loss), though 729 < 100 * 9 (the first epoch's end)
        assertEquals(Option.some(new BlowUp(2, 4, 1, 729)), BlowUps.find(run(1, 0, 2, 5), 100));
    }

    @Test
    void aRunWhoseLossFallsDoesNotBlowUp() {
        assertEquals(Option.none(), BlowUps.find(run(0.125, 0, 1, 20)));
    }

    @Test
    void aFirstLossOfZeroThatStaysZeroDoesNotBlowUpButAnyPositiveLossWould() {
        assertEquals(Option.none(), BlowUps.find(run(1, 1, 1, 5)));
        assertFalse(BlowUps.blewUp(0, 0, 10));
        assertTrue(BlowUps.blewUp(0, Double.MIN_VALUE, 10));
    }

    @Test
    void theBoundaryIsStrict() {
        assertFalse(BlowUps.blewUp(2, 20, 10));
        assertTrue(BlowUps.blewUp(2, Math.nextUp(20.0), 10));
    }

    @Test
    void aLossThatIsNotFiniteBlowsUp() {
        assertTrue(BlowUps.blewUp(1, Double.NaN, 10));
        assertTrue(BlowUps.blewUp(1, Double.POSITIVE_INFINITY, 10));
        // a first loss that is not finite: only a loss that is not finite counts
        assertFalse(BlowUps.blewUp(Double.NaN, 1e300, 10));
        assertTrue(BlowUps.blewUp(Double.NaN, Double.NaN, 10));
        // the run of Diverging: every step ends an epoch, the loss grows by about 4e14 a step, and the run ends at NaN or infinity
        BlowUp b = BlowUps.find(Diverging.of().run()).get();
        assertEquals(new BlowUp(2, 2, 1e6, b.loss()), b);
        assertTrue(b.loss() > 1e7);
    }

    @Test
    void statesWithoutALossDoNotBlowUp() {
        assertEquals(Option.none(), BlowUps.find(run(1, 0, 1, 0)));
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("factor: expected a finite number >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> BlowUps.find(run(1, 0, 1, 2), 0.5)).getMessage());
        assertEquals("factor: expected a finite number >= 1, got NaN",
                assertThrows(IllegalArgumentException.class, () -> BlowUps.blewUp(1, 2, Double.NaN)).getMessage());
        assertEquals("firstLoss: expected a loss >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> BlowUps.blewUp(-1, 2, 10)).getMessage());
        assertEquals("states is null",
                assertThrows(NullPointerException.class, () -> BlowUps.find(null)).getMessage());
        assertEquals("BlowUp: epoch and step must be >= 1, got 0 and 1",
                assertThrows(IllegalArgumentException.class, () -> new BlowUp(0, 1, 1, 2)).getMessage());
    }
}
