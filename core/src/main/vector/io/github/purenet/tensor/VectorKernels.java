package io.github.purenet.tensor;

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
 * <p>What they add is register tiling. A tile of the result, four rows by two vectors of columns,
 * stays in eight registers while the whole inner block passes: each loaded vector of {@code b}
 * serves four rows, and the tile is read and written once per block instead of once per four
 * values of the inner index. C2 does not keep such a tile in registers for plain loops, which is
 * why the plain kernels stop at about half the speed.
 */
enum VectorKernels implements ProductKernels {

    /** The kernels; {@link Products} loads this constant by name. */
    INSTANCE;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Columns of a tile: two vectors. */
    static final int STRIP = 2 * LANES;
    /** Values of the inner index per block: a block of a strip, 16 KiB, stays in L1 while the tiles pass. */
    static final int K_BLOCK = 128;
    /** From this many packed entries on, strips are packed in parallel. */
    private static final long PARALLEL_PACK = 1L << 17;

    @Override
    public int strip() {
        return STRIP;
    }

    /**
     * The strips of {@code b}, packed for {@link #times} (and so for {@code aᵀ · b}, the product of
     * a copied block of {@code aᵀ} by {@code b}): strip {@code s} holds columns
     * {@code [STRIP s, STRIP (s + 1))} of every row, row after row, so that the tiles read it front
     * to back instead of one page of memory per row of {@code b}. A last strip that {@code b}'s
     * columns do not fill is padded with zeros, whose lanes the tiles compute and never store.
     */
    @Override
    public double[][] pack(double[][] b) {
        int m = b[0].length;
        double[][] packed = new double[(m + STRIP - 1) / STRIP][];
        forEachStrip(packed.length, b.length, s -> {
            double[] strip = packed[s] = new double[b.length * STRIP];
            int width = Math.min(STRIP, m - s * STRIP);
            for (int k = 0; k < b.length; k++) {
                System.arraycopy(b[k], s * STRIP, strip, k * STRIP, width);
            }
        });
        return packed;
    }

    /**
     * The strips of {@code wᵀ}, read from {@code w} ({@code m x p}) without building the
     * transpose: strip {@code s} holds rows {@code [STRIP s, STRIP (s + 1))} of {@code w}, one
     * column of them after another; the same layout as {@code pack(transpose(w))}, a last strip
     * padded with zeros likewise.
     */
    @Override
    public double[][] packTransposed(double[][] w) {
        int p = w[0].length;
        double[][] packed = new double[(w.length + STRIP - 1) / STRIP][];
        forEachStrip(packed.length, p, s -> {
            double[] strip = packed[s] = new double[p * STRIP];
            int height = Math.min(STRIP, w.length - s * STRIP);
            double[][] rows = new double[height][]; // the strip's rows of w, read side by side
            System.arraycopy(w, s * STRIP, rows, 0, height);
            for (int k = 0; k < p; k++) {
                int at = k * STRIP;
                for (int q = 0; q < height; q++) {
                    strip[at + q] = rows[q][k];
                }
            }
        });
        return packed;
    }

    /** Packs every strip; on the common pool when there are many entries (each strip is its own array). */
    private static void forEachStrip(int strips, int rows, IntConsumer pack) {
        IntStream all = IntStream.range(0, strips);
        (strips > 1 && (long) strips * STRIP * rows >= PARALLEL_PACK ? all.parallel() : all).forEach(pack);
    }

    /** Rows {@code [i0, i1)} of {@code c += a · b}; {@code packed}: the right factor's strips. */
    @Override
    public void times(double[][] a, double[][] packed, double[][] c, int i0, int i1) {
        times(new Tiles() {
            @Override
            public void four(int i, double[] c0, double[] c1, double[] c2, double[] c3, double[] strip, int j, int k0,
                    int k1) {
                tile(a[i], a[i + 1], a[i + 2], a[i + 3], c0, c1, c2, c3, strip, j, k0, k1);
            }

            @Override
            public void one(int i, double[] ci, double[] strip, int j, int k0, int k1) {
                tile(a[i], ci, strip, j, k0, k1);
            }
        }, a[0].length, packed, c, i0, i1);
    }

