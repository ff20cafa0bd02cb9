package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

// snippet:imports
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import java.nio.file.Files;
// end:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/training.md's "Save and resume": a state written after 500 steps, read back, continues the run. */
class SaveAndResumeDocTest {

    @Test
    void aRunResumedFromItsStoredStateHasTheStatesOfTheRunThatNeverStopped(@TempDir Path dir) throws IOException {
        Tuple2<Key, Key> keys = Key.of(42).split();
        Network network = Initializers.network(keys._1, Initializers.glorotUniform(),
                Vector.of(2, 4, 1), Vector.of(Activations.tanh(), Activations.sigmoid()));
        Dataset data = new Dataset(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.of(new double[][] {{0}, {1}, {1}, {0}}));
        Batching batching = Batching.fullBatch();
        Loss loss = Losses.binaryCrossEntropy();
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(0.05);
        Run<Chain<Moments, Count>> run = Training.run(Training.init(network, adam, keys._2, data, batching),
                Training.transition(data, batching, loss, adam));
        Path file = dir.resolve("xor-step-500.json");

        // snippet:save
        Codec codec = Codec.standard();
        // the state after 500 steps, with its optimizer's hyperparameters and its data's SHA-256
        Files.writeString(file, codec.encode(run.get(500), adam, Fingerprint.of(data)));

        // later, anywhere: rebuild the transition from the same data, batching, loss and optimizer
        TrainState<Chain<Moments, Count>> stored = codec.decodeTrainState(Files.readString(file), adam,
                Fingerprint.of(data));   // refused under another optimizer or hyperparameter, or with other data
        Run<Chain<Moments, Count>> resumed = Training.run(stored, Training.transition(data, batching, loss, adam));
        // resumed.get(k) equals run.get(500 + k), bit for bit: codec.sha256(...) of both is the same
        // end:save

        for (long k : new long[] {0, 1, 250}) {
            assertEquals(run.get(500 + k), resumed.get(k), "step " + k);
            assertEquals(codec.sha256(run.get(500 + k)), codec.sha256(resumed.get(k)), "step " + k);
        }
    }
}
