package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.optim.Optimizers;
import io.github.purenet.train.Sharding;
import io.vavr.collection.Vector;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * The same bits with one thread ({@code local[1]}) and two, and with a task that fails on its first
 * attempt and is run again ({@code local[2,3]}: up to three attempts). One context at a time, as
 * Spark allows in a JVM.
 */
class ContextsTest {

    @Test
    void oneThreadTwoThreadsAndARetriedTaskGiveTheLocalBits() {
        Runs.Problem iris = Runs.iris();
        var adam = Optimizers.adam(0.01);
        Vector<String> local = Runs.hashes(Runs.local(iris, adam, Sharding.of(8), 20));
        for (String master : new String[] {"local[1]", "local[2]"}) {
            JavaSparkContext spark = Runs.context(master);
            try {
                assertEquals(local, Runs.hashes(Runs.spark(spark, iris, iris.loss(), adam, Sharding.of(8), 4, 20)),
                        master);
            } finally {
                spark.stop();
            }
        }
        JavaSparkContext retrying = Runs.context("local[2,3]");
        try {
            assertEquals(local, Runs.hashes(Runs.spark(retrying, iris, SleepyLoss.failing(1), adam,
                    Sharding.of(8), 4, 20)), "a task of partition 1 fails once each step and is run again");
        } finally {
            retrying.stop();
        }
    }
}
