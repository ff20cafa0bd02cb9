package io.github.purenet.network;

import io.github.purenet.tensor.Images;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Window;

/**
 * Max pooling: the maximum of each window, channel by channel, over windows placed
 * only where they fit (no padding): {@code floor((height - windowHeight) / stride) + 1} positions
 * down, and likewise across.
 *
 * <p>When values tie, the gradient goes to the first maximum in scan order: window rows
 * ascending, then columns ascending. A NaN counts as larger than any number, so it propagates
 * ({@link Images}).
 *
 * @param input the shape of one input image, {@code height x width x channels}
 * @param windowHeight the window's rows, from 1 to the image's height
 * @param windowWidth the window's columns, from 1 to the image's width
 * @param stride the step between two windows, at least 1
 */
public record MaxPool2D(Shape input, int windowHeight, int windowWidth, int stride) implements Layer {

    /**
     * Checks that the input is an image and the window fits it.
     *
     * @param input the shape of one input image
     * @param windowHeight the window's rows
     * @param windowWidth the window's columns
     * @param stride the step between two windows
     */
    public MaxPool2D {
        Pools.window("MaxPool2D", input, windowHeight, windowWidth, stride);
    }

    /**
     * Square windows that do not overlap: {@code size x size} at stride {@code size}.
     *
     * @param input the shape of one input image
     * @param size the window's rows and columns
     * @return the layer
     */
    public static MaxPool2D of(Shape input, int size) {
        return new MaxPool2D(input, size, size, size);
    }

    /** @return where the windows are */
    public Window window() {
        return Pools.window("MaxPool2D", input, windowHeight, windowWidth, stride);
    }

    /** @return the shape of one output image, {@code outputHeight x outputWidth x channels} */
    public Shape outputShape() {
        return Pools.output(window());
    }

    /** @return {@code max_pool2d} */
    @Override
    public String kind() {
        return "max_pool2d";
    }

    /**
     * @param input the shape of one input image: {@link #input()}
     * @return {@link #outputShape()}
     */
    @Override
    public Shape outputShape(Shape input) {
        Layers.requireInput(this.input, input);
        return outputShape();
    }

    /** The forward pass: the maxima, and the entries they were taken from kept for the backward pass. */
    Node forward(Matrix x) {
        Images.MaxPooled pooled = Images.maxPoolWithChoices(x, window());
        return Node.of(pooled.maxima(), pooled.choices());
    }

    /** The backward pass: each window's gradient to the entry its maximum was taken from. */
    Matrix backward(Node node, Matrix gradient) {
        return Images.maxPoolGradient(window(), node.saved(0), gradient);
    }

    /** @return such as {@code MaxPool2D[24x24x6->12x12x6 2x2/2]} */
    @Override
    public String toString() {
        return "MaxPool2D[" + input + "->" + outputShape() + " " + windowHeight + "x" + windowWidth + "/" + stride + "]";
    }
}
