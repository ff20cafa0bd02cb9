package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.io.Idx;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedules;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.Locale;

/**
 * LeNet-5 (LeCun, Bottou, Bengio and Haffner, "Gradient-Based Learning Applied to Document
 * Recognition", 1998) on MNIST, with ReLUs and max pooling as it is trained today:
 * <pre>
 * 28x28x1 → conv 5x5, 6 filters → 24x24x6 → max pool 2 → 12x12x6
 *         → conv 5x5, 16 filters → 8x8x16 → max pool 2 → 4x4x16 → flatten 256
 *         → dense 120 → dense 84 → dense 10 softmax
 * </pre>
 * Adam with a cosine decay of the learning rate from 0.003, mini-batches of 128, seed 42. It reads
 * the four IDX files from the directory given as the first argument (docs/command-line.md, "MNIST",
 * says where to fetch them) and trains for the number of epochs given as the second (3 by
 * default), printing the test accuracy after each.
 */
public final class LeNet {

    /** The shape of an MNIST image. */
    static final Shape IMAGE = Shape.of(28, 28, 1);

    private LeNet() {
    }

    /**
     * LeNet-5: each layer's weights from its own key, He uniform for the ReLU layers.
     *
     * @param key the key of the weights
     * @return the network
     */
    static Network lenet(Key key) {
        // snippet:lenet
        Vector<Key> k = key.split(5);
        Conv2D conv1 = Conv2D.of(k.get(0), IMAGE, 6, 5, Activations.relu());           // 24x24x6
        MaxPool2D pool1 = MaxPool2D.of(conv1.outputShape(), 2);                         // 12x12x6
        Conv2D conv2 = Conv2D.of(k.get(1), pool1.outputShape(), 16, 5, Activations.relu()); // 8x8x16
        MaxPool2D pool2 = MaxPool2D.of(conv2.outputShape(), 2);                         // 4x4x16
        return Network.of(IMAGE, conv1, pool1, conv2, pool2, Flatten.of(pool2.outputShape()),
                Initializers.dense(k.get(2), Initializers.heUniform(), 256, 120, Activations.relu()),
                Initializers.dense(k.get(3), Initializers.heUniform(), 120, 84, Activations.relu()),
                Initializers.dense(k.get(4), Initializers.glorotUniform(), 84, 10, Activations.softmax()));
        // end:lenet
    }

    /**
     * Trains LeNet-5 on MNIST and prints its test accuracy after each epoch.
     *
     * @param args the directory of the IDX files, then optionally the number of epochs
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "mnist");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // snippet:train
        Dataset train = Idx.read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"))
                .dataset();
        Dataset test = Idx.read(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"))
                .dataset();
        Batching batching = Batching.miniBatches(128);
        long steps = batching.batchesPerEpoch(train.size());
        var adam = Optimizers.adam(Schedules.cosineDecay(0.003, epochs * steps, 0.0));
        Loss loss = Losses.softmaxCrossEntropy();
        Vector<Key> keys = Key.of(42).split(2);
        var state = Training.init(lenet(keys.get(0)), adam, keys.get(1), train, batching);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            state = Training.run(state, Training.transition(train, batching, loss, adam)).get(steps);
            Evaluation evaluation = Evaluation.of(state.network(), test, loss);
            System.out.printf(Locale.ROOT, "epoch %d: test accuracy %.2f%% (%d of %d)%n", epoch,
                    100 * evaluation.accuracy(), evaluation.confusion().correct(), evaluation.confusion().total());
        }
        // end:train
    }
}
