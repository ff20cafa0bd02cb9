package io.github.purenet.network;

import io.github.purenet.tensor.Window;

/**
 * How a {@link Conv2D} treats the image's border, as Keras names it.
 */
public enum Padding {
    /** The window only where it fits: {@code floor((size - window) / stride) + 1} positions. */
    VALID,
    /**
     * Zeros around the image so that there are {@code ceil(size / stride)} positions, the smaller
     * half of the padding before the image (Keras's and TensorFlow's {@code "same"}).
     */
    SAME;

    /** The window over an image of this shape. */
    Window window(Shape image, int windowHeight, int windowWidth, int stride) {
        return this == VALID
                ? Window.valid(image.height(), image.width(), image.channels(), windowHeight, windowWidth, stride)
                : Window.same(image.height(), image.width(), image.channels(), windowHeight, windowWidth, stride);
    }

    /** @return {@code valid} or {@code same}, as checkpoints and the command line write it */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
