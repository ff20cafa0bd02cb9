package io.github.purenet.spark;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.random.Key;
import io.github.purenet.train.Selected;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.Step;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Training's {@code differentiate} stage on Apache Spark: each step's shards (see {@link Sharding})
 * run as Spark tasks, and the step has the bits of the same step computed on one machine with the
 * same sharding ({@link Training#differentiate}), whatever the number of tasks, executors, retries
 * or the order in which tasks finish.
 *
 * <p>How a step runs. The training data and the network's structure go to the executors once, when
 * the trainer is made (a broadcast); each step broadcasts the parameters (and the network's
 * non-trainable state), the rows of the batch and the loss, and runs one job of {@code tasks}
 * tasks. Task {@code k} holds the shards {@code [k S / T, (k + 1) S / T)}: it builds each shard's
 * rows from the data it holds, computes the shard's partial ({@link Sharding#partial}) and adds its
 * shards up in the sharding's tree as far as they reach ({@link Sharding#nodes}). The driver
 * collects the tasks' sums (never with Spark's {@code reduce}, {@code fold} or
 * {@code treeAggregate}, which add in the order tasks finish) and finishes the tree
 * ({@link Sharding#combine}); the update and the rest of the step run on the driver, as Training's
 * stages.
 *
 * <p>The loss is sent to the executors: a built-in loss by its name, a loss of your own with Java
 * serialization, so it must implement {@link Serializable}, as must a {@link CodecFactory} that
 * knows layers of your own.
 *
 * <p>A trainer holds the broadcast data until {@link #close()}.
 */
public final class SparkTrainer implements AutoCloseable {

    private final JavaSparkContext spark;
    private final Broadcast<Shared> shared;
    private final int tasks;
    private final Consumer<StepTimes> timings;

    private SparkTrainer(JavaSparkContext spark, Broadcast<Shared> shared, int tasks,
            Consumer<StepTimes> timings) {
        this.spark = spark;
        this.shared = shared;
        this.tasks = tasks;
        this.timings = timings;
    }

    /**
     * Makes a codec on an executor, for a network with layers or activations of your own: such as
     * {@code () -> Codec.standard().withLayer(new MyLayer(...))}.
     */
    @FunctionalInterface
    public interface CodecFactory extends Serializable {
        /** @return the codec that reads the network's document */
        Codec codec();
    }

    /**
     * The time of one step of {@link #transition}, in seconds: on the executors (the longest task's
     * computation), in transfer and scheduling (the job's time beyond that), and on the driver (the
     * tree, the update and the rest of the step).
     *
     * @param step the step of the state the step started from
     * @param executors the longest task's computation
     * @param transfer the job's time beyond the longest task's computation
     * @param driver the step's time beyond the job
     */
    public record StepTimes(long step, double executors, double transfer, double driver) {
    }

    /**
     * A trainer for a network of built-in layers.
     *
     * @param spark the Spark context
     * @param data the training data, sent to the executors once
     * @param network the network to train (its structure; the parameters go with each step)
     * @param tasks the number of Spark tasks of a step, at least 1 (at most the number of shards are used)
     * @return the trainer
     * @throws IllegalArgumentException if the data do not fit the network or {@code tasks < 1}
     */
    public static SparkTrainer of(JavaSparkContext spark, Dataset data, Network network, int tasks) {
        return of(spark, data, network, tasks, Codec::standard);
    }

    /**
     * A trainer for a network whose layers a codec of your own reads.
     *
     * @param spark the Spark context
     * @param data the training data, sent to the executors once
     * @param network the network to train
     * @param tasks the number of Spark tasks of a step, at least 1
     * @param codec makes, on each executor, the codec that reads the network
     * @return the trainer
     * @throws IllegalArgumentException if the data do not fit the network or {@code tasks < 1}
     */
    public static SparkTrainer of(JavaSparkContext spark, Dataset data, Network network, int tasks,
            CodecFactory codec) {
        Objects.requireNonNull(spark, "spark is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(codec, "codec is null");
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks: expected at least 1 task, got " + tasks);
        }
        Training.requireFits("SparkTrainer", network, data);
        Shared value = Shared.of(data, codec.codec().encode(network), codec);
        return new SparkTrainer(spark, spark.broadcast(value), tasks, times -> { });
    }

    /**
     * This trainer, reporting the time of each step.
     *
     * @param timings called on the driver after each step of {@link #transition} with its times
     * @return the trainer, sharing this one's broadcast data (close either once)
     */
    public SparkTrainer withTimings(Consumer<StepTimes> timings) {
        return new SparkTrainer(spark, shared, tasks, Objects.requireNonNull(timings, "timings is null"));
    }

    /**
     * The whole transition of one step, as {@link Training#transition} makes it, with the
     * differentiate stage on the cluster.
     *
     * @param <S> the type of the optimizer's state
     * @param batching how the data is cut into batches
     * @param loss a built-in loss, or a serializable one
     * @param stage a pure function of the step, such as {@code step -> step.mapGradients(clip)}
     * @param optimizer the optimizer
     * @return the transition
     */
    public <S> Function<TrainState<S>, TrainState<S>> transition(Batching batching, Loss loss,
            UnaryOperator<Step<S>> stage, Optimizer<S> optimizer) {
        long[] job = new long[2]; // the step under way: its job's time and its longest task's; the driver's thread alone
        Function<TrainState<S>, TrainState<S>> transition = Training.transition(shared.value().data(), batching,
                differentiate(batching, loss, (jobNanos, slowest) -> {
                    job[0] = jobNanos;
                    job[1] = slowest;
                }), stage, optimizer);
        return state -> {
            long start = System.nanoTime();
            TrainState<S> next = transition.apply(state);
            timings.accept(new StepTimes(state.step(), job[1] / 1e9, (job[0] - job[1]) / 1e9,
                    (System.nanoTime() - start - job[0]) / 1e9));
            return next;
        };
    }

    /**
     * The differentiate stage: the loss and gradients of the selected batch, computed by the
     * cluster, with the bits of {@link Training#differentiate} for the state's sharding.
     *
     * @param <S> the type of the optimizer's state
     * @param batching the run's batching, which gives the rows of the selected batch
     * @param loss a built-in loss, or a serializable one
     * @return the stage
     * @throws IllegalArgumentException if the loss is neither
     */
    public <S> Function<Selected<S>, Step<S>> differentiate(Batching batching, Loss loss) {
        return differentiate(batching, loss, (job, slowest) -> { });
    }

    private <S> Function<Selected<S>, Step<S>> differentiate(Batching batching, Loss loss, JobTimes times) {
        Objects.requireNonNull(batching, "batching is null");
        Objects.requireNonNull(loss, "loss is null");
        Tasks.SentLoss sent = Tasks.SentLoss.of(loss);
        return selected -> {
            TrainState<S> s = selected.state();
            Network network = s.network();
            Network made = shared.value().network();
            if (!network.hasStructureOf(made)) {
                throw new IllegalArgumentException("SparkTrainer: the state's network " + network
                        + " is not shaped as the network the trainer was made for, " + made);
            }
            Sharding sharding = s.sharding();
            int[] rows = batching.rows(s.order(), s.batch()).toJavaStream().mapToInt(Integer::intValue).toArray();
            Mode mode = Training.mode(s);
            Key key = mode instanceof Mode.Training t ? t.key() : null;
            Tasks.StepInput input = new Tasks.StepInput(Tasks.arrays(network.parameters()), Tasks.arrays(network.state()), rows,
                    sharding.shards(), key != null, key == null ? 0 : key.state(), key == null ? 0 : key.gamma(), sent);
            int jobs = Math.min(tasks, sharding.shards());
            Sharding byTask = Sharding.of(jobs); // task k holds the shards [k S / T, (k + 1) S / T), as a shard its rows
            List<int[]> ranges = new ArrayList<>();
            for (int k = 0; k < jobs; k++) {
                ranges.add(new int[] {byTask.from(k, sharding.shards()), byTask.from(k + 1, sharding.shards())});
            }
            Broadcast<Shared> data = shared;
            Broadcast<Tasks.StepInput> step = spark.broadcast(input);
            long start = System.nanoTime();
            List<Tasks.Result> results;
            try {
                results = spark.parallelize(ranges, jobs).map(range -> Tasks.compute(data.value(), step.value(), range))
                        .collect(); // in partition order; the tree below does not depend on it
            } finally {
                step.destroy();
            }
            long job = System.nanoTime() - start;
            Map<Sharding.Node, Option<LossAndGradients>> sums = HashMap.empty();
            long slowest = 0;
            for (Tasks.Result result : results) {
                for (Tasks.Part part : result.parts()) {
                    sums = sums.put(new Sharding.Node(part.from(), part.to()), part.value(made.parameterPaths()));
                }
                slowest = Math.max(slowest, result.nanos());
            }
            times.accept(job, slowest);
            LossAndGradients sum = sharding.combine(sums, Sharding::plus)
                    .getOrElseThrow(() -> new IllegalArgumentException("SparkTrainer: an empty batch"));
            return new Step<>(s, selected.batch(), sum.loss(), sum.gradients(), sum.state());
        };
    }

    /** Receives a job's time and its longest task's computation, in nanoseconds. */
    @FunctionalInterface
    private interface JobTimes {
        void accept(long job, long slowest);
    }

    /** Destroys the broadcast data on the driver and the executors. */
    @Override
    public void close() {
        shared.destroy();
    }
}
