package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Layer normalisation (Ba, Kiros and Hinton, "Layer Normalization", 2016): each example is
 * normalised over all of its features, then scaled and shifted feature by feature,
 * <pre>
 * μ = mean of x's entries,  σ² = mean of (x - μ)²  (the biased variance),
 * y = scale ⊙ (x - μ) / √(σ² + eps) + offset
 * </pre>
 * as PyTorch's {@code LayerNorm(features)} with its element-wise affine parameters (and Flax's
 * {@code LayerNorm}, whose default {@code epsilon} is {@code 1e-6}: pass it to match). It acts alike
 * in training and evaluation, and does not couple the examples of a batch: an example's output does
 * not depend on the other rows.
 *
 * <p>Exactly: each row's sums start from {@code +0.0} and run left to right, the squares with
 * {@link Math#fma}; {@code μ} and {@code σ²} divide the sums by the number of features;
 * {@code x̂ = (x - μ) · (1 / √(σ² + eps))} and {@code y = fma(scale, x̂, offset)}. Backward, for
 * {@code g = dL/dy}: {@code d offset} and {@code d scale} are the sums over the rows (ascending) of
 * {@code g} and {@code g · x̂} (the products accumulated with {@link Math#fma}); with
 * {@code h = g ⊙ scale}, {@code dL/dx = (h - mean(h) - x̂ · mean(h ⊙ x̂)) · (1 / √(σ² + eps))}, the
 * means over the row.
 *
 * @param scale the {@code 1 x features} trainable scale ({@code γ}), 1 at first
 * @param offset the {@code 1 x features} trainable offset ({@code β}), 0 at first
 * @param eps added to the variance, positive; {@link #EPS} by default, as PyTorch
 */
public record LayerNorm(Matrix scale, Matrix offset, double eps) implements Layer {

    /** The default {@code eps}, PyTorch's: {@code 1e-5}. */
    public static final double EPS = 1e-5;

    /**
     * Checks the shapes and {@code eps}.
     *
     * @param scale the {@code 1 x features} scale
     * @param offset the {@code 1 x features} offset
     * @param eps added to the variance, positive
     */
    public LayerNorm {
        Objects.requireNonNull(scale, "scale is null");
        Objects.requireNonNull(offset, "offset is null");
        if (scale.rows() != 1 || offset.rows() != 1 || offset.columns() != scale.columns()) {
            throw new IllegalArgumentException("LayerNorm: scale " + scale.shape() + " and offset " + offset.shape()
                    + " must both be 1 x features");
        }
        if (!(eps > 0.0 && Double.isFinite(eps))) {
            throw new IllegalArgumentException("eps: expected a positive finite number, got " + eps);
        }
    }

    /**
     * A layer normalisation of examples of {@code features} features: scale 1, offset 0, eps {@link #EPS}.
     *
     * @param features the number of features of one example, positive
     * @return the layer
     */
    public static LayerNorm of(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features: expected a positive number, got " + features);
        }
        return new LayerNorm(Matrix.filled(1, features, 1.0), Matrix.filled(1, features, 0.0), EPS);
    }

    /** @return the number of features of one example */
    public int features() {
        return scale.columns();
    }

    /** @return {@code layer_norm} */
    @Override
    public String kind() {
        return "layer_norm";
    }

    /**
     * @param input the shape of one input example, of {@link #features()} entries
     * @return the input's shape
     */
    @Override
    public Shape outputShape(Shape input) {
        Objects.requireNonNull(input, "input is null");
        if (input.size() != features()) {
            throw new IllegalArgumentException("expected an input of " + features() + " features, got " + input);
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
    public LayerNorm withParameters(Vector<Matrix> parameters) {
        Layers.requireShapes("parameters", this::parameterNames, parameters(), parameters);
        return new LayerNorm(parameters.get(0), parameters.get(1), eps);
    }

    /**
     * The forward pass, alike in both modes: {@code y} as the class documentation says, each row's
     * statistics summed left to right ({@link Normalisation} gives the exact order); keeps
     * {@code x̂} and each row's {@code 1 / √(σ² + eps)} for the backward pass.
     */
    Node forward(Matrix x) {
        Normalisation.Normalised n = Normalisation.forward(x, scale, offset, eps, true, null);
        return Node.of(n.output(), n.normalised(), n.inverse());
    }

    /**
     * The backward pass: {@code d offset} and {@code d scale} are the sums over the rows ascending of
     * {@code g} and {@code g ⊙ x̂} (the products accumulated with {@link Math#fma}); with
     * {@code h = g ⊙ scale}, each row's {@code dL/dx = (h - mean(h) - x̂ · mean(h ⊙ x̂)) · s}, where
     * {@code s = 1 / √(σ² + eps)} was kept by the forward pass.
     */
    Matrix backward(Node node, Matrix gradient, boolean inputGradient, Matrix[] out, int offset) {
        return Normalisation.backward(node.saved(0), node.saved(1), gradient, scale, true, true, inputGradient, out,
                offset);
    }

    /** @return such as {@code LayerNorm[128, eps 1.0E-5]} */
    @Override
    public String toString() {
        return "LayerNorm[" + features() + ", eps " + eps + "]";
    }
}
