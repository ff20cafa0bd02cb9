package io.github.purenet.io;

/**
 * The shape of one image whose pixels are the features of an example, row by row: pixel
 * {@code (r, c)} is feature {@code r · columns + c}. MNIST's images are {@code 28x28}.
 *
 * @param rows the number of rows of pixels, at least 1
 * @param columns the number of columns of pixels, at least 1
 */
public record ImageShape(int rows, int columns) {

    /**
     * Checks that both sizes are positive and that their product fits in an {@code int}.
     *
     * @param rows the number of rows of pixels
     * @param columns the number of columns of pixels
     */
    public ImageShape {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("ImageShape: expected rows and columns >= 1, got " + rows + "x" + columns);
        }
        Math.multiplyExact(rows, columns); // an ArithmeticException if the pixels do not fit in an int
    }

    /** @return the number of pixels, {@code rows · columns} */
    public int pixels() {
        return rows * columns;
    }

    /** @return the shape, such as {@code 28x28} */
    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
