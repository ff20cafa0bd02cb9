package io.github.purenet.network;

import io.github.purenet.tensor.Window;
import java.util.Objects;

/** The checks and the window shared by {@link MaxPool2D} and {@link AvgPool2D}. */
final class Pools {

    private Pools() {
    }

    /** The unpadded window of a pooling layer, or a message that names the layer's kind and what does not fit. */
    static Window window(String kind, Shape input, int windowHeight, int windowWidth, int stride) {
        Objects.requireNonNull(input, "input is null");
        if (input.rank() != 3) {
            throw new IllegalArgumentException(kind + ": input " + input + " is not an image height x width x channels");
        }
        if (windowHeight < 1 || windowWidth < 1 || stride < 1) {
            throw new IllegalArgumentException(kind + ": window " + windowHeight + "x" + windowWidth + " and stride "
                    + stride + " must be at least 1");
        }
        if (windowHeight > input.height() || windowWidth > input.width()) {
            throw new IllegalArgumentException(kind + ": window " + windowHeight + "x" + windowWidth
                    + " does not fit the input " + input);
        }
        return Window.valid(input.height(), input.width(), input.channels(), windowHeight, windowWidth, stride);
    }

    /** The shape of the output of a window's positions, channels unchanged. */
    static Shape output(Window window) {
        return Shape.of(window.outputHeight(), window.outputWidth(), window.channels());
    }
}
