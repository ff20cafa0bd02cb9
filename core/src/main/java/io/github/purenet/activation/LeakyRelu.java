package io.github.purenet.activation;

import io.github.purenet.tensor.Matrix;
import java.util.Objects;

/**
 * Leaky ReLU: {@code f(z) = z} for {@code z > 0}, {@code alpha · z} otherwise; its derivative is
 * {@code 1} for {@code z > 0}, {@code alpha} otherwise (the value at the kink {@code z = 0} is taken
 * from the left, as for ReLU).
 *
 * @param alpha the slope for negative inputs, finite and in {@code [0, 1)}; 0.01 is common
 */
public record LeakyRelu(double alpha) implements Activation {

    /**
     * Checks the slope.
     *
     * @param alpha the slope for negative inputs, finite and in {@code [0, 1)}; 0.01 is common
     */
    public LeakyRelu {
        if (!(alpha >= 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha: expected a number in [0, 1), got " + alpha);
        }
    }

    @Override
    public String name() {
        return "leaky_relu(" + alpha + ")";
    }

    @Override
    public Matrix apply(Matrix z) {
        Objects.requireNonNull(z, () -> name() + ": z is null");
        return z.map(x -> x > 0.0 ? x : alpha * x);
    }

    @Override
    public Matrix backward(Matrix z, Matrix a, Matrix gradient) {
        Activations.requireBackwardArguments(name(), z, a, gradient);
        return z.zipWith(gradient, (x, g) -> x > 0.0 ? g : alpha * g);
    }

    @Override
    public String toString() {
        return name();
    }
}
