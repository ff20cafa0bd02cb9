package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static io.github.purenet.checkpoint.Fixtures.assertBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Fixtures.Setup;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * A training state of a network with batch normalisation, dropout, layer normalisation, a residual
 * block and a layer of the user's own, trained with Adam, written mid-epoch: it reads back equal,
 * running statistics and Adam's moments included, and continues bit for bit as the run that never
 * stopped. The running statistics are what the checkpoint must carry: resumed without them, the
 * run ends elsewhere.
 */
class StateResumeTest {

    private static final Optimizer<Chain<Moments, Count>> ADAM = Optimizers.adam(0.01);

    /** 3 inputs, dense 4 ReLU, batch norm, dropout, residual (dense 4 tanh, layer norm, scale), dense 3 softmax. */
    static Network network() {
        Key key = Key.of(17);
        return Network.of(Shape.of(3),
                new Dense(Matrix.of(4, 3, (i, j) -> StrictMath.sin(1.0 + 3 * i + j)), Matrix.filled(1, 4, 0.05),
                        Activations.relu()),
                new BatchNorm(Matrix.filled(1, 4, 1.0), Matrix.filled(1, 4, 0.0), Matrix.filled(1, 4, 0.0),
                        Matrix.filled(1, 4, 1.0), 0.9, BatchNorm.EPS),
                Dropout.of(0.25),
                Residual.of(Sequential.of(
                        new Dense(Matrix.of(4, 4, (i, j) -> StrictMath.cos(2.0 + 4 * i + j) / 2), Matrix.filled(1, 4, 0.0),
                                Activations.tanh()),
                        LayerNorm.of(4),
                        Scale.ones(4))),
                new Dense(Matrix.of(3, 4, (i, j) -> StrictMath.sin(5.0 + 4 * i + j) / 2), Matrix.filled(1, 3, 0.0),
                        Activations.softmax()));
    }

    /** Twelve examples of three classes, in shuffled batches of 4: three steps an epoch. */
    static Setup setup() {
        Dataset data = Dataset.classification(Matrix.of(12, 3, (i, j) -> StrictMath.sin(0.5 + 7 * i + 3 * j)),
                Vector.range(0, 12).map(i -> i % 3), 3);
        return new Setup(data, Batching.miniBatches(4).withShuffle(true), Key.of(29), Losses.softmaxCrossEntropy());
    }

    @Test
    void adamMidRunWithBatchNormReadsBackEqualAndResumesBitForBit() {
        Setup setup = setup();
        Vector<TrainState<Chain<Moments, Count>>> run = setup.states(network(), ADAM, 17);
        assertEquals(17, run.size(), "the run does not diverge");
        for (int k : new int[] {1, 4, 7, 11}) {
            TrainState<Chain<Moments, Count>> written = run.get(k);
            assertNotEquals(network().state(), written.network().state(), "the running statistics moved");
            assertNotEquals(0, written.batch(), "mid-epoch");
            String json = CODEC.encode(written, ADAM);
            TrainState<Chain<Moments, Count>> read = CODEC.decodeTrainState(json, Optimizers.adam(0.01));
            assertEquals(written, read, "at step " + k);
            assertBits(written.network(), read.network());
            assertEquals(written.optimizerState(), read.optimizerState());
            Vector<TrainState<Chain<Moments, Count>>> resumed = Training.run(read,
                    setup().transition(Optimizers.adam(0.01))).take(run.size() - k).iterator().toVector();
            assertEquals(run.drop(k), resumed, "resumed at step " + k);
            assertEquals(run.drop(k).map(CODEC::sha256), resumed.map(CODEC::sha256));
            assertEquals(CODEC.encode(run.last(), ADAM), CODEC.encode(resumed.last(), ADAM));
        }
    }

    @Test
    void resumedWithoutItsRunningStatisticsTheRunEndsElsewhere() {
        Setup setup = setup();
        Vector<TrainState<Chain<Moments, Count>>> run = setup.states(network(), ADAM, 12);
        TrainState<Chain<Moments, Count>> read = CODEC.decodeTrainState(CODEC.encode(run.get(6), ADAM), ADAM);
        TrainState<Chain<Moments, Count>> forgotten = new TrainState<>(read.network().withState(network().state()),
                read.optimizerState(), read.step(), read.epoch(), read.batch(), read.order(), read.key(), read.loss());
        TrainState<Chain<Moments, Count>> last = Training.run(forgotten, setup.transition(ADAM)).take(6).last();
        assertEquals(run.last().network().parameters(), last.network().parameters(),
                "the parameters do not see the running statistics in training");
        assertNotEquals(run.last().network().state(), last.network().state());
        assertNotEquals(CODEC.sha256(run.last()), CODEC.sha256(last));
    }
}
