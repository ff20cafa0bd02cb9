package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.checkpoint.Fixtures.Named;
import io.github.purenet.checkpoint.Fixtures.Setup;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedules;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Resume equals never stopping: a training state written at step k, read back and continued with
 * a transition built afresh from the same configuration gives, state after state, the same values
 * (and the same hashes) as the run that never stopped.
 */
class ResumeTest {

    /** A generated problem, and a seed for the test's own choices. */
    private static final Generator<Tuple2<Problem, Key>> SEEDED = Generators.pairs(Generators.problems(),
            Generators.keys());

    /** Every optimizer under test: the seven named ones, and schedules, wrappers and chains. */
    private static Vector<Named<?>> optimizers(Problem c, SplittableRandom random) {
        return Fixtures.namedOptimizers(0.05).appendAll(Fixtures.composedOptimizers(c.network().layers().size(),
                random));
    }

    /**
     * The same configuration built again from scratch: new matrices, a new batching, so that the
     * resumed run shares nothing with the original but the document.
     */
    private static Setup rebuilt(Setup s) {
        Dataset data = new Dataset(Matrix.of(s.data().features().matrix().toArray()), Matrix.of(s.data().targets().matrix().toArray()));
        Batching batching = new Batching(s.batching().size(), s.batching().shuffle(), s.batching().lastBatch());
        return new Setup(data, batching, new Key(s.key().state(), s.key().gamma()), s.loss());
    }

