package io.github.purenet.tensor;

/**
 * Product kernels that can stand in for the plain ones of {@link Products}, with the same bits:
 * implemented by {@code VectorKernels}, which {@link Products} loads by name only when the JVM has
 * the vector API, so that nothing else refers to the incubating module.
 *
 * <p>Each product reads the right factor packed once ({@link #pack} or {@link #packTransposed}), or
 * its rows in place, and the left factor through a {@link LeftFactor}, a few rows at a time; it
 * computes a block of rows and column strips of the result into {@code c}, which the caller owns.
 */
interface ProductKernels {

    /** @return {@code b} packed for {@link #times} */
    double[][] pack(double[][] b);

    /**
     * @return {@code b}, the rows of a {@code (b.length / columns) x columns} matrix one after
     *     another, packed for {@link #times}: in {@code buffer} when it has that layout
     */
    double[][] pack(double[] b, int columns, double[][] buffer);

    /** @return {@code wᵀ} packed for {@link #times}, read from {@code w} */
    double[][] packTransposed(double[][] w);

    /**
     * Rows {@code [i0, i1)} and the columns of strips {@code [s0, s1)} of {@code c += A · b}, each
     * entry's chain continuing from its value in {@code c} over the inner index ascending. With
     * {@code packed}, {@code b} is in its packed layout: {@code pack(b)}, {@code packTransposed(bᵀ)},
     * or strips written in that layout directly; without, {@code b} is the factor's rows, read in
     * place and not copied.
     */
    void times(LeftFactor left, double[][] b, boolean packed, double[][] c, int i0, int i1, int s0, int s1);

    /** @return the number of strips of columns of a product with {@code columns} columns */
    int strips(int columns);
}
