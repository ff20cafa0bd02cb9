package io.github.purenet.tensor;

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

    /**
     * Whether every entry is finite: {@code 0 · x} is {@code 0} for a finite {@code x} and NaN for
     * an infinite or NaN one, and a sum with a NaN is NaN, so a row is finite when the sum of its
     * {@code 0 · x} is zero. Four sums, without a branch per entry, let the processor add four
     * entries at a time; training asks this of every parameter after every step.
     */
    static boolean isFinite(double[][] a) {
        for (double[] row : a) {
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            int j = 0;
            for (; j + 3 < row.length; j += 4) {
                s0 += 0.0 * row[j];
                s1 += 0.0 * row[j + 1];
                s2 += 0.0 * row[j + 2];
                s3 += 0.0 * row[j + 3];
            }
            for (; j < row.length; j++) {
                s0 += 0.0 * row[j];
            }
            if (s0 + s1 + s2 + s3 != 0.0) {
                return false;
            }
        }
        return true;
    }
}
