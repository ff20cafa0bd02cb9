package io.github.purenet.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The baseline of {@link PurenetBench}: the same workloads, with the same names, parameters and
 * units, written by hand with mutable {@code double[]} arrays and plain i-k-j loops
 * ({@link HandWrittenMlp}), sharing nothing with purenet. This is the code people write by hand;
 * {@link Report} divides the library's figures by these.
 *
 * <p>The shapes, batches, labels ({@code i % 10}), learning rate (0.01) and initialisation (He
 * uniform weights, zero biases) are those of {@link PurenetBench}; the random values come from
 * {@link SplittableRandom} and differ from the library's, the work does not. {@code tiny} uses seed
 * 001's weights exactly. Each training benchmark updates its network in place, so it measures a
 * sequence of steps, and returns the batch's loss; {@code matmul} allocates its product, as the
 * library does. {@link #tinyImmutable} is the one exception: {@code tiny} written as a pure
 * function that returns a new network, which shows what immutability costs without the library.
 *
 * <p>It is a baseline of plain code, not of a tuned kernel: its i-k-j loops run each row of the
 * right factor past every row of the left one, so once the right factor outgrows the caches
 * ({@code big}, {@code matmul} at {@code n = 1024}) they wait on memory, and the gradient of a
 * layer's input is a dot product, a sum whose order Java fixes, so that C2 cannot split it into
 * parallel lanes. A kernel that reuses what is in the caches and chains fused multiply-adds reached
 * about 19 GFLOP/s on one thread on the project's machine (DESIGN.md's measured facts): a library
 * that beats this baseline on those workloads can still be far from the machine's peak, which is
 * why {@link Report} prints GFLOP/s too.
 *
 * <p>Run it with {@link PurenetBench}: see that class for the command.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class HandWrittenBench {

    private static final double LEARNING_RATE = 0.01;

    /** Creates the benchmark; JMH calls it. */
    public HandWrittenBench() {
    }

    /** The state of {@link #tiny}: seed 001's 2-3-3 network and its one example. */
    @State(Scope.Thread)
    public static class Tiny {
        /** The network, stepped in place ({@code tiny}) or replaced by the stepped one ({@code tinyImmutable}). */
        HandWrittenMlp network;

        /** Creates the state; JMH calls it. */
        public Tiny() {
        }

        /** Builds seed 001's network, its weights transposed to {@code [in][out]}. */
        @Setup(Level.Trial)
        public void setUp() {
            double[][][] w = {
                {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}},
                {{0.7, -0.1, 0.3}, {0.8, -0.2, 0.2}, {0.9, -0.3, 0.1}},
            };
            double[][] b = {{0.1, -0.1, 0.05}, {0.1, -0.1, 0.05}};
            network = new HandWrittenMlp(w, b, new double[][] {{2.0, 3.0}}, new int[] {0});
        }
    }

    /** The state of {@link #small}: 784-128-10, a batch of 64. */
    @State(Scope.Thread)
    public static class Small {
        /** The network, stepped in place. */
        HandWrittenMlp network;

        /** Creates the state; JMH calls it. */
        public Small() {
        }

        /** Draws the network and the batch. */
        @Setup(Level.Trial)
        public void setUp() {
            network = HandWrittenMlp.random(new SplittableRandom(1), 64, 784, 128, 10);
        }
    }

    /** The state of {@link #big}: 784-1024-1024-10, a batch of 256. */
    @State(Scope.Thread)
    public static class Big {
        /** The network, stepped in place. */
        HandWrittenMlp network;

        /** Creates the state; JMH calls it. */
        public Big() {
        }

        /** Draws the network and the batch. */
        @Setup(Level.Trial)
        public void setUp() {
            network = HandWrittenMlp.random(new SplittableRandom(1), 256, 784, 1024, 1024, 10);
        }
    }

    /** The state of {@link #matmul}: two {@code n x n} arrays, uniform in [-1, 1). */
    @State(Scope.Thread)
    public static class Product {
        /** The size of the square matrices. */
        @Param({"256", "1024"})
        int n;
        /** The left factor. */
        double[][] a;
        /** The right factor. */
        double[][] b;

        /** Creates the state; JMH calls it. */
        public Product() {
        }

        /** Draws the two factors. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(3);
            a = new double[n][n];
            b = new double[n][n];
            for (double[][] m : new double[][][] {a, b}) {
                for (double[] row : m) {
                    for (int j = 0; j < n; j++) {
                        row[j] = random.nextDouble(-1.0, 1.0);
                    }
                }
            }
        }
    }

    /**
     * One training step of seed 001's 2-3-3 network on its one example.
     *
     * @param s the state
     * @return the loss before the step
     */
    @Benchmark
    public double tiny(Tiny s) {
        return s.network.step(LEARNING_RATE);
    }

    /**
     * {@link #tiny} as a pure function ({@link HandWrittenMlp#stepped}): each step returns a new
     * network, with new arrays for its weights, biases and buffers, and leaves the old one as it
     * was. Not one of the workloads: it measures what returning a new network costs by
     * itself, without the library.
     *
     * @param s the state
     * @return the loss before the step
     */
    @Benchmark
    public double tinyImmutable(Tiny s) {
        HandWrittenMlp.Stepped next = s.network.stepped(LEARNING_RATE);
        s.network = next.network();
        return next.loss();
    }

    /**
     * One training step of 784-128-10 on a batch of 64; an operation is a sample.
     *
     * @param s the state
     * @return the loss before the step
     */
    @Benchmark
    @OperationsPerInvocation(64)
    public double small(Small s) {
        return s.network.step(LEARNING_RATE);
    }

    /**
     * One training step of 784-1024-1024-10 on a batch of 256; an operation is a sample.
     *
     * @param s the state
     * @return the loss before the step
     */
    @Benchmark
    @OperationsPerInvocation(256)
    public double big(Big s) {
        return s.network.step(LEARNING_RATE);
    }

    /**
     * The product of two {@code n x n} matrices, into a new array.
     *
     * @param s the state
     * @return the product
     */
    @Benchmark
    public double[][] matmul(Product s) {
        return times(s.a, s.b);
    }

    /**
     * The product by the plain i-k-j loop.
     *
     * @param a the left factor, {@code n x m}
     * @param b the right factor, {@code m x p}
     * @return {@code a·b}, a new {@code n x p} array
     */
    static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int k = 0; k < ai.length; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }
}
