package io.github.purenet.cli;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.network.Network;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What {@code evaluate} needs of a trained classifier: the network, the number of classes it
 * tells apart, and the standardisation its inputs need (the training part's mean and standard
 * deviation), if it was trained with {@code --standardize}.
 *
 * @param network the trained network, ending in softmax over one output per class
 * @param standardization the standardisation of the inputs, as fitted on the training part
 */
public record Model(Network network, Option<Standardization> standardization) {

    /**
     * Checks that the parts fit each other.
     *
     * @param network the trained network
     * @param standardization the standardisation of the inputs
     */
    public Model {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(standardization, "standardization is null");
        if (standardization.exists(s -> s.columns() != network.inputs())) {
            throw new IllegalArgumentException("Model: standardization " + standardization.get() + " for network "
                    + network);
        }
    }

    /**
     * A model whose number of classes is stated apart from its network, as in a model file or a
     * checkpoint, checked against the network's outputs.
     *
     * @param network the trained network
     * @param classes the number of classes, which must be the network's outputs
     * @param standardization the standardisation of the inputs
     * @return the model
     * @throws IllegalArgumentException if the parts do not fit each other
     */
    public static Model of(Network network, int classes, Option<Standardization> standardization) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(standardization, "standardization is null");
        if (classes != network.outputs()) {
            throw new IllegalArgumentException("Model: " + classes + " classes for network " + network);
        }
        return new Model(network, standardization);
    }

    /** @return the number of classes: the network's outputs */
    public int classes() {
        return network.outputs();
    }

    /**
     * @param data examples with raw features, as many columns as the network's inputs
     * @return the examples as the network takes them: standardised if the model says so
     */
    public Dataset inputs(Dataset data) {
        return standardization.map(s -> s.apply(data)).getOrElse(data);
    }
}
