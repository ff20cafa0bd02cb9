package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The pure functions of training: {@link #forward}, {@link #backward} and {@link #step}.
 *
 * <p>For a batch {@code x} of {@code n} rows, the forward pass applies the network's layers in
 * order and keeps what each needs for the backward pass in a {@link Trace}; the backward pass
 * starts from the gradient of the loss at the output (or, for a {@link FusedLoss} after its own
 * activation, straight at the logits) and applies each layer's vector-Jacobian product in reverse
 * order. For a dense layer {@code l}:
 * <pre>
 * forward:   z_l = a_(l-1) · W_lᵀ + b_l,  a_l = f_l(z_l)
 * backward:  δ_l = f_l's vector-Jacobian product of dL/da_l
 *            dW_l = δ_lᵀ · a_(l-1),  db_l = column sums of δ_l,  dL/da_(l-1) = δ_l · W_l
 * step:      W ← W - η dW,  b ← b - η db
 * </pre>
 * Each function checks its arguments where they enter and returns new values; no argument is
 * changed.
 *
 * <p>A network with layers that act differently in training and evaluation (dropout, batch
 * normalisation) needs a {@link Mode}: the functions without one refuse it, naming the layers.
 */
public final class Backprop {

    private Backprop() {
    }

    /**
     * The forward pass of a network whose layers act alike in training and evaluation.
     *
     * @param network the network, without mode-dependent layers
     * @param inputs a batch of at least one example, one per row, with {@code network.inputs()}
     *     finite columns
     * @return the trace, whose {@link Trace#output()} is the network's output
     * @throws IllegalArgumentException if the inputs do not fit the network or are not finite, or
     *     the network has mode-dependent layers
     */
    public static Trace forward(Network network, Matrix inputs) {
        Objects.requireNonNull(network, "network is null");
        network.requireNoMode("forward");
        return forward(network, inputs, Mode.evaluation());
    }

    /**
     * The forward pass in a mode.
     *
     * @param network the network
     * @param inputs a batch of at least one example, one per row, with {@code network.inputs()}
     *     finite columns
     * @param mode {@link Mode#training} (dropout drops, batch normalisation uses and updates the
     *     batch's statistics) or {@link Mode#evaluation()}
     * @return the trace, whose {@link Trace#output()} is the network's output and whose
     *     {@link Trace#state()} is the state after the pass
     * @throws IllegalArgumentException if the inputs do not fit the network or are not finite
     */
    public static Trace forward(Network network, Matrix inputs, Mode mode) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(inputs, "inputs is null");
        Objects.requireNonNull(mode, "mode is null");
        if (inputs.columns() != network.inputs()) {
            throw new IllegalArgumentException("forward: inputs " + inputs.shape() + " do not fit network "
                    + network + " (expected " + inputs.rows() + "x" + network.inputs() + ")");
        }
        inputs.requireFinite("forward: inputs");
        return new Trace(network, mode, inputs, Passes.forward(network.body(), inputs, mode));
    }

    /**
     * The backward pass: the loss of a batch and its gradient with respect to every parameter.
     *
     * @param network the network that made the trace
     * @param trace {@code forward(network, inputs)}; the trace of a network of other shapes is refused
     * @param targets finite targets, shaped like the network's output
     * @param loss the loss; a {@link FusedLoss} needs the network to end in its activation
     * @return the loss, the gradients, shaped like the network's parameters, and the state after the
     *     forward pass
     * @throws IllegalArgumentException if the trace or the targets do not fit the network, the
     *     targets are not finite, or a fused loss follows another activation
     */
    public static LossAndGradients backward(Network network, Trace trace, Matrix targets, Loss loss) {
        requireFits("backward", network, trace, targets, loss);
        double value = value(trace, targets, loss);
        boolean fused = loss instanceof FusedLoss;
        Matrix gradient = fused ? ((FusedLoss) loss).gradientAtLogits(trace.logits(), trace.output(), targets)
                : loss.gradient(trace.output(), targets);
        Matrix[] gradients = new Matrix[network.parameterPaths().size()]; // filled here, then handed to the vector
        Passes.backward(network.body(), trace.inputs(), trace.root(), gradient, fused, false, trace.mode(), gradients, 0);
        return new LossAndGradients(value, new Gradients(network.parameterPaths(), Vector.of(gradients)), trace.state());
    }

    /**
     * Forward then backward on one batch, for a network without mode-dependent layers.
     *
     * @param network the network
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss
     * @return the loss and its gradients
     */
    public static LossAndGradients lossAndGradients(Network network, Matrix inputs, Matrix targets, Loss loss) {
        return backward(network, forward(network, inputs), targets, loss);
    }

    /**
     * Forward in a mode, then backward, on one batch.
     *
     * @param network the network
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss
     * @param mode the mode of the forward pass
     * @return the loss, its gradients and the state after the pass
     */
    public static LossAndGradients lossAndGradients(Network network, Matrix inputs, Matrix targets, Loss loss,
            Mode mode) {
        return backward(network, forward(network, inputs, mode), targets, loss);
    }

    /**
     * The loss of a network on a batch, computed as {@link #backward} computes it (from the logits
     * for a {@link FusedLoss}), without the gradients, for a network without mode-dependent layers.
     *
     * @param network the network
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss
     * @return the mean loss over the batch
     */
    public static double loss(Network network, Matrix inputs, Matrix targets, Loss loss) {
        return loss(network, forward(network, inputs), targets, loss);
    }

    /**
     * The loss of a network on a batch in a mode, without the gradients.
     *
     * @param network the network
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss
     * @param mode the mode of the forward pass
     * @return the mean loss over the batch
     */
    public static double loss(Network network, Matrix inputs, Matrix targets, Loss loss, Mode mode) {
        return loss(network, forward(network, inputs, mode), targets, loss);
    }

    /**
     * The loss of a batch from its trace, as {@link #backward} computes it, without the gradients.
     *
     * @param network the network that made the trace
     * @param trace {@code forward(network, inputs)}
     * @param targets the batch's targets
     * @param loss the loss
     * @return the mean loss over the batch
     */
    public static double loss(Network network, Trace trace, Matrix targets, Loss loss) {
        requireFits("loss", network, trace, targets, loss);
        return value(trace, targets, loss);
    }

    /** The loss of a batch whose arguments were checked: from the logits for a {@link FusedLoss}. */
    private static double value(Trace trace, Matrix targets, Loss loss) {
        return loss instanceof FusedLoss fused
                ? fused.valueAtLogits(trace.logits(), targets)
                : loss.value(trace.output(), targets);
    }

    /**
     * One step of plain gradient descent: {@code θ ← θ - η · g} for every parameter {@code θ}.
     *
     * @param network the network
     * @param gradients gradients shaped like the network
     * @param learningRate {@code η}, a positive finite number
     * @return the new network, with the same activations
     * @throws IllegalArgumentException if the gradients do not fit or the learning rate is bad
     */
    public static Network step(Network network, Gradients gradients, double learningRate) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(gradients, "gradients is null");
        Vector<Matrix> theta = network.parameters();
        gradients.requireFits(network, theta);
        if (!(learningRate > 0.0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate: expected a positive finite number, got " + learningRate);
        }
        // θ + (-η g) has the bits of θ - η g: subtraction is addition of the negation, exactly
        return network.withParameters(Vector.tabulate(theta.size(),
                i -> theta.get(i).plusScaled(gradients.values().get(i), -learningRate)));
    }

    /**
     * One step of plain gradient descent on one batch: the loss and the stepped network of
     * {@code step(network, lossAndGradients(network, inputs, targets, loss).gradients(), η)}, with
     * the same bits and the same errors.
     *
     * @param network the network
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss
     * @param learningRate {@code η}, a positive finite number
     * @return the batch's loss before the step, and the stepped network
     * @throws IllegalArgumentException as {@link #lossAndGradients} and {@link #step} do
     */
    public static LossAndNetwork sgdStep(Network network, Matrix inputs, Matrix targets, Loss loss,
            double learningRate) {
        LossAndGradients lg = lossAndGradients(network, inputs, targets, loss);
        return new LossAndNetwork(lg.loss(), step(network, lg.gradients(), learningRate));
    }

    private static void requireFits(String operation, Network network, Trace trace, Matrix targets, Loss loss) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(trace, "trace is null");
        Objects.requireNonNull(targets, "targets is null");
        Objects.requireNonNull(loss, "loss is null");
        if (trace.network() != network && !trace.network().hasStructureOf(network)) {
            throw new IllegalArgumentException(operation + ": " + trace + " was not made by network " + network);
        }
        Matrix output = trace.output();
        if (targets.rows() != output.rows() || targets.columns() != output.columns()) {
            throw new IllegalArgumentException(operation + ": targets " + targets.shape() + " do not fit outputs "
                    + output.shape() + " of network " + network);
        }
        if (!targets.isFinite()) {
            targets.requireFinite(operation + ": targets");
        }
        if (loss instanceof FusedLoss fused && !network.finalActivation().contains(fused.activation())) {
            throw new IllegalArgumentException(operation + ": loss " + loss.name() + " is fused with "
                    + fused.activation().name() + " but the network ends in "
                    + network.finalActivation().map(Activation::name).getOrElse("no activation"));
        }
    }
}
