package io.github.purenet.tensor;

import java.util.stream.IntStream;

import java.util.function.DoubleBinaryOperator;

/**
 * The row and column loops behind {@link Matrix}: broadcasts of a row or a column, and sums and
 * maxima, each accumulated from {@code +0.0} (or minus infinity) in ascending order.
 */
final class Reductions {

    private Reductions() {
    }

    static double[][] plusRow(double[][] a, double[] row) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = ai[j] + row[j];
            }
        }
        return c;
    }

    static double[][] zipWithColumn(double[][] a, double[][] column, DoubleBinaryOperator f) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double b = column[i][0];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = f.applyAsDouble(ai[j], b);
            }
        }
        return c;
    }

    static double[][] zipWithRow(double[][] a, double[] row, DoubleBinaryOperator f) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = c[i] = new double[ai.length];
            for (int j = 0; j < ci.length; j++) {
                ci[j] = f.applyAsDouble(ai[j], row[j]);
            }
        }
        return c;
    }

    static double[] columnSums(double[][] a) {
        double[] sums = new double[a[0].length];
        for (double[] ai : a) {
            for (int j = 0; j < sums.length; j++) {
                sums[j] += ai[j];
            }
        }
        return sums;
    }

    static double[][] rowSums(double[][] a) {
        double[][] sums = Entrywise.zeros(a.length, 1);
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (double x : a[i]) {
                s += x;
            }
            sums[i][0] = s;
        }
        return sums;
    }

    static double[][] rowMaxima(double[][] a) {
        double[][] maxima = Entrywise.zeros(a.length, 1);
        for (int i = 0; i < a.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double x : a[i]) {
                m = Math.max(m, x);
            }
            maxima[i][0] = m;
        }
        return maxima;
    }

    static double sum(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double x : row) {
                s += x;
            }
        }
        return s;
    }

    static double sumOfSquares(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double x : row) {
                s = Math.fma(x, x, s);
            }
        }
        return s;
    }

    /** Whether every entry is finite: on the common pool when {@code a} has many entries. */
    static boolean isFinite(double[][] a) {
        if (Entrywise.parallel(a.length, a[0].length)) {
            return IntStream.range(0, a.length).parallel().allMatch(i -> isFinite(a[i]));
        }
        for (double[] row : a) {
            if (!isFinite(row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFinite(double[] row) {
        for (double x : row) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
