package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.data.Standardization;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Count;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.Locale;

/**
 * A 4-16-3 network (tanh, softmax) classifies Fisher's Iris flowers: an 80/20 stratified split
 * made by key, features standardised with parameters fitted on the training part, mini-batches of
 * 16 reshuffled every epoch, plain gradient descent with lr 0.1 for 100 epochs. Prints progress
 * every 150 steps, observed from the run, then the test accuracy and confusion matrix.
 *
 * <p>The data ship with the examples; see {@link ExampleData}.
 */
public final class Iris {

    /** The number of epochs; each has 8 steps, 120 training rows in batches of 16 (the last of 8). */
    static final int EPOCHS = 100;

    private Iris() {
    }

    /** The result of the example: the last state and its evaluation on the test part. */
    record Result(TrainState<Count> state, Evaluation test) {
    }

    /**
     * Trains from a seed.
     *
     * @param seed the seed of the split, the initial weights and the run
     * @return the last state and its evaluation on the test part
     */
    static Result train(long seed) {
        Vector<Key> keys = Key.of(seed).split(3);
        Split split = Datasets.stratifiedSplit(ExampleData.iris(), keys.get(0), 0.2);
        Standardization standardization = Standardization.fit(split.train().features());
        Dataset train = standardization.apply(split.train());
        Dataset test = standardization.apply(split.test());

        Network network = Initializers.network(keys.get(1), Initializers.glorotUniform(), Vector.of(4, 16, 3),
                Vector.of(Activations.tanh(), Activations.softmax()));
        Batching batching = Batching.miniBatches(16);
        Optimizer<Count> sgd = Optimizers.sgd(0.1);
        Loss loss = Losses.softmaxCrossEntropy();
        Run<Count> run = Training.run(Training.init(network, sgd, keys.get(2), train, batching),
                Training.transition(train, batching, loss, sgd));

        long steps = (long) EPOCHS * batching.batchesPerEpoch(train.size());
        TrainState<Count> last = run.take(steps + 1)
                .observe(150, s -> {
                    if (s.step() % 150 == 0 && s.step() > 0) {
                        Evaluation e = Evaluation.of(s.network(), test, loss);
                        System.out.printf(Locale.ROOT, "step %4d  epoch %3d  batch loss %.4f  test loss %.4f  test accuracy %5.1f%%%n",
                                s.step(), s.epoch(), s.lossOrNaN(), e.loss(), 100 * e.accuracy());
                    }
                })
                .last();
        return new Result(last, Evaluation.of(last.network(), test, loss));
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Result result = train(42);
        System.out.printf(Locale.ROOT, "after %d steps (%d epochs): test accuracy %.1f%% (%d of %d)%n",
                result.state().step(), result.state().epoch(), 100 * result.test().accuracy(),
                result.test().confusion().correct(), result.test().confusion().total());
        Vector<String> names = Vector.of("setosa", "versicolor", "virginica");
        System.out.println(result.test().report(names));
        System.out.println(result.test().confusion().table(names));
    }
}
