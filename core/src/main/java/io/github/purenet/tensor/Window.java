package io.github.purenet.tensor;

/**
 * Where a sliding window visits an image: the image's size, the window's, its stride and the zero
 * padding before the first row and column, and the size of the output that results. Convolutions
 * and pooling ({@link Images}) take one.
 *
 * <p>An image is a row of {@code height * width * channels} entries, channels last: the entry at
 * row {@code r}, column {@code c} and channel {@code ch} is at {@code (r * width + c) * channels + ch}.
 * Output position {@code (i, j)} covers the image rows {@code i * stride - padTop} to
 * {@code i * stride - padTop + windowHeight - 1}, and the columns likewise; entries outside the
 * image are the padding, {@code +0.0}.
 *
 * <p>{@link #valid} places the window only where it fits, as Keras's {@code padding="valid"} and
 * PyTorch's {@code padding=0} do; {@link #same} pads so that the output has
 * {@code ceil(height / stride)} rows (and columns likewise), with the extra row or column of an odd
 * padding after the image, as Keras's and TensorFlow's {@code padding="same"} do.
 *
 * @param height the image's rows, at least 1
 * @param width the image's columns, at least 1
 * @param channels the image's channels, at least 1
 * @param windowHeight the window's rows, at least 1
 * @param windowWidth the window's columns, at least 1
 * @param stride the step between two window positions, in rows and in columns, at least 1
 * @param padTop the rows of zeros before the image's first row, from 0 to {@code windowHeight - 1}
 * @param padLeft the columns of zeros before the image's first column, from 0 to {@code windowWidth - 1}
 * @param outputHeight the number of window positions down the image, at least 1
 * @param outputWidth the number of window positions across the image, at least 1
 */
public record Window(int height, int width, int channels, int windowHeight, int windowWidth, int stride, int padTop,
        int padLeft, int outputHeight, int outputWidth) {

    /**
     * Checks every size, and that every window position overlaps the image.
     *
     * @param height the image's rows
     * @param width the image's columns
     * @param channels the image's channels
     * @param windowHeight the window's rows
     * @param windowWidth the window's columns
     * @param stride the step between two positions
     * @param padTop the rows of zeros before the image
     * @param padLeft the columns of zeros before the image
     * @param outputHeight the positions down the image
     * @param outputWidth the positions across the image
     */
    public Window {
        positive("height", height);
        positive("width", width);
        positive("channels", channels);
        positive("windowHeight", windowHeight);
        positive("windowWidth", windowWidth);
        positive("stride", stride);
        positive("outputHeight", outputHeight);
        positive("outputWidth", outputWidth);
        if (padTop < 0 || padTop >= windowHeight || padLeft < 0 || padLeft >= windowWidth) {
            throw new IllegalArgumentException("Window: padding " + padTop + "x" + padLeft + " must be at least 0 and "
                    + "below the window " + windowHeight + "x" + windowWidth);
        }
        long lastRow = (long) (outputHeight - 1) * stride - padTop;
        long lastColumn = (long) (outputWidth - 1) * stride - padLeft;
        if (lastRow >= height || lastColumn >= width) {
            throw new IllegalArgumentException("Window: an output of " + outputHeight + "x" + outputWidth
                    + " positions with stride " + stride + " starts its last window outside the image "
                    + height + "x" + width);
        }
        Math.multiplyExact(Math.multiplyExact(height, width), channels);
        Math.multiplyExact(Math.multiplyExact(windowHeight, windowWidth), channels);
    }

    /**
     * The window placed only where it fits: {@code floor((height - windowHeight) / stride) + 1}
     * positions down, and likewise across.
     *
     * @param height the image's rows
     * @param width the image's columns
     * @param channels the image's channels
     * @param windowHeight the window's rows, at most {@code height}
     * @param windowWidth the window's columns, at most {@code width}
     * @param stride the step between two positions
     * @return the window
     * @throws IllegalArgumentException naming the size that is not positive, or the window and the
     *     image when the window is larger
     */
    public static Window valid(int height, int width, int channels, int windowHeight, int windowWidth, int stride) {
        positive("height", height);
        positive("width", width);
        positive("windowHeight", windowHeight);
        positive("windowWidth", windowWidth);
        positive("stride", stride);
        if (windowHeight > height || windowWidth > width) {
            throw new IllegalArgumentException("Window.valid: the window " + windowHeight + "x" + windowWidth
                    + " does not fit the image " + height + "x" + width + "; use a smaller window or same padding");
        }
        return new Window(height, width, channels, windowHeight, windowWidth, stride, 0, 0,
                (height - windowHeight) / stride + 1, (width - windowWidth) / stride + 1);
    }

    /**
     * The window padded so that there are {@code ceil(height / stride)} positions down and
     * {@code ceil(width / stride)} across: the padding needed, {@code max((out - 1) * stride +
     * window - size, 0)}, is split with its smaller half before the image.
     *
     * @param height the image's rows
     * @param width the image's columns
     * @param channels the image's channels
     * @param windowHeight the window's rows
     * @param windowWidth the window's columns
     * @param stride the step between two positions
     * @return the window
     * @throws IllegalArgumentException naming the size that is not positive
     */
    public static Window same(int height, int width, int channels, int windowHeight, int windowWidth, int stride) {
        positive("height", height);
        positive("width", width);
        positive("windowHeight", windowHeight);
        positive("windowWidth", windowWidth);
        positive("stride", stride);
        int outputHeight = (height + stride - 1) / stride;
        int outputWidth = (width + stride - 1) / stride;
        int padRows = Math.max((outputHeight - 1) * stride + windowHeight - height, 0);
        int padColumns = Math.max((outputWidth - 1) * stride + windowWidth - width, 0);
        return new Window(height, width, channels, windowHeight, windowWidth, stride, padRows / 2, padColumns / 2,
                outputHeight, outputWidth);
    }

    /** @return the entries of one image, {@code height * width * channels} */
    public int imageSize() {
        return height * width * channels;
    }

    /** @return the window positions of one image, {@code outputHeight * outputWidth} */
    public int positions() {
        return outputHeight * outputWidth;
    }

    /** @return the entries of one patch, {@code windowHeight * windowWidth * channels} */
    public int patchSize() {
        return windowHeight * windowWidth * channels;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Window: " + name + " is " + value + ", must be at least 1");
        }
    }
}
