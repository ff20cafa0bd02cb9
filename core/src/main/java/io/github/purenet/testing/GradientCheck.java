package io.github.purenet.testing;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Mode;
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
 * @param leaves the worst error of each trainable matrix, in the order of the network's parameters
 */
public record GradientCheck(Vector<LeafError> leaves) {

    /** The default finite-difference step. */
    public static final double STEP = 1e-6;

    /**
     * Checks every parameter of a network without mode-dependent layers, with the default step.
     *
     * @param network the network
     * @param inputs a batch of inputs
     * @param targets its targets
     * @param loss the loss
     * @return the worst error of each trainable matrix
     */
    public static GradientCheck of(Network network, Matrix inputs, Matrix targets, Loss loss) {
        Objects.requireNonNull(network, "network is null");
        network.requireNoMode("GradientCheck");
        return of(network, inputs, targets, loss, Mode.evaluation(), STEP);
    }

    /**
     * Checks every parameter of a network without mode-dependent layers.
     *
     * @param network the network
     * @param inputs a batch of inputs
     * @param targets its targets
     * @param loss the loss
     * @param step the finite-difference step {@code h}, positive
     * @return the worst error of each trainable matrix
     */
    public static GradientCheck of(Network network, Matrix inputs, Matrix targets, Loss loss, double step) {
        Objects.requireNonNull(network, "network is null");
        network.requireNoMode("GradientCheck");
        return of(network, inputs, targets, loss, Mode.evaluation(), step);
    }

    /**
     * Checks every parameter of a network in a mode: in training with a fixed key, dropout draws the
     * same mask for every evaluation of the loss, so the finite differences are those of one
     * function. Non-trainable state is never perturbed.
     *
     * @param network the network
     * @param inputs a batch of inputs
     * @param targets its targets
     * @param loss the loss
     * @param mode {@link Mode#evaluation()}, or {@link Mode#training} with a fixed key
     * @param step the finite-difference step {@code h}, positive
     * @return the worst error of each trainable matrix
     */
    public static GradientCheck of(Network network, Matrix inputs, Matrix targets, Loss loss, Mode mode, double step) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(mode, "mode is null");
        if (!(step > 0.0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("step: expected a positive finite number, got " + step);
        }
        Gradients analytic = Backprop.lossAndGradients(network, inputs, targets, loss, mode).gradients();
        return new GradientCheck(Vector.range(0, analytic.values().size()).map(leaf ->
                worst(network, inputs, targets, loss, mode, step, leaf, analytic)));
    }

    /** @return the worst error over all trainable matrices */
    public LeafError worst() {
        return leaves.maxBy(LeafError::error).get();
    }

    private static LeafError worst(Network network, Matrix inputs, Matrix targets, Loss loss, Mode mode, double h,
            int leaf, Gradients analytic) {
        Matrix gradient = analytic.values().get(leaf);
        Matrix parameter = network.parameters().get(leaf);
        LeafError worst = null;
        for (int i = 0; i < gradient.rows(); i++) {
            for (int j = 0; j < gradient.columns(); j++) {
                double theta = parameter.get(i, j);
                double up = theta + h;
                double down = theta - h;
                double numeric = (Backprop.loss(with(network, leaf, i, j, up), inputs, targets, loss, mode)
                        - Backprop.loss(with(network, leaf, i, j, down), inputs, targets, loss, mode)) / (up - down);
                double a = gradient.get(i, j);
                double error = Math.abs(a - numeric) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
                if (worst == null || error > worst.error() || Double.isNaN(error)) {
                    worst = new LeafError(analytic.paths().get(leaf), i, j, a, numeric, error);
                }
            }
        }
        return worst;
    }

    /** The network with one parameter replaced. */
    private static Network with(Network network, int leaf, int row, int column, double value) {
        Vector<Matrix> parameters = network.parameters();
        Matrix m = parameters.get(leaf);
        return network.withParameters(parameters.update(leaf,
                Matrix.of(m.rows(), m.columns(), (i, j) -> i == row && j == column ? value : m.get(i, j))));
    }

    @Override
    public String toString() {
        return "GradientCheck[worst " + worst() + "; per matrix: " + leaves.map(e -> e.error()).mkString(", ") + "]";
    }
}
