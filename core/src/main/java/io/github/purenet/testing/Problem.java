package io.github.purenet.testing;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * A network, a batch of inputs, its targets and a loss that accepts them: everything one step of
 * backpropagation needs, and what a user testing a loss, an activation or a stage of their own
 * checks it on. Made by {@link Generators#problems()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.problems().loss(myLoss, TargetKind.REAL).smooth())
 *         .check(p -> assertTrue(p.gradientCheck().worst().error() < 1e-6, p.gradientCheck().toString()));
 * }</pre>
 *
 * <p>Its {@code toString} shows the network's layers, the loss and the batch size, and the numbers
 * themselves when they are few (a shrunk counterexample shows them all). The network may be of
 * any architecture; one with dropout or batch normalisation needs a {@link Mode}, given to
 * {@link #lossAndGradients(Mode)}, {@link #gradientCheck(Mode)} and {@link #nearKink(double, Mode)}.
 *
 * @param network the network
 * @param inputs the batch, {@code n x network.inputs()}
 * @param targets the targets, {@code n x network.outputs()}
 * @param loss the loss
 */
public record Problem(Network network, Matrix inputs, Matrix targets, Loss loss) {

    /**
     * Checks that every component is present and that the shapes fit.
     *
     * @param network the network
     * @param inputs the batch, {@code n x network.inputs()}
     * @param targets the targets, {@code n x network.outputs()}
     * @param loss the loss
     */
    public Problem {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(targets, "targets is null");
        Objects.requireNonNull(loss, "loss is null");
        if (inputs.columns() != network.inputs() || targets.rows() != inputs.rows()
                || targets.columns() != network.outputs()) {
            throw new IllegalArgumentException("Problem: inputs " + inputs.shape() + " and targets " + targets.shape()
                    + " do not fit " + network + " (expected n x " + network.inputs() + " and n x "
                    + network.outputs() + ")");
        }
    }

    /** @return the number of examples in the batch */
    public int batch() {
        return inputs.rows();
    }

    /**
     * @return the loss and gradients of {@link Backprop#lossAndGradients} on this problem, for a
     *     network without mode-dependent layers
     */
    public LossAndGradients lossAndGradients() {
        return Backprop.lossAndGradients(network, inputs, targets, loss);
    }

    /**
     * @param mode the mode of the forward pass
     * @return the loss, gradients and state of {@link Backprop#lossAndGradients} in that mode
     */
    public LossAndGradients lossAndGradients(Mode mode) {
        return Backprop.lossAndGradients(network, inputs, targets, loss, mode);
    }

    /**
     * @return the gradients of backpropagation compared with finite differences, see
     *     {@link GradientCheck}, for a network without mode-dependent layers
     */
    public GradientCheck gradientCheck() {
        return GradientCheck.of(network, inputs, targets, loss);
    }

    /**
     * @param mode {@link Mode#evaluation()}, or {@link Mode#training} with a fixed key
     * @return the gradients of backpropagation in that mode compared with finite differences, with
     *     the default step; see {@link GradientCheck#of(Network, Matrix, Matrix, Loss, Mode, double)}
     */
    public GradientCheck gradientCheck(Mode mode) {
        return GradientCheck.of(network, inputs, targets, loss, mode, GradientCheck.STEP);
    }

    /**
     * The inputs of the activations that have a kink ({@link NetworkGenerator#kinked}), where
     * finite differences are not derivatives, in evaluation.
     *
     * @return as {@link #kinkedPreActivations(Mode)} in {@link Mode#evaluation()}
     */
    public Vector<Matrix> kinkedPreActivations() {
        return kinkedPreActivations(Mode.evaluation());
    }

    /**
     * The inputs of the activations that have a kink ({@link NetworkGenerator#kinked}), where
     * finite differences are not derivatives, anywhere in the network: the pre-activations of dense
     * layers and convolutions with such an activation, the inputs of activation layers with one,
     * and for a max pool the gap between the two largest entries of each window (0 where the
     * maximum changes hands).
     *
     * @param mode the mode of the pass (in training, dropout's masks and the batch's statistics
     *     change them)
     * @return the {@code n x width} matrix of each, depth first in the order of the layers (that of
     *     {@link Network#parameterPaths()})
     */
    public Vector<Matrix> kinkedPreActivations(Mode mode) {
        return PreActivations.kinked(network, inputs, Objects.requireNonNull(mode, "mode is null"));
    }

    /**
     * Whether a kinked pre-activation lies within {@code margin} of its kink at 0, in evaluation: a
     * finite difference with a step that moves it less than {@code margin} stays on one side.
     *
     * @param margin the distance, not negative
     * @return whether some pre-activation {@code z} of {@link #kinkedPreActivations()} has {@code |z| < margin}
     */
    public boolean nearKink(double margin) {
        return nearKink(margin, Mode.evaluation());
    }

    /**
     * Whether a kinked pre-activation lies within {@code margin} of its kink at 0 in a mode.
     *
     * @param margin the distance, not negative
     * @param mode the mode of the pass
     * @return whether some pre-activation {@code z} of {@link #kinkedPreActivations(Mode)} has {@code |z| < margin}
     */
    public boolean nearKink(double margin, Mode mode) {
        if (!(margin >= 0.0)) {
            throw new IllegalArgumentException("margin: expected a number >= 0, got " + margin);
        }
        for (Matrix z : kinkedPreActivations(mode)) {
            for (int i = 0; i < z.rows(); i++) {
                for (int j = 0; j < z.columns(); j++) {
                    if (Math.abs(z.get(i, j)) < margin) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Problem[" + Values.show(network) + " " + loss.name() + ", batch " + batch() + ", inputs "
                + Values.show(inputs) + ", targets " + Values.show(targets) + "]";
    }
}
