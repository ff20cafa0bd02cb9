package io.github.purenet.tensor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The kernels behind {@link Matrix}'s products, on arrays that the caller does not share.
 *
 * <p>Each entry of a product is a sum over the inner index in ascending order, accumulated from
 * {@code +0.0} with {@link Math#fma}; the kernels may visit rows and columns in any order and in
 * blocks, but never reorder that sum, so every kernel gives the bits of the plain triple loop.
 *
 * <p>When the JVM has the vector API and its optimising compiler, products with at least
 * {@value #MIN_VECTOR_COLUMNS} columns run the register-tiled vector kernels instead
 * ({@link ProductKernels}), with the same bits.
 *
 * <p>The plain kernels' speed comes from three things. The loops run over whole rows ({@code c[j]}, {@code b[k][j]}),
 * each array indexed by the same {@code j}, which C2 vectorises. Four values of the inner index are
 * taken per pass as a chain of {@code fma} calls, so each loaded {@code c[j]} does four times the
 * work. And the inner index and the columns are cut into blocks ({@link #K_BLOCK} by
 * {@link #J_BLOCK}) that stay in the cache while every row of the result passes over them.
 *
 * <p>Large products are split across threads by a fixed decomposition, blocks of
 * {@link #ROW_BLOCK} rows of the result (for the vector kernels, a quarter of the rows, from
 * {@link #TILE_ROWS} to {@link #VECTOR_ROW_BLOCK}, by up to {@link #STRIP_BLOCK} strips of
 * columns), each computed entirely by one task: the number of threads changes only who computes a
 * block, never how, so the result is bit-identical for any number.
 */
final class Products {

    /** Columns of the result per block. */
    static final int J_BLOCK = 512;
    /** Values of the inner index per block. */
    static final int K_BLOCK = 128;
    /** Rows of the result per parallel task. */
    static final int ROW_BLOCK = 32;
    /** At most this many rows of the result per parallel task of the vector kernels. */
    static final int VECTOR_ROW_BLOCK = 128;
    /** Up to this many rows of the result, the vector kernels read a right factor's rows in place, unpacked. */
    static final int IN_PLACE_ROWS = 256;
    /** Rows of a tile of the vector kernels: their tasks take a multiple of them. */
    static final int TILE_ROWS = 8;
    /**
     * At most this many strips of columns of the result per parallel task of the vector kernels; the
     * strips are shared evenly between as few blocks as that allows.
     */
    static final int STRIP_BLOCK = 32;
    /**
     * Whether the JVM has the vector API ({@code --add-modules jdk.incubator.vector}) and its
     * optimising compiler ({@link Jit}); then the products run the vector kernels, which give the
     * same bits faster.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && Jit.optimising();
    /** {@code VectorKernels.INSTANCE} when {@link #VECTOR}, else {@code null}; see {@link ProductKernels}. */
    private static final ProductKernels VECTOR_KERNELS = VECTOR ? load("io.github.purenet.tensor.VectorKernels") : null;
    /** Below this many columns of the result, the plain kernels are as fast as the vector ones. */
    private static final int MIN_VECTOR_COLUMNS = 16;
    /** Below this many multiply-adds a product runs on the calling thread alone. */
    static final long PARALLEL_THRESHOLD = 1L << 21;
    /** The side of the tiles a transpose is copied in. */
    static final int TILE = 32;
    /**
     * Below this many rows, {@code A · Bᵀ} takes dot products instead of transposing {@code B}, and
     * {@code Aᵀ · B} adds outer products instead of transposing {@code A}.
     */
    private static final int TRANSPOSE_THRESHOLD = 4;

    private Products() {
    }

    private static ProductKernels load(String name) {
        try {
            return (ProductKernels) Class.forName(name).getEnumConstants()[0];
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the vector kernels are missing from the jar: " + name, e);
        }
    }

    /** {@code a · b}, for {@code a} n×p and {@code b} p×m. */
    static Matrix times(double[][] a, double[][] b) {
        return Matrix.wrap(timesArray(a, b));
    }

    /** {@code a · b} as arrays, for the package's kernels. */
    static double[][] timesArray(double[][] a, double[][] b) {
        double[][] c = Entrywise.zeros(a.length, b[0].length);
        timesAdd(a, b, c);
        return c;
    }

    /**
     * {@code c += a · b}: each entry's chain of fused multiply-adds continues from its value in
     * {@code c}, so a product computed over consecutive slices of the inner index, one call per
     * slice in ascending order, has the bits of the product computed at once.
     */
    static void timesAdd(double[][] a, double[][] b, double[][] c) {
        if (vectorFor(b[0].length)) {
            vectorTimes(rows(a), a.length, b, c);
            return;
        }
        forRowBlocks(a.length, (long) a.length * b.length * b[0].length, (i0, i1) -> times(a, b, c, i0, i1));
    }

    /** {@code a} as the vector kernels read a left factor: its rows. */
    private static LeftFactor rows(double[][] a) {
        return (i0, rows, k0, k1, into, stride) -> {
            for (int r = 0; r < rows; r++) {
                double[] ar = a[i0 + r];
                for (int k = k0, at = r; k < k1; k++, at += stride) {
                    into[at] = ar[k];
                }
            }
        };
    }

    /** {@code aᵀ} as the vector kernels read a left factor: the columns of {@code a}, never transposed whole. */
    private static LeftFactor columns(double[][] a) {
        return (i0, rows, k0, k1, into, stride) -> {
            for (int k = k0, at = 0; k < k1; k++, at += stride) {
                System.arraycopy(a[k], i0, into, at, rows);
            }
        };
    }

    /**
     * {@code c += A · b} with the vector kernels, {@code A} of {@code rows} rows: {@code b}'s rows
     * are read in place when the product has at most {@link #IN_PLACE_ROWS} rows, else packed once.
     * Packing copies {@code b}; reading in place costs more for every group of rows that passes
     * over {@code b}, so it pays only for few rows.
     */
    private static void vectorTimes(LeftFactor a, int rows, double[][] b, double[][] c) {
        boolean inPlace = rows <= IN_PLACE_ROWS;
        vectorTimes(a, rows, b.length, inPlace ? b : VECTOR_KERNELS.pack(b), !inPlace, c);
    }

    /**
     * {@code c += A · b} with the vector kernels, {@code b} packed or its rows read in place,
     * {@code A} of {@code rows} rows and {@code inner} columns: when the work is large, on the
     * common pool, in tasks of a quarter of the rows (a multiple of {@link #TILE_ROWS}, at most
     * {@link #VECTOR_ROW_BLOCK}) by an even share of the strips of columns (at most
     * {@link #STRIP_BLOCK}), each computed entirely by one task, so that a product of few rows
     * still has work for every core. A task reads its panels of {@code A} once for all its strips.
     */
    private static void vectorTimes(LeftFactor a, int rows, int inner, double[][] b, boolean packed, double[][] c) {
        int strips = VECTOR_KERNELS.strips(c[0].length);
        long work = (long) rows * inner * c[0].length;
        if (work < PARALLEL_THRESHOLD) {
            VECTOR_KERNELS.times(a, b, packed, c, 0, rows, 0, strips);
            return;
        }
        int stripBlocks = (strips + STRIP_BLOCK - 1) / STRIP_BLOCK;
        int stripsPerBlock = (strips + stripBlocks - 1) / stripBlocks;
        int quarter = (rows + 4 * TILE_ROWS - 1) / (4 * TILE_ROWS) * TILE_ROWS;
        int rowBlock = Math.min(VECTOR_ROW_BLOCK, quarter);
        int tasks = (rows + rowBlock - 1) / rowBlock * stripBlocks;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int i0 = t / stripBlocks * rowBlock;
            int s0 = t % stripBlocks * stripsPerBlock;
            VECTOR_KERNELS.times(a, b, packed, c, i0, Math.min(rows, i0 + rowBlock), s0,
                    Math.min(strips, s0 + stripsPerBlock));
        });
    }

    /**
     * Rows {@code [i0, i1)} of {@code c += G · b}, on the calling thread, where
     * {@code G[i][t] = image[base[t] + offsets[i]]} is read from the image as it is needed, never
     * built (a convolution's patches, transposed: one row per patch entry, one column per window
     * position), and {@code b} ({@code base.length x m}) is given in the layout its kernels read,
     * {@link #gathered(double[][])}. Each entry's chain continues from its value in {@code c}, over
     * {@code t} ascending.
     */
    static void timesAddGathered(double[] image, int[] base, int[] offsets, double[][] b, double[][] c, int i0,
            int i1) {
        if (VECTOR) {
            LeftFactor g = (r0, rows, k0, k1, into, stride) -> {
                for (int r = 0; r < rows; r++) {
                    int offset = offsets[r0 + r];
                    for (int k = k0, at = r; k < k1; k++, at += stride) {
                        into[at] = image[base[k] + offset];
                    }
                }
            };
            VECTOR_KERNELS.times(g, b, true, c, i0, i1, 0, b.length);
            return;
        }
        // the plain kernels read b's rows, in blocks of about 16 kB that stay in cache while every
        // row of c passes
        int m = c[0].length;
        int n = base.length;
        int block = Math.max(4, 2048 / m / 4 * 4);
        for (int t0 = 0; t0 < n; t0 += block) {
            int t1 = Math.min(n, t0 + block);
            for (int i = i0; i < i1; i++) {
                double[] ci = c[i];
                int offset = offsets[i];
                int t = t0;
                for (; t + 3 < t1; t += 4) { // four values of t per pass over the row, in order
                    fma4(ci, image[base[t] + offset], b[t], image[base[t + 1] + offset], b[t + 1],
                            image[base[t + 2] + offset], b[t + 2], image[base[t + 3] + offset], b[t + 3], 0, m);
                }
                for (; t < t1; t++) {
                    fma1(ci, image[base[t] + offset], b[t], 0, m);
                }
            }
        }
    }

    /** {@code b} in the layout {@link #timesAddGathered} reads: packed for the vector kernels, else {@code b} itself. */
    static double[][] gathered(double[][] b) {
        return VECTOR ? VECTOR_KERNELS.pack(b) : b;
    }

    /**
     * {@code b}, the rows of a {@code (b.length / columns) x columns} matrix one after another, in
     * the layout {@link #timesAddGathered} reads, in {@code buffer} when it has that shape.
     */
    static double[][] gathered(double[] b, int columns, double[][] buffer) {
        if (VECTOR) {
            return VECTOR_KERNELS.pack(b, columns, buffer);
        }
        int rows = b.length / columns;
        double[][] into = buffer != null && buffer.length == rows && buffer[0].length == columns ? buffer
                : new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, r * columns, into[r], 0, columns);
        }
        return into;
    }

    /** Whether the vector kernels compute a product whose result has this many columns. */
    private static boolean vectorFor(int columns) {
        return VECTOR && columns >= MIN_VECTOR_COLUMNS;
    }

    /** {@code aᵀ · b}, for {@code a} n×p and {@code b} n×m, copying {@code aᵀ} block by block, never whole. */
    static Matrix transposeTimes(double[][] a, double[][] b) {
        int p = a[0].length;
        int m = b[0].length;
        if (vectorFor(m)) {
            double[][] c = Entrywise.zeros(p, m);
            vectorTimes(columns(a), p, b, c);
            return Matrix.wrap(c);
        }
        // each block of rows of c is allocated by the task that computes it, so that their first
        // writes are its own: rows [r0, r1) of c are the product of those rows of aᵀ, copied out
        // of the columns of a (a local copy, never shared), by b, or for few rows of a the sum of
        // their outer products
        double[][] c = new double[p][];
        forRowBlocks(p, (long) a.length * p * m, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                c[i] = new double[m];
            }
            if (a.length < TRANSPOSE_THRESHOLD) {
                outerProducts(a, b, c, r0, r1);
            } else {
                times(transpose(a, r0, r1), b, Arrays.copyOfRange(c, r0, r1), 0, r1 - r0);
            }
        });
        return Matrix.wrap(c);
    }

    /**
     * Rows {@code [r0, r1)} of {@code c = aᵀ · b} for a few rows of {@code a}: the outer products of
     * the rows of {@code a} and {@code b}, added in ascending row order, so each entry is the same
     * fma chain as in {@link #times}.
     */
    private static void outerProducts(double[][] a, double[][] b, double[][] c, int r0, int r1) {
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            for (int r = r0; r < r1; r++) {
                fma1(c[r], ai[r], b[i], 0, c[r].length);
            }
        }
    }

    /** {@code a · bᵀ}, for {@code a} n×p and {@code b} m×p. */
    static Matrix timesTranspose(double[][] a, double[][] b) {
        return Matrix.wrap(timesTransposeArray(a, b));
    }

    /**
     * {@code a · bᵀ + row}, the row added to every row of the product in the same call: the bits of
     * {@code timesTranspose} then {@code plusRow}, with one matrix allocated instead of two.
     */
    static Matrix timesTransposePlusRow(double[][] a, double[][] b, double[] row) {
        double[][] c = timesTransposeArray(a, b);
        for (double[] ci : c) {
            for (int j = 0; j < ci.length; j++) {
                ci[j] += row[j];
            }
        }
        return Matrix.wrap(c);
    }

    /**
     * {@code c += a · bᵀ}, each entry's chain continuing from its value in {@code c}; with
     * {@code c} zero, the bits of {@link #timesTransposeArray}.
     */
    static void timesTransposeAdd(double[][] a, double[][] b, double[][] c) {
        if (a.length < TRANSPOSE_THRESHOLD || !vectorFor(b.length)) {
            timesAdd(a, transpose(b), c);
            return;
        }
        vectorTimes(rows(a), a.length, b[0].length, VECTOR_KERNELS.packTransposed(b), true, c);
    }

    /** {@code a · bᵀ} as arrays, for the package's kernels. */
    static double[][] timesTransposeArray(double[][] a, double[][] b) {
        if (a.length < TRANSPOSE_THRESHOLD) {
            double[][] c = Entrywise.zeros(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                double[] ai = a[i];
                double[] ci = c[i];
                for (int k = 0; k < b.length; k++) {
                    double[] bk = b[k];
                    double s = 0.0;
                    for (int j = 0; j < ai.length; j++) {
                        s = Math.fma(ai[j], bk[j], s);
                    }
                    ci[k] = s;
                }
            }
            return c;
        }
        if (vectorFor(a.length) && a.length < b.length) {
            // (b · aᵀ)ᵀ: each entry the same chain, since fma(x, y, s) = fma(y, x, s); packing the
            // smaller factor, such as a batch rather than a layer's weights, costs less
            double[][] t = Entrywise.zeros(b.length, a.length);
            timesTransposeAdd(b, a, t);
            return transpose(t);
        }
        double[][] c = Entrywise.zeros(a.length, b.length);
        timesTransposeAdd(a, b, c);
        return c;
    }

    /**
     * The transpose, copied in tiles of {@link #TILE} x {@link #TILE} so that reads and writes stay
     * in cache; from as many entries as the entry-wise functions share out, in blocks of
     * {@link #ROW_BLOCK} rows on the common pool, each block's rows allocated by the task that
     * writes them.
     */
    static double[][] transpose(double[][] a) {
        int n = a[0].length;
        if (!Entrywise.parallel(n, a.length)) {
            return transpose(a, 0, n);
        }
        double[][] t = new double[n][];
        forRowBlocks(n, true, (r0, r1) -> System.arraycopy(transpose(a, r0, r1), 0, t, r0, r1 - r0));
        return t;
    }

    /**
     * Rows {@code [r0, r1)} of the transpose, that is columns {@code [r0, r1)} of {@code a}, copied in
     * tiles on the calling thread, which also allocates them.
     */
    static double[][] transpose(double[][] a, int r0, int r1) {
        double[][] t = new double[r1 - r0][];
        for (int j = 0; j < t.length; j++) {
            t[j] = new double[a.length];
        }
        for (int i0 = 0; i0 < a.length; i0 += TILE) {
            int i1 = Math.min(a.length, i0 + TILE);
            for (int j0 = r0; j0 < r1; j0 += TILE) {
                int j1 = Math.min(r1, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    double[] ai = a[i];
                    for (int j = j0; j < j1; j++) {
                        t[j - r0][i] = ai[j];
                    }
                }
            }
        }
        return t;
    }

    /** Work on the rows {@code [from, to)} of a result. */
    @FunctionalInterface
    private interface RowRange {
        void compute(int from, int to);
    }

    /** Runs a kernel over all rows: in blocks of {@link #ROW_BLOCK} on the common pool when the work is large. */
    private static void forRowBlocks(int rows, long multiplyAdds, RowRange kernel) {
        forRowBlocks(rows, multiplyAdds >= PARALLEL_THRESHOLD, kernel);
    }

    /** Runs a kernel over all rows: in blocks of {@link #ROW_BLOCK} on the common pool when {@code parallel}. */
    private static void forRowBlocks(int rows, boolean parallel, RowRange kernel) {
        if (!parallel || rows <= ROW_BLOCK) {
            kernel.compute(0, rows);
            return;
        }
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream.range(0, blocks).parallel()
                .forEach(block -> kernel.compute(block * ROW_BLOCK, Math.min(rows, (block + 1) * ROW_BLOCK)));
    }

    /** Rows {@code [i0, i1)} of {@code c = a · b}. */
    private static void times(double[][] a, double[][] b, double[][] c, int i0, int i1) {
        int p = b.length;
        int m = b[0].length;
        for (int j0 = 0; j0 < m; j0 += J_BLOCK) {
            int j1 = Math.min(m, j0 + J_BLOCK);
            for (int k0 = 0; k0 < p; k0 += K_BLOCK) {
                int k1 = Math.min(p, k0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    double[] ai = a[i];
                    double[] ci = c[i];
                    int k = k0;
                    for (; k + 3 < k1; k += 4) {
                        fma4(ci, ai[k], b[k], ai[k + 1], b[k + 1], ai[k + 2], b[k + 2], ai[k + 3], b[k + 3], j0, j1);
                    }
                    for (; k < k1; k++) {
                        fma1(ci, ai[k], b[k], j0, j1);
                    }
                }
            }
        }
    }

    /** {@code c[j] += x0 b0[j] + x1 b1[j] + x2 b2[j] + x3 b3[j]}, as four fused multiply-adds in that order. */
    private static void fma4(double[] c, double x0, double[] b0, double x1, double[] b1, double x2, double[] b2,
            double x3, double[] b3, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j], Math.fma(x0, b0[j], c[j]))));
        }
    }

    private static void fma1(double[] c, double x, double[] b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = Math.fma(x, b[j], c[j]);
        }
    }
}
