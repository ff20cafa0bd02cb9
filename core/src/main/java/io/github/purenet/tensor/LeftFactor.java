package io.github.purenet.tensor;

/** The left factor {@code A} of a product, as the kernels read it: a few rows over a block of the inner index. */
@FunctionalInterface
interface LeftFactor {
    /**
     * Writes {@code A[i0 + r][k]} at {@code into[(k - k0) * stride + r]}, for {@code r} in
     * {@code [0, rows)} and {@code k} in {@code [k0, k1)}.
     */
    void read(int i0, int rows, int k0, int k1, double[] into, int stride);
}
