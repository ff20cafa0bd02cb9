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
        // one pass per row into local arrays, then one matrix: the bits of rowMaxima, exp, rowSums
        // and division as separate matrix operations, without their four intermediate matrices
        int columns = z.columns();
        double[][] exponentials = new double[z.rows()][];
        double[] sums = new double[z.rows()];
        for (int i = 0; i < exponentials.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                max = Math.max(max, z.get(i, j));
            }
            double[] e = exponentials[i] = new double[columns];
            double sum = 0.0;
            for (int j = 0; j < columns; j++) {
                e[j] = StrictMath.exp(z.get(i, j) - max);
                sum += e[j];
            }
            sums[i] = sum;
        }
        return Matrix.of(z.rows(), columns, (i, j) -> exponentials[i][j] / sums[i]);
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
