package io.github.purenet.activation;

import io.github.purenet.tensor.Matrix;

/**
 * An activation function {@code a = f(z)}, applied to a batch of pre-activations row by row, and
 * its derivative as a vector-Jacobian product.
 *
 * <p>Implementations are pure and immutable. Element-wise functions are most easily made with
 * {@link Activations#elementwise}; a function that mixes the entries of a row, such as softmax,
 * implements {@link #backward} with its full Jacobian.
 */
public interface Activation {

    /**
     * A short name that identifies the function and its settings, such as {@code "relu"} or
     * {@code "leaky_relu(0.01)"}.
     *
     * @return the name
     */
    String name();

    /**
     * The forward pass.
     *
     * @param z pre-activations, one example per row
     * @return {@code f(z)}, of the same shape
     */
    Matrix apply(Matrix z);

    /**
     * The backward pass: the gradient at the pre-activations given the gradient at the outputs.
     * Row by row, {@code dL/dz = J_f(z)ᵀ · dL/da}; for an element-wise function this is
     * {@code f'(z) ⊙ dL/da}.
     *
     * @param z the pre-activations given to {@link #apply}
     * @param a {@code apply(z)}, so that derivatives written in terms of the output need not
     *     recompute it
     * @param gradient {@code dL/da}, of the shape of {@code z}
     * @return {@code dL/dz}, of the shape of {@code z}
     */
    Matrix backward(Matrix z, Matrix a, Matrix gradient);
}
