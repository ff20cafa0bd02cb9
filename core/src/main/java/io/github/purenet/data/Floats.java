package io.github.purenet.data;

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
