package io.github.purenet.spark;

import io.github.purenet.cli.CliException;
import io.github.purenet.cli.Engine;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The command line's {@link Engine} on Spark, for {@link Submit}: each run's steps go to a
 * {@link SparkTrainer} of {@code min(S, defaultParallelism)} tasks. The context is made when the first
 * run starts (so that {@code --help} and a refused command line start no Spark), and stopped by
 * {@link #close()} with the trainers. After each epoch it gives a line with the mean times of the
 * epoch's steps.
 *
 * <p>The driver's side of a program: it keeps the context, the trainers and the times of the steps
 * since the last epoch, on the driver's one thread.
 */
final class SparkEngine implements Engine, AutoCloseable {

    private final SparkConf conf;
    private JavaSparkContext spark;
    private final List<SparkTrainer> trainers = new ArrayList<>();
    private final List<SparkTrainer.StepTimes> times = new ArrayList<>();
    private int tasks;

    /** @param conf the configuration of the context to make when the first run starts */
    SparkEngine(SparkConf conf) {
        this.conf = conf;
    }

    @Override
    public <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, TrainState<S> start,
            Batching batching, Loss loss, Optimizer<S> optimizer) {
        JavaSparkContext context = context();
        tasks = Math.min(start.sharding().shards(), context.defaultParallelism());
        SparkTrainer trainer = SparkTrainer.of(context, data, start.network(), tasks).withTimings(times::add);
        trainers.add(trainer);
        Function<TrainState<S>, TrainState<S>> transition = trainer.transition(batching, loss,
                UnaryOperator.identity(), optimizer);
        return state -> {
            try {
                return transition.apply(state);
            } catch (Exception e) { // Spark's SparkException is checked, and thrown without being declared
                Option<String> stopped = stopped(e);
                if (stopped.isDefined()) {
                    throw CliException.data(stopped.get(), e);
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        };
    }

    /**
     * What to tell the user when the cluster has stopped the run (a failed job, a context that the
     * master stopped); none for any other error, which the command line reports as it does.
     */
    private Option<String> stopped(Exception e) {
        boolean fromSpark = e.getClass().getName().startsWith("org.apache.spark.")
                || spark != null && spark.sc().isStopped();
        if (!fromSpark) {
            return Option.none();
        }
        String cause = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return Option.some("the Spark cluster stopped the run at " + spark.master() + ": " + cause
                + " (see the master's and the workers' logs)");
    }

    /** The context, made the first time. */
    private JavaSparkContext context() {
        if (spark == null) {
            if (!conf.contains("spark.master")) {
                throw CliException.usage("no Spark master: run this through spark-submit --master URL, or set the "
                        + "system property spark.master");
            }
            spark = new JavaSparkContext(conf);
        }
        return spark;
    }

    /** @return whether the context was made */
    boolean started() {
        return spark != null;
    }

    /**
     * The mean times of the steps since the last epoch's line: on the executors, in transfer and
     * scheduling, and on the driver.
     */
    @Override
    public Option<String> afterEpoch(long epoch) {
        if (times.isEmpty()) {
            return Option.none();
        }
        double executors = 0;
        double transfer = 0;
        double driver = 0;
        for (SparkTrainer.StepTimes t : times) {
            executors += t.executors();
            transfer += t.transfer();
            driver += t.driver();
        }
        int n = times.size();
        times.clear();
        return Option.some(String.format(Locale.ROOT, "  spark: %d task%s on %s; mean of %d steps: executors %.4f s, "
                + "transfer %.4f s, driver %.4f s", tasks, tasks == 1 ? "" : "s", spark.master(), n, executors / n,
                transfer / n, driver / n));
    }

    /** Closes the trainers and stops the context, if it was made. */
    @Override
    public void close() {
        try {
            if (spark != null && !spark.sc().isStopped()) { // a stopped context has dropped its broadcasts
                trainers.forEach(SparkTrainer::close);
            }
        } finally {
            trainers.clear();
            if (spark != null) {
                spark.stop();
                spark = null;
            }
        }
    }
}
