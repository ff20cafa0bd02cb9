package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The extension point: a layer of your own. Implement it with a record (or another immutable
 * value) that holds its trainable parameters apart from its fixed settings, and give:
 * <ul>
 *   <li>{@link #name()}: what checkpoints and summaries call it, with its settings, such as
 *       {@code "scale_shift"} or {@code "gated(0.5)"}; a checkpoint stores the name and the
 *       parameters, and reads them back through a layer of the same name registered with
 *       {@code Codec.withLayer};</li>
 *   <li>{@link #outputShape}, {@link #parameterNames()}, {@link #parameters()} and
 *       {@link #withParameters};</li>
 *   <li>{@link #forward} and {@link #backward}: the function on a batch, one example per row, and
 *       its vector-Jacobian products with respect to the inputs and to every parameter. The
 *       backward pass is given the inputs and outputs of the forward pass, and recomputes anything
 *       else it needs, as {@link io.github.purenet.activation.Activation#backward} does.</li>
 * </ul>
 * The test kit's {@code GradientCheck} checks {@code backward} against finite differences.
 *
 * <pre>{@code
 * // y = x ⊙ s, a learnt scale per feature
 * record Scale(Matrix s) implements CustomLayer {
 *     public String name() { return "scale"; }
 *     public Shape outputShape(Shape input) { return input; }
 *     public Vector<String> parameterNames() { return Vector.of("s"); }
 *     public Vector<Matrix> parameters() { return Vector.of(s); }
 *     public Scale withParameters(Vector<Matrix> p) { return new Scale(p.get(0)); }
 *     public Matrix forward(Matrix x, Mode mode) { return x.zipWithRow(s, (a, b) -> a * b); }
 *     public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
 *         return new Backward(dy.zipWithRow(s, (a, b) -> a * b), Vector.of(dy.hadamard(x).columnSums()));
 *     }
 * }
 * }</pre>
 *
 * <p>A layer that acts differently in training returns {@code true} from {@link #modeDependent()};
 * it is given the mode of the pass, whose training key is already specific to the layer's path.
 */
public non-sealed interface CustomLayer extends Layer {

    /**
     * The name that identifies the layer's kind and settings in checkpoints and summaries; not
     * blank, and not the name of a built-in kind.
     *
     * @return the name
     */
    String name();

    /** @return {@link #name()} */
    @Override
    default String kind() {
        return name();
    }

    @Override
    CustomLayer withParameters(Vector<Matrix> parameters);

    /**
     * The forward pass.
     *
     * @param inputs a batch, one example per row, of the shape this layer takes
     * @param mode the mode of the pass; its training key is specific to this layer's path
     * @return the outputs, one row per example
     */
    Matrix forward(Matrix inputs, Mode mode);

    /**
     * The backward pass.
     *
     * @param inputs the inputs given to {@link #forward}
     * @param outputs what {@link #forward} returned for them, in the same mode
     * @param gradient {@code dL/dy}, shaped like {@code outputs}
     * @param mode the mode of the forward pass
     * @return {@code dL/dx}, shaped like {@code inputs}, and {@code dL/dθ} for every parameter, in
     *     the order and the shapes of {@link #parameters()}
     */
    Backward backward(Matrix inputs, Matrix outputs, Matrix gradient, Mode mode);

    /** @return whether the layer acts differently in training and in evaluation (default: no) */
    default boolean modeDependent() {
        return false;
    }

    /**
     * What a custom layer's backward pass returns.
     *
     * @param inputs {@code dL/dx}, shaped like the layer's inputs
     * @param parameters {@code dL/dθ}, one matrix per parameter, in order
     */
    record Backward(Matrix inputs, Vector<Matrix> parameters) {

        /**
         * Checks that both are present.
         *
         * @param inputs {@code dL/dx}
         * @param parameters {@code dL/dθ}, one matrix per parameter
         */
        public Backward {
            Objects.requireNonNull(inputs, "inputs is null");
            Objects.requireNonNull(parameters, "parameters is null");
            if (parameters.contains(null)) {
                throw new NullPointerException("parameters: a gradient is null");
            }
        }
    }
}
