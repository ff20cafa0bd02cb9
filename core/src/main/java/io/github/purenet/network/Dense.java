package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
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
public record Dense(Matrix weights, Matrix bias, Activation activation) implements Layer {


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

    /** @return {@code dense} */
    @Override
    public String kind() {
        return "dense";
    }

    /**
     * @param input the shape of one input example: {@code inputs()} wide
     * @return {@code outputs()} wide
     */
    @Override
    public Shape outputShape(Shape input) {
        Layers.requireInput(Shape.of(inputs()), input);
        return Shape.of(outputs());
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
    public Dense withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return new Dense(parameters.get(0), parameters.get(1), activation);
    }

    /** The forward pass: {@code z = x · Wᵀ + b} kept for the backward pass, and {@code a = f(z)}. */
    Node forward(Matrix x) {
        Matrix z = x.timesTransposePlusRow(weights, bias);
        return Node.of(activation.apply(z), z);
    }

    /**
     * The backward pass: {@code δ = f'(z) ⊙ dL/da} (or {@code dL/da} itself when it is already the
     * gradient at the logits), {@code dW = δᵀ · x}, {@code db} the column sums of {@code δ} and
     * {@code dL/dx = δ · W} when it is needed.
     */
    Matrix backward(Matrix x, Node node, Matrix gradient, boolean atLogits, boolean inputGradient, Matrix[] out,
            int offset) {
        Matrix delta = atLogits ? gradient : activation.backward(node.saved(0), node.output(), gradient);
        out[offset] = delta.transposeTimes(x);
        out[offset + 1] = delta.columnSums();
        return inputGradient ? delta.times(weights) : null;
    }

    /** @return the layer's shape and activation, such as {@code Dense[2->3 relu]} */
    @Override
    public String toString() {
        return "Dense[" + inputs() + "->" + outputs() + " " + activation.name() + "]";
    }
}
