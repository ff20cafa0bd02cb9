package io.github.purenet.activation;

import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * Softmax over each row: {@code a_j = exp(z_j - m) / sum_k exp(z_k - m)} with {@code m = max_k z_k}.
 *
 * <p>Subtracting the row's maximum keeps every exponent at or below zero, so logits 1000 apart give
 * finite probabilities (the largest near 1, the others underflowing to 0) instead of
 * {@code Infinity / Infinity}. Exponentials use {@link StrictMath} for the same bits everywhere.
 *
 * <p>Derivative: {@code da_i/dz_j = a_i (δ_ij - a_j)}, so
 * {@code dL/dz_i = a_i (g_i - sum_j g_j a_j)} for {@code g = dL/da}. When softmax ends a network
 * trained with {@link io.github.purenet.loss.Losses#softmaxCrossEntropy()}, backpropagation skips
 * this Jacobian and starts from {@code a - y} at the logits.
 */
public record Softmax() implements Activation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public Matrix apply(Matrix z) {
        Objects.requireNonNull(z, () -> name() + ": z is null");
        Matrix exponentials = z.zipWithColumn(z.rowMaxima(), (x, max) -> StrictMath.exp(x - max));
        return exponentials.zipWithColumn(exponentials.rowSums(), (e, sum) -> e / sum);
    }

    @Override
    public Matrix backward(Matrix z, Matrix a, Matrix gradient) {
        Activations.requireBackwardArguments(name(), z, a, gradient);
        Matrix dot = a.hadamard(gradient).rowSums();
        return a.hadamard(gradient.zipWithColumn(dot, (g, d) -> g - d));
    }

    @Override
    public String toString() {
        return name();
    }
}
