package io.github.purenet.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The entry-wise loops behind {@link Matrix}: each returns new rows and writes nothing it was given.
 * The common operations have loops of their own, free of lambdas, which C2 vectorises.
 */
final class Entrywise {

    private Entrywise() {
    }

    /**
     * A new {@code rows x columns} array of zeros, allocated row by row: {@code new double[r][c]}
     * is a call into the JVM's runtime that costs about 100 ns however small the array, which
     * dominated the products of a one-example batch.
     */
    static double[][] zeros(int rows, int columns) {
        double[][] c = new double[rows][];
        forRows(rows, columns, i -> c[i] = new double[columns]);
        return c;
    }

    /** Below this many entries, entry-wise functions run on the calling thread alone. */
    static final long PARALLEL_ENTRIES = 1L << 15;

    static double[][] map(double[][] a, DoubleUnaryOperator f) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = f.applyAsDouble(ai[j]);
            }
        });
        return c;
    }

    static double[][] zipWith(double[][] a, double[][] b, DoubleBinaryOperator f) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = f.applyAsDouble(ai[j], bi[j]);
            }
        });
        return c;
    }

    /**
     * Runs {@code row} for every row of {@code a}: on the common pool when {@code a} has at least
     * {@link #PARALLEL_ENTRIES} entries. Each row is computed the same way on any thread, so the
     * bits do not depend on the number of threads; writing a new row's zeros is shared out too.
     */
    static void forRows(double[][] a, IntConsumer row) {
        forRows(a.length, a[0].length, row);
    }

    private static void forRows(int rows, int columns, IntConsumer row) {
        if (parallel(rows, columns)) {
            IntStream.range(0, rows).parallel().forEach(row);
            return;
        }
        for (int i = 0; i < rows; i++) {
            row.accept(i);
        }
    }

    /** Whether an entry-wise function of a {@code rows x columns} matrix shares its rows out. */
    static boolean parallel(int rows, int columns) {
        return rows > 1 && (long) rows * columns >= PARALLEL_ENTRIES;
    }

    static double[][] scale(double[][] a, double factor) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = factor * ai[j];
            }
        });
        return c;
    }

    /** {@code a + b}: {@code plusScaled} by 1, exactly, since {@code 1 · b = b}. */
    static double[][] plus(double[][] a, double[][] b) {
        return plusScaled(a, b, 1.0);
    }

    /** {@code a + factor · b}, with the bits of {@code plus(a, scale(b, factor))}. */
    static double[][] plusScaled(double[][] a, double[][] b, double factor) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = ai[j] + factor * bi[j];
            }
        });
        return c;
    }

    /** {@code a - b}: {@code plusScaled} by -1, exactly, since {@code a + (-b) = a - b} in IEEE arithmetic. */
    static double[][] minus(double[][] a, double[][] b) {
        return plusScaled(a, b, -1.0);
    }

    static double[][] relu(double[][] a) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = ai[j] > 0.0 ? ai[j] : 0.0;
            }
        });
        return c;
    }

    static double[][] reluGradient(double[][] z, double[][] g) {
        double[][] c = new double[z.length][];
        forRows(z, i -> {
            double[] zi = z[i];
            double[] gi = g[i];
            double[] ci = c[i] = new double[zi.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = (zi[j] > 0.0 ? 1.0 : 0.0) * gi[j];
            }
        });
        return c;
    }

    static double[][] hadamard(double[][] a, double[][] b) {
        double[][] c = new double[a.length][];
        forRows(a, i -> {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = ai[j] * bi[j];
            }
        });
        return c;
    }
}
