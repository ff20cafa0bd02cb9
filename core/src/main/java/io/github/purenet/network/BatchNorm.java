package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Batch normalisation (Ioffe and Szegedy, "Batch Normalization", ICML 2015), per channel: for
 * examples of shape {@code width}, each feature is a channel; for images {@code h x w x c}
 * (channels last), the statistics of channel {@code k} are taken over every row of the batch and
 * every position of that channel.
 * <pre>
 * training:    μ, σ² = mean and biased variance of the batch's values of each channel
 *              y = scale ⊙ (x - μ) / √(σ² + eps) + offset
 *              mean' = momentum · mean + (1 - momentum) · μ
 *              variance' = momentum · variance + (1 - momentum) · σ²
 * evaluation:  y = scale ⊙ (x - mean) / √(variance + eps) + offset
 * </pre>
 * The running {@code mean} and {@code variance} are non-trainable state: no optimizer sees them,
 * the training step returns them updated, and evaluation uses them.
 *
 * <p>In training, a batch with a single value of a channel (one row of flat examples) is refused,
 * as PyTorch refuses it: its variance would be 0 and the output the offset whatever the input. The
 * message names the layer's path. Exactly, {@code x̂ = (x - μ) · (1 / √(σ² + eps))} and
 * {@code y = fma(scale, x̂, offset)}; the sums run over the rows ascending and, within a row, the
 * channel's positions ascending (for flat examples, each column over the rows, as
 * {@link Matrix#columnSums()}); sums of squares and products accumulate with {@link Math#fma}.
 *
 * <p>Conventions: {@code momentum} is the weight of the old statistics, as in Flax and Keras
 * (default 0.99); PyTorch's {@code momentum} is the weight of the new ones, so PyTorch's default
 * 0.1 is 0.9 here. Like Flax and Keras, the running variance is updated with the biased batch
 * variance; PyTorch uses the unbiased one ({@code n / (n - 1)} times larger) for the running
 * statistic. {@code eps} is 1e-5 by default, as PyTorch and Flax.
 *
 * @param scale the {@code 1 x channels} trainable scale ({@code γ}), 1 at first
 * @param offset the {@code 1 x channels} trainable offset ({@code β}), 0 at first
 * @param mean the {@code 1 x channels} running mean, 0 at first
 * @param variance the {@code 1 x channels} running variance, 1 at first, not negative (NaN or
 *     infinite only in a run that diverged, which {@code TrainState.diverged()} then reports)
 * @param momentum the weight of the old running statistics, in {@code [0, 1)}
 * @param eps added to the variance, positive
 */
public record BatchNorm(Matrix scale, Matrix offset, Matrix mean, Matrix variance, double momentum, double eps)
        implements Layer {

    /** The default momentum, Flax's and Keras's: {@code 0.99}. */
    public static final double MOMENTUM = 0.99;

    /** The default {@code eps}, PyTorch's and Flax's: {@code 1e-5}. */
    public static final double EPS = 1e-5;

    /**
     * Checks the shapes and the settings.
     *
     * @param scale the {@code 1 x channels} scale
     * @param offset the {@code 1 x channels} offset
     * @param mean the {@code 1 x channels} running mean
     * @param variance the {@code 1 x channels} running variance, not negative
     * @param momentum the weight of the old running statistics, in {@code [0, 1)}
     * @param eps added to the variance, positive
     */
    public BatchNorm {
        Objects.requireNonNull(scale, "scale is null");
        Objects.requireNonNull(offset, "offset is null");
        Objects.requireNonNull(mean, "mean is null");
        Objects.requireNonNull(variance, "variance is null");
        for (Matrix m : new Matrix[] {offset, mean, variance}) {
            if (scale.rows() != 1 || m.rows() != 1 || m.columns() != scale.columns()) {
                throw new IllegalArgumentException("BatchNorm: scale " + scale.shape() + ", offset " + offset.shape()
                        + ", mean " + mean.shape() + " and variance " + variance.shape() + " must all be 1 x channels");
            }
        }
        if (variance.map(v -> v < 0 ? 1.0 : 0.0).sum() > 0) {
            throw new IllegalArgumentException("variance: expected entries >= 0, got " + variance);
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum: expected a number in [0, 1), got " + momentum);
        }
        if (!(eps > 0.0 && Double.isFinite(eps))) {
            throw new IllegalArgumentException("eps: expected a positive finite number, got " + eps);
        }
    }

    /**
     * A batch normalisation of {@code channels} channels: scale 1, offset 0, running mean 0 and
     * variance 1, momentum {@link #MOMENTUM}, eps {@link #EPS}.
     *
     * @param channels the number of channels (the width of a flat example), positive
     * @return the layer
     */
    public static BatchNorm of(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels: expected a positive number, got " + channels);
        }
        return new BatchNorm(Matrix.filled(1, channels, 1.0), Matrix.filled(1, channels, 0.0),
                Matrix.filled(1, channels, 0.0), Matrix.filled(1, channels, 1.0), MOMENTUM, EPS);
    }

    /** @return the number of channels */
    public int channels() {
        return scale.columns();
    }

    /** @return {@code batch_norm} */
    @Override
    public String kind() {
        return "batch_norm";
    }

    /**
     * @param input the shape of one input example, whose last dimension (its width, or its
     *     channels) is {@link #channels()}
     * @return the input's shape
     */
    @Override
    public Shape outputShape(Shape input) {
        Objects.requireNonNull(input, "input is null");
        int last = input.dims().last();
        if (last != channels()) {
            throw new IllegalArgumentException("expected an input of " + channels() + " channels (its last dimension), got "
                    + input);
        }
        return input;
    }

    /** @return {@code [scale, offset]} */
    @Override
    public Vector<String> parameterNames() {
        return Vector.of("scale", "offset");
    }

    /** @return the scale and the offset */
    @Override
    public Vector<Matrix> parameters() {
        return Vector.of(scale, offset);
    }

    @Override
    public BatchNorm withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return new BatchNorm(parameters.get(0), parameters.get(1), mean, variance, momentum, eps);
    }

    /** @return {@code [mean, variance]} */
    @Override
    public Vector<String> stateNames() {
        return Vector.of("mean", "variance");
    }

    /** @return the running mean and variance */
    @Override
    public Vector<Matrix> state() {
        return Vector.of(mean, variance);
    }

    @Override
    public BatchNorm withState(Vector<Matrix> state) {
        Layers.requireShapes("state", this::stateNames, state(), state);
        return new BatchNorm(scale, offset, state.get(0), state.get(1), momentum, eps);
    }

    /**
     * The forward pass. In training, each channel is normalised with the batch's mean and biased
     * variance, and the node's state is the running statistics updated with them,
     * {@code momentum · old + (1 - momentum) · batch} (two rounded products, then their sum); in
     * evaluation, with the running statistics, and the node's state is the layer's, unchanged. Keeps
     * {@code x̂} and each channel's {@code 1 / √(σ² + eps)}. {@link Normalisation} gives the exact
     * order of the sums: over the rows ascending and, within a row, the channel's positions ascending.
     *
     * @throws IllegalArgumentException in training, when a channel has a single value in the batch
     *     (a batch of one row of flat examples), whose variance would be 0 and output the offset
     */
    Node forward(Matrix x, Mode mode) {
        boolean training = mode instanceof Mode.Training;
        if (training && Normalisation.count(x, channels(), false) < 2) {
            throw new Refused("batch_norm in training needs at least 2 values of each channel for the batch's "
                    + "mean and variance, got a batch of 1 row with 1 value per channel; train on batches of 2 rows or "
                    + "more (LastBatch.DROP drops a last batch of 1 row), or pass Mode.evaluation() to use the running "
                    + "statistics");
        }
        Normalisation.Normalised n = Normalisation.forward(x, scale, offset, eps, false,
                training ? null : new Normalisation.Moments(mean, variance));
        Vector<Matrix> after = training
                ? Vector.of(running(mean, n.moments().mean()), running(variance, n.moments().variance()))
                : state();
        return new Node(n.output(), Vector.of(n.normalised(), n.inverse()), Vector.empty(), after);
    }

    /** {@code momentum · old + (1 - momentum) · batch}, entry by entry. */
    private Matrix running(Matrix old, Matrix batch) {
        double weight = 1.0 - momentum;
        return old.zipWith(batch, (o, b) -> momentum * o + weight * b);
    }

    /**
     * The backward pass: {@code d offset} and {@code d scale} are each channel's sums of {@code g}
     * and {@code g · x̂}; with {@code h = g · scale}, in training (the statistics depend on the
     * batch) {@code dL/dx = (h - mean(h) - x̂ · mean(h · x̂)) · (1 / √(σ² + eps))}, the means over
     * the channel's entries in the batch; in evaluation (a fixed affine map per channel)
     * {@code dL/dx = h · (1 / √(variance + eps))}.
     */
    Matrix backward(Node node, Matrix gradient, Mode mode, boolean inputGradient, Matrix[] out, int offset) {
        return Normalisation.backward(node.saved(0), node.saved(1), gradient, scale, false,
                mode instanceof Mode.Training, inputGradient, out, offset);
    }

    /** @return such as {@code BatchNorm[128, momentum 0.99, eps 1.0E-5]} */
    @Override
    public String toString() {
        return "BatchNorm[" + channels() + ", momentum " + momentum + ", eps " + eps + "]";
    }
}
