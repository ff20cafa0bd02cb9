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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Early stopping on examples whose scores are given by hand, epoch by epoch: patience, minDelta,
 * the cap, higher-is-better, the run's end and divergence; the states at the epochs' ends; bad
 * settings and arguments.
 */
class EarlyStoppingTest {

    /** 10 examples in mini-batches of 4, 4 and 2: epochs end at steps 3, 6, 9, ... */
    private static Run<Count> threeBatchesAnEpoch(AtomicLong calls) {
        Dataset data = new Dataset(Matrix.of(10, 1, (i, j) -> i / 10.0), Matrix.of(10, 1, (i, j) -> 0.2 * i));
        Batching batching = Batching.miniBatches(4);
        Network network = Network.of(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity()));
        var sgd = Optimizers.sgd(0.01);
        var transition = Training.transition(data, batching, Losses.meanSquaredError(), sgd);
        return Training.run(Training.init(network, sgd, Key.of(3), data, batching), s -> {
            calls.incrementAndGet();
            return transition.apply(s);
        });
    }

    /** The outcome of a rule over a run whose epoch {@code e} (from 1) ends with the score {@code scores[e - 1]}. */
    private record Outcome(EarlyStopped<Count> stopped, Vector<Long> scoredSteps) {
        long bestStep() {
            return stopped.best().get().step();
        }
    }

    private static Outcome stop(EarlyStopping rule, long states, double... scores) {
        AtomicLong calls = new AtomicLong();
        List<Long> scored = new ArrayList<>();
        EarlyStopped<Count> stopped = rule.apply(threeBatchesAnEpoch(calls).take(states), s -> {
            scored.add(s.step());
            return scores[(int) s.epoch() - 1];
        });
        assertEquals(stopped.last().step(), calls.get(), "each step computed once, none after the stop");
        return new Outcome(stopped, Vector.ofAll(scored));
    }

    private static Vector<Double> scores(double... values) {
        return Vector.ofAll(values);
    }

    @Test
    void epochEndsAreTheStatesJustAfterEachEpochsLastBatch() {
        AtomicLong calls = new AtomicLong();
        Run<Count> run = threeBatchesAnEpoch(calls).take(20);
        Vector<TrainState<Count>> ends = run.epochEnds().toVector();
        assertEquals(19, calls.get(), "one pass over steps 1 to 19");
        assertEquals(Vector.of(3L, 6L, 9L, 12L, 15L, 18L), ends.map(TrainState::step));
        assertEquals(Vector.of(1L, 2L, 3L, 4L, 5L, 6L), ends.map(TrainState::epoch));
        assertEquals(Vector.ofAll(run).filter(s -> s.step() % 3 == 0 && s.step() > 0), ends);
        Run<Count> resumed = Training.run(run.get(6), s -> s).take(1);
        assertEquals(Vector.of(6L), resumed.epochEnds().map(TrainState::step).toVector(),
                "a run resumed at an epoch's end starts with it");
    }

    @Test
    void patienceTwoStopsAtTheSecondEpochInARowWithoutImprovement() {
        // best 5, then 4 (epoch 2), 4.5 waits 1, 3 (epoch 4) resets, 3.2 waits 1, 3.1 waits 2: stop after epoch 6
        Outcome o = stop(EarlyStopping.of(2, 100), Long.MAX_VALUE, 5, 4, 4.5, 3, 3.2, 3.1, 3.3);
        assertEquals(StopReason.PATIENCE, o.stopped().reason());
        assertEquals(6, o.stopped().epochs());
        assertEquals(scores(5, 4, 4.5, 3, 3.2, 3.1), o.stopped().scores());
        assertEquals(12, o.bestStep(), "epoch 4 ends at step 12");
        assertEquals(3.0, o.stopped().bestScore());
        assertEquals(18, o.stopped().last().step());
        assertEquals(Vector.of(3L, 6L, 9L, 12L, 15L, 18L), o.scoredSteps(), "only epochs' ends are scored");

        Outcome three = stop(EarlyStopping.of(3, 100), Long.MAX_VALUE, 5, 4, 4.5, 3, 3.2, 3.1, 3.3);
        assertEquals(StopReason.PATIENCE, three.stopped().reason());
        assertEquals(7, three.stopped().epochs());
        assertEquals(12, three.bestStep());
    }

    @Test
    void theEarliestOfEqualScoresIsTheBest() {
        Outcome o = stop(EarlyStopping.of(2, 100), Long.MAX_VALUE, 4, 3, 3, 3);
        assertEquals(StopReason.PATIENCE, o.stopped().reason());
        assertEquals(4, o.stopped().epochs());
        assertEquals(6, o.bestStep());
    }

    @Test
    void onlyAnImprovementByMoreThanMinDeltaCounts() {
        // 5, then 4.8 and 4.7 are better by 0.2 and 0.3: with minDelta 0.5 neither counts
        Outcome o = stop(EarlyStopping.of(2, 100).withMinDelta(0.5), Long.MAX_VALUE, 5, 4.8, 4.7, 4.0, 3.9, 3.8);
        assertEquals(StopReason.PATIENCE, o.stopped().reason());
        assertEquals(3, o.stopped().epochs());
        assertEquals(3, o.bestStep());
        assertEquals(5.0, o.stopped().bestScore(), "a lower score within minDelta does not replace the best");
        // with minDelta 0 each epoch improves, so the cap of 6 stops it at the best
        Outcome plain = stop(EarlyStopping.of(2, 6), Long.MAX_VALUE, 5, 4.8, 4.7, 4.0, 3.9, 3.8);
        assertEquals(StopReason.MAX_EPOCHS, plain.stopped().reason());
        assertEquals(18, plain.bestStep());
        assertEquals(3.8, plain.stopped().bestScore());
        // an improvement of exactly minDelta does not count (0.5 and 0.25 are exact in binary)
        Outcome exact = stop(EarlyStopping.of(1, 100).withMinDelta(0.25), Long.MAX_VALUE, 1.0, 0.75, 0.5);
        assertEquals(StopReason.PATIENCE, exact.stopped().reason());
        assertEquals(2, exact.stopped().epochs());
        assertEquals(3, exact.bestStep());
    }

    @Test
    void theCapStopsAfterMaxEpochsUnlessThePatienceRunsOutAtTheSameEpoch() {
        Outcome o = stop(EarlyStopping.of(2, 3), Long.MAX_VALUE, 5, 4, 3, 2, 1);
        assertEquals(StopReason.MAX_EPOCHS, o.stopped().reason());
        assertEquals(scores(5, 4, 3), o.stopped().scores());
        assertEquals(9, o.bestStep());
        assertEquals(9, o.stopped().last().step());
        Outcome both = stop(EarlyStopping.of(2, 3), Long.MAX_VALUE, 5, 6, 7);
        assertEquals(StopReason.PATIENCE, both.stopped().reason());
        assertEquals(3, both.bestStep());
    }

    @Test
    void higherIsBetterWhenMaximizing() {
        Outcome o = stop(EarlyStopping.of(2, 100).maximizing(), Long.MAX_VALUE, 0.5, 0.7, 0.6, 0.65, 0.9);
        assertEquals(StopReason.PATIENCE, o.stopped().reason());
        assertEquals(4, o.stopped().epochs());
        assertEquals(6, o.bestStep());
        assertEquals(0.7, o.stopped().bestScore());
    }

    @Test
    void aRunThatEndsFirstStopsAtItsLastState() {
        // 7 epochs end by step 21; the run stops at step 23, within the 8th
        Outcome o = stop(EarlyStopping.of(4, 100), 24, 5, 4, 4.5, 3, 3.2, 3.1, 3.3, 0.0);
        assertEquals(StopReason.RUN_ENDED, o.stopped().reason());
        assertEquals(7, o.stopped().epochs());
        assertEquals(12, o.bestStep());
        assertEquals(23, o.stopped().last().step());
        Outcome none = stop(EarlyStopping.of(1, 100), 3);
        assertEquals(StopReason.RUN_ENDED, none.stopped().reason());
        assertEquals(Option.none(), none.stopped().best());
        assertTrue(Double.isNaN(none.stopped().bestScore()));
        assertEquals(2, none.stopped().last().step());
    }

    @Test
    void aNonFiniteScoreStopsTheRunAsDiverged() {
        Outcome o = stop(EarlyStopping.of(5, 100), Long.MAX_VALUE, 5, 4, Double.NaN, 3);
        assertEquals(StopReason.DIVERGED, o.stopped().reason());
        assertEquals(3, o.stopped().epochs());
        assertTrue(Double.isNaN(o.stopped().scores().last()));
        assertEquals(6, o.bestStep());
        assertEquals(9, o.stopped().last().step());
        Outcome first = stop(EarlyStopping.of(5, 100), Long.MAX_VALUE, Double.POSITIVE_INFINITY);
        assertEquals(StopReason.DIVERGED, first.stopped().reason());
        assertTrue(first.stopped().best().isEmpty());
    }

    @Test
    void aDivergedStateStopsTheRunUnscored() {
        Run<Count> run = Diverging.of().run(); // every state after the first ends an epoch
        List<TrainState<Count>> scored = new ArrayList<>();
        EarlyStopped<Count> stopped = EarlyStopping.of(1_000, 1_000).apply(run, s -> {
            scored.add(s);
            return -s.step(); // always improving
        });
        assertEquals(StopReason.DIVERGED, stopped.reason());
        assertTrue(stopped.last().diverged());
        assertEquals(run.last(), stopped.last());
        assertEquals(stopped.last().step() - 1, stopped.epochs(), "every epoch's end but the diverged one");
        assertFalse(scored.stream().anyMatch(TrainState::diverged));
        assertEquals(stopped.last().step() - 1, stopped.best().get().step());
    }

    @Test
    void badSettingsAndArgumentsAreRefusedByName() {
        assertMessage("patience: expected a number of epochs >= 1, got 0", () -> EarlyStopping.of(0, 10));
        assertMessage("maxEpochs: expected a number of epochs >= 1, got -1", () -> EarlyStopping.of(1, -1));
        assertMessage("minDelta: expected a finite number >= 0, got -0.1",
                () -> EarlyStopping.of(1, 10).withMinDelta(-0.1));
        assertMessage("minDelta: expected a finite number >= 0, got NaN",
                () -> EarlyStopping.of(1, 10).withMinDelta(Double.NaN));
        assertMessage("minDelta: expected a finite number >= 0, got Infinity",
                () -> EarlyStopping.of(1, 10).withMinDelta(Double.POSITIVE_INFINITY));
        Run<Count> run = threeBatchesAnEpoch(new AtomicLong());
        EarlyStopping rule = EarlyStopping.of(1, 10);
        assertEquals("run is null", assertThrows(NullPointerException.class,
                () -> rule.apply(null, s -> 0.0)).getMessage());
        assertEquals("score is null", assertThrows(NullPointerException.class,
                () -> rule.<Count>apply(run, null)).getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> rule.apply(run.take(0), s -> 0.0));
        assertTrue(empty.getMessage().startsWith("run: expected at least one state"), empty.getMessage());
        IllegalArgumentException score = assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopped<>(Option.some(run.head()), Double.NaN, Vector.empty(), StopReason.PATIENCE,
                        run.head()));
        assertTrue(score.getMessage().startsWith("bestScore:"), score.getMessage());
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable bad) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
    }
}