    /**
     * Rows {@code [i0, i1)} of {@code c += G · b}, {@code G[i][t] = image[base[t] + offsets[i]]}
     * gathered as the tiles need it, never built; {@code packed}: {@code b}'s strips.
     */
    @Override
    public void timesGathered(double[] image, int[] base, int[] offsets, double[][] packed, double[][] c, int i0,
            int i1) {
        times(new Tiles() {
            @Override
            public void four(int i, double[] c0, double[] c1, double[] c2, double[] c3, double[] strip, int j, int k0,
                    int k1) {
                gathered(image, base, offsets[i], offsets[i + 1], offsets[i + 2], offsets[i + 3], c0, c1, c2, c3,
                        strip, j, k0, k1);
            }

            @Override
            public void one(int i, double[] ci, double[] strip, int j, int k0, int k1) {
                gathered(image, base, offsets[i], ci, strip, j, k0, k1);
            }
        }, base.length, packed, c, i0, i1);
    }

    /** The tiles of one left factor: four of its rows, or one, by a strip, over a block of the inner index. */
    private interface Tiles {
        void four(int i, double[] c0, double[] c1, double[] c2, double[] c3, double[] strip, int j, int k0, int k1);

        void one(int i, double[] c, double[] strip, int j, int k0, int k1);
    }

    /**
     * Rows {@code [i0, i1)} of a product with {@code p} values of the inner index, tile by tile. The
     * columns of a last, padded strip are computed in rows of their own, copied in from {@code c}
     * and back once per block of the inner index.
     */
    private static void times(Tiles tiles, int p, double[][] packed, double[][] c, int i0, int i1) {
        int m = c[0].length;
        double[][] part = null; // the padded strip's columns of four rows, local
        for (int k0 = 0; k0 < p; k0 += K_BLOCK) {
            int k1 = Math.min(p, k0 + K_BLOCK);
            for (int s = 0; s < packed.length; s++) {
                int j = s * STRIP;
                int width = Math.min(STRIP, m - j);
                if (width < STRIP && part == null) {
                    part = new double[][] {new double[STRIP], new double[STRIP], new double[STRIP], new double[STRIP]};
                }
                int i = i0;
                for (; i + 3 < i1; i += 4) {
                    if (width == STRIP) {
                        tiles.four(i, c[i], c[i + 1], c[i + 2], c[i + 3], packed[s], j, k0, k1);
                        continue;
                    }
                    for (int q = 0; q < 4; q++) {
                        System.arraycopy(c[i + q], j, part[q], 0, width);
                    }
                    tiles.four(i, part[0], part[1], part[2], part[3], packed[s], 0, k0, k1);
                    for (int q = 0; q < 4; q++) {
                        System.arraycopy(part[q], 0, c[i + q], j, width);
                    }
                }
                for (; i < i1; i++) {
                    if (width == STRIP) {
                        tiles.one(i, c[i], packed[s], j, k0, k1);
                        continue;
                    }
                    System.arraycopy(c[i], j, part[0], 0, width);
                    tiles.one(i, part[0], packed[s], 0, k0, k1);
                    System.arraycopy(part[0], 0, c[i], j, width);
                }
            }
        }
    }

