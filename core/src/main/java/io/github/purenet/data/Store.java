package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * The storage behind a {@link Table}: arrays filled once by {@link Encoder} or a factory, never
 * written afterwards, shared by the tables that {@link #select} makes. Each kind gives a row back as
 * fresh doubles with the bits it was given.
 */
sealed interface Store permits Levels, Floats, Doubles, OneHot {

    int rows();

    int columns();

    /** @return row {@code i} as a new array of doubles, which the caller may write */
    double[] row(int i);

    /** @return entry {@code (i, j)}, in range (checked by the caller) */
    double get(int i, int j);

    /** @return the rows {@code picked} (checked by the caller), sharing this store's arrays */
    Store select(int[] picked);

    double bytesPerEntry();

    String describe();
}

/** At most 256 distinct values: entry {@code (i, j)} is {@code levels[codes[i][j] & 0xff]}. */
record Levels(byte[][] codes, double[] levels, int columns) implements Store {
    @Override
    public int rows() {
        return codes.length;
    }

    @Override
    public double[] row(int i) {
        byte[] c = codes[i];
        double[] x = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            x[j] = levels[c[j] & 0xff];
        }
        return x;
    }

    @Override
    public double get(int i, int j) {
        return levels[codes[i][j] & 0xff];
    }

    @Override
    public Store select(int[] picked) {
        byte[][] chosen = new byte[picked.length][];
        for (int r = 0; r < picked.length; r++) {
            chosen[r] = codes[picked[r]];
        }
        return new Levels(chosen, levels, columns);
    }

    @Override
    public double bytesPerEntry() {
        return 1;
    }

    @Override
    public String describe() {
        return "1 byte per entry (" + levels.length + (levels.length == 1 ? " level)" : " levels)");
    }
}

/** Every value exactly a float: entry {@code (i, j)} is {@code (double) floats[i][j]}. */
record Floats(float[][] values, int columns) implements Store {
    @Override
    public int rows() {
        return values.length;
    }

    @Override
    public double[] row(int i) {
        float[] f = values[i];
        double[] x = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            x[j] = f[j];
        }
        return x;
    }

    @Override
    public double get(int i, int j) {
        return values[i][j];
    }

    @Override
    public Store select(int[] picked) {
        float[][] chosen = new float[picked.length][];
        for (int r = 0; r < picked.length; r++) {
            chosen[r] = values[picked[r]];
        }
        return new Floats(chosen, columns);
    }

    @Override
    public double bytesPerEntry() {
        return 4;
    }

    @Override
    public String describe() {
        return "4 bytes per entry (floats)";
    }
}

/** Doubles, as a matrix. */
record Doubles(Matrix matrix) implements Store {
    @Override
    public int rows() {
        return matrix.rows();
    }

    @Override
    public int columns() {
        return matrix.columns();
    }

    @Override
    public double[] row(int i) {
        double[] x = new double[matrix.columns()];
        for (int j = 0; j < x.length; j++) {
            x[j] = matrix.get(i, j);
        }
        return x;
    }

    @Override
    public double get(int i, int j) {
        return matrix.get(i, j);
    }

    @Override
    public Store select(int[] picked) {
        return new Doubles(matrix.selectRows(Vector.ofAll(picked)));
    }

    @Override
    public double bytesPerEntry() {
        return 8;
    }

    @Override
    public String describe() {
        return "8 bytes per entry (doubles)";
    }
}

/** One-hot rows kept as their class numbers: entry {@code (i, j)} is 1 if {@code labels[i] == j}, else 0. */
record OneHot(int[] label, int columns) implements Store {
    @Override
    public int rows() {
        return label.length;
    }

    @Override
    public double[] row(int i) {
        double[] x = new double[columns];
        x[label[i]] = 1.0;
        return x;
    }

    @Override
    public double get(int i, int j) {
        return label[i] == j ? 1.0 : 0.0;
    }

    @Override
    public Store select(int[] picked) {
        int[] chosen = new int[picked.length];
        for (int r = 0; r < picked.length; r++) {
            chosen[r] = label[picked[r]];
        }
        return new OneHot(chosen, columns);
    }

    Vector<Integer> labels() {
        return Vector.ofAll(label);
    }

    @Override
    public double bytesPerEntry() {
        return 4.0 / columns;
    }

    @Override
    public String describe() {
        return "one-hot, 4 bytes per row (its class)";
    }
}
