package io.github.purenet.testing;

/**
 * The worst disagreement between backpropagation and finite differences within one layer.
 *
 * @param layer the layer's index, from 0
 * @param part {@code "weights"} or {@code "bias"}
 * @param row the row of the worst entry
 * @param column the column of the worst entry
 * @param analytic the gradient backpropagation gives there
 * @param numeric the central finite difference there
 * @param error the relative error {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}
 */
public record LayerError(int layer, String part, int row, int column, double analytic, double numeric, double error) {

    @Override
    public String toString() {
        return "layer " + layer + " " + part + " (" + row + ", " + column + "): backprop " + analytic
                + ", finite difference " + numeric + ", relative error " + error;
    }
}
