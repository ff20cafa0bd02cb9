package io.github.purenet.testing;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.LossAndGradients;
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
 * <p>Its {@code toString} shows the network's shape and activations, the loss and the batch size,
 * and the numbers themselves when they are few (a shrunk counterexample shows them all).
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

    /** @return the loss and gradients of {@link Backprop#lossAndGradients} on this problem */
    public LossAndGradients lossAndGradients() {
        return Backprop.lossAndGradients(network, inputs, targets, loss);
    }

    /** @return the gradients of backpropagation compared with finite differences, see {@link GradientCheck} */
    public GradientCheck gradientCheck() {
        return GradientCheck.of(network, inputs, targets, loss);
    }

    /**
     * The pre-activations of the layers whose activation has a kink ({@link NetworkGenerator#kinked}),
     * where finite differences are not derivatives.
     *
     * @return the {@code n x width} pre-activations of each kinked layer, in layer order
     */
    public Vector<Matrix> kinkedPreActivations() {
        Vector<Matrix> z = Vector.empty();
        Matrix a = inputs;
        for (Dense d : NetworkShrinks.dense(network)) {
            Matrix pre = a.timesTransposePlusRow(d.weights(), d.bias());
            z = NetworkGenerator.kinked(d.activation()) ? z.append(pre) : z;
            a = d.activation().apply(pre);
        }
        return z;
    }

    /**
     * Whether a pre-activation of a kinked layer lies within {@code margin} of its kink at 0: a
     * finite difference with a step that moves it less than {@code margin} stays on one side.
     *
     * @param margin the distance, not negative
     * @return whether some pre-activation {@code z} of a kinked layer has {@code |z| < margin}
     */
    public boolean nearKink(double margin) {
        if (!(margin >= 0.0)) {
            throw new IllegalArgumentException("margin: expected a number >= 0, got " + margin);
        }
        for (Matrix z : kinkedPreActivations()) {
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
