package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fold: replay, determinism, composition of stages, divergence, and its bad input. */
class TrainingTest {

    /** A generated problem, and a seed for the test's own choices. */
    private static final Generator<Tuple2<Problem, Key>> SEEDED = Generators.pairs(Generators.problems(),
            Generators.keys());

    /** A generated case turned into a run: its batch becomes the dataset, cut into mini-batches. */
    private record Setup(Run<Count> run, Function<TrainState<Count>, TrainState<Count>> transition,
            int j, int k) {
    }

    private static Setup setup(Problem c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset data = new Dataset(c.inputs(), c.targets());
        Batching batching = Batching.miniBatches(1 + random.nextInt(data.size()));
        Optimizer<Count> sgd = Optimizers.sgd(0.05);
        var transition = Training.transition(data, batching, c.loss(), sgd);
        Run<Count> run = Training.run(Training.init(c.network(), sgd, Key.of(random.nextLong()), data, batching),
                transition);
        int k = 1 + random.nextInt(30);
        return new Setup(run, transition, random.nextInt(k), k);
    }

    @Test
    void theStateAtStepKIsTheSameFromTheStartAsFromAnyEarlierState() {
        Property.forAll(SEEDED).trials(100).check(t -> {
            Problem c = t._1;
            Setup s = setup(c, t._2.state());
            TrainState<Count> direct = s.run().get(s.k());
            TrainState<Count> fromJ = Training.run(s.run().get(s.j()), s.transition()).get(s.k() - s.j());
            assertEquals(direct, fromJ, "j = " + s.j() + ", k = " + s.k());
            assertEquals(s.k(), direct.step());
        });
    }

    @Test
    void twoRunsFromTheSameInputsGiveEqualStatesAtEveryStep() {
        Property.forAll(SEEDED).trials(100).check(t -> {
            Problem c = t._1;
            Vector<TrainState<Count>> first = Vector.ofAll(setup(c, t._2.state()).run().take(20));
            Vector<TrainState<Count>> second = Vector.ofAll(setup(c, t._2.state()).run().take(20));
            assertEquals(first, second);
        });
    }

    @Test
    void iteratingARunTwiceReplaysIt() {
        Property.forAll(SEEDED).trials(50).check(t -> {
            Problem c = t._1;
            Run<Count> run = setup(c, t._2.state()).run().take(15);
            assertEquals(Vector.ofAll(run), Vector.ofAll(run));
            assertEquals(run.last(), run.get(14));
            assertEquals(run.get(14), run.drop(14).head());
            assertEquals(run.get(7), run.dropWhile(st -> st.step() < 7).head());
            assertEquals(15, run.stream().count());
        });
    }

    @Test
    void aStepOfTheFoldIsBackpropOnTheBatchThenPlainGradientDescent() {
        Network network = Network.of(new Dense(Matrix.row(-3.0, -1.0, 2.0), Matrix.row(1.0), Activations.relu()));
        Dataset data = new Dataset(Matrix.row(1.0, -2.0, 3.0), Matrix.row(0.0));
        var sgd = Optimizers.sgd(0.001);
        Run<Count> run = Training.run(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                Training.transition(data, Batching.fullBatch(), Losses.squaredError(), sgd));
        Network expected = network;
        for (int k = 1; k <= 200; k++) {
            expected = Backprop.step(expected, Backprop.lossAndGradients(expected, data.features().matrix(), data.targets().matrix(),
                    Losses.squaredError()).gradients(), 0.001);
        }
        TrainState<Count> last = run.get(200);
        assertEquals(expected, last.network());
        assertEquals(36.0 * Math.pow(0.97, 2 * 199), last.loss().get(), 1e-9);
        assertEquals(200, last.epoch(), "one example, full batch: every step is an epoch");
    }

