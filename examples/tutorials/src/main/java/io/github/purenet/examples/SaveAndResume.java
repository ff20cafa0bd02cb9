package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Stores a training state in a file, reads it back and continues: the states that follow equal
 * those of a run that never stopped, bit for bit (their SHA-256 hashes are printed side by side).
 *
 * <p>XOR with Adam (so that the optimizer's moments are part of the state), 500 steps, a checkpoint,
 * then 500 more. The file goes to the directory given as the first argument, or to a temporary one.
 */
public final class SaveAndResume {

    private SaveAndResume() {
    }

    /**
     * Runs the example.
     *
     * @param args an optional directory for the checkpoint file
     * @throws IOException if the file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        Tuple2<Key, Key> keys = Key.of(7).split();
        Network network = Initializers.network(keys._1, Initializers.glorotUniform(), Vector.of(2, 4, 1),
                Vector.of(Activations.tanh(), Activations.sigmoid()));
        Dataset xor = new Dataset(Xor.INPUTS, Xor.TARGETS);
        Batching batching = Batching.miniBatches(2);
        Loss loss = Losses.binaryCrossEntropy();
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(0.05);
        Function<TrainState<Chain<Moments, Count>>, TrainState<Chain<Moments, Count>>> transition =
                Training.transition(xor, batching, loss, adam);
        var run = Training.run(Training.init(network, adam, keys._2, xor, batching), transition);

        Codec codec = Codec.standard();
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("purenet");
        Path file = directory.resolve("xor-step-500.json");
        // the state records adam's hyperparameters and the SHA-256 of the data, and is refused under others
        Files.writeString(file, codec.encode(run.get(500), adam, Fingerprint.of(xor)));
        System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");

        // later, perhaps on another machine: read the state and continue with the same transition
        TrainState<Chain<Moments, Count>> stored = codec.decodeTrainState(Files.readString(file), adam,
                Fingerprint.of(xor));
        var resumed = Training.run(stored, Training.transition(xor, batching, loss, adam));
        for (long k : new long[] {500, 501, 750, 1000}) {
            String uninterrupted = codec.sha256(run.get(k));
            String afterResume = codec.sha256(resumed.get(k - 500));
            System.out.printf("step %4d  never stopped %s  resumed %s  %s%n", k, uninterrupted.substring(0, 16),
                    afterResume.substring(0, 16), uninterrupted.equals(afterResume) ? "equal" : "DIFFERENT");
            if (!uninterrupted.equals(afterResume)) {
                throw new IllegalStateException("the resumed run differs at step " + k);
            }
        }
        System.out.println("loss at step 1000: " + resumed.get(500).loss().get());
    }
}
