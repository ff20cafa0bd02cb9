package io.github.purenet.tensor;

import java.util.Objects;

/**
 * Convolution and pooling over batches of images, and their gradients, with fixed summation orders.
 *
 * <p>A batch holds one image per row, {@code height * width * channels} entries, channels last
 * (see {@link Window}). A convolution's weights are a matrix of {@code outputs} rows, one per output
 * channel, and {@code windowHeight * windowWidth * channels} columns, in the order of a patch:
 * column {@code (i * windowWidth + j) * channels + c} is window row {@code i}, column {@code j},
 * input channel {@code c}. An output has {@code outputHeight * outputWidth * outputs} entries per
 * image, channels last again.
 *
 * <h2>The orders of the sums</h2>
 * These are the results to the bit, for any number of threads and either product kernel:
 * <ul>
 *   <li>{@link #convolve}: entry {@code (i, j, o)} is the chain {@code s = fma(patch[k], w[o][k], s)}
 *       over the patch index {@code k} ascending from {@code s = +0.0}, the padding's entries
 *       included as {@code +0.0}, then {@code s + bias[o]};</li>
 *   <li>{@link #convolveWeightGradient}: entry {@code (o, k)} is the chain {@code s = fma(δ, patch[k], s)}
 *       over the examples ascending and within an example the positions ascending (row-major), from
 *       {@code +0.0};</li>
 *   <li>{@link #convolveInputGradient}: each position's {@code g[k] = Σ_o δ[o] w[o][k]} (a chain over
 *       {@code o} ascending, from {@code +0.0}) is added into the image entry under patch index
 *       {@code k}, positions ascending, each entry starting from {@code +0.0}; the padding's
 *       shares are dropped;</li>
 *   <li>{@link #channelSums}: each channel's sum over examples, then positions, ascending, from {@code +0.0};</li>
 *   <li>{@link #maxPool}: the first maximum in scan order (window rows ascending, then columns), a
 *       NaN counting as larger than any number so that it propagates; {@link #maxPoolWithChoices}
 *       also gives the entry each maximum was taken from, and {@link #maxPoolGradient} gives each
 *       window's gradient to that entry, adding in ascending position order where windows overlap;</li>
 *   <li>{@link #averagePool}: the sum in scan order from {@code +0.0}, divided by the window's size;
 *       {@link #averagePoolGradient} adds each window's gradient divided by its size to each of its
 *       entries, in ascending position order.</li>
 * </ul>
 * Pooling takes windows without padding ({@link Window#valid}).
 */
public final class Images {

    private Images() {
    }

    /**
     * The convolution of a batch of images with a bank of filters, plus a bias per output channel.
     *
     * @param images {@code n x imageSize} images
     * @param window where the filters visit the images
     * @param weights {@code outputs x patchSize} filters, one per row
     * @param bias {@code 1 x outputs}
     * @return {@code n x (positions * outputs)}
     * @throws IllegalArgumentException naming the argument whose shape does not fit the window
     */
    public static Matrix convolve(Matrix images, Window window, Matrix weights, Matrix bias) {
        requireImages("convolve", images, window);
        requireWeights("convolve", weights, window);
        Objects.requireNonNull(bias, "bias is null");
        if (bias.rows() != 1 || bias.columns() != weights.rows()) {
            throw new IllegalArgumentException("convolve: bias " + bias.shape() + " does not fit weights "
                    + weights.shape() + " (expected 1x" + weights.rows() + ")");
        }
        return Matrix.wrap(Convolutions.forward(images.rowArrays(), window, weights.rowArrays(),
                bias.rowArrays()[0]));
    }

