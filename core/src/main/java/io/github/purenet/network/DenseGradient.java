package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * The gradient of a loss with respect to one {@link Dense} layer's weights and bias, shaped like
 * them.
 *
 * @param weights {@code dL/dW}, {@code outputs x inputs}
 * @param bias {@code dL/db}, {@code 1 x outputs}
 */
public record DenseGradient(Matrix weights, Matrix bias) {

    /**
     * Checks that the bias has one entry per row of the weights.
     *
     * @param weights {@code dL/dW}, {@code outputs x inputs}
     * @param bias {@code dL/db}, {@code 1 x outputs}
     */
    public DenseGradient {
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(bias, "bias is null");
        if (bias.rows() != 1 || bias.columns() != weights.rows()) {
            throw new IllegalArgumentException("DenseGradient: bias " + bias.shape() + " does not fit weights "
                    + weights.shape() + " (expected bias 1x" + weights.rows() + ")");
        }
    }

    /** @return whether this gradient has the shape of the layer */
    boolean fits(Dense layer) {
        return sameShape(weights, layer.weights()) && sameShape(bias, layer.bias());
    }

    /** @return whether both gradients have the same shapes */
    boolean fits(DenseGradient other) {
        return sameShape(weights, other.weights) && sameShape(bias, other.bias);
    }

    private static boolean sameShape(Matrix a, Matrix b) {
        return a.rows() == b.rows() && a.columns() == b.columns();
    }

    @Override
    public String toString() {
        return "DenseGradient[" + weights.shape() + "]";
    }
}
