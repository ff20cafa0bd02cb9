package io.github.purenet.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The kernels behind {@link Images}' convolutions, on arrays that the caller does not share.
 *
 * <p>A convolution is a product: the patches of a batch, one row per (example, position) and one
 * column per (window row, window column, channel), times the weights. The patches are never built
 * whole (the second layer of a small network on MNIST would need 85 MB of them at batch 64): they
 * are built for a block of examples at a time, about {@link #BLOCK_ENTRIES} entries, into a
 * buffer that one task reuses from block to block, and each block goes through {@link Products}'
 * kernels. Blocks only cut the work; they never change a sum:
 * <ul>
 *   <li>each output entry is a product entry, a chain over the patch index, whatever the block;</li>
 *   <li>the weight gradient continues each entry's chain from block to block
 *       ({@link Products#timesAdd}), so it is one chain over (example, position) ascending;</li>
 *   <li>the input gradient adds each patch's contributions into the image in ascending position
 *       order, example by example, and examples are independent.</li>
 * </ul>
 * Each product is taken in whichever orientation gives the kernels long rows to work on: with few
 * output channels, the forward pass computes {@code W · patchesᵀ} instead of
 * {@code patches · Wᵀ}, which has the same entries, each the same chain ({@code fma} is symmetric in
 * its factors); likewise for the gradients. Groups of blocks run in parallel only where each writes
 * rows of the result that no other writes, so the bits are the same for any number of threads.
 */
final class Convolutions {

    /** About this many entries of patches are built at a time (512 kB), at least one example's. */
    static final int BLOCK_ENTRIES = 1 << 16;
    /** Below this many columns of a product's result, the other orientation is taken. */
    private static final int MIN_COLUMNS = 16;
    /** The fewest columns of the weight gradient that a part of it computes on a thread of its own. */
    private static final int MIN_PART = 8;
    /** Below this many multiply-adds, the blocks run on the calling thread alone. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private Convolutions() {
    }

    /** {@code y = patches · wᵀ + bias}, each example's row {@code positions x outputs}. */
    static double[][] forward(double[][] x, Window g, double[][] w, double[] bias) {
        int positions = g.positions();
        int outputs = w.length;
        double[][] y = Entrywise.zeros(x.length, positions * outputs);
        boolean transposed = outputs < MIN_COLUMNS;
        forGroups(x.length, g, outputs, (e0, e1, buffer) -> {
            int rows = (e1 - e0) * positions;
            if (transposed) { // (W · patchesᵀ)ᵀ: outputs rows as long as the block
                double[][] z = zeros(buffer, 1, outputs, rows);
                Products.timesAdd(w, patchesTransposed(x, g, e0, e1, buffer), z);
                for (int e = e0; e < e1; e++) {
                    double[] ye = y[e];
                    int r0 = (e - e0) * positions;
                    for (int o = 0; o < outputs; o++) {
                        double[] zo = z[o];
                        double b = bias[o];
                        for (int p = 0; p < positions; p++) {
                            ye[p * outputs + o] = zo[r0 + p] + b;
                        }
                    }
                }
                return;
            }
            double[][] z = zeros(buffer, 1, rows, outputs);
            Products.timesTransposeAdd(patches(x, g, e0, e1, buffer), w, z);
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

    /**
     * {@code dW = Σ δᵀ · patches} over the examples in order, {@code outputs x patchSize}: as
     * {@code (patchesᵀ · δ)ᵀ} when the patches are narrower than the outputs, so that the kernels'
     * rows are the longer side; otherwise from the patches, or, when a window's row holds few
     * entries, as {@code δᵀ · (patchesᵀ)ᵀ}, since the transposed patches are built from longer runs.
     * With few outputs (one task's rows of the product) and much work, the columns are cut into as
     * many parts as the pool has threads, each part on a thread of its own with its own rows of the
     * transposed patches; every entry is still one chain over every block in order.
     */
    static double[][] weightGradient(double[][] x, Window g, double[][] delta, int outputs) {
        int patch = g.patchSize();
        if (patch < outputs) {
            return Products.transpose(weightGradientTransposed(x, g, delta, outputs));
        }
        int parts = (long) x.length * g.positions() * patch * outputs < PARALLEL_THRESHOLD
                || outputs > Products.ROW_BLOCK ? 1 : Math.min(ForkJoinPool.getCommonPoolParallelism() + 1,
                        patch / MIN_PART);
        if (parts <= 1) {
            double[][] c = Entrywise.zeros(outputs, patch);
            weightGradientColumns(x, g, delta, outputs, 0, patch, c);
            return c;
        }
        // few outputs leave the product's rows to one thread: the columns are split instead, each
        // part's chains still running over every block in order
        double[][] c = Entrywise.zeros(outputs, patch);
        IntStream.range(0, parts).parallel().forEach(part -> {
            int k0 = part * patch / parts;
            int k1 = (part + 1) * patch / parts;
            double[][] own = Entrywise.zeros(outputs, k1 - k0);
            weightGradientColumns(x, g, delta, outputs, k0, k1, own);
            for (int o = 0; o < outputs; o++) {
                System.arraycopy(own[o], 0, c[o], k0, k1 - k0);
            }
        });
        return c;
    }

    /**
     * Columns {@code [k0, k1)} of the weight gradient, added into {@code c} ({@code outputs x (k1 -
     * k0)}), blocks in order: from the transposed patches, or from the patches when all the columns
     * are wanted and a window's row holds enough entries to copy them in runs.
     */
    private static void weightGradientColumns(double[][] x, Window g, double[][] delta, int outputs, int k0, int k1,
            double[][] c) {
        int per = examplesPerBlock(g);
        boolean whole = k0 == 0 && k1 == g.patchSize() && g.windowWidth() * g.channels() >= MIN_COLUMNS;
        double[][][] buffer = new double[1][][];
        double[][][] deltas = new double[1][][];
        for (int e0 = 0; e0 < x.length; e0 += per) { // in order: each block continues the chains
            int e1 = Math.min(x.length, e0 + per);
            double[][] d = deltaColumns(delta, g, outputs, e0, e1, deltas);
            if (whole) {
                Products.timesAdd(d, patches(x, g, e0, e1, buffer), c);
            } else {
                Products.timesTransposeAdd(d, patchesTransposed(x, g, e0, e1, k0, k1, buffer), c);
            }
        }
    }

    /** {@code (patchesᵀ · δ)}, {@code patchSize x outputs}, blocks in order: for patches narrower than the outputs. */
    private static double[][] weightGradientTransposed(double[][] x, Window g, double[][] delta, int outputs) {
        double[][] c = Entrywise.zeros(g.patchSize(), outputs);
        int per = examplesPerBlock(g);
        double[][][] buffer = new double[1][][];
        double[][][] deltas = new double[1][][];
        for (int e0 = 0; e0 < x.length; e0 += per) { // in order: each block continues the chains
            int e1 = Math.min(x.length, e0 + per);
            Products.timesAdd(patchesTransposed(x, g, e0, e1, buffer), deltaRows(delta, g, outputs, e0, e1, deltas), c);
        }
        return c;
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

    /**
     * The patches of examples {@code [e0, e1)}: row {@code (e - e0) * positions + p}, padding
     * {@code +0.0}, written over the buffer's stale entries.
     */
    static double[][] patches(double[][] x, Window g, int e0, int e1, double[][][] buffer) {
        int positions = g.positions();
        double[][] rows = reuse(buffer, (e1 - e0) * positions, g.patchSize());
        int channels = g.channels();
        int run = g.windowWidth() * channels;
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
                        int at = i * run;
                        if (ir < 0 || ir >= g.height() || from >= to) {
                            java.util.Arrays.fill(row, at, at + run, 0.0);
                            continue;
                        }
                        int before = (from - left) * channels;
                        int inside = (to - from) * channels;
                        java.util.Arrays.fill(row, at, at + before, 0.0);
                        copy(xe, (ir * g.width() + from) * channels, row, at + before, inside);
                        java.util.Arrays.fill(row, at + before + inside, at + run, 0.0);
                    }
                }
            }
        }
        return rows;
    }

    /** {@link System#arraycopy}, or a loop for the short runs of a few channels, where the call costs more. */
    private static void copy(double[] from, int at, double[] to, int into, int length) {
        if (length >= 16) {
            System.arraycopy(from, at, to, into, length);
            return;
        }
        for (int k = 0; k < length; k++) {
            to[into + k] = from[at + k];
        }
    }

    /** The patches of examples {@code [e0, e1)} transposed: row {@code k} of the patch index, column {@code (e - e0) * positions + p}. */
    static double[][] patchesTransposed(double[][] x, Window g, int e0, int e1, double[][][] buffer) {
        return patchesTransposed(x, g, e0, e1, 0, g.patchSize(), buffer);
    }

    /** Rows {@code [k0, k1)} of {@link #patchesTransposed(double[][], Window, int, int, double[][][])}: row {@code k - k0} is patch entry {@code k}. */
    static double[][] patchesTransposed(double[][] x, Window g, int e0, int e1, int k0, int k1, double[][][] buffer) {
        int positions = g.positions();
        double[][] t = reuse(buffer, k1 - k0, (e1 - e0) * positions);
        int channels = g.channels();
        int wo = g.outputWidth();
        int stride = g.stride();
        int step = stride * channels;
        for (int j = 0; j < g.windowWidth(); j++) {
            // the positions oj whose column oj * stride - padLeft + j lies in the image: [first, last)
            int shift = j - g.padLeft();
            int first = shift >= 0 ? 0 : Math.min(wo, (-shift + stride - 1) / stride);
            int last = Math.max(first, Math.min(wo, Math.floorDiv(g.width() - 1 - shift, stride) + 1));
            for (int i = 0; i < g.windowHeight(); i++) {
                for (int ch = 0; ch < channels; ch++) {
                    int k = (i * g.windowWidth() + j) * channels + ch;
                    if (k < k0 || k >= k1) {
                        continue;
                    }
                    double[] row = t[k - k0];
                    for (int e = e0; e < e1; e++) {
                        double[] xe = x[e];
                        for (int oi = 0; oi < g.outputHeight(); oi++) {
                            int r = (e - e0) * positions + oi * wo;
                            int ir = oi * stride - g.padTop() + i;
                            if (ir < 0 || ir >= g.height()) {
                                java.util.Arrays.fill(row, r, r + wo, 0.0);
                                continue;
                            }
                            java.util.Arrays.fill(row, r, r + first, 0.0);
                            int at = (ir * g.width() + first * stride + shift) * channels + ch;
                            if (step == 1 && last > first) {
                                System.arraycopy(xe, at, row, r + first, last - first);
                            } else {
                                for (int oj = first; oj < last; oj++, at += step) {
                                    row[r + oj] = xe[at];
                                }
                            }
                            java.util.Arrays.fill(row, r + last, r + wo, 0.0);
                        }
                    }
                }
            }
        }
        return t;
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
