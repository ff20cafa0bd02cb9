package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
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
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.TrainingCase;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Observing a run: which states the action sees, that one pass computes each step once, and that
 * replaying calls the action again. The oracle is the unobserved run's list of states, filtered by
 * hand.
 */
class ObserveTest {

    /** A generated training run, and a seed for the test's own choices. */
    private static final Generator<Tuple2<TrainingCase<?>, Key>> SEEDED = Generators.pairs(
            Generators.trainings().steps(0, 0), Generators.keys());

    /** Counts the calls of a transition. */
    private record Counted<S>(Function<TrainState<S>, TrainState<S>> transition, AtomicLong calls) {
        static <S> Counted<S> of(Function<TrainState<S>, TrainState<S>> transition) {
            AtomicLong calls = new AtomicLong();
            return new Counted<>(s -> {
                calls.incrementAndGet();
                return transition.apply(s);
            }, calls);
        }
    }

    /** The states an observation of {@code states} must see: step % every == 0, and the last once. */
    private static <S> Vector<TrainState<S>> expected(Vector<TrainState<S>> states, long every) {
        Vector<TrainState<S>> periodic = states.filter(s -> s.step() % every == 0);
        return states.isEmpty() || states.last().step() % every == 0 ? periodic : periodic.append(states.last());
    }

    @Test
    void oneObservedPassSeesEveryPeriodicStateAndTheLastAndComputesEachStepOnce() {
        Property.forAll(SEEDED).trials(100).check(t -> observedOnce(t._1, new SplittableRandom(t._2.state())));
    }

    private static <S> void observedOnce(TrainingCase<S> t, SplittableRandom random) {
        long n = 1 + random.nextInt(25);
        long every = 1 + random.nextInt(8);
        Vector<TrainState<S>> states = Vector.ofAll(Training.run(t.initial(), t.transition()).take(n));
        Counted<S> counted = Counted.of(t.transition());
        List<TrainState<S>> seen = new ArrayList<>();
        TrainState<S> last = Training.run(t.initial(), counted.transition()).take(n).observe(every, seen::add).last();
        assertEquals(states.last(), last);
        assertEquals(expected(states, every), Vector.ofAll(seen), "n = " + n + ", every = " + every);
        assertEquals(last.step(), counted.calls().get(), "each step computed once");
    }

    private static Run<Count> tiny() {
        Network network = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), Activations.sigmoid()));
        Dataset data = new Dataset(Matrix.row(0.1), Matrix.row(0.3));
        var sgd = Optimizers.sgd(0.5);
        return Training.run(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                Training.transition(data, Batching.fullBatch(), Losses.squaredError(), sgd));
    }

    private static Vector<Long> steps(List<TrainState<Count>> states) {
        return Vector.ofAll(states).map(TrainState::step);
    }

    @Test
    void theLastStateIsObservedOnceWhetherOrNotItsStepIsAMultiple() {
        List<TrainState<Count>> seen = new ArrayList<>();
        tiny().take(2_001).observe(500, seen::add).last();
        assertEquals(Vector.of(0L, 500L, 1000L, 1500L, 2000L), steps(seen));
        seen.clear();
        tiny().take(2_001).observe(300, seen::add).last();
        assertEquals(Vector.of(0L, 300L, 600L, 900L, 1200L, 1500L, 1800L, 2000L), steps(seen));
        seen.clear();
        tiny().takeWhile(s -> s.step() < 8).observe(5, seen::add).forEach(s -> { });
        assertEquals(Vector.of(0L, 5L, 7L), steps(seen), "the end found by takeWhile");
    }

    @Test
    void replayingAnObservedRunCallsTheActionAgain() {
        List<TrainState<Count>> seen = new ArrayList<>();
        Run<Count> observed = tiny().take(11).observe(5, seen::add);
        assertTrue(seen.isEmpty(), "nothing is called before the run is iterated");
        TrainState<Count> last = observed.last();
        assertEquals(Vector.of(0L, 5L, 10L), steps(seen));
        assertEquals(last, observed.last());
        assertEquals(Vector.of(0L, 5L, 10L, 0L, 5L, 10L), steps(seen));
    }

    @Test
    void aPassInPiecesObservesEachStateOnce() {
        List<TrainState<Count>> seen = new ArrayList<>();
        Run<Count> observed = tiny().take(13).observe(3, seen::add);
        Run<Count> rest = observed.drop(6); // observes 0 and 3; 6 belongs to the rest
        assertEquals(Vector.of(0L, 3L), steps(seen));
        rest.last();
        assertEquals(Vector.of(0L, 3L, 6L, 9L, 12L), steps(seen));
        seen.clear();
        assertEquals(6, observed.get(6).step());
        assertEquals(Vector.of(0L, 3L, 6L), steps(seen), "get(k) observes up to k once");
        seen.clear();
        observed.dropWhile(s -> s.step() < 7).last();
        assertEquals(Vector.of(0L, 3L, 6L, 9L, 12L), steps(seen));
        seen.clear();
        assertTrue(observed.take(12).dropWhile(s -> true).iterator().isEmpty());
        assertEquals(Vector.of(0L, 3L, 6L, 9L, 11L), steps(seen), "a run dropped whole still ends at its last");
        seen.clear();
        observed.take(8).observe(4, seen::add).last();
        assertEquals(Vector.of(0L, 0L, 3L, 4L, 6L, 7L, 7L), steps(seen), "two observers, in the order added");
    }

    @Test
    void aDivergingRunIsObservedUpToItsDivergedState() {
        Run<Count> run = Diverging.of().run();
        List<TrainState<Count>> seen = new ArrayList<>();
        TrainState<Count> last = run.observe(1_000, seen::add).last();
        assertTrue(last.diverged());
        assertEquals(Vector.of(0L, last.step()), steps(seen));
    }

    @Test
    void lossOrNaNIsTheLossOrNaNForTheFirstState() {
        Run<Count> run = tiny();
        assertTrue(Double.isNaN(run.head().lossOrNaN()));
        assertEquals(run.get(3).loss().get(), run.get(3).lossOrNaN());
    }

    @Test
    void observeRefusesABadPeriodOrAMissingAction() {
        Run<Count> run = tiny();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.observe(0, s -> { }));
        assertTrue(e.getMessage().startsWith("every:") && e.getMessage().contains("0"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> run.observe(1, null));
        assertEquals("action is null", n.getMessage());
    }
}
