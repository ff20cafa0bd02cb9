package io.github.purenet.data;

import io.vavr.collection.Vector;

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
