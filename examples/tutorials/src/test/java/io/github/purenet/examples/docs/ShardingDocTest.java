package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

// snippet:imports
import io.github.purenet.train.Sharding;
// end:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** docs/training.md's "Sharded gradients": a run with four shards, the same on any number of threads. */
class ShardingDocTest {

    @Test
    void aShardedRunIsAPureFunctionOfItsShardingAndNearTheUnshardedRun() throws Exception {
        Network network = Initializers.network(Key.of(1), Initializers.glorotUniform(), Vector.of(2, 8, 1),
                Vector.of(Activations.tanh(), Activations.sigmoid()));
        Dataset data = new Dataset(Matrix.of(64, 2, (i, j) -> Math.sin(i * 0.7 + j)),
                Matrix.of(64, 1, (i, j) -> Math.sin(i * 0.7) * Math.sin(i * 0.7 + 1) > 0 ? 1 : 0));
        Batching batching = Batching.miniBatches(16);
        Loss loss = Losses.binaryCrossEntropy();
        Optimizer<Count> sgd = Optimizers.sgd(0.5);
        Key key = Key.of(2);

        // snippet:shards
        // each batch of 16 rows in 4 shards of 4 rows, their sums added in a fixed tree
        TrainState<Count> initial = Training.init(network, sgd, key, data, batching, Sharding.of(4));
        Run<Count> run = Training.run(initial, Training.transition(data, batching, loss, sgd));
        // the shards run on the common pool's threads; the bits depend on the 4, never on the threads
        // end:shards

        TrainState<Count> last = run.get(200);
        assertEquals(last, new java.util.concurrent.ForkJoinPool(1).submit(() -> run.get(200)).get());
        TrainState<Count> unsharded = Training.run(Training.init(network, sgd, key, data, batching),
                Training.transition(data, batching, loss, sgd)).get(200);
        assertNotEquals(unsharded, last);
        assertEquals(unsharded.lossOrNaN(), last.lossOrNaN(), 1e-9);
    }
}
