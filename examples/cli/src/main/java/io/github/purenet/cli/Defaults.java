package io.github.purenet.cli;

import io.vavr.collection.Vector;

/**
 * The settings {@code train} uses for an option that is not given, chosen per kind of data so
 * that a plain {@code train --data digits} (or {@code iris}, or {@code mnist:DIR}, or
 * {@code csv:FILE}) trains as long as its data need: without {@code --epochs}, {@code train} holds
 * out {@code validationSplit} of the training part and stops once the validation loss has not
 * improved for {@code patience} epochs, or after {@code maxEpochs} epochs, keeping the best epoch's
 * network. They are listed in {@code train --help}. The settings that a run of {@code --epochs N}
 * uses are those it used before early stopping existed, so that such a run is the same, bit for bit.
 *
 * <p>The validation fraction, patience and cap were chosen by measurement (20 seeds for iris and
 * digits, docs/command-line.md): the smaller the data, the larger the fraction a usable validation
 * loss needs (24 of iris's 120 training examples, 72 of digits's 1,438, 3,000 of MNIST's 60,000).
 *
 * @param layers the hidden-layer sizes
 * @param activation the hidden layers' activation
 * @param optimizer the optimizer
 * @param learningRate the learning rate
 * @param schedule the learning-rate schedule, which spans {@code maxEpochs} epochs
 * @param batch the batch size
 * @param standardize whether to standardise the features
 * @param validationSplit the fraction of the training part held out to validate on, per class
 * @param patience how many epochs in a row without improvement of the validation loss stop a run
 * @param maxEpochs the cap on the number of epochs of early stopping
 */
public record Defaults(Vector<Integer> layers, String activation, String optimizer, double learningRate,
        String schedule, int batch, boolean standardize, double validationSplit, int patience, int maxEpochs) {

    /** The seed when none is given. */
    public static final long SEED = 42;

    /** The test split when none is given, for data without a test set of their own. */
    public static final double TEST_SPLIT = 0.2;

    /**
     * By how much an epoch's validation loss must be lower than the best so far to count as an
     * improvement in early stopping: once every validation example is classified with confidence,
     * the loss goes on shrinking by less than this for as long as training goes on, and such
     * epochs should not hold the run off its stop (measured on digits: the same accuracies, a
     * sixth fewer epochs).
     */
    public static final double MIN_DELTA = 1e-4;

    /**
     * @param kind the kind of data
     * @return the defaults for it
     */
    public static Defaults of(DataSpec.Kind kind) {
        switch (kind) {
            case IRIS:
                return new Defaults(Vector.of(16), "tanh", "adam", 0.01, "constant", 16, true, 0.2, 10, 300);
            case DIGITS:
                return new Defaults(Vector.of(128), "relu", "adam", 0.003, "constant", 32, false, 0.05, 10, 200);
            case MNIST:
                return new Defaults(Vector.of(128), "relu", "adam", 0.003, "cosine", 128, false, 0.05, 3, 10);
            default:
                return new Defaults(Vector.of(32), "relu", "adam", 0.001, "constant", 32, true, 0.1, 20, 500);
        }
    }

    /**
     * @return the defaults as options, in three lines for the help: the network, the training, and
     *     early stopping, such as {@code --validation-split 0.05 --patience 10 --max-epochs 200}
     */
    public Vector<String> describe() {
        return Vector.of("--layers " + layers.mkString(",") + " --activation " + activation + " --optimizer "
                + optimizer + " --lr " + learningRate, "--schedule " + schedule + " --batch " + batch
                + (standardize ? " --standardize" : " --no-standardize"), "--validation-split " + validationSplit
                + " --patience " + patience + " --max-epochs " + maxEpochs);
    }
}