    @Test
    void aStateWrittenAtStepKAndContinuedForNStepsEqualsTheRunThatNeverStopped() {
        Property.forAll(SEEDED).trials(60).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Setup setup = Setup.of(c, random);
            for (Named<?> named : optimizers(c, random)) {
                assertResumes(named, c, setup, random.nextInt(10), 1 + random.nextInt(8));
            }
        });
    }

    private static <S> void assertResumes(Named<S> named, Problem c, Setup setup, int k, int n) {
        Vector<TrainState<S>> uninterrupted = setup.states(c.network(), named.make().get(), k + n + 1);
        int stop = Math.min(k, uninterrupted.size() - 1); // a run that diverges ends early
        Optimizer<S> optimizer = named.make().get();
        String json = CODEC.encode(uninterrupted.get(stop), optimizer);
        TrainState<S> decoded = CODEC.decodeTrainState(json, optimizer);
        assertEquals(uninterrupted.get(stop), decoded, named + ": the state read back at step " + stop);
        assertEquals(decoded, CODEC.decodeTrainState(Fixtures.withoutSha(json), optimizer),
                named + ": a document without its hash reads the same");

        Function<TrainState<S>, TrainState<S>> transition = rebuilt(setup).transition(optimizer);
        Vector<TrainState<S>> resumed = Training.run(decoded, transition).take(n + 1).iterator().toVector();
        assertEquals(uninterrupted.size() - stop, resumed.size(), named + ": as many states as the original");
        for (int i = 1; i < resumed.size(); i++) {
            TrainState<S> expected = uninterrupted.get(stop + i);
            String where = named + ", written at step " + stop + ", step " + expected.step() + " of " + c;
            assertEquals(expected, resumed.get(i), where);
            assertEquals(CODEC.sha256(expected), CODEC.sha256(resumed.get(i)), where);
        }
        assertEquals(CODEC.encode(uninterrupted.last(), optimizer), CODEC.encode(resumed.last(), optimizer), named + ": the same last text");
    }

    @Test
    void resumingFromEveryStateOfARunReachesTheSameLastState() {
        Property.forAll(SEEDED).trials(30).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Setup setup = Setup.of(c, random);
            Vector<Named<?>> all = optimizers(c, random);
            assertEveryStateResumes(all.get(random.nextInt(all.size())), c, setup, 12);
        });
    }

    private static <S> void assertEveryStateResumes(Named<S> named, Problem c, Setup setup, int steps) {
        Vector<TrainState<S>> states = setup.states(c.network(), named.make().get(), steps + 1);
        for (int k = 0; k < states.size(); k++) {
            Optimizer<S> optimizer = named.make().get();
            TrainState<S> decoded = CODEC.decodeTrainState(CODEC.encode(states.get(k), optimizer), optimizer);
            TrainState<S> last = Training.run(decoded, rebuilt(setup).transition(optimizer))
                    .take(states.size() - k).last();
            assertEquals(states.last(), last, named + ", resumed at step " + k);
            assertEquals(CODEC.sha256(states.last()), CODEC.sha256(last), named + ", resumed at step " + k);
        }
    }

    @Test
    void aRunStoppedAndResumedThroughTextManyTimesEqualsTheRunThatNeverStopped() {
        Property.forAll(SEEDED).trials(30).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Setup setup = Setup.of(c, random);
            for (Named<?> named : optimizers(c, random)) {
                assertResumesRepeatedly(named, c, setup, random);
            }
        });
    }

    private static <S> void assertResumesRepeatedly(Named<S> named, Problem c, Setup setup, SplittableRandom random) {
        int steps = 15;
        Vector<TrainState<S>> uninterrupted = setup.states(c.network(), named.make().get(), steps + 1);
        Vector<TrainState<S>> pieced = Vector.of(uninterrupted.head());
        while (pieced.size() < uninterrupted.size()) {
            Optimizer<S> optimizer = named.make().get();
            TrainState<S> from = CODEC.decodeTrainState(CODEC.encode(pieced.last(), optimizer), optimizer);
            int leg = 1 + random.nextInt(4);
            Vector<TrainState<S>> piece = Training.run(from, rebuilt(setup).transition(optimizer)).take(leg + 1)
                    .iterator().drop(1).toVector();
            if (piece.isEmpty()) {
                break; // the run diverged: it ends here, as the uninterrupted one did
            }
            pieced = pieced.appendAll(piece);
        }
        assertEquals(uninterrupted, pieced.take(uninterrupted.size()), named + " on " + c);
        assertEquals(uninterrupted.map(CODEC::sha256), pieced.take(uninterrupted.size()).map(CODEC::sha256));
    }

    @Test
    void theScheduleContinuesFromTheStepCountInTheStateSoAnotherConfigurationIsSeen() {
        // the comparisons above have teeth: the same document continued with a constant learning
        // rate equal to the schedule's start differs from the run continued with its schedule
        Dataset data = new Dataset(Matrix.of(new double[][] {{2, 3}, {1, -1}, {0.5, 0.25}}),
                Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        Setup setup = new Setup(data, Batching.miniBatches(2), Key.of(3),
                io.github.purenet.loss.Losses.softmaxCrossEntropy());
        Optimizer<Count> scheduled = Optimizers.sgd(Schedules.cosineDecay(0.1, 7, 0.1));
        Vector<TrainState<Count>> states = setup.states(Fixtures.seedNetwork(), scheduled, 8);
        String json = CODEC.encode(states.get(4), scheduled);

        TrainState<Count> withSchedule = setup.transition(scheduled).apply(CODEC.decodeTrainState(json, scheduled));
        Optimizer<Count> constant = Optimizers.sgd(0.1);
        Documents.refused(() -> CODEC.decodeTrainState(json, constant), "$.train_state.optimizer.learning_rate",
                "cosine_decay(initial=0.1, decay_steps=7, alpha=0.1)", "constant(value=0.1)");
        // a document without the record of its optimizer, as written before it was recorded, is not refused
        String unrecorded = Documents.remove(Fixtures.withoutSha(json), "$.train_state.optimizer");
        TrainState<Count> withConstant = setup.transition(constant).apply(CODEC.decodeTrainState(unrecorded, constant));
        assertEquals(states.get(5), withSchedule);
        assertNotEquals(states.get(5), withConstant);
        assertNotEquals(CODEC.sha256(states.get(5)), CODEC.sha256(withConstant));
        assertEquals(5, withSchedule.optimizerState().steps(), "the count that drives the schedule came back");
    }
}
