package io.github.purenet.spark;

import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The problems the Spark tests train, their local reference runs, and Spark contexts for tests. */
final class Runs {

    private Runs() {
    }

    /** A problem: data, network, loss and batching. */
    record Problem(String name, Dataset data, Network network, Loss loss, Batching batching) {
    }

    static Problem xor() {
        Dataset data = new Dataset(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.of(new double[][] {{0}, {1}, {1}, {0}}));
        Network network = Initializers.network(Key.of(1), Initializers.glorotUniform(), Vector.of(2, 4, 1),
                Vector.of(Activations.tanh(), Activations.sigmoid()));
        return new Problem("xor", data, network, Losses.binaryCrossEntropy(), Batching.fullBatch());
    }

    static Problem iris() {
        Dataset data = Csv.read(Path.of("../examples/data/iris.csv"), CsvOptions.of()).dataset();
        Network network = Initializers.network(Key.of(2), Initializers.heUniform(), Vector.of(4, 16, 3),
                Vector.of(Activations.relu(), Activations.softmax()));
        return new Problem("iris", data, network, Losses.softmaxCrossEntropy(), Batching.miniBatches(32));
    }

    static Problem digits() {
        Dataset data = Csv.read(Path.of("../examples/data/digits.csv.gz"),
                CsvOptions.of().withHeader(false).withScale(1.0 / 16.0)).dataset();
        Network network = Initializers.network(Key.of(3), Initializers.heUniform(), Vector.of(64, 32, 10),
                Vector.of(Activations.relu(), Activations.softmax()));
        return new Problem("digits", data, network, Losses.softmaxCrossEntropy(), Batching.miniBatches(128));
    }

    /** The first {@code steps + 1} states of the local run with this sharding. */
    static <S> Vector<TrainState<S>> local(Problem p, Optimizer<S> optimizer, Sharding sharding, int steps) {
        TrainState<S> initial = Training.init(p.network(), optimizer, Key.of(7), p.data(), p.batching(), sharding);
        return Vector.ofAll(Training.run(initial, Training.transition(p.data(), p.batching(), p.loss(), optimizer))
                .take(steps + 1));
    }

    /** The first {@code steps + 1} states of the same run with the differentiate stage on Spark. */
    static <S> Vector<TrainState<S>> spark(JavaSparkContext spark, Problem p, Loss loss, Optimizer<S> optimizer,
            Sharding sharding, int tasks, int steps) {
        try (SparkTrainer trainer = SparkTrainer.of(spark, p.data(), p.network(), tasks)) {
            TrainState<S> initial = Training.init(p.network(), optimizer, Key.of(7), p.data(), p.batching(),
                    sharding);
            return Vector.ofAll(Training.run(initial, trainer.transition(p.batching(), loss,
                    UnaryOperator.identity(), optimizer)).take(steps + 1));
        }
    }

    /** A local context for tests: no UI, bound to the loopback address. */
    static JavaSparkContext context(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("purenet-spark-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.showConsoleProgress", "false");
        return new JavaSparkContext(conf);
    }

    /** The hashes of the states' documents: equal hashes, equal bits. */
    static Vector<String> hashes(Vector<? extends TrainState<?>> states) {
        Codec codec = Codec.standard();
        return states.map(codec::sha256);
    }
}
