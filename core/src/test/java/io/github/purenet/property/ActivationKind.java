package io.github.purenet.property;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;

/** The built-in activations that generated networks use, simplest first (shrinking goes to {@link #IDENTITY}). */
public enum ActivationKind {
    IDENTITY(Activations.identity(), false),
    SIGMOID(Activations.sigmoid(), false),
    TANH(Activations.tanh(), false),
    RELU(Activations.relu(), true),
    LEAKY_RELU(Activations.leakyRelu(0.01), true),
    SOFTMAX(Activations.softmax(), false);

    private final Activation activation;
    private final boolean kinked;

    ActivationKind(Activation activation, boolean kinked) {
        this.activation = activation;
        this.kinked = kinked;
    }

    /** @return the activation */
    public Activation activation() {
        return activation;
    }

    /** @return whether the function has a kink at 0, where finite differences are not derivatives */
    public boolean kinked() {
        return kinked;
    }
}