    /**
     * One tile, four rows by one strip of columns from {@code j}:
     * {@code c_q[j..] += Σ_k a_q[k] b[k][j..]} for k in {@code [k0, k1)}, ascending.
     */
    private static void tile(double[] a0, double[] a1, double[] a2, double[] a3, double[] c0, double[] c1,
            double[] c2, double[] c3, double[] strip, int j, int k0, int k1) {
        int jj = j + LANES;
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, c0, j);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, c0, jj);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, c1, j);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, c1, jj);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, c2, j);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, c2, jj);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, c3, j);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, c3, jj);
        for (int k = k0; k < k1; k++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, strip, k * STRIP);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, strip, k * STRIP + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, a0[k]);
            s00 = x0.fma(b0, s00);
            s01 = x0.fma(b1, s01);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, a1[k]);
            s10 = x1.fma(b0, s10);
            s11 = x1.fma(b1, s11);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, a2[k]);
            s20 = x2.fma(b0, s20);
            s21 = x2.fma(b1, s21);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, a3[k]);
            s30 = x3.fma(b0, s30);
            s31 = x3.fma(b1, s31);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, jj);
        s10.intoArray(c1, j);
        s11.intoArray(c1, jj);
        s20.intoArray(c2, j);
        s21.intoArray(c2, jj);
        s30.intoArray(c3, j);
        s31.intoArray(c3, jj);
    }

    /** One row of a strip: {@code c[j..] += Σ_k a[k] b[k][j..]} for k in {@code [k0, k1)}, ascending. */
    private static void tile(double[] a, double[] c, double[] strip, int j, int k0, int k1) {
        DoubleVector s0 = DoubleVector.fromArray(SPECIES, c, j);
        DoubleVector s1 = DoubleVector.fromArray(SPECIES, c, j + LANES);
        for (int k = k0; k < k1; k++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[k]);
            s0 = x.fma(DoubleVector.fromArray(SPECIES, strip, k * STRIP), s0);
            s1 = x.fma(DoubleVector.fromArray(SPECIES, strip, k * STRIP + LANES), s1);
        }
        s0.intoArray(c, j);
        s1.intoArray(c, j + LANES);
    }

    /** {@link #tile(double[], double[], double[], double[], double[], double[], double[], double[], double[], int, int, int)} with {@code a_q[t] = image[base[t] + o_q]}. */
    private static void gathered(double[] image, int[] base, int o0, int o1, int o2, int o3, double[] c0,
            double[] c1, double[] c2, double[] c3, double[] strip, int j, int k0, int k1) {
        int jj = j + LANES;
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, c0, j);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, c0, jj);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, c1, j);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, c1, jj);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, c2, j);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, c2, jj);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, c3, j);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, c3, jj);
        for (int k = k0; k < k1; k++) {
            int at = base[k];
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, strip, k * STRIP);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, strip, k * STRIP + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, image[at + o0]);
            s00 = x0.fma(b0, s00);
            s01 = x0.fma(b1, s01);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, image[at + o1]);
            s10 = x1.fma(b0, s10);
            s11 = x1.fma(b1, s11);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, image[at + o2]);
            s20 = x2.fma(b0, s20);
            s21 = x2.fma(b1, s21);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, image[at + o3]);
            s30 = x3.fma(b0, s30);
            s31 = x3.fma(b1, s31);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, jj);
        s10.intoArray(c1, j);
        s11.intoArray(c1, jj);
        s20.intoArray(c2, j);
        s21.intoArray(c2, jj);
        s30.intoArray(c3, j);
        s31.intoArray(c3, jj);
    }

    /** One row of {@link #gathered(double[], int[], int, int, int, int, double[], double[], double[], double[], double[], int, int, int)}. */
    private static void gathered(double[] image, int[] base, int o, double[] c, double[] strip, int j, int k0,
            int k1) {
        DoubleVector s0 = DoubleVector.fromArray(SPECIES, c, j);
        DoubleVector s1 = DoubleVector.fromArray(SPECIES, c, j + LANES);
        for (int k = k0; k < k1; k++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, image[base[k] + o]);
            s0 = x.fma(DoubleVector.fromArray(SPECIES, strip, k * STRIP), s0);
            s1 = x.fma(DoubleVector.fromArray(SPECIES, strip, k * STRIP + LANES), s1);
        }
        s0.intoArray(c, j);
        s1.intoArray(c, j + LANES);
    }
}
