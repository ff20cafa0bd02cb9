package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Softmax;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Images;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Window;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * A two-dimensional convolution: {@code a = f(conv(x, W) + b)} over a batch of images, one image
 * per row, {@code height x width x channels}, channels last ({@link Shape}).
 *
 * <p>The weights are stored as {@code filters x (kernelHeight * kernelWidth * channels)}, one filter
 * per row, in the order of a patch: column {@code (i * kernelWidth + j) * channels + c} holds the
 * weight of kernel row {@code i}, kernel column {@code j} and input channel {@code c}. PyTorch's
 * {@code Conv2d.weight} ({@code OIHW}) entry {@code [o][c][i][j]} and Keras's {@code Conv2D.kernel}
 * ({@code HWIO}) entry {@code [i][j][c][o]} are both entry {@code (o, (i * kernelWidth + j) * channels + c)}
 * here. The output is {@code outputHeight x outputWidth x filters}; see {@link Padding} and
 * {@link Images} for the sizes and the order of every sum.
 *
 * <p>The layer knows the shape of the images it takes, as a {@link Dense} layer knows its inputs,
 * so the network checks every shape when it is built; {@link #outputShape()} gives the next layer's.
 *
 * @param weights the {@code filters x (kernelHeight * kernelWidth * channels)} filters
 * @param bias the {@code 1 x filters} bias
 * @param input the shape of one input image, {@code height x width x channels}
 * @param kernelHeight the kernel's rows, at least 1
 * @param kernelWidth the kernel's columns, at least 1
 * @param stride the step between two positions of the kernel, in rows and columns, at least 1
 * @param padding {@link Padding#VALID} or {@link Padding#SAME}
 * @param activation the activation {@code f}, entry by entry (not softmax)
 */
public record Conv2D(Matrix weights, Matrix bias, Shape input, int kernelHeight, int kernelWidth, int stride,
        Padding padding, Activation activation) implements Layer {

    /**
     * Checks that the settings fit one another: the weights' columns are the kernel's size times
     * the input's channels, the bias has one entry per filter, and the kernel fits the image.
     *
     * @param weights the filters
     * @param bias the bias
     * @param input the shape of one input image
     * @param kernelHeight the kernel's rows
     * @param kernelWidth the kernel's columns
     * @param stride the step between two positions
     * @param padding the padding
     * @param activation the activation
     */
    public Conv2D {
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(bias, "bias is null");
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(padding, "padding is null");
        Objects.requireNonNull(activation, "activation is null");
        if (input.rank() != 3) {
            throw new IllegalArgumentException("Conv2D: input " + input + " is not an image height x width x channels");
        }
        if (activation instanceof Softmax) {
            throw new IllegalArgumentException("Conv2D: softmax normalises a whole row; a convolution's activation "
                    + "acts entry by entry (add Flatten and a dense softmax layer for class probabilities)");
        }
        if (kernelHeight < 1 || kernelWidth < 1 || stride < 1) {
            throw new IllegalArgumentException("Conv2D: kernel " + kernelHeight + "x" + kernelWidth + " and stride "
                    + stride + " must be at least 1");
        }
        long patch = (long) kernelHeight * kernelWidth * input.channels();
        if (weights.columns() != patch) {
            throw new IllegalArgumentException("Conv2D: weights " + weights.shape() + " do not fit a " + kernelHeight
                    + "x" + kernelWidth + " kernel over " + input.channels() + " channels (expected " + weights.rows()
                    + "x" + patch + ")");
        }
        if (bias.rows() != 1 || bias.columns() != weights.rows()) {
            throw new IllegalArgumentException("Conv2D: bias " + bias.shape() + " does not fit weights "
                    + weights.shape() + " (expected bias 1x" + weights.rows() + ")");
        }
        padding.window(input, kernelHeight, kernelWidth, stride); // the kernel fits the image
    }

    /**
     * A square kernel at stride 1 without padding, with He-uniform weights (fan-in
     * {@code kernel * kernel * channels}) and a zero bias; {@link Initializers#conv2d} takes every
     * setting.
     *
     * @param key the key to draw the weights from
     * @param input the shape of one input image, {@code height x width x channels}
     * @param filters the number of output channels, at least 1
     * @param kernel the kernel's rows and columns, at least 1 and at most the image's
     * @param activation the activation, entry by entry
     * @return the layer
     */
    public static Conv2D of(Key key, Shape input, int filters, int kernel, Activation activation) {
        return Initializers.conv2d(key, Initializers.heUniform(), input, filters, kernel, kernel, 1, Padding.VALID,
                activation);
    }

    /** @return the number of filters, the output's channels */
    public int filters() {
        return weights.rows();
    }

    /** @return where the kernel visits the input */
    public Window window() {
        return padding.window(input, kernelHeight, kernelWidth, stride);
    }

    /** @return the shape of one output image, {@code outputHeight x outputWidth x filters} */
    public Shape outputShape() {
        Window w = window();
        return Shape.of(w.outputHeight(), w.outputWidth(), filters());
    }

    /** @return {@code conv2d} */
    @Override
    public String kind() {
        return "conv2d";
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

    /** @return {@code [weights, bias]} */
    @Override
    public Vector<String> parameterNames() {
        return Vector.of("weights", "bias");
    }

    /** @return the weights and the bias */
    @Override
    public Vector<Matrix> parameters() {
        return Vector.of(weights, bias);
    }

    @Override
    public Conv2D withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return new Conv2D(parameters.get(0), parameters.get(1), input, kernelHeight, kernelWidth, stride, padding,
                activation);
    }

    /** The forward pass: {@code z = conv(x, W) + b} kept for the backward pass, and {@code a = f(z)}. */
    Node forward(Matrix x) {
        Matrix z = Images.convolve(x, window(), weights, bias);
        return Node.of(activation.apply(z), z);
    }

    /** The backward pass: {@code δ = f'(z) ⊙ dL/da}, then the three gradients of {@link Images}. */
    Matrix backward(Matrix x, Node node, Matrix gradient, boolean inputGradient, Matrix[] out, int offset) {
        Matrix delta = activation.backward(node.saved(0), node.output(), gradient);
        Window window = window();
        out[offset] = Images.convolveWeightGradient(x, window, delta);
        out[offset + 1] = Images.channelSums(delta, filters());
        return inputGradient ? Images.convolveInputGradient(delta, window, weights) : null;
    }

    /** @return such as {@code Conv2D[28x28x1->26x26x32 3x3/1 valid relu]} */
    @Override
    public String toString() {
        return "Conv2D[" + input + "->" + outputShape() + " " + kernelHeight + "x" + kernelWidth + "/" + stride + " "
                + padding.label() + " " + activation.name() + "]";
    }
}
