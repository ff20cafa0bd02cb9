package io.github.purenet.activation;

import io.github.purenet.tensor.Matrix;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The built-in activations, each defined next to its derivative.
 *
 * <pre>{@code
 * Activation hidden = Activations.relu();
 * Activation output = Activations.softmax();
 * // a user's own: f(z) = log(1 + e^z), whose derivative is the sigmoid
 * Activation softplus = Activations.elementwise("softplus",
 *         z -> StrictMath.log1p(StrictMath.exp(z)),
 *         (z, a) -> Activations.sigmoid(z));
 * }</pre>
 *
 * <p>Transcendental functions use {@link StrictMath}, so results have the same bits on every JVM.
 */
public final class Activations {

    /** {@code f(z) = z}; {@code f'(z) = 1}. */
    private static final Elementwise IDENTITY = new Elementwise("identity", z -> z, (z, a) -> 1.0);

    /**
     * {@code f(z) = 1 / (1 + e^-z)}; {@code f'(z) = f(z) (1 - f(z))}. Evaluated as
     * {@code e^z / (1 + e^z)} for negative {@code z} so that no exponent is positive: finite and
     * correct at ±1000 (1 and 0 exactly), with no {@code Infinity} on the way.
     */
    private static final Elementwise SIGMOID = new Elementwise("sigmoid", Activations::sigmoid,
            (z, a) -> a * (1.0 - a));

    /** {@code f(z) = tanh z}; {@code f'(z) = 1 - tanh² z}. */
    private static final Elementwise TANH = new Elementwise("tanh", StrictMath::tanh, (z, a) -> 1.0 - a * a);

    /** {@code f(z) = max(0, z)}; {@code f'(z) = 1} for {@code z > 0}, else 0 (0 at the kink). */
    static final Elementwise RELU = new Elementwise("relu", z -> z > 0.0 ? z : 0.0,
            (z, a) -> z > 0.0 ? 1.0 : 0.0);

    private static final Softmax SOFTMAX = new Softmax();

    private Activations() {
    }

    /**
     * The logistic function, computed without overflow.
     *
     * @param z any number
     * @return {@code 1 / (1 + e^-z)}, in {@code [0, 1]}
     */
    public static double sigmoid(double z) {
        if (z >= 0.0) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1.0 + e);
    }

    /**
     * Checks the arguments of {@link Activation#backward}: present, and of one shape.
     *
     * @param name the activation's name, for the message
     * @param z the pre-activations
     * @param a the activations
     * @param gradient the gradient at the activations
     */
    static void requireBackwardArguments(String name, Matrix z, Matrix a, Matrix gradient) {
        if (z == null) {
            throw new NullPointerException(name + ": z is null");
        }
        if (a == null) {
            throw new NullPointerException(name + ": a is null");
        }
        if (gradient == null) {
            throw new NullPointerException(name + ": gradient is null");
        }
        if (z.rows() != a.rows() || z.columns() != a.columns()
                || z.rows() != gradient.rows() || z.columns() != gradient.columns()) {
            throw new IllegalArgumentException(name + ": backward needs z, a and gradient of one shape, got "
                    + z.shape() + ", " + a.shape() + " and " + gradient.shape());
        }
    }

    /** @return the identity, for outputs of regression */
    public static Activation identity() {
        return IDENTITY;
    }

    /** @return the logistic sigmoid */
    public static Activation sigmoid() {
        return SIGMOID;
    }

    /** @return the hyperbolic tangent */
    public static Activation tanh() {
        return TANH;
    }

    /** @return the rectified linear unit */
    public static Activation relu() {
        return RELU;
    }

    /**
     * @param alpha the slope for negative inputs, in {@code [0, 1)}
     * @return leaky ReLU with that slope; see {@link LeakyRelu}
     */
    public static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /** @return softmax over each row; see {@link Softmax} */
    public static Activation softmax() {
        return SOFTMAX;
    }

    /**
     * A user's own element-wise activation.
     *
     * @param name a name that identifies it
     * @param function {@code f}
     * @param derivative {@code f'}, called as {@code derivative(z, f(z))}
     * @return the activation
     */
    public static Activation elementwise(String name, DoubleUnaryOperator function, DoubleBinaryOperator derivative) {
        return new Elementwise(name, function, derivative);
    }
}
