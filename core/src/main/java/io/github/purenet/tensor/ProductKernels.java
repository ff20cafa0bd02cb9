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

    /** Rows {@code [i0, i1)} of {@code c = a · b}. */
    void times(double[][] a, double[][] b, double[][] packed, double[][] c, int i0, int i1);

    /** Rows {@code [i0, i1)} of {@code c = a · wᵀ}. */
    void timesTranspose(double[][] a, double[][] w, double[][] packed, double[][] c, int i0, int i1);
}
