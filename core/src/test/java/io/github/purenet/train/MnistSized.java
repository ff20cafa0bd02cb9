package io.github.purenet.train;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * MNIST-sized training for {@link MnistSizedMemoryTest}: 60,000 synthetic examples of 784
 * features (the data alone take 376 MB), a 784-128-10 network, mini-batches of 64, 1,000 steps
 * (into the second epoch, so that the order of 60,000 examples is reshuffled once). Prints the
 * last step and loss.
 */
public final class MnistSized {

    private MnistSized() {
    }

    /**
     * Runs the training.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Key key = Key.of(2024);
        Matrix features = key.uniform(60_000, 784, 0, 1).value();
        Matrix targets = Matrix.of(60_000, 10, (i, j) -> (i * 7 + 3) % 10 == j ? 1.0 : 0.0);
        Dataset data = new Dataset(features, targets);
        Network network = Initializers.network(key.foldIn(1), Initializers.heUniform(), Vector.of(784, 128, 10),
                Vector.of(Activations.relu(), Activations.softmax()));
        Batching batching = Batching.miniBatches(64);
        var sgd = Optimizers.sgd(0.01);
        TrainState<Count> last = Training.run(Training.init(network, sgd, key.foldIn(2), data, batching),
                Training.transition(data, batching, Losses.softmaxCrossEntropy(), sgd)).get(1_000);
        System.out.println(last.step() + " " + last.epoch() + " " + last.loss().get());
    }
}
