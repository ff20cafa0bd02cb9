package io.github.purenet.checkpoint;

import io.github.purenet.activation.Activation;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/** The built-in activations by the names a document uses for them. */
final class Activations {

    private Activations() {
    }

    /** The name of leaky ReLU, written as an object with its slope: {@code {"name": "leaky_relu", "alpha": ...}}. */
    static final String LEAKY_RELU = "leaky_relu";

    /** @return the parameterless built-ins by name; leaky ReLU is written with its slope */
    static Map<String, Activation> builtIn() {
        return LinkedHashMap.of(
            "identity", io.github.purenet.activation.Activations.identity(),
            "sigmoid", io.github.purenet.activation.Activations.sigmoid(),
            "tanh", io.github.purenet.activation.Activations.tanh(),
            "relu", io.github.purenet.activation.Activations.relu(),
            "softmax", io.github.purenet.activation.Activations.softmax());
    }
}
