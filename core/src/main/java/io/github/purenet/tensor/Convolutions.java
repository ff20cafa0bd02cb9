package io.github.purenet.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The kernels behind {@link Images}' convolutions, on arrays that the caller does not share.
 *
 * <p>A convolution is a product: the patches of a batch, one row per (example, position) and one
 * column per (window row, window column, channel), times the weights. The forward pass and the
 * weight gradient never build the patches (the second layer of a small network on MNIST would need
 * 85 MB of them at batch 64): the product kernels read each patch entry from the image where its
 * window lies ({@link Products#timesAddGathered}), at an offset per window position plus an offset
 * per patch entry, in a copy with a border of zeros when the windows reach past the image. The
 * input gradient computes {@code δ · W}, a row per (example, position), for a block of examples
 * at a time, about {@link #BLOCK_ENTRIES} entries, in a buffer that one task reuses, and adds its
 * rows back into the images (col2im). The sums have a fixed order:
 * <ul>
 *   <li>each output entry is a chain over the patch index ascending from {@code +0.0}, then adds
 *       the bias;</li>
 *   <li>each entry of the weight gradient is one chain over (example, position) ascending;</li>
 *   <li>the input gradient adds each patch's contributions into the image in ascending position
 *       order, example by example, and examples are independent.</li>
 * </ul>
 * Tasks run in parallel only where each writes entries of the result that no other writes, so the
 * bits are the same for any number of threads.
 */
final class Convolutions {

    /** About this many entries of the input gradient's patches are computed at a time (512 kB), at least one example's. */
    static final int BLOCK_ENTRIES = 1 << 16;
    /** Below this many columns of a product's result, the other orientation is taken. */
    private static final int MIN_COLUMNS = 16;
    /** Below this many multiply-adds, the blocks run on the calling thread alone. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private Convolutions() {
    }

    /**
     * {@code y = patches · wᵀ + bias}, each example's row {@code positions x outputs}: each
     * entry's chain runs over the patch index ascending from {@code +0.0}, then adds the bias. The
     * kernels read the patches from the image where the windows lie
     * ({@link Products#timesAddGathered}), never building them; examples are shared out among as
     * many tasks as the pool has threads.
     */
    static double[][] forward(double[][] x, Window g, double[][] w, double[] bias) {
        int positions = g.positions();
        int outputs = w.length;
        double[][] y = new double[x.length][];
        Gathering gathering = Gathering.of(g);
        double[][] wt = Products.gathered(Products.transpose(w));
        forRanges(x.length, (long) x.length * positions * g.patchSize() * outputs, (e0, e1) -> {
            double[][] z = new double[positions][outputs];
            double[] image = gathering.padded ? new double[gathering.size] : null;
            for (int e = e0; e < e1; e++) {
                for (double[] zp : z) {
                    java.util.Arrays.fill(zp, 0.0);
                }
                Products.timesAddGathered(gathering.image(x[e], g, image), gathering.offsets, gathering.base, wt, z,
                        0, positions);
                double[] ye = y[e] = new double[positions * outputs];
                for (int p = 0; p < positions; p++) {
                    double[] zp = z[p];
                    for (int o = 0; o < outputs; o++) {
                        ye[p * outputs + o] = zp[o] + bias[o];
                    }
                }
            }
        });
        return y;
    }

    /**
     * Runs {@code task} over {@code [0, count)} cut into as many contiguous ranges as the pool has
     * threads, the caller included, in parallel when the work is large.
     */
    private static void forRanges(int count, long work, java.util.function.BiConsumer<Integer, Integer> task) {
        int parts = work < PARALLEL_THRESHOLD ? 1 : Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, count);
        IntStream range = IntStream.range(0, parts);
        (parts > 1 ? range.parallel() : range).forEach(part -> task.accept(part * count / parts,
                (part + 1) * count / parts));
    }

    /**
     * {@code dW = Σ δᵀ · patches} over the examples in order, {@code outputs x patchSize}, computed
     * as its transpose {@code patchesᵀ · δ}, one example after another, without building the
     * patches: the kernels read each patch entry from the image where the window lies
     * ({@link Products#timesAddGathered}), from a copy with a border of zeros when the window
     * reaches past the image. The rows (patch entries) are shared out in groups of four (the
     * kernels' tiles) among as many tasks as the pool has threads; each entry is one chain over
     * (example, position) ascending whatever the task.
     */
    static double[][] weightGradient(double[][] x, Window g, double[][] delta, int outputs) {
        int patch = g.patchSize();
        double[][] t = Entrywise.zeros(patch, outputs);
        Gathering gathering = Gathering.of(g);
        int groups = (patch + 3) / 4;
        forRanges(groups, (long) x.length * g.positions() * patch * outputs, (q0, q1) -> {
            int k0 = q0 * 4;
            int k1 = Math.min(patch, q1 * 4);
            double[][] d = null; // each example's gradient at the output, positions x outputs, for the kernels
            double[] image = gathering.padded ? new double[gathering.size] : null;
            for (int e = 0; e < x.length; e++) { // in order: each example continues the chains
                d = Products.gathered(delta[e], outputs, d);
                Products.timesAddGathered(gathering.image(x[e], g, image), gathering.base, gathering.offsets, d, t, k0,
                        k1);
            }
        });
        return Products.transpose(t);
    }

    /**
     * Where the kernels find patch entry {@code k} of window position {@code p} in an image:
     * {@code base[p] + offsets[k]}, in the image itself or, when the windows reach past it, in a
     * copy of {@code size} entries with rows of {@code rowLength} pixels and a border of zeros.
     */
    private record Gathering(int[] base, int[] offsets, boolean padded, int rowLength, int size) {

        static Gathering of(Window g) {
            int channels = g.channels();
            int rows = (g.outputHeight() - 1) * g.stride() + g.windowHeight();
            int columns = (g.outputWidth() - 1) * g.stride() + g.windowWidth();
            boolean padded = g.padTop() > 0 || g.padLeft() > 0 || rows > g.height() || columns > g.width();
            int rowLength = padded ? columns : g.width();
            int[] base = new int[g.positions()];
            for (int p = 0; p < base.length; p++) {
                base[p] = (p / g.outputWidth() * g.stride() * rowLength + p % g.outputWidth() * g.stride()) * channels;
            }
            int[] offsets = new int[g.patchSize()];
            for (int k = 0; k < offsets.length; k++) {
                int pixel = k / channels;
                offsets[k] = (pixel / g.windowWidth() * rowLength + pixel % g.windowWidth()) * channels + k % channels;
            }
            return new Gathering(base, offsets, padded, rowLength, rows * columns * channels);
        }

        /** The image, or its copy in {@code buffer} when padded: the border stays {@code +0.0}, as it was allocated. */
        double[] image(double[] xe, Window g, double[] buffer) {
            if (!padded) {
                return xe;
            }
            int channels = g.channels();
            int rows = size / (rowLength * channels);
            int length = Math.min(g.width(), rowLength - g.padLeft()) * channels;
            for (int r = 0; r < g.height() && g.padTop() + r < rows; r++) {
                System.arraycopy(xe, r * g.width() * channels, buffer,
                        ((g.padTop() + r) * rowLength + g.padLeft()) * channels, length);
            }
            return buffer;
        }
    }

    /** {@code dL/dx}: each example's {@code δ · W}, a row per position, added back into the image (col2im). */
    static double[][] inputGradient(double[][] delta, Window g, double[][] w) {
        int positions = g.positions();
        int outputs = w.length;
        boolean transposed = g.patchSize() < MIN_COLUMNS; // then (Wᵀ · δᵀ)ᵀ, rows as long as the block
        double[][] wt = transposed ? Products.transpose(w) : null;
        double[][] dx = Entrywise.zeros(delta.length, g.imageSize());
        forGroups(delta.length, g, outputs, (e0, e1, buffer) -> {
            int rows = (e1 - e0) * positions;
            if (transposed) {
                double[][] d = deltaColumns(delta, g, outputs, e0, e1, buffer);
                double[][] dpt = zeros(buffer, 1, wt.length, rows);
                Products.timesAdd(wt, d, dpt);
                for (int e = e0; e < e1; e++) {
                    addPatchesTransposed(dpt, (e - e0) * positions, g, dx[e]);
                }
                return;
            }
            double[][] d = deltaRows(delta, g, outputs, e0, e1, buffer);
            double[][] dp = zeros(buffer, 1, rows, w[0].length);
            Products.timesAdd(d, w, dp);
            for (int e = e0; e < e1; e++) {
                addPatches(dp, (e - e0) * positions, g, dx[e]);
            }
        });
        return dx;
    }

    /** The {@code rows x columns} array held in {@code buffer[0]}, or a new one kept there; its entries are stale. */
    private static double[][] reuse(double[][][] buffer, int rows, int columns) {
        return reuse(buffer, 0, rows, columns);
    }

    /** The {@code rows x columns} array held in {@code buffer[slot]}, or a new one kept there; its entries are stale. */
    private static double[][] reuse(double[][][] buffer, int slot, int rows, int columns) {
        double[][] b = buffer[slot];
        if (b == null || b.length != rows || b[0].length != columns) {
            b = Entrywise.zeros(rows, columns);
            buffer[slot] = b;
        }
        return b;
    }

    /** {@link #reuse(double[][][], int, int, int)} with every entry {@code +0.0}, for a product to add into. */
    private static double[][] zeros(double[][][] buffer, int slot, int rows, int columns) {
        double[][] b = reuse(buffer, slot, rows, columns);
        for (double[] row : b) {
            java.util.Arrays.fill(row, 0.0);
        }
        return b;
    }

    /**
     * The gradient of examples {@code [e0, e1)} at the output, one row per (example, position) and
     * one column per output channel, in {@code buffer[0]}.
     */
    private static double[][] deltaRows(double[][] delta, Window g, int outputs, int e0, int e1,
            double[][][] buffer) {
        int positions = g.positions();
        double[][] d = reuse(buffer, (e1 - e0) * positions, outputs);
        for (int e = e0; e < e1; e++) {
            for (int p = 0; p < positions; p++) {
                System.arraycopy(delta[e], p * outputs, d[(e - e0) * positions + p], 0, outputs);
            }
        }
        return d;
    }

    /** {@link #deltaRows} transposed: one row per output channel, in {@code buffer[0]}. */
    private static double[][] deltaColumns(double[][] delta, Window g, int outputs, int e0, int e1,
            double[][][] buffer) {
        int positions = g.positions();
        double[][] d = reuse(buffer, outputs, (e1 - e0) * positions);
        for (int e = e0; e < e1; e++) {
            double[] de = delta[e];
            int column = (e - e0) * positions;
            for (int p = 0; p < positions; p++) {
                int base = p * outputs;
                for (int o = 0; o < outputs; o++) {
                    d[o][column + p] = de[base + o];
                }
            }
        }
        return d;
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

    /** {@link #addPatches} from the transposed patches' gradient: column {@code first + p} of {@code dpt}. */
    private static void addPatchesTransposed(double[][] dpt, int first, Window g, double[] dx) {
        int channels = g.channels();
        int r = first;
        for (int oi = 0; oi < g.outputHeight(); oi++) {
            for (int oj = 0; oj < g.outputWidth(); oj++, r++) {
                int top = oi * g.stride() - g.padTop();
                int left = oj * g.stride() - g.padLeft();
                for (int i = 0; i < g.windowHeight(); i++) {
                    int ir = top + i;
                    if (ir < 0 || ir >= g.height()) {
                        continue;
                    }
                    for (int j = Math.max(0, -left); j < g.windowWidth() && left + j < g.width(); j++) {
                        int at = (ir * g.width() + left + j) * channels;
                        int k = (i * g.windowWidth() + j) * channels;
                        for (int ch = 0; ch < channels; ch++) {
                            dx[at + ch] += dpt[k + ch][r];
                        }
                    }
                }
            }
        }
    }

    /** The number of examples whose patches make about {@link #BLOCK_ENTRIES} entries, at least one. */
    static int examplesPerBlock(Window g) {
        return (int) Math.max(1, BLOCK_ENTRIES / ((long) g.positions() * g.patchSize()));
    }

    /** Work on the examples {@code [e0, e1)}, writing only their rows of a result, with a buffer its group reuses. */
    @FunctionalInterface
    interface Block {
        void compute(int e0, int e1, double[][][] buffer);
    }

    /**
     * Runs a kernel over the blocks of examples, in as many groups of consecutive blocks as the
     * common pool has threads, the caller included: the groups in parallel when the work is large,
     * the blocks of a group one after the other with one buffer. Which group computes a block
     * changes no bit.
     */
    static void forGroups(int examples, Window g, int outputs, Block block) {
        int per = examplesPerBlock(g);
        int blocks = (examples + per - 1) / per;
        int groups = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, blocks);
        long work = (long) examples * g.positions() * g.patchSize() * outputs;
        IntStream range = IntStream.range(0, groups);
        (work < PARALLEL_THRESHOLD || groups == 1 ? range : range.parallel()).forEach(group -> {
            double[][][] buffer = new double[2][][];
            for (int b = group * blocks / groups; b < (group + 1) * blocks / groups; b++) {
                block.compute(b * per, Math.min(examples, (b + 1) * per), buffer);
            }
        });
    }
}
