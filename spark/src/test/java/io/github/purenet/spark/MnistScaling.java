package io.github.purenet.spark;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.io.Idx;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.Run;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The measurement of docs/spark.md: steps per second of MNIST 784-128-10 (SGD) with batches of
 * 128, 1,024 and 8,192 rows, unsharded, sharded in 16 on this machine's threads, and sharded in 16
 * on Spark ({@code local[2]}, 2 tasks), with the time of each phase of the Spark steps. Not a test:
 * run it with {@code MnistScaling MNIST-DIR [MASTER]} on the module's test class path (see
 * docs/spark.md).
 */
public final class MnistScaling {

    private MnistScaling() {
    }

    /**
     * @param args the directory of MNIST's four IDX files, and optionally a master ({@code local[2]})
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String master = args.length > 1 ? args[1] : "local[2]";
        Dataset train = Idx.read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"))
                .dataset();
        Network network = Initializers.network(Key.of(1), Initializers.heUniform(), Vector.of(784, 128, 10),
                Vector.of(Activations.relu(), Activations.softmax()));
        Optimizer<Count> sgd = Optimizers.sgd(0.05);
        JavaSparkContext spark = Runs.context(master);
        try {
            System.out.println("batch, run, steps/s, executors s/step, transfer s/step, driver s/step");
            for (int batch : new int[] {128, 1024, 8192}) {
                Batching batching = Batching.miniBatches(batch);
                int steps = batch == 8192 ? 14 : batch == 1024 ? 60 : 300;
                int warmUp = steps / 3;
                for (int shards : new int[] {1, 16}) {
                    TrainState<Count> initial = Training.init(network, sgd, Key.of(2), train, batching,
                            Sharding.of(shards));
                    double rate = rate(Training.run(initial, Training.transition(train, batching,
                            Losses.softmaxCrossEntropy(), sgd)), warmUp, steps);
                    System.out.printf("%d, local %s, %.2f%n", batch, shards == 1 ? "unsharded" : "S=16", rate);
                }
                List<SparkTrainer.StepTimes> times = new ArrayList<>();
                try (SparkTrainer trainer = SparkTrainer.of(spark, train, network, 2).withTimings(times::add)) {
                    TrainState<Count> initial = Training.init(network, sgd, Key.of(2), train, batching,
                            Sharding.of(16));
                    Function<TrainState<Count>, TrainState<Count>> transition = trainer.transition(batching,
                            Losses.softmaxCrossEntropy(), UnaryOperator.identity(), sgd);
                    double rate = rate(Training.run(initial, transition), warmUp, steps);
                    List<SparkTrainer.StepTimes> measured = times.subList(warmUp, times.size());
                    System.out.printf("%d, spark %s S=16 2 tasks, %.2f, %.4f, %.4f, %.4f%n", batch, master, rate,
                            mean(measured, SparkTrainer.StepTimes::executors),
                            mean(measured, SparkTrainer.StepTimes::transfer),
                            mean(measured, SparkTrainer.StepTimes::driver));
                }
            }
        } finally {
            spark.stop();
        }
    }

    /** Steps per second after {@code warmUp} steps, over the rest up to {@code steps}. */
    private static double rate(Run<Count> run, int warmUp, int steps) {
        long[] start = new long[1];
        run.take(steps + 1).forEach(s -> {
            if (s.step() == warmUp) {
                start[0] = System.nanoTime();
            }
        });
        return (steps - warmUp) / ((System.nanoTime() - start[0]) / 1e9);
    }

    private static double mean(List<SparkTrainer.StepTimes> times,
            java.util.function.ToDoubleFunction<SparkTrainer.StepTimes> f) {
        return times.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
