package io.github.purenet.model;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.data.Table;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A trained model, ready for inference: the network, the standardisation its inputs need, the
 * names of its classes, and how the test part of its data was held out. Inputs are given raw, as
 * the data come; the model standardises them itself.
 *
 * <pre>{@code
 * Model model = Model.of(network)                                   // classes "0", "1", "2"
 *         .withStandardization(Standardization.fit(split.train().features()))
 *         .withClassNames(Vector.of("setosa", "versicolor", "virginica"))
 *         .withHeldOut(heldOut);
 * Matrix outputs = model.predict(rawInputs);                        // the network's outputs
 * Vector<String> names = model.classify(rawInputs);                 // ["virginica", "setosa", ...]
 * Evaluation e = model.evaluate(heldOut.test(all), Losses.softmaxCrossEntropy());
 * String json = Codec.standard().encode(model);                     // and decodeModel(json)
 * }</pre>
 *
 * <p>Classes are read from outputs as {@link Evaluation#classesOf} reads them: the column of the
 * largest output, or, for a network of one output (a sigmoid's probability of the second class),
 * class 1 when the output is at least 0.5 and class 0 otherwise. So a network of {@code k >= 2}
 * outputs has {@code k} class names, and a network of one output has two.
 *
 * @param network the trained network
 * @param standardization the standardisation of the raw inputs, as fitted on the training part, if
 *     the network was trained on standardised inputs; as many columns as the network's inputs
 * @param classNames the name of each class, in the order of the network's outputs: distinct,
 *     non-empty, well-formed text (no unpaired surrogate), {@code max(2, network.outputs())} of them
 * @param heldOut how the test part of the data the model was trained on was held out, if it was
 */
public record Model(Network network, Option<Standardization> standardization, Vector<String> classNames,
        Option<HeldOut> heldOut) {

    /**
     * Checks that the parts fit the network.
     *
     * @param network the trained network
     * @param standardization the standardisation of the raw inputs, as many columns as the network's inputs
     * @param classNames the name of each class: distinct, non-empty, {@code max(2, network.outputs())} of them
     * @param heldOut how the test part of the data was held out
     */
    public Model {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(standardization, "standardization is null");
        Objects.requireNonNull(classNames, "classNames is null");
        Objects.requireNonNull(heldOut, "heldOut is null");
        for (Standardization s : standardization) {
            if (s == null) {
                throw new NullPointerException("standardization: Some(null)");
            }
            if (s.columns() != network.inputs()) {
                throw new IllegalArgumentException("standardization: standardises " + s.columns()
                        + " columns, but network " + network + " takes " + network.inputs() + " inputs");
            }
        }
        requireClassNames(classNames, network);
        if (heldOut.contains(null)) {
            throw new NullPointerException("heldOut: Some(null)");
        }
    }

    private static void requireClassNames(Vector<String> names, Network network) {
        int expected = classes(network);
        if (names.size() != expected) {
            throw new IllegalArgumentException("classNames: " + names.size() + " names for network " + network
                    + ", which tells " + expected + " classes apart"
                    + (network.outputs() == 1 ? " (one output: class 1 at 0.5 and above, class 0 below)" : "")
                    + "; expected " + expected + " names");
        }
        Map<String, Integer> first = HashMap.empty();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                throw new NullPointerException("classNames: the name at position " + i + " is null");
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("classNames: the name at position " + i + " is empty");
            }
            int surrogate = name.codePoints() // a pair is one code point above 0xFFFF; an unpaired half is itself
                    .filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE).findFirst().orElse(-1);
            if (surrogate >= 0) {
                throw new IllegalArgumentException("classNames: the name at position " + i + " holds the unpaired "
                        + "surrogate \\u" + Integer.toHexString(surrogate).toUpperCase()
                        + ", which is not text (UTF-8 has no encoding for it)");
            }
            if (first.containsKey(name)) {
                throw new IllegalArgumentException("classNames: the name \"" + name + "\" at position " + i
                        + " repeats the name at position " + first.get(name).get());
            }
            first = first.put(name, i);
        }
    }

    private static int classes(Network network) {
        return Math.max(2, network.outputs());
    }

    /**
     * A model of a network alone: no standardisation, classes named {@code "0"} to {@code "k-1"},
     * no held-out part.
     *
     * @param network the trained network
     * @return the model
     */
    public static Model of(Network network) {
        Objects.requireNonNull(network, "network is null");
        return new Model(network, Option.none(), Vector.range(0, classes(network)).map(String::valueOf),
                Option.none());
    }

    /**
     * @param network another network of the same inputs and outputs, such as the same network
     *     further trained
     * @return this model with that network
     * @throws IllegalArgumentException if the network does not fit the standardisation or the class names
     */
    public Model withNetwork(Network network) {
        return new Model(network, standardization, classNames, heldOut);
    }

    /**
     * @param standardization the standardisation of the raw inputs, as many columns as the network's inputs
     * @return this model with that standardisation
     * @throws IllegalArgumentException naming both widths if the standardisation does not fit the network
     */
    public Model withStandardization(Standardization standardization) {
        Objects.requireNonNull(standardization, "standardization is null");
        return new Model(network, Option.some(standardization), classNames, heldOut);
    }

    /**
     * @param classNames the name of each class, in the order of the outputs: distinct, non-empty,
     *     {@code max(2, network.outputs())} of them
     * @return this model with those names
     * @throws IllegalArgumentException naming the count or the position of a bad name
     */
    public Model withClassNames(Seq<String> classNames) {
        Objects.requireNonNull(classNames, "classNames is null");
        return new Model(network, standardization, classNames.toVector(), heldOut);
    }

    /**
     * @param heldOut how the test part of the data the model was trained on was held out
     * @return this model with it
     */
    public Model withHeldOut(HeldOut heldOut) {
        Objects.requireNonNull(heldOut, "heldOut is null");
        return new Model(network, standardization, classNames, Option.some(heldOut));
    }

    /** @return the number of raw inputs the model takes: the network's inputs */
    public int inputs() {
        return network.inputs();
    }

    /** @return the number of classes: the number of class names */
    public int classes() {
        return classNames.size();
    }

    /**
     * The inputs as the network takes them: standardised, if the model has a standardisation.
     *
     * @param rawInputs one example per row, {@link #inputs()} finite columns
     * @return the inputs the network takes, the same matrix when there is no standardisation
     * @throws IllegalArgumentException naming the model's width and the given one, or a non-finite entry
     */
    public Matrix standardize(Matrix rawInputs) {
        return standardize("standardize", rawInputs);
    }

    /**
     * The network's outputs for raw inputs: {@code Backprop.forward(network, standardize(x), Mode.evaluation()).output()}.
     *
     * @param rawInputs one example per row, {@link #inputs()} finite columns
     * @return one row of {@code network.outputs()} outputs per example
     * @throws IllegalArgumentException naming the model's width and the given one, or a non-finite entry
     */
    public Matrix predict(Matrix rawInputs) {
        return outputs("predict", rawInputs);
    }

    /**
     * The probability of each class for raw inputs, one column per class name: the outputs of a
     * network that ends in softmax, or, for a network of one sigmoid output {@code p}, the two
     * columns {@code 1 - p} and {@code p}.
     *
     * @param rawInputs one example per row, {@link #inputs()} finite columns
     * @return one row of {@link #classes()} probabilities per example
     * @throws IllegalArgumentException naming the model's width and the given one, or a non-finite
     *     entry; or naming the last activation if the network's outputs are not probabilities of
     *     classes (another activation, or a sigmoid over several outputs, which gives each class a
     *     probability of its own rather than one distribution over the classes)
     */
    public Matrix probabilities(Matrix rawInputs) {
        if (!network.outputsProbabilities()) {
            throw new IllegalArgumentException("probabilities: network " + network + " ends in "
                    + network.finalActivation().map(f -> f.name()).getOrElse("no activation")
                    + " over " + network.outputs() + " output" + (network.outputs() == 1 ? "" : "s")
                    + ", whose outputs are not the probabilities of its classes (that takes softmax over 2 or more "
                    + "outputs, or sigmoid over one); use predict for the outputs themselves");
        }
        Matrix outputs = outputs("probabilities", rawInputs);
        return network.outputs() >= 2 ? outputs : Matrix.of(outputs.rows(), 2, (i, j) -> j == 1 ? outputs.get(i, 0)
                : 1.0 - outputs.get(i, 0));
    }

    /**
     * The class of each example, as an index into {@link #classNames()}:
     * {@code Evaluation.classesOf(predict(x))}.
     *
     * @param rawInputs one example per row, {@link #inputs()} finite columns
     * @return the class of each example, in {@code [0, classes())}
     * @throws IllegalArgumentException naming the model's width and the given one, or a non-finite entry
     */
    public Vector<Integer> classIndices(Matrix rawInputs) {
        return Evaluation.classesOf(outputs("classIndices", rawInputs));
    }

    /**
     * The class of each example, by name.
     *
     * @param rawInputs one example per row, {@link #inputs()} finite columns
     * @return the name of the class of each example
     * @throws IllegalArgumentException naming the model's width and the given one, or a non-finite entry
     */
    public Vector<String> classify(Matrix rawInputs) {
        return Evaluation.classesOf(outputs("classify", rawInputs)).map(classNames::get);
    }

    /**
     * How well the model does on examples with raw features: {@code Evaluation.of(network,
     * standardized data, loss)}.
     *
     * @param rawData examples with raw features ({@link #inputs()} columns) and targets shaped like
     *     the network's outputs
     * @param loss the loss to report, such as the one the model was trained with
     * @return the loss, accuracy and confusion matrix
     * @throws IllegalArgumentException naming the model's widths and the given ones if the features
     *     or the targets do not fit
     */
    public Evaluation evaluate(Dataset rawData, Loss loss) {
        Objects.requireNonNull(rawData, "rawData is null");
        Objects.requireNonNull(loss, "loss is null");
        if (rawData.targets().columns() != network.outputs()) {
            throw new IllegalArgumentException("evaluate: targets " + rawData.targets().shape()
                    + " do not fit the model: its network " + network + " gives " + network.outputs()
                    + " outputs, the targets have " + rawData.targets().columns() + " columns");
        }
        Table features = rawData.features();
        if (features.columns() != network.inputs()) {
            throw new IllegalArgumentException("evaluate: inputs " + features.shape() + " do not fit the model: "
                    + "it takes " + network.inputs() + " columns (network " + network + "), the inputs have "
                    + features.columns());
        }
        return Evaluation.of(network, standardization.map(s -> s.apply(rawData)).getOrElse(rawData), loss);
    }

    /** The outputs of the network for raw inputs, checked for an operation. */
    private Matrix outputs(String operation, Matrix rawInputs) {
        return Backprop.forward(network, standardize(operation, rawInputs), Mode.evaluation()).output();
    }

    /** Raw inputs checked for an operation, then standardised if the model standardises. */
    private Matrix standardize(String operation, Matrix rawInputs) {
        Objects.requireNonNull(rawInputs, () -> operation + ": rawInputs is null");
        if (rawInputs.columns() != network.inputs()) {
            throw new IllegalArgumentException(operation + ": inputs " + rawInputs.shape() + " do not fit the model: "
                    + "it takes " + network.inputs() + " columns (network " + network + "), the inputs have "
                    + rawInputs.columns());
        }
        rawInputs.requireFinite(operation + ": inputs");
        return standardization.map(s -> s.apply(rawInputs)).getOrElse(rawInputs);
    }

    /**
     * @return the network, whether it standardises, the classes and the held-out part, such as
     *     {@code Model[Network[4-8-3 relu,softmax], standardized, classes setosa,versicolor,virginica,
     *     HeldOut[stratified 0.2 of data 3fa2c1d0...]]}
     */
    @Override
    public String toString() {
        return "Model[" + network + (standardization.isDefined() ? ", standardized" : "") + ", classes "
                + classNames.mkString(",") + heldOut.map(h -> ", " + h).getOrElse("") + "]";
    }
}
