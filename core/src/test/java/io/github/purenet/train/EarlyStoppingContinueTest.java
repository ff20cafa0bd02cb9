package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.random.Key;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.TrainingCase;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Early stopping split at any state and continued from its progress, as a program that stops and
 * resumes from a checkpoint does, gives the result of one pass: the same best state, scores, reason
 * and last state, bit for bit, with the progress stored through the checkpoint codec; the scan's
 * elements are those of the one pass; no step is computed twice.
 */
class EarlyStoppingContinueTest {

    private static final Generator<Tuple2<TrainingCase<?>, Key>> SEEDED = Generators.pairs(
            Generators.trainings().steps(0, 0), Generators.keys());

    @Test
    void continuingFromTheProgressAtAnyStateGivesTheResultOfOnePass() {
        AtomicLong[] reasons = new AtomicLong[StopReason.values().length];
        for (int i = 0; i < reasons.length; i++) {
            reasons[i] = new AtomicLong();
        }
        Property.forAll(SEEDED).trials(200).check(t -> {
            StopReason r = splitAndContinue(t._1, new SplittableRandom(t._2.state()));
            reasons[r.ordinal()].incrementAndGet();
        });
        for (StopReason r : StopReason.values()) {
            assertTrue(reasons[r.ordinal()].get() >= 5, r + " was reached " + reasons[r.ordinal()].get() + " times");
        }
    }

    private static <S> StopReason splitAndContinue(TrainingCase<S> t, SplittableRandom random) {
        long batches = t.batching().batchesPerEpoch(t.data().size());
        long n = 1 + random.nextLong(batches * 8);
        EarlyStopping rule = new EarlyStopping(1 + random.nextInt(3), random.nextBoolean() ? 0.0 : 0.125,
                1 + random.nextInt(6), random.nextInt(4) == 0);
        double quantum = random.nextBoolean() ? 0.25 : 0.0; // ties and plateaus
        long poisoned = random.nextInt(5) == 0 ? 1 + random.nextInt(4) : -1;
        ToDoubleFunction<TrainState<S>> score = s -> {
            if (s.epoch() == poisoned) {
                return Double.NaN;
            }
            double loss = Evaluation.of(s.network(), t.data(), t.loss()).loss();
            return quantum == 0 ? loss : Math.floor(loss / quantum) * quantum;
        };
        Run<S> run = Training.run(t.initial(), t.transition()).take(n);
        EarlyStopped<S> one = rule.apply(run, score);
        Vector<EarlyStopping.Progress<S>> scan = rule.scan(run, score).toVector();
        assertEquals(one, rule.outcome(scan.last()), "the scan's last element is the one pass");
        assertEquals(scan.last().state().step() + 1, scan.size(), "one element per state, to the stop");

        int k = random.nextInt(scan.size());
        EarlyStopping.Progress<S> stored = throughCodec(scan.get(k), t.optimizer().optimizer());
        AtomicLong calls = new AtomicLong();
        Function<TrainState<S>, TrainState<S>> transition = t.transition();
        Run<S> rest = Training.run(stored.state(), s -> {
            calls.incrementAndGet();
            return transition.apply(s);
        }).take(n - k);

        String where = rule + ", n = " + n + ", split at step " + k + " of " + batches + " batches an epoch: " + one;
        assertEquals(scan.drop(k), rule.scan(rest, score, stored).toVector(), where);
        calls.set(0);
        EarlyStopped<S> continued = rule.apply(rest, score, stored);
        assertEquals(one, continued, where);
        assertEquals(one.last().step() - k, calls.get(), "each step after the split computed once: " + where);
        return one.reason();
    }

    /** The progress as a checkpoint stores it: its states as the library's documents, read back. */
    private static <S> EarlyStopping.Progress<S> throughCodec(EarlyStopping.Progress<S> p, Optimizer<S> optimizer) {
        Codec codec = Codec.standard();
        Function<TrainState<S>, TrainState<S>> copy = s -> codec.decodeTrainState(codec.encode(s, optimizer), optimizer);
        return new EarlyStopping.Progress<>(copy.apply(p.state()), p.best().map(copy), p.bestScore(), p.scores(),
                p.waited());
    }

    @Test
    void aRunThatDoesNotStartAtTheProgresssStateAndBadProgressesAreRefused() {
        refused(Generators.sample(Generators.trainings().steps(0, 0), 5, 10));
    }

    private static <S> void refused(TrainingCase<S> t) {
        Run<S> run = Training.run(t.initial(), t.transition());
        EarlyStopping rule = EarlyStopping.of(2, 5);
        ToDoubleFunction<TrainState<S>> score = s -> 1.0;
        EarlyStopping.Progress<S> atOne = rule.scan(run, score).drop(1).head();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.apply(run, score, atOne));
        assertTrue(e.getMessage().startsWith("from: the run starts at TrainState[step 0,"), e.getMessage());
        assertEquals("run: expected at least one state, got an empty run: Run[from step 1, at most 0 states]",
                assertThrows(IllegalArgumentException.class, () -> rule.apply(run.drop(1).take(0), score, atOne))
                        .getMessage());

        TrainState<S> s = run.head();
        assertEquals("bestScore: expected a finite score with a best state and NaN without, got 1.0 with none",
                assertThrows(IllegalArgumentException.class, () -> progress(s, Option.none(), 1.0, 0)).getMessage());
        assertEquals("waited: expected a number of epochs in [0, 0] with 2 scores and none, got 1",
                assertThrows(IllegalArgumentException.class, () -> progress(s, Option.none(), Double.NaN, 1))
                        .getMessage());
        assertEquals("waited: expected a number of epochs in [0, 1] with 2 scores and a best state, got 2",
                assertThrows(IllegalArgumentException.class, () -> progress(s, Option.some(s), 1.0, 2)).getMessage());
        assertEquals("Progress[step 0, 2 scores, best at step 0: 1.0, waited 1]", progress(s, Option.some(s), 1.0, 1)
                .toString());
    }

    private static <S> EarlyStopping.Progress<S> progress(TrainState<S> s, Option<TrainState<S>> best, double score,
            int waited) {
        return new EarlyStopping.Progress<>(s, best, score, Vector.of(2.0, 1.0), waited);
    }
}