    /**
     * The gradient of a convolution's loss with respect to its weights.
     *
     * @param images the {@code n x imageSize} images the convolution took
     * @param window where the filters visited them
     * @param gradient {@code n x (positions * outputs)}, the loss's gradient at the convolution's output
     * @return {@code outputs x patchSize}
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public static Matrix convolveWeightGradient(Matrix images, Window window, Matrix gradient) {
        requireImages("convolveWeightGradient", images, window);
        int outputs = requireOutputs("convolveWeightGradient", gradient, images.rows(), window);
        return Matrix.wrap(Convolutions.weightGradient(images.rowArrays(), window, gradient.rowArrays(), outputs));
    }

    /**
     * The gradient of a convolution's loss with respect to its images.
     *
     * @param gradient {@code n x (positions * outputs)}, the loss's gradient at the convolution's output
     * @param window where the filters visited the images
     * @param weights the {@code outputs x patchSize} filters
     * @return {@code n x imageSize}
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public static Matrix convolveInputGradient(Matrix gradient, Window window, Matrix weights) {
        requireWeights("convolveInputGradient", weights, window);
        Objects.requireNonNull(gradient, "gradient is null");
        if (gradient.columns() != window.positions() * weights.rows()) {
            throw new IllegalArgumentException("convolveInputGradient: gradient " + gradient.shape() + " does not fit "
                    + window.positions() + " positions x " + weights.rows() + " channels");
        }
        return Matrix.wrap(Convolutions.inputGradient(gradient.rowArrays(), window, weights.rowArrays()));
    }

    /**
     * The sum of each channel over every example and position: a convolution's bias gradient.
     *
     * @param values {@code n x (positions * channels)}, channels last
     * @param channels the number of channels, dividing the columns
     * @return {@code 1 x channels}
     * @throws IllegalArgumentException if {@code channels} is not positive or does not divide the columns
     */
    public static Matrix channelSums(Matrix values, int channels) {
        Objects.requireNonNull(values, "values is null");
        if (channels < 1 || values.columns() % channels != 0) {
            throw new IllegalArgumentException("channelSums: " + channels + " channels do not divide the "
                    + values.columns() + " columns of " + values.shape());
        }
        double[] sums = new double[channels];
        for (double[] row : values.rowArrays()) {
            for (int base = 0; base < row.length; base += channels) {
                for (int ch = 0; ch < channels; ch++) {
                    sums[ch] += row[base + ch];
                }
            }
        }
        return Matrix.wrap(new double[][] {sums});
    }

    /**
     * The maxima of {@link #maxPool} and the entries they were taken from, which
     * {@link #maxPoolGradient(Window, Matrix, Matrix)} sends each window's gradient to, so that the
     * backward pass does not search the windows again.
     *
     * @param maxima {@code n x (positions * channels)}, the maximum of each window and channel
     * @param choices of the same shape, the index in its image's row of the entry each maximum is,
     *     a whole number
     */
    public record MaxPooled(Matrix maxima, Matrix choices) {

        /**
         * Checks that both are given and of one shape.
         *
         * @param maxima the maxima
         * @param choices the index of each maximum's entry
         */
        public MaxPooled {
            Objects.requireNonNull(maxima, "maxima is null");
            Objects.requireNonNull(choices, "choices is null");
            if (maxima.rows() != choices.rows() || maxima.columns() != choices.columns()) {
                throw new IllegalArgumentException("MaxPooled: maxima " + maxima.shape() + " and choices "
                        + choices.shape() + " differ in shape");
            }
        }
    }

    /**
     * The maximum of each window, channel by channel.
     *
     * @param images {@code n x imageSize}
     * @param window an unpadded window
     * @return {@code n x (positions * channels)}
     * @throws IllegalArgumentException if the images do not fit the window or the window is padded
     */
    public static Matrix maxPool(Matrix images, Window window) {
        return maxPoolWithChoices(images, window).maxima();
    }

    /**
     * The maximum of each window, channel by channel, with the entry each was taken from.
     *
     * @param images {@code n x imageSize}
     * @param window an unpadded window
     * @return the maxima and their entries, each {@code n x (positions * channels)}
     * @throws IllegalArgumentException if the images do not fit the window or the window is padded
     */
    public static MaxPooled maxPoolWithChoices(Matrix images, Window window) {
        requirePooling("maxPool", images, window);
        double[][][] pooled = Pooling.max(images.rowArrays(), window);
        return new MaxPooled(Matrix.wrap(pooled[0]), Matrix.wrap(pooled[1]));
    }

