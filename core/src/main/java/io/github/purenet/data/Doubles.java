package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

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
