package io.github.purenet.testing;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Compares the gradients of {@link Backprop#backward} with central finite differences of
 * {@link Backprop#loss}, parameter by parameter: the oracle for a user's own activation or loss.
 *
 * <pre>{@code
 * GradientCheck check = GradientCheck.of(network, inputs, targets, myLoss);
 * assertTrue(check.worst().error() < 1e-6, check.toString());   // names the layer and the entry
 * }</pre>
 *
 * <p>Each numeric derivative is {@code (L(θ + h) - L(θ - h)) / (2h)}, with the step actually taken
 * ({@code (θ + h) - (θ - h)} in doubles) as the divisor. The default {@code h = 1e-6} balances the
 * truncation error, about {@code h² L'''}, against rounding, about {@code ε |L| / h}: both near
 * {@code 1e-10} for losses and derivatives of order one. The relative error is
 * {@code |a - n| / max(1, |a|, |n|)}, absolute below 1 so that tiny gradients are not judged by
 * their rounding. Kinks (ReLU at 0) break finite differences: keep pre-activations away from them.
 *
 * @param layers the worst error of each layer, in layer order
 */
public record GradientCheck(Vector<LayerError> layers) {

    /** The default finite-difference step. */
    public static final double STEP = 1e-6;

    /**
     * Checks every parameter of a network with the default step.
     *
     * @param network the network
     * @param inputs a batch of inputs
     * @param targets its targets
     * @param loss the loss
     * @return the worst error of each layer
     */
    public static GradientCheck of(Network network, Matrix inputs, Matrix targets, Loss loss) {
        return of(network, inputs, targets, loss, STEP);
    }

    /**
     * Checks every parameter of a network.
     *
     * @param network the network
     * @param inputs a batch of inputs
     * @param targets its targets
     * @param loss the loss
     * @param step the finite-difference step {@code h}, positive
     * @return the worst error of each layer
     */
    public static GradientCheck of(Network network, Matrix inputs, Matrix targets, Loss loss, double step) {
        Objects.requireNonNull(network, "network is null");
        if (!(step > 0.0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("step: expected a positive finite number, got " + step);
        }
        Gradients analytic = Backprop.lossAndGradients(network, inputs, targets, loss).gradients();
        return new GradientCheck(Vector.range(0, network.layers().size()).map(l -> {
            LayerError weights = worst(network, inputs, targets, loss, step, l, true,
                    analytic.layers().get(l).weights());
            LayerError bias = worst(network, inputs, targets, loss, step, l, false, analytic.layers().get(l).bias());
            return bias.error() > weights.error() ? bias : weights;
        }));
    }

    /** @return the worst error over all layers */
    public LayerError worst() {
        return layers.maxBy(LayerError::error).get();
    }

    private static LayerError worst(Network network, Matrix inputs, Matrix targets, Loss loss, double h, int l,
            boolean weights, Matrix analytic) {
        LayerError worst = null;
        for (int i = 0; i < analytic.rows(); i++) {
            for (int j = 0; j < analytic.columns(); j++) {
                Dense layer = network.layers().get(l);
                double theta = (weights ? layer.weights() : layer.bias()).get(i, j);
                double up = theta + h;
                double down = theta - h;
                double numeric = (Backprop.loss(with(network, l, weights, i, j, up), inputs, targets, loss)
                        - Backprop.loss(with(network, l, weights, i, j, down), inputs, targets, loss)) / (up - down);
                double a = analytic.get(i, j);
                double error = Math.abs(a - numeric) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
                if (worst == null || error > worst.error() || Double.isNaN(error)) {
                    worst = new LayerError(l, weights ? "weights" : "bias", i, j, a, numeric, error);
                }
            }
        }
        return worst;
    }

    /** The network with one parameter replaced. */
    private static Network with(Network network, int l, boolean weights, int row, int column, double value) {
        Dense layer = network.layers().get(l);
        Matrix m = weights ? layer.weights() : layer.bias();
        Matrix changed = Matrix.of(m.rows(), m.columns(), (i, j) -> i == row && j == column ? value : m.get(i, j));
        Dense replaced = weights ? new Dense(changed, layer.bias(), layer.activation())
                : new Dense(layer.weights(), changed, layer.activation());
        return new Network(network.layers().update(l, replaced));
    }

    @Override
    public String toString() {
        return "GradientCheck[worst " + worst() + "; per layer: " + layers.map(e -> e.error()).mkString(", ") + "]";
    }
}
