package io.github.purenet.bench;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps and a matrix product with purenet, the figures that {@link HandWrittenBench}
 * measures for code written by hand.
 *
 * <p>Every benchmark runs in throughput mode and reports operations per second. A training
 * benchmark trains as users train: it keeps the fold's {@link TrainState} in a {@link State} and
 * replaces it on every invocation with the next state of {@link Training#transition} (select the
 * batch, forward, softmax cross-entropy, backward, the optimizer's step, advance), over a dataset
 * of one batch, so that every step is an epoch with its own order of the rows; SGD with learning
 * rate 0.01, or Adam with 0.001 for {@link #smallAdam}. It returns the step's loss to JMH's
 * blackhole. {@link #tinyFunctions} takes {@code tiny}'s step through
 * {@link Backprop#lossAndGradients} and {@link Backprop#step} alone, outside the fold.
 *
 * <table>
 *   <caption>The workloads</caption>
 *   <tr><th>benchmark</th><th>work of one invocation</th><th>one operation</th></tr>
 *   <tr><td>{@code tiny}</td><td>seed 001's 2-3-3 ReLU/softmax network, one step on
 *       {@code x = [2, 3]}, {@code y = [1, 0, 0]}</td><td>a step</td></tr>
 *   <tr><td>{@code small}</td><td>784-128-10 (ReLU, softmax), one step on a batch of 64</td>
 *       <td>a sample (64 per invocation)</td></tr>
 *   <tr><td>{@code big}</td><td>784-1024-1024-10 (ReLU, ReLU, softmax), one step on a batch of
 *       256</td><td>a sample (256 per invocation)</td></tr>
 *   <tr><td>{@code matmul}</td><td>{@code a.times(b)} for two {@code n x n} matrices,
 *       {@code n} = 256 and 1024</td><td>a product</td></tr>
 * </table>
 *
 * <p>Inputs are {@code Key.of(1).uniform(batch, 784, 0, 1)}; the label of example {@code i} is
 * {@code i % 10}, one-hot; weights are He uniform from {@code Key.of(2)}, biases zero.
 *
 * <h2>Converting to GFLOP/s</h2>
 * A dense layer of {@code in x out} weights costs {@code 2·in·out} flops per sample forward,
 * {@code 2·in·out} for its weight gradient and {@code 2·in·out} for the gradient of its input: the
 * usual "6 flops per weight per sample". For {@code big}, with
 * {@code P = 784·1024 + 1024·1024 + 1024·10 = 1,861,632} weights, that is
 * {@code 6·P = 11,169,792} flops per sample; backpropagation skips the gradient of the network's
 * input ({@code 2·784·1024}), so the flops actually done are
 * {@code 6·P - 1,605,632 = 9,564,160} per sample (the SGD update adds {@code 2·P/256 ≈ 14,544}
 * more, and biases and activations a few thousand). Hence
 * <pre>
 * big:    GFLOP/s = samples/s × 9,564,160 / 1e9      (or × 11,169,792 by the 6·P rule)
 * small:  GFLOP/s = samples/s × 409,088 / 1e9        (6·P = 609,792 with P = 101,632)
 * matmul: GFLOP/s = ops/s × 2n³ / 1e9
 * </pre>
 * {@link Report} prints GFLOP/s by the 6·P rule (11,169,792 flops per sample for {@code big},
 * 609,792 for {@code small}), the usual convention.
 *
 * <h2>Running</h2>
 * From the project's root, the one command that builds the jar, runs both classes with the
 * allocation profiler and writes JMH's JSON results (about four minutes):
 * <pre>
 * mvn -q -B -pl examples/benchmarks -am package -DskipTests &amp;&amp; java -jar examples/target/benchmarks.jar \
 *     -prof gc -rf json -rff examples/target/jmh-result.json 'PurenetBench|HandWrittenBench'
 * </pre>
 * then the table of library against baseline:
 * <pre>
 * java -cp examples/target/benchmarks.jar io.github.purenet.bench.Report examples/target/jmh-result.json
 * </pre>
 * JMH's usual options pick and shorten a run: {@code 'PurenetBench.small|HandWrittenBench.small'}
 * runs one workload, {@code -p n=256} one size of the product, and
 * {@code -f 1 -wi 1 -i 1 -w 1 -r 1} makes a smoke run of a few seconds per benchmark.
 *
 * <h2>Cold start</h2>
 * JMH's figures are those of a warm JVM: its warm-up iterations absorb the JIT's compilations.
 * {@link ColdStart} measures what a fresh JVM does in its first seconds: it starts JVMs of its own
 * (with the vector module, as these forks), builds {@link Big} and {@link Small} as these
 * benchmarks do, trains each through the fold for 10 s and prints the samples per second of each
 * second and their mean, three runs each (about 70 seconds):
 * <pre>
 * java -cp examples/target/benchmarks.jar io.github.purenet.bench.ColdStart [--runs N] [--seconds S] [-JOPTION]... [big] [small]
 * </pre>
 * Hold the means against this class's steady figures of the same jar, such as
 * {@code java -jar examples/target/benchmarks.jar 'PurenetBench.(big|small)$'}.
 *
 * <h2>Threads</h2>
 * The baseline runs on one thread; purenet may split a large product across the common fork-join
 * pool (with the same bits), and then uses every core for {@code big} and {@code matmul}. To
 * compare one thread with one thread, add
 * {@code -jvmArgsAppend -Djava.util.concurrent.ForkJoinPool.common.parallelism=0}, which (measured
 * on JDK 17) leaves the pool without workers, so that the calling thread runs every task. Other
 * processes on the machine disturb the figures; run on an idle machine.
 *
 * <h2>Vector API</h2>
 * The forked JVMs run with {@code --add-modules jdk.incubator.vector}, so the products take
 * purenet's vector kernels (the same bits as the plain ones; see docs/performance.md). To
 * measure the plain kernels instead, replace that option with any other, such as
 * {@code -jvmArgsPrepend -Dplain=true} (purenet reads no such property; the JVM then simply lacks
 * the module).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PurenetBench {

    /** The learning rate of every training benchmark. */
    static final double LEARNING_RATE = 0.01;

    private static final FusedLoss LOSS = Losses.softmaxCrossEntropy();

    /** Creates the benchmark; JMH calls it. */
    public PurenetBench() {
    }

    /**
     * The synthetic batch of the benchmarks: inputs {@code Key.of(1).uniform(rows, inputs, 0, 1)},
     * example {@code i} labelled {@code i % 10}, one-hot.
     *
     * @param rows the number of examples
     * @param inputs the number of inputs of an example
     * @param classes the number of classes, the columns of the targets
     * @return the batch
     */
    static Dataset batch(int rows, int inputs, int classes) {
        return new Dataset(Key.of(1).uniform(rows, inputs, 0.0, 1.0).value(),
                Matrix.of(rows, classes, (i, j) -> j == i % 10 ? 1.0 : 0.0));
    }

    /**
     * A network with ReLU hidden layers and a softmax output, its data (one batch, so that every
     * step is a new epoch with a new order of the batch's rows, as a user's run of one batch per
     * epoch), the fold's state and its transition: synthetic data from {@link #build}, or seed
     * 001's example in {@link Tiny}.
     */
    abstract static class Fold {
        /** The state after the steps taken so far. */
        TrainState<?> state;
        /** One step of the fold, {@link Training#transition}. */
        Function<TrainState<?>, TrainState<?>> transition;

        /**
         * Builds the network of the given sizes, a batch for it (inputs uniform in [0, 1), example
         * {@code i} labelled {@code i % 10}) and the fold.
         *
         * @param optimizer the optimizer
         * @param batch the number of examples
         * @param sizes the number of inputs, then the outputs of each layer
         */
        void build(Optimizer<?> optimizer, int batch, Integer... sizes) {
            Vector<Integer> n = Vector.of(sizes);
            Vector<Activation> f = Vector.fill(n.size() - 2, Activations::relu).append(Activations.softmax());
            Network network = Initializers.network(Key.of(2), Initializers.heUniform(), n, f);
            fold(network, batch(batch, n.head(), n.last()), optimizer);
        }

        /** The fold of a network on one batch of data. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void fold(Network network, Dataset data, Optimizer<?> optimizer) {
            Batching batching = Batching.miniBatches(data.size());
            state = Training.init(network, (Optimizer) optimizer, Key.of(3), data, batching);
            Function f = Training.transition(data, batching, LOSS, (Optimizer) optimizer);
            transition = f;
        }

        /** One step of the fold; it keeps the new state and returns the loss of the step. */
        double step() {
            state = transition.apply(state);
            return state.lossOrNaN();
        }
    }

    /**
     * The state of {@link #tiny}: seed 001's 2-3-3 network and its one example, {@code [2, 3]}, with
     * the one-hot target {@code [1, 0, 0]}, trained with SGD.
     */
    @State(Scope.Thread)
    public static class Tiny extends Fold {
        /** Creates the state; JMH calls it. */
        public Tiny() {
        }

        /** Builds seed 001's network, example and fold. */
        @Setup(Level.Trial)
        public void setUp() {
            fold(seed001(), new Dataset(Matrix.row(2.0, 3.0), Matrix.row(1.0, 0.0, 0.0)),
                    Optimizers.sgd(LEARNING_RATE));
        }
    }

    /** Seed 001's 2-3-3 network. */
    static Network seed001() {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
    }

    /** The state of {@link #tinyFunctions}: seed 001's network and example, outside the fold. */
    @State(Scope.Thread)
    public static class TinyFunctions {
        /** The network after the steps taken so far. */
        Network network;
        /** The example's input. */
        final Matrix inputs = Matrix.row(2.0, 3.0);
        /** The example's one-hot target. */
        final Matrix targets = Matrix.row(1.0, 0.0, 0.0);

        /** Creates the state; JMH calls it. */
        public TinyFunctions() {
        }

        /** Builds seed 001's network. */
        @Setup(Level.Trial)
        public void setUp() {
            network = seed001();
        }
    }

    /** The state of {@link #small}: 784-128-10, a batch of 64, SGD. */
    @State(Scope.Thread)
    public static class Small extends Fold {
        /** Creates the state; JMH calls it. */
        public Small() {
        }

        /** Builds the network, the batch and the fold. */
        @Setup(Level.Trial)
        public void setUp() {
            build(Optimizers.sgd(LEARNING_RATE), 64, 784, 128, 10);
        }
    }

    /** The state of {@link #smallAdam}: 784-128-10, a batch of 64, Adam. */
    @State(Scope.Thread)
    public static class SmallAdam extends Fold {
        /** Creates the state; JMH calls it. */
        public SmallAdam() {
        }

        /** Builds the network, the batch and the fold. */
        @Setup(Level.Trial)
        public void setUp() {
            build(Optimizers.adam(0.001), 64, 784, 128, 10);
        }
    }

    /** The state of {@link #big}: 784-1024-1024-10, a batch of 256, SGD. */
    @State(Scope.Thread)
    public static class Big extends Fold {
        /** Creates the state; JMH calls it. */
        public Big() {
        }

        /** Builds the network, the batch and the fold. */
        @Setup(Level.Trial)
        public void setUp() {
            build(Optimizers.sgd(LEARNING_RATE), 256, 784, 1024, 1024, 10);
        }
    }

    /** The state of {@link #matmul}: two {@code n x n} matrices, uniform in [-1, 1). */
    @State(Scope.Thread)
    public static class Product {
        /** The size of the square matrices. */
        @Param({"256", "1024"})
        int n;
        /** The left factor. */
        Matrix a;
        /** The right factor. */
        Matrix b;

        /** Creates the state; JMH calls it. */
        public Product() {
        }

        /** Draws the two factors. */
        @Setup(Level.Trial)
        public void setUp() {
            Tuple2<Key, Key> keys = Key.of(3).split();
            a = keys._1.uniform(n, n, -1.0, 1.0).value();
            b = keys._2.uniform(n, n, -1.0, 1.0).value();
        }
    }

    /**
     * One training step of seed 001's 2-3-3 network on its one example, through the fold.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    public double tiny(Tiny s) {
        return s.step();
    }

    /**
     * One step of seed 001's 2-3-3 network through the pure functions alone,
     * {@link Backprop#lossAndGradients} then {@link Backprop#step}, without the fold's state,
     * batch selection and optimizer: what the fold adds is {@code tiny} less this.
     *
     * @param s the state
     * @return the loss before the step
     */
    @Benchmark
    public double tinyFunctions(TinyFunctions s) {
        LossAndGradients lg = Backprop.lossAndGradients(s.network, s.inputs, s.targets, LOSS);
        s.network = Backprop.step(s.network, lg.gradients(), LEARNING_RATE);
        return lg.loss();
    }

    /**
     * One training step of 784-128-10 on a batch of 64 through the fold, SGD; an operation is a
     * sample.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double small(Small s) {
        return s.step();
    }

    /**
     * One training step of 784-128-10 on a batch of 64 through the fold, Adam (learning rate 0.001);
     * an operation is a sample.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double smallAdam(SmallAdam s) {
        return s.step();
    }

    /**
     * One training step of 784-1024-1024-10 on a batch of 256 through the fold, SGD; an operation
     * is a sample.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(256)
    public double big(Big s) {
        return s.step();
    }

    /**
     * The product of two {@code n x n} matrices.
     *
     * @param s the state
     * @return the product
     */
    @Benchmark
    public Matrix matmul(Product s) {
        return s.a.times(s.b);
    }
}
