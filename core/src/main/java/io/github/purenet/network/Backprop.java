package io.github.purenet.network;

import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The pure functions of training: {@link #forward}, {@link #backward} and {@link #step}.
 *
 * <p>For a batch {@code x} of {@code n} rows and layers {@code l = 1..L}:
 * <pre>
 * forward:   a_0 = x,  z_l = a_(l-1) · W_lᵀ + b_l,  a_l = f_l(z_l)
 * backward:  δ_L = dLoss/dz_L       (f_L's vector-Jacobian product of dLoss/da_L, or, for a
 *                                     {@link FusedLoss} after its own activation, straight at the logits)
 *            dW_l = δ_lᵀ · a_(l-1),  db_l = column sums of δ_l
 *            δ_(l-1) = f_(l-1)'s vector-Jacobian product of δ_l · W_l
 * step:      W ← W - η dW,  b ← b - η db
 * </pre>
 * Each function checks its arguments where they enter and returns new values; no argument is
 * changed.
 */
public final class Backprop {

    private Backprop() {
    }

    /**
     * The forward pass.
     *
     * @param network the network
     * @param inputs a batch of at least one example, one per row, with {@code network.inputs()}
     *     finite columns
     * @return the trace, whose {@link Trace#output()} is the network's output
     * @throws IllegalArgumentException if the inputs do not fit the network or are not finite
     */
    public static Trace forward(Network network, Matrix inputs) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(inputs, "inputs is null");
        if (inputs.columns() != network.inputs()) {
            throw new IllegalArgumentException("forward: inputs " + inputs.shape() + " do not fit network "
                    + network + " (expected " + inputs.rows() + "x" + network.inputs() + ")");
        }
        inputs.requireFinite("forward: inputs");
        // the arrays are filled here and handed to the vectors; nothing writes them afterwards
        Matrix[] zs = new Matrix[network.layers().size()];
        Matrix[] as = new Matrix[zs.length];
        Matrix a = inputs;
        for (int l = 0; l < zs.length; l++) {
            Dense layer = network.layers().get(l);
            zs[l] = a.timesTransposePlusRow(layer.weights(), layer.bias());
            a = as[l] = layer.activation().apply(zs[l]);
        }
        return new Trace(inputs, Vector.of(zs), Vector.of(as));
    }

    /**
     * The backward pass: the loss of a batch and its gradient with respect to every parameter.
     *
     * @param network the network that made the trace
     * @param trace {@code forward(network, inputs)}; a trace of another network is refused when its
     *     shapes differ, but one of the same shapes cannot be told apart and gives that network's
     *     loss: pass the trace of this network
     * @param targets finite targets, shaped like the network's output
     * @param loss the loss; a {@link FusedLoss} needs the network to end in its activation
     * @return the loss and the gradients, shaped like the network
     * @throws IllegalArgumentException if the trace or the targets do not fit the network, the
     *     targets are not finite, or a fused loss follows another activation
     */
    public static LossAndGradients backward(Network network, Trace trace, Matrix targets, Loss loss) {
        requireFits("backward", network, trace, targets, loss);
        Vector<Dense> layers = network.layers();
        int last = layers.size() - 1;
        double value = value(trace, targets, loss);
        Matrix delta = loss instanceof FusedLoss fused
                ? fused.gradientAtLogits(trace.logits(), trace.output(), targets)
                : layers.last().activation().backward(trace.logits(), trace.output(),
                        loss.gradient(trace.output(), targets));
        DenseGradient[] gradients = new DenseGradient[layers.size()]; // filled here, then handed to the vector
        for (int l = last; l >= 0; l--) {
            Matrix previous = l == 0 ? trace.inputs() : trace.activations().get(l - 1);
            gradients[l] = new DenseGradient(delta.transposeTimes(previous), delta.columnSums());
            if (l > 0) {
                Dense below = layers.get(l - 1);
                delta = below.activation().backward(trace.preActivations().get(l - 1), previous,
                        delta.times(layers.get(l).weights()));
            }
        }
        return new LossAndGradients(value, new Gradients(Vector.of(gradients)));
    }

    /**
     * Forward then backward on one batch.
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
     * The loss of a network on a batch, computed as {@link #backward} computes it (from the logits
     * for a {@link FusedLoss}), without the gradients.
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
        gradients.requireFits(network);
        if (!(learningRate > 0.0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate: expected a positive finite number, got " + learningRate);
        }
        Dense[] layers = new Dense[network.layers().size()]; // filled here, then handed to the vector
        for (int i = 0; i < layers.length; i++) {
            Dense layer = network.layers().get(i);
            DenseGradient g = gradients.layers().get(i);
            // θ + (-η g) has the bits of θ - η g: subtraction is addition of the negation, exactly
            layers[i] = new Dense(layer.weights().plusScaled(g.weights(), -learningRate),
                    layer.bias().plusScaled(g.bias(), -learningRate), layer.activation());
        }
        return new Network(Vector.of(layers));
    }

    /**
     * One step of plain gradient descent on one batch: the loss and the stepped network of
     * {@code step(network, lossAndGradients(network, inputs, targets, loss).gradients(), η)}, with
     * the same bits and the same errors.
     *
     * <p>For a small network whose hidden layers are element-wise and which ends in a softmax
     * trained with softmax cross-entropy, the step is taken in one pass over local arrays, without
     * the trace and the gradients that the composed functions build; it is then about twice as
     * fast (seed 001's 2-3-3 network: see docs/performance.md). Every other step is the
     * composition.
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
        if (FusedSgd.applies(network, inputs, targets, loss, learningRate)) {
            return FusedSgd.step(network, inputs, targets, learningRate);
        }
        LossAndGradients lg = lossAndGradients(network, inputs, targets, loss);
        return new LossAndNetwork(lg.loss(), step(network, lg.gradients(), learningRate));
    }

    private static void requireFits(String operation, Network network, Trace trace, Matrix targets, Loss loss) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(trace, "trace is null");
        Objects.requireNonNull(targets, "targets is null");
        Objects.requireNonNull(loss, "loss is null");
        Vector<Dense> layers = network.layers();
        boolean fits = trace.activations().size() == layers.size() && trace.inputs().columns() == network.inputs();
        for (int l = 0; fits && l < layers.size(); l++) {
            Matrix z = trace.preActivations().get(l);
            fits = z.columns() == layers.get(l).outputs() && z.rows() == trace.inputs().rows();
        }
        if (!fits) {
            throw new IllegalArgumentException(operation + ": " + trace + " with pre-activations "
                    + trace.preActivations().map(Matrix::shape).mkString(", ") + " was not made by network " + network);
        }
        Matrix output = trace.output();
        if (targets.rows() != output.rows() || targets.columns() != output.columns()) {
            throw new IllegalArgumentException(operation + ": targets " + targets.shape() + " do not fit outputs "
                    + output.shape() + " of network " + network);
        }
        targets.requireFinite(operation + ": targets");
        if (loss instanceof FusedLoss fused && !fused.activation().equals(layers.last().activation())) {
            throw new IllegalArgumentException(operation + ": loss " + loss.name() + " is fused with "
                    + fused.activation().name() + " but the network ends in " + layers.last().activation().name());
        }
    }
}
