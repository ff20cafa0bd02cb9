package io.github.purenet.bench;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A residual network with layer normalisation, trained through the fold as users train it: each
 * invocation is one transition of {@link io.github.purenet.train.Training#transition} (select the batch, forward, softmax
 * cross-entropy, backward, SGD with learning rate 0.01, advance), and an operation is a sample.
 *
 * <p>The network: 784 inputs, a dense layer of 256 (ReLU), four pre-normalised residual blocks of
 * width 256, {@code y = x + relu(W · layerNorm(x) + b)}, and a dense softmax layer of 10 classes:
 * 468,746 trainable numbers. The data: one batch of 64 examples, inputs
 * {@code Key.of(1).uniform(64, 784, 0, 1)}, example {@code i} labelled {@code i % 10}; weights He
 * uniform from {@code Key.of(2)}'s six keys.
 *
 * <p>Forward and backward, one sample costs about {@code 6 · 465,408 = 2.8 MFLOP} in the weights of
 * its dense layers (less the input gradient of the first layer), plus the normalisations. Run it as the other
 * benchmarks (see {@link PurenetBench}): {@code java -jar examples/target/benchmarks.jar ResidualBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResidualBench {

    /** Creates the benchmark; JMH calls it. */
    public ResidualBench() {
    }

    /** The network of the class documentation. */
    static Network network() {
        Vector<Key> keys = Key.of(2).split(6);
        Vector<Layer> layers = Vector.<Layer>of(Initializers.dense(keys.get(0), Initializers.heUniform(), 784, 256,
                Activations.relu()));
        for (int b = 1; b <= 4; b++) {
            layers = layers.append(Residual.of(Sequential.of(LayerNorm.of(256),
                    Initializers.dense(keys.get(b), Initializers.heUniform(), 256, 256, Activations.relu()))));
        }
        return Network.of(Shape.of(784), layers.append(Initializers.dense(keys.get(5), Initializers.glorotUniform(),
                256, 10, Activations.softmax())));
    }

    /** The training state and the transition of {@link #residual}: the fold of {@link PurenetBench}'s workloads. */
    @State(Scope.Thread)
    public static class Run extends PurenetBench.Fold {
        /** Creates the state; JMH calls it. */
        public Run() {
        }

        /** Builds the network, the batch and the transition. */
        @Setup(Level.Trial)
        public void setUp() {
            fold(network(), PurenetBench.batch(64, 784, 10), Optimizers.sgd(PurenetBench.LEARNING_RATE));
        }
    }

    /**
     * One transition of the fold for the residual network on a batch of 64; an operation is a sample.
     *
     * @param r the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double residual(Run r) {
        return r.step();
    }
}
