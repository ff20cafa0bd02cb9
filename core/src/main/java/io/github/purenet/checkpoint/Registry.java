package io.github.purenet.checkpoint;

import io.github.purenet.activation.Activation;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * What a codec knows by name beyond the built-ins: activations and layers of the user's own.
 *
 * @param activations user-defined activations by {@link Activation#name()}
 * @param layers prototypes of user-defined layers by {@link CustomLayer#name()}
 */
record Registry(Map<String, Activation> activations, Map<String, CustomLayer> layers) {

    /** @return a registry of nothing beyond the built-ins */
    static Registry empty() {
        return new Registry(LinkedHashMap.empty(), LinkedHashMap.empty());
    }

    /** @return the kinds of purenet's own layers, as documents name them */
    static Vector<String> builtInKinds() {
        return Vector.of("dense", "conv2d", "max_pool2d", "avg_pool2d", "global_average_pool", "flatten", "activation",
                "dropout", "layer_norm", "batch_norm", "sequential", "residual");
    }

    Registry withActivation(Activation activation) {
        Objects.requireNonNull(activation, "activation is null");
        if (Activations.builtIn().containsKey(activation.name()) || activation.name().equals(Activations.LEAKY_RELU)) {
            throw new IllegalArgumentException("withActivation: '" + activation.name() + "' is a built-in name");
        }
        return new Registry(activations.put(activation.name(), activation), layers);
    }

    Registry withLayer(CustomLayer prototype) {
        Objects.requireNonNull(prototype, "prototype is null");
        String name = Objects.requireNonNull(prototype.name(), "withLayer: the prototype's name() is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("withLayer: the prototype's name is blank; a layer is written and read "
                    + "by its name, such as \"scale\" or \"gated(0.5)\"");
        }
        if (builtInKinds().contains(name)) {
            throw new IllegalArgumentException("withLayer: '" + name + "' is the name of a built-in kind ("
                    + builtInKinds().mkString(", ") + "); give the layer a name of its own");
        }
        requireNames(name, "parameter", prototype.parameterNames(), prototype.parameters());
        requireNames(name, "state", prototype.stateNames(), prototype.state());
        return new Registry(activations, layers.put(name, prototype));
    }

    /** The names of a prototype's matrices are the keys of their objects in a document: distinct, not blank. */
    private static void requireNames(String layer, String what, Vector<String> names, Vector<Matrix> values) {
        Objects.requireNonNull(names, () -> "withLayer: '" + layer + "' has null " + what + " names");
        Objects.requireNonNull(values, () -> "withLayer: '" + layer + "' has null " + what + " values");
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("withLayer: '" + layer + "' names " + names.size() + " " + what
                    + " matrices " + names.mkString("[", ", ", "]") + " but has " + values.size());
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank() || names.indexOf(n) != i) {
                throw new IllegalArgumentException("withLayer: '" + layer + "': " + what + " names "
                        + names.mkString("[", ", ", "]") + " must be distinct and not blank");
            }
            Objects.requireNonNull(values.get(i), () -> "withLayer: '" + layer + "': " + what + " " + n + " is null");
        }
    }
}
