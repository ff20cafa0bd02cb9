package io.github.purenet.bench;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
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
 * Convolutional networks trained through the fold as users train them: each invocation is one
 * transition of {@link io.github.purenet.train.Training#transition} on a batch of 64 images
 * {@code 28x28x1} (inputs {@code Key.of(1).uniform(64, 784, 0, 1)}, example {@code i} labelled
 * {@code i % 10}), SGD with learning rate 0.01, and an operation is a sample.
 *
 * <table>
 *   <caption>The workloads</caption>
 *   <tr><th>benchmark</th><th>network</th><th>multiply-adds of one sample's forward pass</th></tr>
 *   <tr><td>{@code lenet}</td><td>conv 5x5 to 6 channels (valid), ReLU, max pool 2, conv 5x5 to 16, ReLU,
 *       max pool 2, dense 256-120-84-10 (ReLU, ReLU, softmax)</td>
 *       <td>86,400 + 153,600 + 41,640 = 281,640</td></tr>
 *   <tr><td>{@code convnet}</td><td>conv 3x3 to 32 (valid), ReLU, conv 3x3 to 64, ReLU, max pool 2,
 *       dense 9216-128-10 (ReLU, softmax)</td>
 *       <td>194,688 + 10,616,832 + 1,180,928 = 11,992,448</td></tr>
 * </table>
 *
 * <p>GFLOP/s count 6 flops per multiply-add of the forward pass (forward, weight gradient and input
 * gradient, 2 flops each), per sample: {@code lenet} 1,689,840 flops per sample and {@code convnet}
 * 71,954,688. Weights are He uniform (Glorot uniform for the softmax layer), each layer from its own
 * key of {@code Key.of(2).split(7)}. Run as the other benchmarks ({@link PurenetBench}):
 * {@code java -jar examples/target/benchmarks.jar ConvBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvBench {

    /** The images of every workload. */
    static final Shape IMAGE = Shape.of(28, 28, 1);

    /** Creates the benchmark; JMH calls it. */
    public ConvBench() {
    }

    /** @return the LeNet-5 of the class documentation */
    static Network lenet() {
        Vector<Key> k = Key.of(2).split(7);
        Conv2D c1 = Conv2D.of(k.get(0), IMAGE, 6, 5, Activations.relu());
        MaxPool2D p1 = MaxPool2D.of(c1.outputShape(), 2);
        Conv2D c2 = Conv2D.of(k.get(1), p1.outputShape(), 16, 5, Activations.relu());
        MaxPool2D p2 = MaxPool2D.of(c2.outputShape(), 2);
        return Network.of(IMAGE, c1, p1, c2, p2, Flatten.of(p2.outputShape()),
                Initializers.dense(k.get(2), Initializers.heUniform(), 256, 120, Activations.relu()),
                Initializers.dense(k.get(3), Initializers.heUniform(), 120, 84, Activations.relu()),
                Initializers.dense(k.get(4), Initializers.glorotUniform(), 84, 10, Activations.softmax()));
    }

    /** @return the two-convolution network of the class documentation */
    static Network convnet() {
        Vector<Key> k = Key.of(2).split(7);
        Conv2D c1 = Conv2D.of(k.get(0), IMAGE, 32, 3, Activations.relu());
        Conv2D c2 = Conv2D.of(k.get(1), c1.outputShape(), 64, 3, Activations.relu());
        MaxPool2D p = MaxPool2D.of(c2.outputShape(), 2);
        return Network.of(IMAGE, c1, c2, p, Flatten.of(p.outputShape()),
                Initializers.dense(k.get(2), Initializers.heUniform(), 9216, 128, Activations.relu()),
                Initializers.dense(k.get(3), Initializers.glorotUniform(), 128, 10, Activations.softmax()));
    }

    /** The state of {@link #lenet}. */
    @State(Scope.Thread)
    public static class Lenet extends PurenetBench.Fold {
        /** Creates the state; JMH calls it. */
        public Lenet() {
        }

        /** Builds the network, the batch and the fold. */
        @Setup(Level.Trial)
        public void setUp() {
            fold(lenet(), PurenetBench.batch(64, 784, 10), Optimizers.sgd(PurenetBench.LEARNING_RATE));
        }
    }

    /** The state of {@link #convnet}. */
    @State(Scope.Thread)
    public static class Convnet extends PurenetBench.Fold {
        /** Creates the state; JMH calls it. */
        public Convnet() {
        }

        /** Builds the network, the batch and the fold. */
        @Setup(Level.Trial)
        public void setUp() {
            fold(convnet(), PurenetBench.batch(64, 784, 10), Optimizers.sgd(PurenetBench.LEARNING_RATE));
        }
    }

    /**
     * One training step of LeNet-5 on a batch of 64 through the fold; an operation is a sample.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double lenet(Lenet s) {
        return s.step();
    }

    /**
     * One training step of the two-convolution network on a batch of 64 through the fold; an
     * operation is a sample.
     *
     * @param s the state
     * @return the loss of the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double convnet(Convnet s) {
        return s.step();
    }
}
