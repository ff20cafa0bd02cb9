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
     * The full strips of {@code b}, packed for {@link #times} (and so for {@code aᵀ · b}, the
     * product of a copied block of {@code aᵀ} by {@code b}): strip {@code s} holds columns
     * {@code [STRIP s, STRIP (s + 1))} of every row, row after row, so that the tiles read it front
     * to back instead of one page of memory per row of {@code b}.
     */
    @Override
    public double[][] pack(double[][] b) {
        double[][] packed = new double[b[0].length / STRIP][];
        forEachStrip(packed.length, b.length, s -> {
            double[] strip = packed[s] = new double[b.length * STRIP];
            for (int k = 0; k < b.length; k++) {
                System.arraycopy(b[k], s * STRIP, strip, k * STRIP, STRIP);
            }
        });
        return packed;
    }

    /**
     * The full strips of {@code wᵀ}, read from {@code w} ({@code m x p}) without building the
     * transpose: strip {@code s} holds rows {@code [STRIP s, STRIP (s + 1))} of {@code w}, one
     * column of them after another; the same layout as {@code pack(transpose(w))}.
     */
    @Override
    public double[][] packTransposed(double[][] w) {
        int p = w[0].length;
        double[][] packed = new double[w.length / STRIP][];
        forEachStrip(packed.length, p, s -> {
            double[] strip = packed[s] = new double[p * STRIP];
            double[][] rows = new double[STRIP][]; // the strip's rows of w, read side by side
            System.arraycopy(w, s * STRIP, rows, 0, STRIP);
            for (int k = 0; k < p; k++) {
                int at = k * STRIP;
                for (int q = 0; q < STRIP; q++) {
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

    /** Rows {@code [i0, i1)} of {@code c = a · b}, with {@code packed = pack(b)}. */
    @Override
    public void times(double[][] a, double[][] b, double[][] packed, double[][] c, int i0, int i1) {
        times(a, b, false, packed, c, i0, i1);
    }

    /** Rows {@code [i0, i1)} of {@code c = a · wᵀ}, with {@code packed = packTransposed(w)}. */
    @Override
    public void timesTranspose(double[][] a, double[][] w, double[][] packed, double[][] c, int i0, int i1) {
        times(a, w, true, packed, c, i0, i1);
    }

    /** Rows of {@code a · b}, or of {@code a · bᵀ} when {@code transposed}; {@code packed}: the right factor's strips. */
    private static void times(double[][] a, double[][] b, boolean transposed, double[][] packed, double[][] c,
            int i0, int i1) {
        int p = a[0].length;
        int m = c[0].length;
        int j1 = packed.length * STRIP;
        for (int k0 = 0; k0 < p; k0 += K_BLOCK) {
            int k1 = Math.min(p, k0 + K_BLOCK);
            for (int s = 0; s < packed.length; s++) {
                int i = i0;
                for (; i + 3 < i1; i += 4) {
                    tile(a[i], a[i + 1], a[i + 2], a[i + 3], c[i], c[i + 1], c[i + 2], c[i + 3], packed[s], s * STRIP,
                            k0, k1);
                }
                for (; i < i1; i++) {
                    tile(a[i], c[i], packed[s], s * STRIP, k0, k1);
                }
            }
            for (int i = i0; i < i1; i++) {
                if (transposed) {
                    restTransposed(a[i], c[i], b, j1, m, k0, k1);
                } else {
                    rest(a[i], c[i], b, j1, m, k0, k1);
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

    /**
     * Columns {@code [j0, j1)} of one row of {@code a · wᵀ}: dot products with the rows of
     * {@code w}, fewer than a strip, all advanced together one {@code k} at a time so that their
     * chains overlap instead of waiting on one another.
     */
    private static void restTransposed(double[] ai, double[] ci, double[][] w, int j0, int j1, int k0, int k1) {
        if (j0 >= j1) {
            return;
        }
        double[] s = Arrays.copyOfRange(ci, j0, j1); // the chains so far, local
        for (int k = k0; k < k1; k++) {
            double x = ai[k];
            for (int q = 0; q < s.length; q++) {
                s[q] = Math.fma(x, w[j0 + q][k], s[q]);
            }
        }
        System.arraycopy(s, 0, ci, j0, s.length);
    }

    /**
     * Columns {@code [j0, j1)} of one row, fewer than a strip: a vector of them if there are that
     * many, and the others one column each, all advanced together one {@code k} at a time.
     */
    private static void rest(double[] ai, double[] ci, double[][] b, int j0, int j1, int k0, int k1) {
        if (j0 >= j1) {
            return;
        }
        boolean vector = j0 + LANES <= j1;
        int t0 = vector ? j0 + LANES : j0;
        DoubleVector v = vector ? DoubleVector.fromArray(SPECIES, ci, j0) : null;
        double[] s = Arrays.copyOfRange(ci, t0, j1); // the scalar chains so far, local
        for (int k = k0; k < k1; k++) {
            double x = ai[k];
            double[] bk = b[k];
            if (vector) {
                v = DoubleVector.broadcast(SPECIES, x).fma(DoubleVector.fromArray(SPECIES, bk, j0), v);
            }
            for (int q = 0; q < s.length; q++) {
                s[q] = Math.fma(x, bk[t0 + q], s[q]);
            }
        }
        if (vector) {
            v.intoArray(ci, j0);
        }
        System.arraycopy(s, 0, ci, t0, s.length);
    }
}
