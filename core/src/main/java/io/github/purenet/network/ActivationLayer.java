package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * An activation on its own, {@code a = f(x)}, without parameters: for an activation after a
 * normalisation ({@code dense, layer norm, relu}), or at the end of a residual block. Its output has
 * the shape of its input.
 *
 * @param activation the function {@code f}
 */
public record ActivationLayer(Activation activation) implements Layer {

    /**
     * Checks that the activation is present.
     *
     * @param activation the function {@code f}
     */
    public ActivationLayer {
        Objects.requireNonNull(activation, "activation is null");
    }

    /**
     * @param activation the function
     * @return the layer
     */
    public static ActivationLayer of(Activation activation) {
        return new ActivationLayer(activation);
    }

    /** @return {@code activation} */
    @Override
    public String kind() {
        return "activation";
    }

    /** @return the input's shape */
    @Override
    public Shape outputShape(Shape input) {
        return Objects.requireNonNull(input, "input is null");
    }

    Node forward(Matrix x) {
        return Node.of(activation.apply(x));
    }

    /** {@code dL/dx = f'(x)ᵀ · dL/da}, or {@code dL/da} itself when it is already the gradient at the logits. */
    Matrix backward(Matrix x, Node node, Matrix gradient, boolean atLogits) {
        return atLogits ? gradient : activation.backward(x, node.output(), gradient);
    }

    /** @return such as {@code ActivationLayer[relu]} */
    @Override
    public String toString() {
        return "ActivationLayer[" + activation.name() + "]";
    }
}
