package io.github.purenet.data;

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
