package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import java.util.Objects;

/** The built-in optimizers. */
public final class Optimizers {

    /** The state of an optimizer that keeps none, such as plain gradient descent. */
    public record Stateless() {
    }

    private static final Stateless STATELESS = new Stateless();

    private Optimizers() {
    }

    /**
     * Plain stochastic gradient descent: {@code u = -η g}, so {@code θ ← θ - η g}. Bit for bit the
     * same as {@link io.github.purenet.network.Backprop#step}.
     *
     * @param learningRate {@code η}, finite and not negative
     * @return the optimizer
     */
    public static Optimizer<Stateless> sgd(double learningRate) {
        if (!(learningRate >= 0.0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate: expected a finite number >= 0, got " + learningRate);
        }
        return new Optimizer<>() {
            @Override
            public Stateless init(Network network) {
                Objects.requireNonNull(network, "network is null");
                return STATELESS;
            }

            @Override
            public Update<Stateless> update(Gradients gradients, Stateless state, Network network) {
                Objects.requireNonNull(gradients, "gradients is null");
                return new Update<>(gradients.scale(-learningRate), STATELESS);
            }

            @Override
            public String toString() {
                return "sgd(" + learningRate + ")";
            }
        };
    }
}
