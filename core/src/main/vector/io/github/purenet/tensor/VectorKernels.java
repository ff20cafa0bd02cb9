package io.github.purenet.tensor;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product kernels of {@link Products}, written with the JDK's vector API: used when the JVM
 * runs with {@code --add-modules jdk.incubator.vector}, and never loaded otherwise.
 *
 * <p>They give the same bits as the plain kernels. Each entry of the result is still one chain of
 * {@code fma} over the inner index in ascending order, starting from {@code +0.0}; a vector lane
 * is one entry, and {@link DoubleVector#fma} rounds once per lane, as {@link Math#fma} does.
 *
 * <p>What they add is register tiling. A tile of the result, eight rows by three vectors of
 * columns, stays in 24 registers while a block of the inner index passes: each loaded vector of
 * {@code b} serves eight rows, and each value of the left factor, broadcast, three vectors. The
 * left factor's eight rows are first copied side by side for the block (its panel, which stays in
 * the first-level cache), so that the tile reads one array front to back; the strips of {@code b}
 * are packed likewise once per product, or, for products of few rows, read from {@code b}'s rows
 * in place. C2 does not keep such a tile in registers for plain loops, which is why the plain
 * kernels stop at about a third of the speed.
 */
enum VectorKernels implements ProductKernels {

    /** The kernels; {@link Products} loads this constant by name. */
    INSTANCE;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Columns of a tile: three vectors. */
    static final int STRIP = 3 * LANES;
    /** Rows of a tile. */
    static final int ROWS = Products.TILE_ROWS;
    /** Values of the inner index per block: a block of a strip, 24 KiB with 8 lanes, is read from the second-level cache by every panel. */
    static final int K_BLOCK = 128;

    /**
     * The columns of strip {@code s} of a right factor with {@code m} columns: {@link #STRIP}, or
     * for a last strip that the columns do not fill, the vectors that hold its columns.
     */
    private static int width(int m, int s) {
        return Math.min(STRIP, (m - s * STRIP + LANES - 1) / LANES * LANES);
    }

    /**
     * The strips of {@code b}, packed for {@link #times}: strip {@code s} holds columns
     * {@code [STRIP s, STRIP s + width)} of every row, row after row, so that the tiles read it
     * front to back instead of one page of memory per row of {@code b}. A last strip's lanes that
     * {@code b}'s columns do not fill are zeros, which the tiles compute and never store.
     */
    @Override
    public double[][] pack(double[][] b) {
        int m = b[0].length;
        double[][] packed = new double[strips(m)][];
        forEachStrip(packed.length, b.length, s -> packed[s] = strip(b, s));
        return packed;
    }

    /** Strip {@code s} of {@code b}, packed: its columns of every row, row after row. */
    private static double[] strip(double[][] b, int s) {
        int m = b[0].length;
        int width = width(m, s);
        double[] strip = new double[b.length * width];
        for (int k = 0; k < b.length; k++) {
            System.arraycopy(b[k], s * STRIP, strip, k * width, Math.min(width, m - s * STRIP));
        }
        return strip;
    }

