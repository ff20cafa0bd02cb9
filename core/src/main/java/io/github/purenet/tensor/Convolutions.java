package io.github.purenet.tensor;

import java.util.stream.IntStream;

/**
 * The kernels behind {@link Images}' convolutions, on arrays that the caller does not share.
 *
 * <p>A convolution is a product: the patches of a batch, one row per (example, position) and one
 * column per (window row, window column, channel), times the weights. The patches are never built
 * whole (the second layer of a small network on MNIST would need 85 MB of them at batch 64): they
 * are built for a block of examples at a time, at most about {@link #BLOCK_ROWS} rows, and each
 * block goes through {@link Products}' kernels. Blocks only cut the work; they never change a sum:
 * <ul>
 *   <li>each output entry is a product entry, a chain over the patch index, unchanged by blocks;</li>
 *   <li>the weight gradient continues each entry's chain from block to block
 *       ({@link Products#timesAdd}), so it is one chain over (example, position) ascending;</li>
 *   <li>the input gradient adds each patch's contributions into the image in ascending position
 *       order, example by example, and examples are independent.</li>
 * </ul>
 * Blocks of examples run in parallel only where each block writes rows of the result that no other
 * block writes, so the bits are the same for any number of threads.
 */
final class Convolutions {

    /** About this many patch rows are built at a time. */
    static final int BLOCK_ROWS = 1024;
    /** Below this many multiply-adds, the blocks run on the calling thread alone. */
    private static final long PARALLEL_THRESHOLD = 1L << 20;

    private Convolutions() {
    }

    /** {@code y = patches · wᵀ + bias}, each example's row {@code positions x outputs}. */
    static double[][] forward(double[][] x, Window g, double[][] w, double[] bias) {
        int positions = g.positions();
        int outputs = w.length;
        double[][] y = Entrywise.zeros(x.length, positions * outputs);
        forBlocks(x.length, g, outputs, (e0, e1) -> {
            double[][] z = Products.timesTransposeArray(patches(x, g, e0, e1), w);
            for (int e = e0; e < e1; e++) {
                double[] ye = y[e];
                for (int p = 0; p < positions; p++) {
                    double[] zr = z[(e - e0) * positions + p];
                    int base = p * outputs;
                    for (int o = 0; o < outputs; o++) {
                        ye[base + o] = zr[o] + bias[o];
                    }
                }
            }
        });
        return y;
    }

    /** {@code dW = Σ δᵀ · patches} over the examples in order, {@code outputs x patchSize}. */
    static double[][] weightGradient(double[][] x, Window g, double[][] delta, int outputs) {
        int positions = g.positions();
        double[][] c = Entrywise.zeros(outputs, g.patchSize());
        int per = examplesPerBlock(g);
        for (int e0 = 0; e0 < x.length; e0 += per) { // in order: each block continues the chains
            int e1 = Math.min(x.length, e0 + per);
            double[][] transposed = Entrywise.zeros(outputs, (e1 - e0) * positions);
            for (int e = e0; e < e1; e++) {
                double[] de = delta[e];
                int column = (e - e0) * positions;
                for (int p = 0; p < positions; p++) {
                    int base = p * outputs;
                    for (int o = 0; o < outputs; o++) {
                        transposed[o][column + p] = de[base + o];
                    }
                }
            }
            Products.timesAdd(transposed, patches(x, g, e0, e1), c);
        }
        return c;
    }

    /** {@code dL/dx}: each example's {@code δ · W}, a row per position, added back into the image (col2im). */
    static double[][] inputGradient(double[][] delta, Window g, double[][] w) {
        int positions = g.positions();
        int outputs = w.length;
        double[][] dx = Entrywise.zeros(delta.length, g.imageSize());
        forBlocks(delta.length, g, outputs, (e0, e1) -> {
            double[][] d = new double[(e1 - e0) * positions][];
            for (int e = e0; e < e1; e++) {
                for (int p = 0; p < positions; p++) {
                    d[(e - e0) * positions + p] = java.util.Arrays.copyOfRange(delta[e], p * outputs,
                            (p + 1) * outputs);
                }
            }
            double[][] dp = Products.timesArray(d, w);
            for (int e = e0; e < e1; e++) {
                addPatches(dp, (e - e0) * positions, g, dx[e]);
            }
        });
        return dx;
    }

    /** The patches of examples {@code [e0, e1)}: row {@code (e - e0) * positions + p}, padding {@code +0.0}. */
    static double[][] patches(double[][] x, Window g, int e0, int e1) {
        int positions = g.positions();
        double[][] rows = Entrywise.zeros((e1 - e0) * positions, g.patchSize());
        int channels = g.channels();
        for (int e = e0; e < e1; e++) {
            double[] xe = x[e];
            int r = (e - e0) * positions;
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                for (int oj = 0; oj < g.outputWidth(); oj++) {
                    double[] row = rows[r++];
                    int top = oi * g.stride() - g.padTop();
                    int left = oj * g.stride() - g.padLeft();
                    int from = Math.max(left, 0);
                    int to = Math.min(left + g.windowWidth(), g.width());
                    for (int i = 0; i < g.windowHeight(); i++) {
                        int ir = top + i;
                        if (ir >= 0 && ir < g.height() && from < to) {
                            System.arraycopy(xe, (ir * g.width() + from) * channels, row,
                                    (i * g.windowWidth() + from - left) * channels, (to - from) * channels);
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** Adds patch rows {@code [first, first + positions)} of {@code dp} into the image {@code dx}, positions ascending. */
    private static void addPatches(double[][] dp, int first, Window g, double[] dx) {
        int channels = g.channels();
        int r = first;
        for (int oi = 0; oi < g.outputHeight(); oi++) {
            for (int oj = 0; oj < g.outputWidth(); oj++) {
                double[] row = dp[r++];
                int top = oi * g.stride() - g.padTop();
                int left = oj * g.stride() - g.padLeft();
                int from = Math.max(left, 0);
                int to = Math.min(left + g.windowWidth(), g.width());
                for (int i = 0; i < g.windowHeight(); i++) {
                    int ir = top + i;
                    if (ir < 0 || ir >= g.height()) {
                        continue;
                    }
                    int at = (ir * g.width() + from) * channels;
                    int in = (i * g.windowWidth() + from - left) * channels;
                    for (int k = 0, n = (to - from) * channels; k < n; k++) {
                        dx[at + k] += row[in + k];
                    }
                }
            }
        }
    }

    /** The number of examples whose patches make about {@link #BLOCK_ROWS} rows, at least one. */
    static int examplesPerBlock(Window g) {
        return Math.max(1, BLOCK_ROWS / g.positions());
    }

    /** Work on the examples {@code [e0, e1)}, writing only their rows of a result. */
    @FunctionalInterface
    interface Block {
        void compute(int e0, int e1);
    }

    /** Runs a kernel over the blocks of examples: in parallel on the common pool when the work is large. */
    static void forBlocks(int examples, Window g, int outputs, Block block) {
        int per = examplesPerBlock(g);
        int blocks = (examples + per - 1) / per;
        long work = (long) examples * g.positions() * g.patchSize() * outputs;
        IntStream range = IntStream.range(0, blocks);
        (work < PARALLEL_THRESHOLD || blocks == 1 ? range : range.parallel())
                .forEach(b -> block.compute(b * per, Math.min(examples, (b + 1) * per)));
    }
}
