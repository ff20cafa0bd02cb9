package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.checkpoint.Fixtures.Named;
import io.github.purenet.checkpoint.Fixtures.Setup;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Selection;
import io.github.purenet.optim.Wrappers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Resume equals never stopping for networks that are trees of every kind: dense and activation
 * layers, dropout (whose masks come from the run's key and the step), layer and batch
 * normalisation (whose running statistics the step carries), the test's own {@link Scale},
 * sequences and residual blocks with and without projections, and images. A training state
 * written at step k, read back and continued with a transition built afresh gives the same states,
 * bit for bit, as the run that never stopped.
 */
class LayerResumeTest {

    /** The named optimizers, and partitions and freezes that select parameters by path. */
    private static Vector<Named<?>> optimizers() {
        return Fixtures.namedOptimizers(0.05).appendAll(Vector.of(
                new Named<>("partition(under(layers[0]), adam, momentum)", () -> Wrappers.partition(
                        Selection.under("layers[0]"), Optimizers.adam(0.02), Optimizers.momentum(0.05))),
                new Named<>("freeze(named(bias), adamw)", () -> Wrappers.freeze(Selection.named("bias"),
                        Optimizers.adamw(0.01))),
                new Named<>("accumulate(2, adam)", () -> Wrappers.accumulate(2, Optimizers.adam(0.02)))));
    }

    /** A random tree of every kind, with parameters in [-1, 1] and running statistics in [0, 1]. */
    static Network tree(SplittableRandom random) {
        Network n = Trees.network(random, true);
        return n.withParameters(n.parameters().map(m -> m.map(x -> Double.isFinite(x) ? Math.tanh(x) : 0.5)))
                .withState(n.state().map(m -> m.map(x -> Double.isFinite(x) ? Math.abs(Math.tanh(x)) : 0.5)));
    }

    /**
     * Six examples for the network, targets in [0, 1], batches of 2 to 6 (a last batch smaller than
     * the others dropped, so that batch normalisation never sees a batch of one row), shuffling, a
     * key and the mean squared error.
     */
    static Setup setup(Network n, SplittableRandom random) {
        Dataset data = new Dataset(Matrix.of(6, n.inputs(), (i, j) -> random.nextDouble(-1.0, 1.0)),
                Matrix.of(6, n.outputs(), (i, j) -> random.nextDouble()));
        Batching batching = Batching.miniBatches(2 + random.nextInt(5)).withShuffle(random.nextBoolean())
                .withLastBatch(LastBatch.DROP);
        return new Setup(data, batching, Key.of(random.nextLong()), Losses.meanSquaredError());
    }

    @Test
    void aTreeStateWrittenAtStepKAndContinuedEqualsTheRunThatNeverStopped() {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        int[] compared = {0};
        Property.forAll(Generators.keys()).trials(60).check(key -> {
            SplittableRandom random = new SplittableRandom(key.state());
            Network n = tree(random);
            kinds.addAll(CODEC.encode(n).lines().filter(l -> l.contains("\"kind\"") || l.contains("\"projection\"")).map(String::strip).toList());
            Setup setup = setup(n, random);
            for (Named<?> named : optimizers()) {
                compared[0] += assertResumes(named, n, setup, random.nextInt(8), 1 + random.nextInt(6));
            }
        });
        assertEquals(java.util.Set.of("\"kind\" : \"activation\",", "\"kind\" : \"batch_norm\",", "\"kind\" : \"dense\",",
                "\"kind\" : \"conv2d\",", "\"kind\" : \"max_pool2d\",", "\"kind\" : \"avg_pool2d\",",
                "\"kind\" : \"flatten\",", "\"kind\" : \"global_average_pool\",",
                "\"kind\" : \"dropout\",", "\"kind\" : \"layer_norm\",", "\"kind\" : \"residual\",",
                "\"kind\" : \"sequential\",", "\"kind\" : \"scale(1)\",", "\"kind\" : \"scale(2)\",",
                "\"kind\" : \"scale(3)\",", "\"kind\" : \"scale(4)\",", "\"projection\" : null", "\"projection\" : {"),
                kinds, "every kind occurred");
        assertTrue(compared[0] > 1500, "states compared after resuming: " + compared[0]);
    }

    /** @return the number of states after the written one that were compared */
    private static <S> int assertResumes(Named<S> named, Network n, Setup setup, int k, int steps) {
        Vector<TrainState<S>> uninterrupted = setup.states(n, named.make().get(), k + steps + 1);
        int stop = Math.min(k, uninterrupted.size() - 1); // a run that diverges ends early
        Optimizer<S> optimizer = named.make().get();
        TrainState<S> decoded = CODEC.decodeTrainState(CODEC.encode(uninterrupted.get(stop), optimizer), optimizer);
        assertEquals(uninterrupted.get(stop), decoded, named + ": the state read back at step " + stop);
        Vector<TrainState<S>> resumed = Training.run(decoded, setup.transition(optimizer)).take(steps + 1).iterator()
                .toVector();
        assertEquals(uninterrupted.drop(stop), resumed, named + " on " + n);
        assertEquals(uninterrupted.drop(stop).map(CODEC::sha256), resumed.map(CODEC::sha256));
        assertEquals(CODEC.encode(uninterrupted.last(), optimizer), CODEC.encode(resumed.last(), optimizer), named + ": the same last text");
        return resumed.size() - 1;
    }
}
