package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.random.Key;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.TrainingCase;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Early stopping against an exhaustive search, over generated runs: every epoch's end replayed on
 * its own with {@code run.get(k)}, scored, and the patience rule applied by a plain loop written
 * here; and no step is computed twice or after the stop.
 */
class EarlyStoppingSearchTest {

    /** A generated training run, and a seed for the test's own choices. */
    private static final Generator<Tuple2<TrainingCase<?>, Key>> SEEDED = Generators.pairs(
            Generators.trainings().steps(0, 0), Generators.keys());

    /** What the exhaustive search finds: the best epoch-end's step (-1 if none), the scores, why and where it stopped. */
    private record Expected(long bestStep, Vector<Double> scores, StopReason reason, long lastStep) {
    }

    private static <S> Expected search(Run<S> run, long batchesPerEpoch, ToDoubleFunction<TrainState<S>> score,
            EarlyStopping rule) {
        TrainState<S> end = run.last();
        Vector<Double> scores = Vector.empty();
        long bestStep = -1;
        double best = Double.NaN;
        int waited = 0;
        for (long k = batchesPerEpoch; ; k += batchesPerEpoch) {
            if (k > end.step() || k == end.step() && end.diverged()) {
                return new Expected(bestStep, scores, end.diverged() ? StopReason.DIVERGED : StopReason.RUN_ENDED,
                        end.step());
            }
            double x = score.applyAsDouble(run.get(k));
            scores = scores.append(x);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return new Expected(bestStep, scores, StopReason.DIVERGED, k);
            }
            boolean better = bestStep < 0
                    || (rule.maximize() ? x - best > rule.minDelta() : best - x > rule.minDelta());
            if (better) {
                bestStep = k;
                best = x;
                waited = 0;
            } else {
                waited++;
            }
            if (waited == rule.patience()) {
                return new Expected(bestStep, scores, StopReason.PATIENCE, k);
            }
            if (scores.size() == rule.maxEpochs()) {
                return new Expected(bestStep, scores, StopReason.MAX_EPOCHS, k);
            }
        }
    }

    @Test
    void theBestStateIsTheOneAnExhaustiveSearchFindsAndNoStepIsComputedTwice() {
        AtomicLong[] reasons = new AtomicLong[StopReason.values().length];
        for (int i = 0; i < reasons.length; i++) {
            reasons[i] = new AtomicLong();
        }
        Property.forAll(SEEDED).trials(200).check(t -> {
            StopReason r = againstSearch(t._1, new SplittableRandom(t._2.state()));
            reasons[r.ordinal()].incrementAndGet();
        });
        for (StopReason r : StopReason.values()) {
            assertTrue(reasons[r.ordinal()].get() >= 5, r + " was reached " + reasons[r.ordinal()].get() + " times");
        }
    }

    private static <S> StopReason againstSearch(TrainingCase<S> t, SplittableRandom random) {
        long batches = t.batching().batchesPerEpoch(t.data().size());
        long n = 1 + random.nextLong(batches * 8);
        EarlyStopping rule = new EarlyStopping(1 + random.nextInt(3), random.nextBoolean() ? 0.0 : 0.125,
                1 + random.nextInt(6), random.nextInt(4) == 0);
        double quantum = random.nextBoolean() ? 0.25 : 0.0;
        long poisoned = random.nextInt(5) == 0 ? 1 + random.nextInt(4) : -1;
        double poison = random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
        ToDoubleFunction<TrainState<S>> score = s -> {
            if (s.epoch() == poisoned) {
                return poison;
            }
            double loss = Evaluation.of(s.network(), t.data(), t.loss()).loss();
            return quantum == 0 ? loss : Math.floor(loss / quantum) * quantum;
        };
        Run<S> run = Training.run(t.initial(), t.transition()).take(n);
        Expected expected = search(run, batches, score, rule);

        AtomicLong calls = new AtomicLong();
        Function<TrainState<S>, TrainState<S>> transition = t.transition();
        Run<S> counted = Training.run(t.initial(), s -> {
            calls.incrementAndGet();
            return transition.apply(s);
        }).take(n);
        EarlyStopped<S> stopped = rule.apply(counted, score);

        String where = rule + ", n = " + n + ", " + batches + " batches an epoch: " + stopped;
        assertEquals(expected.reason(), stopped.reason(), where);
        assertEquals(expected.scores(), stopped.scores(), where);
        assertEquals(expected.scores().size(), stopped.epochs(), where);
        assertEquals(expected.lastStep(), stopped.last().step(), where);
        assertEquals(run.get(expected.lastStep()), stopped.last(), where);
        if (expected.bestStep() < 0) {
            assertTrue(stopped.best().isEmpty(), where);
            assertTrue(Double.isNaN(stopped.bestScore()), where);
        } else {
            TrainState<S> best = run.get(expected.bestStep());
            assertEquals(best, stopped.best().get(), where);
            assertEquals(score.applyAsDouble(best), stopped.bestScore(), where);
        }
        assertEquals(stopped.last().step(), calls.get(), "each step computed once, none after the stop: " + where);
        return stopped.reason();
    }
}
