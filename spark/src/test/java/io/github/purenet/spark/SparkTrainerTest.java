package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark run against the local run, state by state and bit for bit, on one shared
 * {@code local[2]} context: XOR, iris and digits with SGD and Adam; 1, 2, 4 and 8 tasks; tasks
 * that sleep; checkpoints across the two; and the bad input.
 */
class SparkTrainerTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = Runs.context("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static <S> void sameStates(Runs.Problem p, Optimizer<S> optimizer, int shards, int tasks, int steps) {
        Vector<TrainState<S>> local = Runs.local(p, optimizer, Sharding.of(shards), steps);
        Vector<TrainState<S>> cluster = Runs.spark(spark, p, p.loss(), optimizer, Sharding.of(shards), tasks, steps);
        String what = p.name() + ", " + optimizer.description().kind() + ", " + shards + " shards, " + tasks + " tasks";
        assertEquals(steps + 1, cluster.size(), what);
        assertEquals(Runs.hashes(local), Runs.hashes(cluster), what);
        assertEquals(local, cluster, what);
    }

    @Test
    void everyStateOnSparkIsTheLocalShardedRunsBitForBit() {
        for (Runs.Problem p : List.of(Runs.xor(), Runs.iris(), Runs.digits())) {
            int shards = p.name().equals("xor") ? 2 : p.name().equals("iris") ? 4 : 16;
            int steps = p.name().equals("xor") ? 200 : p.name().equals("iris") ? 100 : 50;
            sameStates(p, Optimizers.sgd(0.1), shards, 2, steps);
            sameStates(p, Optimizers.adam(0.01), shards, 2, steps);
        }
    }

    @Test
    void oneShardOnSparkIsTheUnshardedRun() {
        for (Runs.Problem p : List.of(Runs.xor(), Runs.iris(), Runs.digits())) {
            unsharded(p, Optimizers.sgd(0.1));
            unsharded(p, Optimizers.adam(0.01));
        }
    }

    private static <S> void unsharded(Runs.Problem p, Optimizer<S> optimizer) {
        Vector<TrainState<S>> local = Vector.ofAll(Training.run(
                Training.init(p.network(), optimizer, Key.of(7), p.data(), p.batching()),
                Training.transition(p.data(), p.batching(), p.loss(), optimizer)).take(51));
        assertEquals(Runs.hashes(local), Runs.hashes(Runs.spark(spark, p, p.loss(), optimizer, Sharding.NONE, 2, 50)),
                p.name() + ", " + optimizer.description().kind());
    }

    @Test
    void theNumberOfTasksChangesNoBit() {
        Runs.Problem iris = Runs.iris();
        var adam = Optimizers.adam(0.01);
        Vector<String> local = Runs.hashes(Runs.local(iris, adam, Sharding.of(8), 20));
        for (int tasks : new int[] {1, 2, 4, 8}) {
            assertEquals(local, Runs.hashes(Runs.spark(spark, iris, iris.loss(), adam, Sharding.of(8), tasks, 20)),
                    tasks + " tasks");
        }
        assertNotEquals(local, Runs.hashes(Runs.local(iris, adam, Sharding.of(4), 20)), "another sharding, other bits");
    }

    @Test
    void tasksThatFinishInAnyOrderChangeNoBit() {
        Runs.Problem iris = Runs.iris();
        var sgd = Optimizers.sgd(0.1);
        Loss sleepy = SleepyLoss.sleeping(0, 30); // each shard's pass sleeps 0 to 30 ms
        assertEquals(Runs.hashes(Runs.local(iris, sgd, Sharding.of(8), 15)),
                Runs.hashes(Runs.spark(spark, iris, sleepy, sgd, Sharding.of(8), 8, 15)));
    }

    @Test
    void aCheckpointWrittenOnSparkResumesLocallyAndTheReverse() {
        Runs.Problem digits = Runs.digits();
        var adam = Optimizers.adam(0.01);
        Sharding shards = Sharding.of(6);
        Codec codec = Codec.standard();
        Vector<? extends TrainState<?>> straight = Runs.local(digits, adam, shards, 40);
        // 20 steps on Spark, written, read, 20 more locally
        String onSpark = codec.encode(Runs.spark(spark, digits, digits.loss(), adam, shards, 3, 20).last(), adam);
        TrainState<?> resumed = Training.run(codec.decodeTrainState(onSpark, adam),
                Training.transition(digits.data(), digits.batching(), digits.loss(), adam)).get(20);
        assertEquals(codec.sha256(straight.last()), codec.sha256(resumed));
        // 20 steps locally, written, read, 20 more on Spark
        String local = codec.encode(Runs.local(digits, adam, shards, 20).last(), adam);
        try (SparkTrainer trainer = SparkTrainer.of(spark, digits.data(), digits.network(), 3)) {
            TrainState<?> onCluster = Training.run(codec.decodeTrainState(local, adam),
                    trainer.transition(digits.batching(), digits.loss(), UnaryOperator.identity(), adam)).get(20);
            assertEquals(codec.sha256(straight.last()), codec.sha256(onCluster));
        }
    }

    @Test
    void eachStepReportsItsTimes() {
        Runs.Problem iris = Runs.iris();
        var sgd = Optimizers.sgd(0.1);
        List<SparkTrainer.StepTimes> times = new ArrayList<>();
        try (SparkTrainer trainer = SparkTrainer.of(spark, iris.data(), iris.network(), 2).withTimings(times::add)) {
            Training.run(Training.init(iris.network(), sgd, Key.of(7), iris.data(), iris.batching(), Sharding.of(4)),
                    trainer.transition(iris.batching(), iris.loss(), UnaryOperator.identity(), sgd)).get(5);
        }
        assertEquals(5, times.size());
        for (int k = 0; k < 5; k++) {
            SparkTrainer.StepTimes t = times.get(k);
            assertEquals(k, t.step());
            assertTrue(t.executors() > 0 && t.transfer() >= 0 && t.driver() > 0, t.toString());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        Runs.Problem iris = Runs.iris();
        Dataset wide = new Dataset(Matrix.of(10, 5, (i, j) -> i), Matrix.of(10, 3, (i, j) -> j == 0 ? 1 : 0));
        long before = spark.broadcast(0).id();
        IllegalArgumentException unfit = assertThrows(IllegalArgumentException.class,
                () -> SparkTrainer.of(spark, wide, iris.network(), 2));
        assertEquals(before + 1, spark.broadcast(0).id(), "nothing was broadcast");
        assertTrue(unfit.getMessage().startsWith("SparkTrainer: data with features 10x5 and targets 10x3 do not fit "
                + "network"), unfit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkTrainer.of(spark, iris.data(), iris.network(), 0));
        var sgd = Optimizers.sgd(0.1);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Training.init(
                iris.network(), sgd, Key.of(7), iris.data(), Batching.miniBatches(8), Sharding.of(16)));
        assertEquals("init: 16 shards for batches of 8 rows: a sharding cannot have more shards than a batch has rows",
                tooMany.getMessage());
        Loss own = new Loss() {
            @Override
            public String name() {
                return "own";
            }

            @Override
            public double value(Matrix prediction, Matrix target) {
                return 0;
            }

            @Override
            public Matrix gradient(Matrix prediction, Matrix target) {
                return prediction;
            }
        };
        try (SparkTrainer trainer = SparkTrainer.of(spark, iris.data(), iris.network(), 2)) {
            Network wider = Initializers.network(Key.of(2), Initializers.heUniform(), Vector.of(4, 17, 3),
                    Vector.of(Activations.relu(), Activations.softmax()));
            var other = Training.init(wider, sgd, Key.of(7), iris.data(), iris.batching(), Sharding.of(4));
            var step = trainer.transition(iris.batching(), iris.loss(), UnaryOperator.identity(), sgd);
            IllegalArgumentException unlike = assertThrows(IllegalArgumentException.class, () -> step.apply(other));
            assertTrue(unlike.getMessage().contains("is not shaped as the network the trainer was made for"),
                    unlike.getMessage());
            IllegalArgumentException notSerializable = assertThrows(IllegalArgumentException.class,
                    () -> trainer.differentiate(iris.batching(), own));
            assertTrue(notSerializable.getMessage().contains("is not Serializable"), notSerializable.getMessage());
        }
    }
}
