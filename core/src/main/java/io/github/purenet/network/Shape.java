package io.github.purenet.network;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The shape of one example: {@code 784} for a flat example of 784 features, {@code 28x28x1} for an
 * image of 28 rows, 28 columns and one channel.
 *
 * <h2>Layout</h2>
 * A batch is a {@link io.github.purenet.tensor.Matrix} with one example per row, so an example of
 * any shape is a row of {@link #size()} entries, the product of the dimensions. The dimensions are
 * laid out in row-major order, the last one varying fastest; an image is {@code height x width x
 * channels}, channels last, as Keras and TensorFlow lay out an {@code NHWC} tensor. The entry of row
 * {@code r}, column {@code c} and channel {@code ch} is at
 * <pre>{@code
 * index(r, c, ch) = (r * width + c) * channels + ch
 * }</pre>
 * so the channels of one pixel are adjacent, and the pixels follow one another row by row.
 *
 * <h2>Text</h2>
 * A shape prints as its dimensions joined by {@code x} ({@code 784}, {@code 28x28x1}), and
 * {@link #parse(String)} reads that text back, for the command line.
 *
 * <h2>Why a record</h2>
 * A shape is pure data, equal to another exactly when their dimensions are equal, so it is a record
 * of one immutable {@link Vector}: equality and hashing come from the dimensions. The canonical
 * constructor checks every dimension, so no invalid shape can exist however it is built; the
 * {@code of} factories name their arguments in their messages.
 *
 * <h2>Mismatches</h2>
 * Every layer reports an input of the wrong shape through {@link #mismatch}, so that all such
 * errors read alike: {@code layers[3].inner.layers[0]: expected input shape 128, got 64}.
 *
 * @param dims the dimensions, outermost first; at least one, each at least 1, with a product that
 *     fits an {@code int}
 */
public record Shape(Vector<Integer> dims) {

    /**
     * Checks the dimensions.
     *
     * @param dims the dimensions, outermost first; at least one, each at least 1, with a product
     *     that fits an {@code int}
     * @throws IllegalArgumentException naming the dimension and its value, or the shape whose size
     *     overflows
     */
    public Shape {
        Objects.requireNonNull(dims, "dims is null");
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("Shape: dims is empty; a shape has at least one dimension");
        }
        for (int i = 0; i < dims.size(); i++) {
            Integer d = dims.get(i);
            if (d == null || d < 1) {
                throw new IllegalArgumentException("Shape: dims[" + i + "] is " + d + ", must be at least 1 (dims "
                        + dims.mkString("[", ", ", "]") + ")");
            }
        }
        sizeOf("Shape", dims);
    }

    /**
     * The shape of a flat example of {@code width} features.
     *
     * @param width the number of features, at least 1
     * @return the rank-1 shape {@code width}
     * @throws IllegalArgumentException if {@code width} is below 1
     */
    public static Shape of(int width) {
        requirePositive("width", width);
        return new Shape(Vector.of(width));
    }

    /**
     * The shape of an image of {@code height} rows, {@code width} columns and {@code channels}
     * channels, channels last.
     *
     * @param height the number of rows, at least 1
     * @param width the number of columns, at least 1
     * @param channels the number of channels, at least 1
     * @return the rank-3 shape {@code height x width x channels}
     * @throws IllegalArgumentException if an argument is below 1, or the size does not fit an {@code int}
     */
    public static Shape of(int height, int width, int channels) {
        requirePositive("height", height);
        requirePositive("width", width);
        requirePositive("channels", channels);
        return new Shape(Vector.of(height, width, channels));
    }

    /**
     * The shape of the given dimensions, of any rank.
     *
     * @param dims the dimensions, outermost first; at least one, each at least 1
     * @return the shape
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public static Shape of(Seq<Integer> dims) {
        Objects.requireNonNull(dims, "dims is null");
        return new Shape(Vector.ofAll(dims));
    }

    /**
     * Reads a shape from its text, the dimensions joined by {@code x}: {@code 784}, {@code 28x28x1}.
     * Each dimension is written in decimal digits only (no sign, space or other separator).
     *
     * @param text the text, as {@link #toString()} prints it
     * @return the shape
     * @throws IllegalArgumentException naming the text and what is wrong with it: empty, a part that
     *     is not a number, a dimension below 1, or a dimension or size that does not fit an {@code int}
     */
    public static Shape parse(String text) {
        Objects.requireNonNull(text, "text is null");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Shape.parse: the text is empty; expected dimensions joined by x, "
                    + "such as 784 or 28x28x1");
        }
        Vector<String> parts = Vector.of(text.split("x", -1));
        Vector<Integer> dims = Vector.empty();
        for (int i = 0; i < parts.size(); i++) {
            dims = dims.append(dimension(text, i + 1, parts.get(i)));
        }
        sizeOf("Shape.parse: \"" + text + "\"", dims);
        return new Shape(dims);
    }

    /**
     * The standard error for an input of the wrong shape, so that every layer reports a mismatch
     * alike: {@code mismatch("layers[3].inner.layers[0]", Shape.of(128), Shape.of(64))} has the message
     * {@code layers[3].inner.layers[0]: expected input shape 128, got 64}. It is returned, not thrown,
     * so that the caller writes {@code throw Shape.mismatch(...)}.
     *
     * @param path the layer's path in the network, such as {@code layers[3].inner.layers[0]}; not blank
     * @param expected the shape the layer takes
     * @param actual the shape it was given, different from {@code expected}
     * @return the exception to throw
     * @throws IllegalArgumentException if {@code path} is blank or the two shapes are equal
     */
    public static IllegalArgumentException mismatch(String path, Shape expected, Shape actual) {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(expected, "expected is null");
        Objects.requireNonNull(actual, "actual is null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("Shape.mismatch: path is blank; name the layer, such as layers[0]");
        }
        if (expected.equals(actual)) {
            throw new IllegalArgumentException("Shape.mismatch: " + path + ": expected and actual are both "
                    + expected + ", which is no mismatch");
        }
        return new IllegalArgumentException(path + ": expected input shape " + expected + ", got " + actual);
    }

    /** @return the number of dimensions: 1 for {@code 784}, 3 for {@code 28x28x1} */
    public int rank() {
        return dims.size();
    }

    /** @return the number of entries of one example, the product of the dimensions */
    public int size() {
        return sizeOf("Shape", dims);
    }

    /** @return whether this shape has one dimension, as the input of a dense layer does */
    public boolean isFlat() {
        return rank() == 1;
    }

    /**
     * The width: the only dimension of a flat shape, the number of columns of an image.
     *
     * @return the width
     * @throws IllegalStateException if the rank is neither 1 nor 3
     */
    public int width() {
        if (rank() != 1 && rank() != 3) {
            throw new IllegalStateException("Shape " + this + " has rank " + rank()
                    + "; width is defined for rank 1 (width) and rank 3 (height x width x channels)");
        }
        return dims.get(rank() == 1 ? 0 : 1);
    }

    /**
     * The number of rows of an image, {@code height x width x channels}.
     *
     * @return the height, the first dimension
     * @throws IllegalStateException if the rank is not 3
     */
    public int height() {
        return image("height", 0);
    }

    /**
     * The number of channels of an image, {@code height x width x channels}.
     *
     * @return the channels, the last dimension
     * @throws IllegalStateException if the rank is not 3
     */
    public int channels() {
        return image("channels", 2);
    }

    /**
     * The position in an example's row of the entry at row {@code r}, column {@code c} and channel
     * {@code ch} of an image: {@code (r * width + c) * channels + ch}.
     *
     * @param r the row, in {@code [0, height)}
     * @param c the column, in {@code [0, width)}
     * @param ch the channel, in {@code [0, channels)}
     * @return the index, in {@code [0, size())}
     * @throws IllegalStateException if the rank is not 3
     * @throws IndexOutOfBoundsException naming the argument, its value and its bound
     */
    public int index(int r, int c, int ch) {
        requireIndex("r", r, height());
        requireIndex("c", c, width());
        requireIndex("ch", ch, channels());
        return (r * width() + c) * channels() + ch;
    }

    /** @return the dimensions joined by {@code x}, such as {@code 784} or {@code 28x28x1} */
    @Override
    public String toString() {
        return dims.mkString("x");
    }

    private int image(String name, int dim) {
        if (rank() != 3) {
            throw new IllegalStateException("Shape " + this + " has rank " + rank() + "; " + name
                    + " is defined for rank 3 (height x width x channels) only");
        }
        return dims.get(dim);
    }

    private static int sizeOf(String who, Vector<Integer> dims) {
        int size = 1;
        for (int d : dims) {
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(who + ": " + dims.mkString("x") + " has more than "
                        + Integer.MAX_VALUE + " entries; an example must fit in one row of a Matrix", e);
            }
        }
        return size;
    }

    private void requireIndex(String name, int value, int bound) {
        if (value < 0 || value >= bound) {
            throw new IndexOutOfBoundsException("Shape " + this + ": " + name + " is " + value
                    + ", outside [0, " + bound + ")");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Shape.of: " + name + " is " + value + ", must be at least 1");
        }
    }

    private static int dimension(String text, int position, String part) {
        String where = "Shape.parse: \"" + text + "\": dimension " + position;
        if (part.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty; expected dimensions joined by x, such as 28x28x1");
        }
        if (!part.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException(where + " is \"" + part + "\", not a number of decimal digits");
        }
        int value;
        try {
            value = Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is " + part + ", larger than " + Integer.MAX_VALUE, e);
        }
        if (value < 1) {
            throw new IllegalArgumentException(where + " is " + value + ", must be at least 1");
        }
        return value;
    }
}