    @Test
    void positionsWalkThroughTheEpochsBatchByBatch() {
        Dataset data = new Dataset(Matrix.of(10, 1, (i, j) -> i), Matrix.of(10, 1, (i, j) -> 2.0 * i));
        Batching batching = Batching.miniBatches(4); // 4, 4, 2
        Network network = Network.of(new Dense(Matrix.row(0.0), Matrix.row(0.0), Activations.identity()));
        var sgd = Optimizers.sgd(0.001);
        Run<Count> run = Training.run(Training.init(network, sgd, Key.of(5), data, batching),
                Training.transition(data, batching, Losses.meanSquaredError(), sgd));
        Vector<String> positions = Vector.ofAll(run.take(8)).map(s -> s.epoch() + "." + s.batch());
        assertEquals(Vector.of("0.0", "0.1", "0.2", "1.0", "1.1", "1.2", "2.0", "2.1"), positions);
        assertEquals(batching.order(Key.of(5), 2, 10), run.get(6).order());
        assertNotEquals(run.get(0).order(), run.get(3).order(), "reshuffled every epoch");
    }

    @Test
    void aStageOfYourOwnSitsBetweenTheGradientsAndTheUpdate() {
        Network network = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), Activations.sigmoid()));
        Dataset data = new Dataset(Matrix.row(0.1), Matrix.row(0.3));
        var sgd = Optimizers.sgd(0.5);
        Loss loss = Losses.squaredError();
        var frozenBias = Training.transition(data, Batching.fullBatch(), loss,
                step -> step.mapGradients(g -> Stacks.gradients(Stacks.layers(g).map(l ->
                        new Stacks.Pair(l.weights(), l.bias().scale(0.0))))),
                sgd);
        TrainState<Count> last = Training.run(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                frozenBias).get(100);
        assertEquals(0.0, last.network().dense(0).bias().get(0, 0));
        assertNotEquals(0.5, last.network().dense(0).weights().get(0, 0));

        // the same transition composed by hand from the public stages gives the same state
        Function<TrainState<Count>, TrainState<Count>> byHand =
                Training.<Count>select(data, Batching.fullBatch())
                        .andThen(Training.differentiate(loss))
                        .andThen(step -> step.mapGradients(g -> Stacks.gradients(Stacks.layers(g).map(l ->
                                new Stacks.Pair(l.weights(), l.bias().scale(0.0))))))
                        .andThen(Training.update(sgd))
                        .andThen(Training.advance(data, Batching.fullBatch()));
        assertEquals(last, Training.run(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                byHand).get(100));
    }

    @Test
    void aDivergingRunEndsAtItsFirstNonFiniteState() {
        var transition = Diverging.of().transition();
        Run<Count> run = Diverging.of().run();
        TrainState<Count> last = run.last();
        assertTrue(last.diverged(), last.toString());
        assertTrue(run.take(last.step()).iterator().forAll(s -> !s.diverged()), "only the last state diverged");
        assertEquals(last, transition.apply(last), "a diverged state is a fixed point of the transition");
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> run.get(last.step() + 1));
        assertTrue(e.getMessage().contains("diverged at step " + last.step()), e.getMessage());
        assertFalse(run.head().diverged());
    }

    @Test
    void initRefusesDataThatDoNotFitTheNetwork() {
        Network network = Network.of(new Dense(Matrix.row(1.0, 2.0), Matrix.row(0.0), Activations.identity()));
        Dataset data = new Dataset(Matrix.row(1.0, 2.0, 3.0), Matrix.row(0.0));
        var sgd = Optimizers.sgd(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()));
        assertTrue(e.getMessage().contains("1x3") && e.getMessage().contains("Network[2-1"), e.getMessage());
    }

    @Test
    void initRefusesABatchLargerThanTheDataWhenPartialBatchesAreDropped() {
        Network network = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Dataset data = new Dataset(Matrix.of(3, 1, (i, j) -> i), Matrix.of(3, 1, (i, j) -> i));
        Batching batching = Batching.miniBatches(5).withLastBatch(io.github.purenet.data.LastBatch.DROP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.init(network, Optimizers.sgd(0.1), Key.of(0), data, batching));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void runOperationsRefuseNegativeCounts() {
        Network network = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Dataset data = new Dataset(Matrix.row(1.0), Matrix.row(0.0));
        var sgd = Optimizers.sgd(0.1);
        Run<Count> run = Training.run(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                Training.transition(data, Batching.fullBatch(), Losses.squaredError(), sgd));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run.drop(-1)).getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run.take(-2)).getMessage().contains("-2"));
        assertTrue(assertThrows(NoSuchElementException.class, () -> run.take(3).get(3)).getMessage()
                .contains("3 states"));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(Double.NaN));
    }
}
