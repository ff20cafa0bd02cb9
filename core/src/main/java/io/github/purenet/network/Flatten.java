package io.github.purenet.network;

import java.util.Objects;

/**
 * An example of any shape as a flat one of the same entries: {@code 4x4x16} to {@code 256}, where a
 * {@link Dense} layer follows an image. A batch is already one example per row, so the values pass
 * through unchanged, forward and backward; the layer makes the change of shape explicit.
 *
 * @param input the shape of one input example
 */
public record Flatten(Shape input) implements Layer {

    /**
     * Checks the shape.
     *
     * @param input the shape of one input example
     */
    public Flatten {
        Objects.requireNonNull(input, "input is null");
    }

    /**
     * @param input the shape of one input example
     * @return the layer
     */
    public static Flatten of(Shape input) {
        return new Flatten(input);
    }

    /** @return {@code flatten} */
    @Override
    public String kind() {
        return "flatten";
    }

    /**
     * @param input the shape of one input example: {@link #input()}
     * @return the flat shape of {@code input.size()} entries
     */
    @Override
    public Shape outputShape(Shape input) {
        Layers.requireInput(this.input, input);
        return Shape.of(this.input.size());
    }

    /** @return such as {@code Flatten[4x4x16->256]} */
    @Override
    public String toString() {
        return "Flatten[" + input + "->" + input.size() + "]";
    }
}
