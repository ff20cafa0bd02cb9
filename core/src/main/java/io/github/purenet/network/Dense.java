package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * A fully connected layer: {@code a = f(x · Wᵀ + b)} for a batch {@code x} of one example per row.
 *
 * <p>The weights are stored as {@code outputs x inputs}, the convention of PyTorch's
 * {@code Linear} and of the seed tutorials: row {@code j} holds the weights into output unit
 * {@code j}. The trainable numbers (weights, bias) are kept apart from the fixed setting (the
 * activation), which backpropagation never changes.
 *
 * @param weights the {@code outputs x inputs} weights
 * @param bias the {@code 1 x outputs} bias
 * @param activation the activation {@code f}
 */
public record Dense(Matrix weights, Matrix bias, Activation activation) {

    /**
     * Checks that the bias has one entry per output unit.
     *
     * @param weights the {@code outputs x inputs} weights
     * @param bias the {@code 1 x outputs} bias
     * @param activation the activation {@code f}
     */
    public Dense {
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(bias, "bias is null");
        Objects.requireNonNull(activation, "activation is null");
        if (bias.rows() != 1 || bias.columns() != weights.rows()) {
            throw new IllegalArgumentException("Dense: bias " + bias.shape() + " does not fit weights "
                    + weights.shape() + " (expected bias 1x" + weights.rows() + ")");
        }
    }

    /** @return the number of inputs, the columns of the weights */
    public int inputs() {
        return weights.columns();
    }

    /** @return the number of outputs, the rows of the weights */
    public int outputs() {
        return weights.rows();
    }

    /** @return the layer's shape and activation, such as {@code Dense[2->3 relu]} */
    @Override
    public String toString() {
        return "Dense[" + inputs() + "->" + outputs() + " " + activation.name() + "]";
    }
}
