package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.cli.CliException;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.Training;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** A run that the cluster stops ends with the command line's one-line error, not a stack trace. */
class EngineFailureTest {

    @Test
    void aJobThatFailsBecomesTheCommandLinesErrorNamingTheCause() {
        Runs.Problem iris = Runs.iris();
        var sgd = Optimizers.sgd(0.1);
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("failing")  // one attempt per task
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (SparkEngine engine = new SparkEngine(conf)) {
            var start = Training.init(iris.network(), sgd, Key.of(7), iris.data(), iris.batching(), Sharding.of(4));
            var transition = engine.transition(iris.data(), start, iris.batching(), SleepyLoss.failing(1), sgd);
            CliException e = assertThrows(CliException.class, () -> transition.apply(start));
            assertEquals(CliException.DATA, e.exitCode());
            assertTrue(e.getMessage().startsWith("the Spark cluster stopped the run at local[2]: Job aborted due to "
                    + "stage failure"), e.getMessage());
            assertTrue(e.getMessage().contains("a failure on the first attempt of partition 1"), e.getMessage());
        }
    }
}
