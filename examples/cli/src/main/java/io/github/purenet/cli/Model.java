package io.github.purenet.cli;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What {@code evaluate} needs of a trained classifier: the network, the names of the classes it
 * tells apart (class {@code k} is output {@code k}; the numbers {@code "0"}, {@code "1"}, ... when
 * the training data had class numbers), and the standardisation its inputs need (the training
 * part's mean and standard deviation), if it was trained with {@code --standardize}.
 *
 * @param network the trained network, ending in softmax over one output per class
 * @param classNames the name of each class, one per output of the network, all different
 * @param standardization the standardisation of the inputs, as fitted on the training part
 */
public record Model(Network network, Vector<String> classNames, Option<Standardization> standardization) {

    /**
     * Checks that the parts fit each other.
     *
     * @param network the trained network
     * @param classNames the name of each class
     * @param standardization the standardisation of the inputs
     */
    public Model {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(classNames, "classNames is null");
        Objects.requireNonNull(standardization, "standardization is null");
        if (classNames.size() != network.outputs() || classNames.distinct().size() != classNames.size()) {
            throw new IllegalArgumentException("Model: " + classNames.size() + " classes (" + classNames.mkString(", ")
                    + ") for network " + network);
        }
        if (standardization.exists(s -> s.columns() != network.inputs())) {
            throw new IllegalArgumentException("Model: standardization " + standardization.get() + " for network "
                    + network);
        }
    }

    /**
     * @param classes a number of classes
     * @return the names of classes that are numbers: {@code "0"} to {@code classes - 1}
     */
    public static Vector<String> numbers(int classes) {
        return Vector.range(0, classes).map(String::valueOf);
    }

    /** @return the number of classes: the network's outputs */
    public int classes() {
        return classNames.size();
    }

    /**
     * @param data examples with raw features, as many columns as the network's inputs
     * @return the examples as the network takes them: standardised if the model says so
     */
    public Dataset inputs(Dataset data) {
        return standardization.map(s -> s.apply(data)).getOrElse(data);
    }
}