    @Override
    public double[][] pack(double[] b, int columns, double[][] buffer) {
        int rows = b.length / columns;
        int strips = strips(columns);
        boolean reuse = buffer != null && buffer.length == strips
                && buffer[strips - 1].length == rows * width(columns, strips - 1);
        double[][] packed = reuse ? buffer : new double[strips][];
        for (int s = 0; s < strips; s++) {
            int width = width(columns, s);
            double[] strip = reuse ? packed[s] : (packed[s] = new double[rows * width]);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, r * columns + s * STRIP, strip, r * width, Math.min(width, columns - s * STRIP));
            }
        }
        return packed;
    }

    /**
     * The strips of {@code wᵀ}, read from {@code w} ({@code m x p}) without building the
     * transpose: strip {@code s} holds rows {@code [STRIP s, STRIP s + width)} of {@code w}, one
     * column of them after another; the same layout as {@code pack(transpose(w))}.
     */
    @Override
    public double[][] packTransposed(double[][] w) {
        int p = w[0].length;
        double[][] packed = new double[strips(w.length)][];
        forEachStrip(packed.length, p, s -> {
            int width = width(w.length, s);
            double[] strip = packed[s] = new double[p * width];
            int height = Math.min(width, w.length - s * STRIP);
            // row by row over a block of columns, so that each row is read front to back and the
            // block's part of the strip, written a column at a time, stays in the first-level cache
            for (int k0 = 0; k0 < p; k0 += K_BLOCK) {
                int k1 = Math.min(p, k0 + K_BLOCK);
                for (int q = 0; q < height; q++) {
                    double[] row = w[s * STRIP + q];
                    for (int k = k0, at = k0 * width + q; k < k1; k++, at += width) {
                        strip[at] = row[k];
                    }
                }
            }
        });
        return packed;
    }

    /**
     * Packs every strip; on the common pool from as many packed entries as the entry-wise functions
     * share out (each strip is its own array).
     */
    private static void forEachStrip(int strips, int rows, IntConsumer pack) {
        IntStream all = IntStream.range(0, strips);
        (strips > 1 && (long) strips * STRIP * rows >= Entrywise.PARALLEL_ENTRIES ? all.parallel() : all)
                .forEach(pack);
    }

    @Override
    public int strips(int columns) {
        return (columns + STRIP - 1) / STRIP;
    }

    /**
     * Rows {@code [i0, i1)} and strips {@code [s0, s1)} of {@code c += A · b}, tile by tile: for each
     * block of the inner index, each group of eight rows reads its panel once and passes over the
     * strips. A group of fewer rows, or a strip of columns that do not fill its vectors, is
     * computed in rows of its own, copied in from {@code c} and back; their other lanes are
     * computed and dropped. The tiles read {@code b}'s packed strips, or, unpacked, its rows in
     * place; a last strip whose columns do not fill its vectors is then packed here, since its
     * vectors would read past the rows' ends.
     */
    @Override
    public void times(LeftFactor left, double[][] b, boolean packed, double[][] c, int i0, int i1, int s0,
            int s1) {
        double[][] rows = packed ? null : b; // b's rows, read in place
        int m = c[0].length;
        int p = packed ? b[0].length / width(m, 0) : b.length;
        double[] panel = new double[ROWS * Math.min(K_BLOCK, p)];
        double[][] tileRows = new double[ROWS][];
        double[][] part = null; // a tile's columns, local, when it has fewer rows or columns than its vectors
        double[] last = null; // in place, the last strip packed, when its columns do not fill its vectors
        for (int k0 = 0; k0 < p; k0 += K_BLOCK) {
            int k1 = Math.min(p, k0 + K_BLOCK);
            for (int i = i0; i < i1; i += ROWS) {
                int height = Math.min(ROWS, i1 - i);
                if (height < ROWS) {
                    Arrays.fill(panel, 0.0);
                }
                left.read(i, height, k0, k1, panel, ROWS);
                for (int s = s0; s < s1; s++) {
                    int j = s * STRIP;
                    int width = width(m, s);
                    int columns = Math.min(width, m - j);
                    if (columns == width && height == ROWS) {
                        System.arraycopy(c, i, tileRows, 0, ROWS);
                        tile(panel, tileRows, j, packed ? b[s] : null, rows, j, width, k0, k1);
                        continue;
                    }
                    if (part == null) {
                        part = new double[ROWS][STRIP];
                    }
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(c[i + r], j, part[r], 0, columns);
                    }
                    if (packed || columns == width) {
                        tile(panel, part, 0, packed ? b[s] : null, rows, j, width, k0, k1);
                    } else {
                        if (last == null) {
                            last = strip(rows, s);
                        }
                        tile(panel, part, 0, last, null, 0, width, k0, k1);
                    }
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(part[r], 0, c[i + r], j, columns);
                    }
                }
            }
        }
    }

    /**
     * One tile of a strip of {@code width} columns: three vectors, two or one. The strip is read
     * from {@code strip}, packed, or when {@code rows} is given from {@code rows[k]} at column
     * {@code bj}.
     */
    private static void tile(double[] panel, double[][] c, int j, double[] strip, double[][] rows, int bj, int width,
            int k0, int k1) {
        if (width == STRIP) {
            tile(panel, c, j, strip, rows, bj, k0, k1);
        } else if (width == 2 * LANES) {
            tile2(panel, c, j, strip, rows, bj, k0, k1);
        } else {
            tile1(panel, c, j, strip, rows, bj, k0, k1);
        }
    }

    /**
     * One tile, eight rows by one strip of columns from {@code j}:
     * {@code c_r[j..] += Σ_k A[r][k] b[k][j..]} for k in {@code [k0, k1)}, ascending, with
     * {@code A[r][k]} at {@code panel[(k - k0) ROWS + r]} and {@code b[k]}'s columns at
     * {@code strip[k STRIP]}, or at {@code rows[k][bj]} when {@code rows} is given.
     */
    private static void tile(double[] panel, double[][] c, int j, double[] strip, double[][] rows, int bj,
            int k0, int k1) {
        double[] c0 = c[0];
        double[] c1 = c[1];
        double[] c2 = c[2];
        double[] c3 = c[3];
        double[] c4 = c[4];
        double[] c5 = c[5];
        double[] c6 = c[6];
        double[] c7 = c[7];
        int j1 = j + LANES;
        int j2 = j + 2 * LANES;
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, c0, j);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, c0, j1);
        DoubleVector s02 = DoubleVector.fromArray(SPECIES, c0, j2);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, c1, j);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, c1, j1);
        DoubleVector s12 = DoubleVector.fromArray(SPECIES, c1, j2);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, c2, j);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, c2, j1);
        DoubleVector s22 = DoubleVector.fromArray(SPECIES, c2, j2);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, c3, j);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, c3, j1);
        DoubleVector s32 = DoubleVector.fromArray(SPECIES, c3, j2);
        DoubleVector s40 = DoubleVector.fromArray(SPECIES, c4, j);
        DoubleVector s41 = DoubleVector.fromArray(SPECIES, c4, j1);
        DoubleVector s42 = DoubleVector.fromArray(SPECIES, c4, j2);
        DoubleVector s50 = DoubleVector.fromArray(SPECIES, c5, j);
        DoubleVector s51 = DoubleVector.fromArray(SPECIES, c5, j1);
        DoubleVector s52 = DoubleVector.fromArray(SPECIES, c5, j2);
        DoubleVector s60 = DoubleVector.fromArray(SPECIES, c6, j);
        DoubleVector s61 = DoubleVector.fromArray(SPECIES, c6, j1);
        DoubleVector s62 = DoubleVector.fromArray(SPECIES, c6, j2);
        DoubleVector s70 = DoubleVector.fromArray(SPECIES, c7, j);
        DoubleVector s71 = DoubleVector.fromArray(SPECIES, c7, j1);
        DoubleVector s72 = DoubleVector.fromArray(SPECIES, c7, j2);
        for (int k = k0, a = 0; k < k1; k++, a += ROWS) {
            double[] row = rows == null ? strip : rows[k];
            int at = rows == null ? k * STRIP : bj;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, row, at);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, row, at + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, row, at + 2 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, panel[a]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            x = DoubleVector.broadcast(SPECIES, panel[a + 1]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            x = DoubleVector.broadcast(SPECIES, panel[a + 2]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            x = DoubleVector.broadcast(SPECIES, panel[a + 3]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            x = DoubleVector.broadcast(SPECIES, panel[a + 4]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            s42 = x.fma(b2, s42);
            x = DoubleVector.broadcast(SPECIES, panel[a + 5]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            s52 = x.fma(b2, s52);
            x = DoubleVector.broadcast(SPECIES, panel[a + 6]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            s62 = x.fma(b2, s62);
            x = DoubleVector.broadcast(SPECIES, panel[a + 7]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
            s72 = x.fma(b2, s72);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j1);
        s02.intoArray(c0, j2);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j1);
        s12.intoArray(c1, j2);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j1);
        s22.intoArray(c2, j2);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j1);
        s32.intoArray(c3, j2);
        s40.intoArray(c4, j);
        s41.intoArray(c4, j1);
        s42.intoArray(c4, j2);
        s50.intoArray(c5, j);
        s51.intoArray(c5, j1);
        s52.intoArray(c5, j2);
        s60.intoArray(c6, j);
        s61.intoArray(c6, j1);
        s62.intoArray(c6, j2);
        s70.intoArray(c7, j);
        s71.intoArray(c7, j1);
        s72.intoArray(c7, j2);
    }

    /** {@link #tile(double[], double[][], int, double[], double[][], int, int, int)} for a strip of 2 vectors. */
    private static void tile2(double[] panel, double[][] c, int j, double[] strip, double[][] rows, int bj,
            int k0, int k1) {
        double[] c0 = c[0];
        double[] c1 = c[1];
        double[] c2 = c[2];
        double[] c3 = c[3];
        double[] c4 = c[4];
        double[] c5 = c[5];
        double[] c6 = c[6];
        double[] c7 = c[7];
        int j1 = j + LANES;
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, c0, j);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, c0, j1);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, c1, j);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, c1, j1);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, c2, j);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, c2, j1);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, c3, j);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, c3, j1);
        DoubleVector s40 = DoubleVector.fromArray(SPECIES, c4, j);
        DoubleVector s41 = DoubleVector.fromArray(SPECIES, c4, j1);
        DoubleVector s50 = DoubleVector.fromArray(SPECIES, c5, j);
        DoubleVector s51 = DoubleVector.fromArray(SPECIES, c5, j1);
        DoubleVector s60 = DoubleVector.fromArray(SPECIES, c6, j);
        DoubleVector s61 = DoubleVector.fromArray(SPECIES, c6, j1);
        DoubleVector s70 = DoubleVector.fromArray(SPECIES, c7, j);
        DoubleVector s71 = DoubleVector.fromArray(SPECIES, c7, j1);
        for (int k = k0, a = 0; k < k1; k++, a += ROWS) {
            double[] row = rows == null ? strip : rows[k];
            int at = rows == null ? k * 2 * LANES : bj;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, row, at);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, row, at + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, panel[a]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = DoubleVector.broadcast(SPECIES, panel[a + 1]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = DoubleVector.broadcast(SPECIES, panel[a + 2]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = DoubleVector.broadcast(SPECIES, panel[a + 3]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = DoubleVector.broadcast(SPECIES, panel[a + 4]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = DoubleVector.broadcast(SPECIES, panel[a + 5]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = DoubleVector.broadcast(SPECIES, panel[a + 6]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = DoubleVector.broadcast(SPECIES, panel[a + 7]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j1);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j1);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j1);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j1);
        s40.intoArray(c4, j);
        s41.intoArray(c4, j1);
        s50.intoArray(c5, j);
        s51.intoArray(c5, j1);
        s60.intoArray(c6, j);
        s61.intoArray(c6, j1);
        s70.intoArray(c7, j);
        s71.intoArray(c7, j1);
    }

    /** {@link #tile(double[], double[][], int, double[], double[][], int, int, int)} for a strip of 1 vector. */
    private static void tile1(double[] panel, double[][] c, int j, double[] strip, double[][] rows, int bj,
            int k0, int k1) {
        double[] c0 = c[0];
        double[] c1 = c[1];
        double[] c2 = c[2];
        double[] c3 = c[3];
        double[] c4 = c[4];
        double[] c5 = c[5];
        double[] c6 = c[6];
        double[] c7 = c[7];
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, c0, j);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, c1, j);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, c2, j);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, c3, j);
        DoubleVector s40 = DoubleVector.fromArray(SPECIES, c4, j);
        DoubleVector s50 = DoubleVector.fromArray(SPECIES, c5, j);
        DoubleVector s60 = DoubleVector.fromArray(SPECIES, c6, j);
        DoubleVector s70 = DoubleVector.fromArray(SPECIES, c7, j);
        for (int k = k0, a = 0; k < k1; k++, a += ROWS) {
            double[] row = rows == null ? strip : rows[k];
            int at = rows == null ? k * LANES : bj;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, row, at);
            DoubleVector x = DoubleVector.broadcast(SPECIES, panel[a]);
            s00 = x.fma(b0, s00);
            x = DoubleVector.broadcast(SPECIES, panel[a + 1]);
            s10 = x.fma(b0, s10);
            x = DoubleVector.broadcast(SPECIES, panel[a + 2]);
            s20 = x.fma(b0, s20);
            x = DoubleVector.broadcast(SPECIES, panel[a + 3]);
            s30 = x.fma(b0, s30);
            x = DoubleVector.broadcast(SPECIES, panel[a + 4]);
            s40 = x.fma(b0, s40);
            x = DoubleVector.broadcast(SPECIES, panel[a + 5]);
            s50 = x.fma(b0, s50);
            x = DoubleVector.broadcast(SPECIES, panel[a + 6]);
            s60 = x.fma(b0, s60);
            x = DoubleVector.broadcast(SPECIES, panel[a + 7]);
            s70 = x.fma(b0, s70);
        }
        s00.intoArray(c0, j);
        s10.intoArray(c1, j);
        s20.intoArray(c2, j);
        s30.intoArray(c3, j);
        s40.intoArray(c4, j);
        s50.intoArray(c5, j);
        s60.intoArray(c6, j);
        s70.intoArray(c7, j);
    }
}
