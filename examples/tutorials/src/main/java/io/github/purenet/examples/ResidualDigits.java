package io.github.purenet.examples;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.Locale;

/**
 * A residual network with layer normalisation and dropout beside a plain MLP of the same depth, on
 * the 8x8 handwritten digits, from the same seed: the same split, the same weights in the dense
 * layers, the same batches. Prints each network, its number of parameters, its training loss and
 * its test accuracy, then the residual network's summary ({@link Network#summary()}).
 *
 * <pre>
 * plain MLP:  64 → six dense layers of 64 ReLUs → dense 10 softmax
 * residual:   64 → dense 64, layer norm, relu, dropout
 *                → x + (dense 64, layer norm, relu, dropout)(x)      five times
 *                → dense 10 softmax
 * </pre>
 *
 * <p>Dense layer {@code i} of both draws its weights from the {@code i}-th key of
 * {@code key.split(7)}, as {@link Initializers#network} does, so the two start from the same dense
 * weights; the residual network adds the normalisations' scales and offsets. Both train with Adam
 * (lr 0.003) on mini-batches of 32 for {@link #EPOCHS} epochs. In training, dropout draws its masks
 * from the run's key and the step ({@link Training} does it); the losses and accuracies are
 * evaluated in evaluation mode, where dropout keeps every unit ({@link Evaluation} does it).
 *
 * <p>Six hidden layers are deep enough for a plain stack of ReLUs to train worse: over the seeds 42
 * to 47 the plain MLP reaches 95.9% test accuracy on average and the residual network 97.5%, better
 * for every seed. With three hidden layers and 20 epochs the plain MLP does at least as well
 * (98.3% against 97.7%): skips and normalisation pay as networks get deeper.
 */
public final class ResidualDigits {

    /** The number of epochs. */
    static final int EPOCHS = 10;

    /** The number of hidden layers. */
    static final int DEPTH = 6;

    /** The width of the hidden layers. */
    static final int WIDTH = 64;

    /** The dropout rate of the residual network's hidden layers. */
    static final double DROPOUT = 0.1;

    private ResidualDigits() {
    }

    /** A trained network: its name, its initial and final networks, the steps, the training loss, the test evaluation. */
    record Result(String name, Network initial, Network last, long steps, double trainingLoss, Evaluation test) {
    }

    /**
     * The plain MLP: {@link #DEPTH} hidden dense layers of {@link #WIDTH} ReLUs, then softmax.
     *
     * @param key the key of the weights
     * @return the network
     */
    static Network plain(Key key) {
        return Initializers.network(key, Initializers.heUniform(), Vector.fill(DEPTH, WIDTH).prepend(64).append(10),
                Vector.<Activation>fill(DEPTH, Activations.relu()).append(Activations.softmax()));
    }

    /**
     * The residual network: a hidden block that maps the 64 pixels to {@link #WIDTH} units,
     * {@code DEPTH - 1} residual blocks {@code y = x + f(x)} of the same width, then softmax. A
     * block is a dense map without activation, layer normalisation, the ReLU and dropout.
     *
     * @param key the key of the weights
     * @return the network
     */
    static Network residual(Key key) {
        // snippet:residual
        Vector<Key> keys = key.split(DEPTH + 1);
        Vector<Layer> layers = Vector.<Layer>of(block(keys.get(0), 64))
                .appendAll(Vector.range(1, DEPTH).map(i -> Residual.of(block(keys.get(i), WIDTH))))
                .append(Initializers.dense(keys.get(DEPTH), Initializers.heUniform(), WIDTH, 10, Activations.softmax()));
        return Network.of(Shape.of(64), layers);
        // end:residual
    }

    /** Dense (no activation), layer normalisation, ReLU, dropout. */
    // snippet:block
    private static Sequential block(Key key, int inputs) {
        return Sequential.of(Initializers.dense(key, Initializers.heUniform(), inputs, WIDTH, Activations.identity()),
                LayerNorm.of(WIDTH), ActivationLayer.of(Activations.relu()), Dropout.of(DROPOUT));
    }
    // end:block

    /**
     * Trains both networks from one seed.
     *
     * @param seed the seed of the split, the weights and the batches (and dropout's masks)
     * @return the plain MLP's result, then the residual network's
     */
    static Vector<Result> compare(long seed) {
        Vector<Key> keys = Key.of(seed).split(3);
        Split split = Datasets.stratifiedSplit(ExampleData.digits(), keys.get(0), 0.2);
        return Vector.of(
                train("plain MLP", plain(keys.get(1)), split, keys.get(2), Optimizers.adam(0.003)),
                train("residual network with layer normalisation and dropout", residual(keys.get(1)), split,
                        keys.get(2), Optimizers.adam(0.003)));
    }

    private static <S> Result train(String name, Network network, Split split, Key key, Optimizer<S> optimizer) {
        Dataset train = split.train();
        Batching batching = Batching.miniBatches(32);
        Loss loss = Losses.softmaxCrossEntropy();
        long steps = (long) EPOCHS * batching.batchesPerEpoch(train.size());
        TrainState<S> last = Training.run(Training.init(network, optimizer, key, train, batching),
                Training.transition(train, batching, loss, optimizer)).get(steps);
        return new Result(name, network, last.network(), last.step(),
                Evaluation.of(last.network(), train, loss).loss(), Evaluation.of(last.network(), split.test(), loss));
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Vector<Result> results = compare(42);
        System.out.printf(Locale.ROOT, "digits 8x8, Adam lr 0.003, %d epochs of mini-batches of 32 (%d steps), "
                + "seed 42%n", EPOCHS, results.head().steps());
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%s: %s%n", r.name(), r == results.last() ? "its summary below"
                    : r.initial());
            System.out.printf(Locale.ROOT, "  %,d parameters; training loss %.4f, test accuracy %.2f%% (%d of %d)%n",
                    r.initial().parameterCount(), r.trainingLoss(), 100 * r.test().accuracy(),
                    r.test().confusion().correct(), r.test().confusion().total());
        }
        System.out.println();
        System.out.println(results.last().initial().summary());
    }
}
