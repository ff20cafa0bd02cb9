package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Trains the same 64-32-10 network (tanh, softmax) on the 8x8 handwritten digits with each named
 * optimizer, from the same seed: the same initial weights, the same split and the same batches.
 * Prints a table of the final training loss and the test accuracy.
 *
 * <p>80/20 stratified split, mini-batches of 32, 10 epochs (450 steps). A fair comparison needs
 * each optimizer at a learning rate that suits it (Choi et al., "On Empirical Comparisons of
 * Optimizers for Deep Learning", 2019): each is trained at every rate of the grid
 * {@link #LEARNING_RATES}, and the table shows the rate with the lowest final training loss. The
 * test accuracy is never used to choose. The runs are independent pure functions, so they run in
 * parallel and the table is the same whatever the number of threads.
 */
public final class CompareOptimizers {

    /** The number of epochs. */
    static final int EPOCHS = 10;

    /** The grid of learning rates each optimizer is tried at. */
    static final Vector<Double> LEARNING_RATES = Vector.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);

    private CompareOptimizers() {
    }

    /** The final training loss and test accuracy of one optimizer at one learning rate. */
    record Result(String optimizer, double learningRate, long steps, double trainingLoss, double testAccuracy) {
    }

    /** @return the named optimizers as functions of their learning rate, in the order of the table */
    static Map<String, DoubleFunction<Optimizer<?>>> optimizers() {
        return LinkedHashMap.of(
                "sgd", Optimizers::sgd,
                "momentum", Optimizers::momentum,
                "nesterov", Optimizers::nesterov,
                "adagrad", Optimizers::adagrad,
                "rmsprop", Optimizers::rmsprop,
                "adam", Optimizers::adam,
                "adamw", Optimizers::adamw);
    }

    /**
     * Trains some optimizers at every learning rate of the grid, from one seed.
     *
     * @param seed the seed of the split, the weights and the batches
     * @param names which optimizers of {@link #optimizers()}
     * @return for each optimizer, its result at the learning rate with the lowest training loss
     */
    static Vector<Result> compare(long seed, Seq<String> names) {
        Vector<Key> keys = Key.of(seed).split(3);
        Split split = Datasets.stratifiedSplit(ExampleData.digits(), keys.get(0), 0.2);
        Network network = Initializers.network(keys.get(1), Initializers.glorotUniform(), Vector.of(64, 32, 10),
                Vector.of(Activations.tanh(), Activations.softmax()));
        List<Tuple2<String, Double>> runs = names.flatMap(name -> LEARNING_RATES.map(lr -> Tuple.of(name, lr)))
                .toJavaList();
        Vector<Result> results = Vector.ofAll(runs.parallelStream()
                .map(run -> train(run._1, run._2, optimizers().get(run._1).get().apply(run._2), network, split, keys.get(2)))
                .toList());
        return Vector.ofAll(names).map(name -> results.filter(r -> r.optimizer().equals(name))
                .minBy(Result::trainingLoss).get());
    }

    private static <S> Result train(String name, double learningRate, Optimizer<S> optimizer, Network network,
            Split split, Key key) {
        Dataset train = split.train();
        Batching batching = Batching.miniBatches(32);
        Loss loss = Losses.softmaxCrossEntropy();
        long steps = (long) EPOCHS * batching.batchesPerEpoch(train.size());
        TrainState<S> last = Training.run(Training.init(network, optimizer, key, train, batching),
                Training.transition(train, batching, loss, optimizer)).get(steps);
        return new Result(name, learningRate, last.step(), Evaluation.of(last.network(), train, loss).loss(),
                Evaluation.of(last.network(), split.test(), loss).accuracy());
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Vector<Result> results = compare(42, optimizers().keySet().toVector());
        System.out.printf(Locale.ROOT, "digits 8x8, 64-32-10, %d epochs of mini-batches of 32 (%d steps), seed 42;%n",
                EPOCHS, results.head().steps());
        System.out.println("each optimizer at its best learning rate of " + LEARNING_RATES.mkString(", ")
                + " by training loss");
        System.out.printf(Locale.ROOT, "%-10s %14s %14s %14s%n", "optimizer", "learning rate", "training loss",
                "test accuracy");
        results.forEach(r -> System.out.printf(Locale.ROOT, "%-10s %14s %14.4f %13.1f%%%n",
                r.optimizer(), r.learningRate(), r.trainingLoss(), 100 * r.testAccuracy()));
    }
}