    /**
     * The gradient of a max pooling's loss with respect to its images.
     *
     * @param images the images the pooling took, {@code n x imageSize}
     * @param window the pooling's window
     * @param gradient {@code n x (positions * channels)}
     * @return {@code n x imageSize}
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public static Matrix maxPoolGradient(Matrix images, Window window, Matrix gradient) {
        Objects.requireNonNull(images, "images is null");
        requirePooled("maxPoolGradient", "gradient", gradient, images.rows(), window);
        return maxPoolGradient(window, maxPoolWithChoices(images, window).choices(), gradient);
    }

    /**
     * The gradient of a max pooling's loss with respect to its images, from the entries its maxima
     * were taken from: each window's gradient is added to its entry, in ascending position order.
     *
     * @param window the pooling's window, unpadded
     * @param choices {@link MaxPooled#choices()} of the forward pass
     * @param gradient {@code n x (positions * channels)}, of the choices' shape
     * @return {@code n x imageSize}
     * @throws IllegalArgumentException if a shape does not fit, or a choice is not an entry of an image
     */
    public static Matrix maxPoolGradient(Window window, Matrix choices, Matrix gradient) {
        Objects.requireNonNull(window, "window is null");
        Objects.requireNonNull(choices, "choices is null");
        requireUnpadded("maxPoolGradient", window);
        requirePooled("maxPoolGradient", "choices", choices, choices.rows(), window);
        requirePooled("maxPoolGradient", "gradient", gradient, choices.rows(), window);
        return Matrix.wrap(Pooling.maxGradient(choices.rowArrays(), window, gradient.rowArrays()));
    }

    /**
     * The mean of each window, channel by channel.
     *
     * @param images {@code n x imageSize}
     * @param window an unpadded window
     * @return {@code n x (positions * channels)}
     * @throws IllegalArgumentException if the images do not fit the window or the window is padded
     */
    public static Matrix averagePool(Matrix images, Window window) {
        requirePooling("averagePool", images, window);
        return Matrix.wrap(Pooling.average(images.rowArrays(), window));
    }

    /**
     * The gradient of an average pooling's loss with respect to its images.
     *
     * @param window the pooling's window, unpadded
     * @param gradient {@code n x (positions * channels)}
     * @return {@code n x imageSize}
     * @throws IllegalArgumentException if the gradient does not fit the window or the window is padded
     */
    public static Matrix averagePoolGradient(Window window, Matrix gradient) {
        Objects.requireNonNull(window, "window is null");
        Objects.requireNonNull(gradient, "gradient is null");
        requireUnpadded("averagePoolGradient", window);
        requirePooled("averagePoolGradient", "gradient", gradient, gradient.rows(), window);
        return Matrix.wrap(Pooling.averageGradient(window, gradient.rowArrays()));
    }

    private static void requireImages(String operation, Matrix images, Window window) {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(window, "window is null");
        if (images.columns() != window.imageSize()) {
            throw new IllegalArgumentException(operation + ": images " + images.shape() + " do not fit the window's "
                    + window.height() + "x" + window.width() + "x" + window.channels() + " images ("
                    + window.imageSize() + " columns)");
        }
    }

    private static void requireWeights(String operation, Matrix weights, Window window) {
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(window, "window is null");
        if (weights.columns() != window.patchSize()) {
            throw new IllegalArgumentException(operation + ": weights " + weights.shape() + " do not fit the window's "
                    + window.windowHeight() + "x" + window.windowWidth() + "x" + window.channels() + " patches ("
                    + window.patchSize() + " columns)");
        }
    }

    private static int requireOutputs(String operation, Matrix gradient, int rows, Window window) {
        Objects.requireNonNull(gradient, "gradient is null");
        if (gradient.rows() != rows || gradient.columns() % window.positions() != 0) {
            throw new IllegalArgumentException(operation + ": gradient " + gradient.shape() + " does not fit " + rows
                    + " images of " + window.positions() + " positions");
        }
        return gradient.columns() / window.positions();
    }

    private static void requirePooling(String operation, Matrix images, Window window) {
        requireImages(operation, images, window);
        requireUnpadded(operation, window);
    }

    private static void requireUnpadded(String operation, Window window) {
        if (window.padTop() != 0 || window.padLeft() != 0) {
            throw new IllegalArgumentException(operation + ": pooling takes unpadded windows, got padding "
                    + window.padTop() + "x" + window.padLeft());
        }
    }

    private static void requirePooled(String operation, String name, Matrix gradient, int rows, Window window) {
        Objects.requireNonNull(gradient, () -> name + " is null");
        if (gradient.rows() != rows || gradient.columns() != window.positions() * window.channels()) {
            throw new IllegalArgumentException(operation + ": " + name + " " + gradient.shape() + " does not fit " + rows
                    + "x" + window.positions() * window.channels() + " (positions x channels)");
        }
    }
}
