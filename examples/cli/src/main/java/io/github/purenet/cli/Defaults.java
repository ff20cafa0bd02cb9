package io.github.purenet.cli;

import io.vavr.collection.Vector;

/**
 * The settings {@code train} uses for an option that is not given, chosen per kind of data so
 * that a plain {@code train --data digits} (or {@code iris}, or {@code mnist:DIR}) reaches a good
 * accuracy in a few seconds. They are listed in {@code train --help}.
 *
 * @param layers the hidden-layer sizes
 * @param activation the hidden layers' activation
 * @param optimizer the optimizer
 * @param learningRate the learning rate
 * @param schedule the learning-rate schedule
 * @param batch the batch size
 * @param epochs the number of epochs
 * @param standardize whether to standardise the features
 */
public record Defaults(Vector<Integer> layers, String activation, String optimizer, double learningRate,
        String schedule, int batch, int epochs, boolean standardize) {

    /** The seed when none is given. */
    public static final long SEED = 42;

    /** The test split when none is given, for data without a test set of their own. */
    public static final double TEST_SPLIT = 0.2;

    /**
     * @param kind the kind of data
     * @return the defaults for it
     */
    public static Defaults of(DataSpec.Kind kind) {
        switch (kind) {
            case IRIS:
                return new Defaults(Vector.of(16), "tanh", "adam", 0.01, "constant", 16, 50, true);
            case DIGITS:
                return new Defaults(Vector.of(128), "relu", "adam", 0.003, "constant", 32, 20, false);
            case MNIST:
                return new Defaults(Vector.of(128), "relu", "adam", 0.003, "cosine", 128, 5, false);
            default:
                return new Defaults(Vector.of(32), "relu", "adam", 0.001, "constant", 32, 20, true);
        }
    }

    /**
     * @return the defaults as options, in two lines for the help: the network, then the training,
     *     such as {@code --layers 128 --activation relu --optimizer adam --lr 0.003}
     */
    public Vector<String> describe() {
        return Vector.of("--layers " + layers.mkString(",") + " --activation " + activation + " --optimizer "
                + optimizer + " --lr " + learningRate, "--schedule " + schedule + " --batch " + batch + " --epochs "
                + epochs + (standardize ? " --standardize" : " --no-standardize"));
    }
}
