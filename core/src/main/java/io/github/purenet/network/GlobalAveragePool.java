package io.github.purenet.network;

import io.github.purenet.tensor.Images;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Window;
import java.util.Objects;

/**
 * The mean of each channel over a whole image: {@code height x width x channels} to a flat
 * {@code channels}, as Keras's {@code GlobalAveragePooling2D} gives it. It is an average pooling
 * whose window is the image, so each mean is the sum in scan order from {@code +0.0}, divided by
 * {@code height * width} ({@link Images}).
 *
 * @param input the shape of one input image, {@code height x width x channels}
 */
public record GlobalAveragePool(Shape input) implements Layer {

    /**
     * Checks that the input is an image.
     *
     * @param input the shape of one input image
     */
    public GlobalAveragePool {
        Objects.requireNonNull(input, "input is null");
        if (input.rank() != 3) {
            throw new IllegalArgumentException("GlobalAveragePool: input " + input
                    + " is not an image height x width x channels");
        }
    }

    /**
     * @param input the shape of one input image
     * @return the layer
     */
    public static GlobalAveragePool of(Shape input) {
        return new GlobalAveragePool(input);
    }

    /** @return {@code global_average_pool} */
    @Override
    public String kind() {
        return "global_average_pool";
    }

    /**
     * @param input the shape of one input image: {@link #input()}
     * @return the flat shape {@code channels}
     */
    @Override
    public Shape outputShape(Shape input) {
        Layers.requireInput(this.input, input);
        return Shape.of(this.input.channels());
    }

    private Window window() {
        return Window.valid(input.height(), input.width(), input.channels(), input.height(), input.width(), 1);
    }

    Node forward(Matrix x) {
        return Node.of(Images.averagePool(x, window()));
    }

    Matrix backward(Matrix gradient) {
        return Images.averagePoolGradient(window(), gradient);
    }

    /** @return such as {@code GlobalAveragePool[7x7x64->64]} */
    @Override
    public String toString() {
        return "GlobalAveragePool[" + input + "->" + input.channels() + "]";
    }
}
