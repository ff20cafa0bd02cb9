package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
// snippet:imports
import io.github.purenet.spark.SparkTrainer;
import io.github.purenet.train.Run;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
// end:imports
import org.junit.jupiter.api.Test;

/** docs/spark.md's library example: digits on Spark, 16 shards, the bits of the local run. */
class SparkDocTest {

    @Test
    void theDocumentedRunOnSparkEndsWhereTheLocalRunEnds() {
        Runs.Problem digits = Runs.digits();
        Dataset data = digits.data();
        Network network = digits.network();
        Loss loss = digits.loss();
        Batching batching = Batching.miniBatches(256);
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(0.01);
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("digits")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        TrainState<Chain<Moments, Count>> last;

        // snippet:train
        try (JavaSparkContext spark = new JavaSparkContext(conf);
                SparkTrainer trainer = SparkTrainer.of(spark, data, network, 4)) {  // the data go out once
            TrainState<Chain<Moments, Count>> initial =
                    Training.init(network, adam, Key.of(42), data, batching, Sharding.of(16));
            Run<Chain<Moments, Count>> run = Training.run(initial,
                    trainer.transition(batching, loss, UnaryOperator.identity(), adam));
            last = run.get(100);   // 100 steps, each batch's 16 shards in 4 Spark tasks
        }
        // last equals, bit for bit, the state after 100 steps of the same run on one machine:
        // Training.run(initial, Training.transition(data, batching, loss, adam)).get(100)
        // end:train

        TrainState<Chain<Moments, Count>> local = Training.run(
                Training.init(network, adam, Key.of(42), data, batching, Sharding.of(16)),
                Training.transition(data, batching, loss, adam)).get(100);
        assertEquals(Runs.hashes(io.vavr.collection.Vector.of(local)), Runs.hashes(io.vavr.collection.Vector.of(last)));
    }
}
