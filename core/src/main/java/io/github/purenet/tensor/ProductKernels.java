package io.github.purenet.tensor;

/**
 * Product kernels that can stand in for the plain ones of {@link Products}, with the same bits:
 * implemented by {@code VectorKernels}, which {@link Products} loads by name only when the JVM has
 * the vector API, so that nothing else refers to the incubating module.
 *
 * <p>Each product takes the right factor packed ({@link #pack} or {@link #packTransposed}) once,
 * then computes rows {@code [i0, i1)} of the result into {@code c}, which the caller owns.
 */
interface ProductKernels {

    /** @return the columns of a packed strip: a product whose right factor has a multiple of them packs no padding */
    int strip();

    /** @return {@code b} packed for {@link #times} */
    double[][] pack(double[][] b);

    /** @return {@code wᵀ} packed for {@link #timesTranspose}, read from {@code w} */
    double[][] packTransposed(double[][] w);

    /**
     * Rows {@code [i0, i1)} of {@code c += a · b}, each entry's chain continuing from its value in
     * {@code c}, with {@code b} in its packed layout: {@code pack(b)}, {@code packTransposed(bᵀ)},
     * or strips written in that layout directly.
     */
    void times(double[][] a, double[][] packed, double[][] c, int i0, int i1);

    /**
     * Rows {@code [i0, i1)} of {@code c += G · b}, where {@code G[i][t] = image[base[t] + offsets[i]]}
     * is read from the image as it is needed, never built, and {@code b} is packed: each entry's chain
     * continues from its value in {@code c}, over {@code t} ascending.
     */
    void timesGathered(double[] image, int[] base, int[] offsets, double[][] packed, double[][] c, int i0, int i1);
}
