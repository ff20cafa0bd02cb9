package io.github.purenet.testing;

/**
 * The worst disagreement between backpropagation and finite differences within one trainable
 * matrix of a network.
 *
 * @param path the matrix's path, such as {@code layers[0].weights}
 * @param row the row of the worst entry
 * @param column the column of the worst entry
 * @param analytic the gradient backpropagation gives there
 * @param numeric the central finite difference there
 * @param error the relative error {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}
 */
public record LeafError(String path, int row, int column, double analytic, double numeric, double error) {

    /** @return such as {@code layers[0].weights (1, 2): backprop 0.5, finite difference 0.5000001, relative error 1e-7} */
    @Override
    public String toString() {
        return path + " (" + row + ", " + column + "): backprop " + analytic + ", finite difference " + numeric
                + ", relative error " + error;
    }
}
