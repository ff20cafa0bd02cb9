package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import java.util.Arrays;

/**
 * Chooses and fills the storage of {@link Table#of(int, int, Matrix.Entries)} in one pass over the
 * entries, row by row: levels (one byte per entry) while there are at most 256 distinct values,
 * then floats while every value is exactly a float, then doubles; the rows stored so far are
 * converted when the kind changes. Values are told apart by their bits.
 */
final class Encoder {

    private static final int LEVELS = 256;
    private static final int SLOTS = 1024; // open addressing, at most a quarter full

    private Encoder() {
    }

    static Store encode(int rows, int columns, Matrix.Entries entries) {
        Palette levels = new Palette(); // all local: filled here, handed to the store at the end
        byte[][] codes = new byte[rows][];
        float[][] floats = null;
        double[][] doubles = null;
        for (int i = 0; i < rows; i++) {
            double[] x = new double[columns];
            for (int j = 0; j < columns; j++) {
                x[j] = entries.at(i, j);
            }
            if (codes != null) {
                byte[] c = levels.codes(x);
                if (c != null) {
                    codes[i] = c;
                    continue;
                }
                boolean exact = exactFloats(levels.values, levels.count());
                floats = exact ? new float[rows][] : null;
                doubles = exact ? null : new double[rows][];
                for (int r = 0; r < i; r++) {
                    double[] row = levels.row(codes[r]);
                    if (exact) {
                        floats[r] = toFloats(row);
                    } else {
                        doubles[r] = row;
                    }
                    codes[r] = null;
                }
                codes = null;
            }
            if (floats != null) {
                if (exactFloats(x, columns)) {
                    floats[i] = toFloats(x);
                    continue;
                }
                doubles = new double[rows][];
                for (int r = 0; r < i; r++) {
                    doubles[r] = new double[columns];
                    for (int j = 0; j < columns; j++) {
                        doubles[r][j] = floats[r][j];
                    }
                    floats[r] = null;
                }
                floats = null;
            }
            doubles[i] = x;
        }
        if (codes != null) {
            return new Levels(codes, Arrays.copyOf(levels.values, levels.count()), columns);
        }
        if (floats != null) {
            return new Floats(floats, columns);
        }
        double[][] all = doubles;
        return new Doubles(Matrix.of(rows, columns, (i, j) -> {
            double value = all[i][j];
            if (j == columns - 1) {
                all[i] = null; // copied into the matrix: let it go
            }
            return value;
        }));
    }

    /**
     * The store of {@link Table#ofLevels}: the codes as bytes, then renumbered as {@link #encode}
     * numbers values, in the order they are first seen, with levels of the same bits merged.
     */
    static Store levels(int rows, int columns, double[] levels, LevelCodes codes) {
        byte[][] raw = new byte[rows][];
        for (int i = 0; i < rows; i++) {
            byte[] c = new byte[columns];
            for (int j = 0; j < columns; j++) {
                int k = codes.at(i, j);
                if (k < 0 || k >= levels.length) {
                    throw new IllegalArgumentException("codes: the code of (" + i + ", " + j + ") is " + k
                            + ", expected 0 to " + (levels.length - 1) + " (" + levels.length + " levels)");
                }
                c[j] = (byte) k;
            }
            raw[i] = c;
        }
        int[] number = new int[levels.length]; // each code's number in the order first seen; -1 before
        Arrays.fill(number, -1);
        double[] values = new double[levels.length];
        int count = 0;
        int seen = 0;
        for (int i = 0; i < rows && seen < levels.length; i++) {
            for (byte b : raw[i]) {
                int k = b & 0xff;
                if (number[k] < 0) {
                    number[k] = sameBits(values, count, levels[k]);
                    if (number[k] == count) {
                        values[count++] = levels[k];
                    }
                    seen++;
                }
            }
        }
        byte[] renumber = new byte[LEVELS];
        boolean same = true;
        for (int k = 0; k < levels.length; k++) {
            renumber[k] = (byte) number[k];
            same &= number[k] == k;
        }
        for (int i = 0; i < rows && !same; i++) {
            byte[] c = raw[i];
            for (int j = 0; j < columns; j++) {
                c[j] = renumber[c[j] & 0xff];
            }
        }
        return new Levels(raw, Arrays.copyOf(values, count), columns);
    }

    /** The index of the first of {@code values[0..count)} with the bits of {@code x}, or {@code count}. */
    private static int sameBits(double[] values, int count, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int k = 0;
        while (k < count && Double.doubleToRawLongBits(values[k]) != bits) {
            k++;
        }
        return k;
    }

    /** The distinct values seen so far, at most 256, found by their bits in a small hash table. */
    private static final class Palette {
        private final long[] slotBits = new long[SLOTS];
        private final int[] slotCode = new int[SLOTS]; // -1 for an empty slot
        private final double[] values = new double[LEVELS];
        private final int[] counter = {0}; // the number of values, in an array as fields are final

        Palette() {
            Arrays.fill(slotCode, -1);
        }

        int count() {
            return counter[0];
        }

        /** @return the codes of a row, adding its new values; null if they would make more than 256 */
        byte[] codes(double[] x) {
            byte[] c = new byte[x.length];
            long lastBits = 0;
            byte lastCode = -1; // no value yet: codes are found by their bits below
            for (int j = 0; j < x.length; j++) {
                long bits = Double.doubleToRawLongBits(x[j]);
                if (bits == lastBits && j > 0) { // runs of one value (an image's background) skip the hash table
                    c[j] = lastCode;
                    continue;
                }
                int slot = (int) (mix(bits) & (SLOTS - 1));
                while (slotCode[slot] >= 0 && slotBits[slot] != bits) {
                    slot = (slot + 1) & (SLOTS - 1);
                }
                if (slotCode[slot] < 0) {
                    if (counter[0] == LEVELS) {
                        return null;
                    }
                    slotBits[slot] = bits;
                    slotCode[slot] = counter[0];
                    values[counter[0]++] = x[j];
                }
                c[j] = (byte) slotCode[slot];
                lastBits = bits;
                lastCode = c[j];
            }
            return c;
        }

        double[] row(byte[] codes) {
            double[] x = new double[codes.length];
            for (int j = 0; j < codes.length; j++) {
                x[j] = values[codes[j] & 0xff];
            }
            return x;
        }
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            f[j] = (float) x[j];
        }
        return f;
    }

    /** Whether each of the first {@code n} values is exactly a float (so a float keeps its bits). */
    private static boolean exactFloats(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            if (Double.doubleToRawLongBits((double) (float) x[j]) != Double.doubleToRawLongBits(x[j])) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long bits) {
        long h = bits * 0x9e3779b97f4a7c15L;
        return h ^ (h >>> 29);
    }
}
