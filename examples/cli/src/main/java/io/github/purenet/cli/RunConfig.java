package io.github.purenet.cli;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * Everything that decides a training run, with the defaults filled in: a run is a pure function
 * of its configuration and its data. A checkpoint stores it, so that {@code resume} rebuilds the
 * same run.
 *
 * @param data the data (in a checkpoint, with an absolute path)
 * @param labelColumn the label's column of a CSV file, none for the last column
 * @param architecture the hidden layers: their sizes and activation, dropout, normalisation and
 *     residual blocks, or the items of {@code --model}
 * @param optimizer the optimizer, one of {@link Choices#OPTIMIZERS}
 * @param learningRate the learning rate (the schedule's peak), finite and {@code >= 0}
 * @param schedule the learning-rate schedule, one of {@link Choices#SCHEDULES}
 * @param scheduleEpochs the number of epochs the schedule spans: the epochs of the run as first
 *     started, kept when a resumed run is made longer or shorter
 * @param batch the batch size, at least 1
 * @param epochs the number of epochs of the run, at least 1
 * @param seed the seed of the split, the initial weights and the order of the batches
 * @param testSplit the fraction of the examples held out for testing, in {@code (0, 1)}; none for
 *     data with a test set of their own
 * @param standardize whether features are standardised with the training part's mean and
 *     standard deviation
 * @param checkpointEvery with checkpoints, write one every this many steps too (not only at the
 *     end of each epoch); none for epochs only
 * @param validationSplit the fraction of the training part held out to validate on after each
 *     epoch, in {@code (0, 1)}, split per class; none for a run without a validation part
 * @param patience with early stopping, how many epochs in a row without an improvement of the
 *     validation loss stop the run, at least 1, and {@code epochs} is the cap; none for a run of
 *     exactly {@code epochs} epochs
 */
public record RunConfig(DataSpec data, Option<String> labelColumn, Architecture architecture, String optimizer,
        double learningRate, String schedule, int scheduleEpochs, int batch, int epochs, long seed,
        Option<Double> testSplit, boolean standardize, Option<Long> checkpointEvery, Option<Double> validationSplit,
        Option<Integer> patience) {

    /**
     * Checks every value, naming the option and the value in the message.
     *
     * @param data the data
     * @param labelColumn the label's column of a CSV file
     * @param architecture the hidden layers
     * @param optimizer the optimizer
     * @param learningRate the learning rate
     * @param schedule the learning-rate schedule
     * @param scheduleEpochs the number of epochs the schedule spans
     * @param batch the batch size
     * @param epochs the number of epochs
     * @param seed the seed
     * @param testSplit the fraction held out for testing
     * @param standardize whether features are standardised
     * @param checkpointEvery the interval of checkpoints in steps
     * @param validationSplit the fraction of the training part held out to validate on
     * @param patience with early stopping, the epochs without improvement that stop the run
     */
    public RunConfig {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(labelColumn, "labelColumn is null");
        Objects.requireNonNull(architecture, "architecture is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(schedule, "schedule is null");
        Objects.requireNonNull(testSplit, "testSplit is null");
        Objects.requireNonNull(checkpointEvery, "checkpointEvery is null");
        Objects.requireNonNull(validationSplit, "validationSplit is null");
        Objects.requireNonNull(patience, "patience is null");
        requireLabelColumnFits(labelColumn.isDefined(), data);
        if (!Choices.OPTIMIZERS.contains(optimizer)) {
            throw Choices.unknown("--optimizer", "optimizer", optimizer, Choices.OPTIMIZERS);
        }
        if (!(learningRate >= 0.0 && Double.isFinite(learningRate))) {
            throw CliException.usage("--lr: expected a finite number >= 0, got " + learningRate);
        }
        if (!Choices.SCHEDULES.contains(schedule)) {
            throw Choices.unknown("--schedule", "schedule", schedule, Choices.SCHEDULES);
        }
        if (batch < 1) {
            throw CliException.usage("--batch: expected a batch size >= 1, got " + batch);
        }
        if (batch < 2 && architecture.norm().equals("batch")) {
            throw CliException.usage("--norm batch: normalises over the examples of a batch, so it needs --batch 2 "
                    + "or more, got --batch " + batch);
        }
        requireEpochs(epochs);
        if (scheduleEpochs < 1) {
            throw CliException.usage("schedule epochs: expected at least 1, got " + scheduleEpochs);
        }
        if (testSplit.isDefined() == data.kind().hasTestSet()) {
            throw data.kind().hasTestSet() ? ownTestSet(data)
                    : CliException.usage("--test-split: " + data + " has no test set, so it needs a test split");
        }
        testSplit.forEach(RunConfig::requireTestFraction);
        if (checkpointEvery.exists(steps -> steps < 1)) {
            throw CliException.usage("--checkpoint-every: expected a number of steps >= 1, got " + checkpointEvery.get());
        }
        validationSplit.forEach(RunConfig::requireValidationFraction);
        patience.forEach(RunConfig::requirePatience);
        if (patience.isDefined() && validationSplit.isEmpty()) {
            throw CliException.usage("--patience: early stopping needs a validation part (--validation-split)");
        }
    }

    /**
     * Refuses a validation fraction outside {@code (0, 1)}.
     *
     * @param validationSplit the fraction of the training part held out to validate on
     * @throws CliException (usage) naming the value
     */
    static void requireValidationFraction(double validationSplit) {
        if (!(validationSplit > 0.0 && validationSplit < 1.0)) {
            throw CliException.usage("--validation-split: expected a fraction between 0 and 1 (exclusive), got "
                    + validationSplit);
        }
    }

    /**
     * Refuses a patience of less than one epoch.
     *
     * @param patience the epochs without improvement that stop the run
     * @throws CliException (usage) naming the value
     */
    static void requirePatience(int patience) {
        if (patience < 1) {
            throw CliException.usage("--patience: expected a number of epochs >= 1, got " + patience);
        }
    }

    /** @return whether the run stops early, on its validation loss, with {@code epochs} as the cap */
    public boolean stopsEarly() {
        return patience.isDefined();
    }

    /**
     * Refuses {@code --label-column} for data that are not a CSV file; {@code evaluate} checks it too.
     *
     * @param given whether a label column is given
     * @param data the data
     * @throws CliException (usage) naming the data
     */
    static void requireLabelColumnFits(boolean given, DataSpec data) {
        if (given && data.kind() != DataSpec.Kind.CSV) {
            throw CliException.usage("--label-column: only for csv:FILE data, not " + data);
        }
    }

    /**
     * @param data data with a test set of their own
     * @return the refusal of a {@code --test-split} for them (usage), naming the data
     */
    static CliException ownTestSet(DataSpec data) {
        return CliException.usage("--test-split: " + data + " has a test set of its own (t10k-images and t10k-labels)");
    }

    /**
     * Checks a number of epochs, as {@code --epochs} gives it.
     *
     * @param epochs the number of epochs of a run
     * @throws CliException (usage) if it is less than 1
     */
    static void requireEpochs(int epochs) {
        if (epochs < 1) {
            throw CliException.usage("--epochs: expected at least 1 epoch, got " + epochs);
        }
    }

    /**
     * Refuses a test fraction outside {@code (0, 1)}; {@code evaluate} checks it too.
     *
     * @param testSplit the fraction held out for testing
     * @throws CliException (usage) naming the value
     */
    static void requireTestFraction(double testSplit) {
        if (!(testSplit > 0.0 && testSplit < 1.0)) {
            throw CliException.usage("--test-split: expected a fraction between 0 and 1 (exclusive), got "
                    + testSplit);
        }
    }

    /**
     * @param epochs the new number of epochs of the run
     * @return this configuration with exactly that number of epochs, without early stopping (a
     *     validation part stays, and is still reported); the schedule keeps its span
     */
    public RunConfig withEpochs(int epochs) {
        return new RunConfig(data, labelColumn, architecture, optimizer, learningRate, schedule, scheduleEpochs,
                batch, epochs, seed, testSplit, standardize, checkpointEvery, validationSplit, Option.none());
    }

    /**
     * @param data the data, such as the same files at another place
     * @return this configuration with that data
     */
    public RunConfig withData(DataSpec data) {
        return new RunConfig(data, labelColumn, architecture, optimizer, learningRate, schedule, scheduleEpochs,
                batch, epochs, seed, testSplit, standardize, checkpointEvery, validationSplit, patience);
    }
}
