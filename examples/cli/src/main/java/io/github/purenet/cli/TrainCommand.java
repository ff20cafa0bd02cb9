package io.github.purenet.cli;

import io.github.purenet.train.Sharding;
import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code purenet train}: trains a classifier. Picocli fills the fields from the command line;
 * {@link #config()} turns them, with the defaults of the data set, into a {@link RunConfig}.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Train a classifier (hidden dense layers, with dropout, normalisation or residual blocks if "
                + "asked for, or the convolutions, pooling and dense layers of --model, then softmax) and report its test "
                + "accuracy after each epoch. Without --epochs, hold out a validation part of the training data and "
                + "stop when its loss no longer improves, keeping the best epoch's network.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Purenet parent;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "iris or digits (shipped), mnist:DIR (the four IDX files of MNIST, raw or .gz) or csv:FILE "
                    + "(a header row, numeric features, and a class number or name in the last column).")
    String data;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "For csv:FILE: the label's column, by header name or number from 1 (default: the last).")
    String labelColumn;

    @Option(names = "--layers", split = ",", paramLabel = "SIZES",
            description = "Hidden-layer sizes, such as 128 or 256,128.")
    List<Integer> layers;

    @Option(names = "--model", paramLabel = "ITEMS",
            description = "The hidden layers as a list, in place of --layers, --dropout, --norm and --residual, for "
                    + "images (mnist:DIR, digits): conv:FILTERS:KERNEL[:STRIDE][:same|valid], maxpool:SIZE[:STRIDE], "
                    + "avgpool:SIZE[:STRIDE], gap (global average pool), flatten, dropout:RATE, dense:UNITS, such as "
                    + "conv:32:3,conv:64:3,maxpool:2,dropout:0.25,dense:128,dropout:0.5. Conv and dense layers take "
                    + "--activation; a flatten comes by itself before the first dense layer that meets an image, and "
                    + "the softmax output layer is added.")
    String model;

    @Option(names = "--activation", paramLabel = "NAME", description = "relu, tanh, sigmoid or leaky-relu.")
    String activation;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "In training, drop each hidden unit with this probability, after its activation, and scale "
                    + "the others by 1/(1-RATE); evaluation keeps all (default: 0, no dropout).")
    Double dropout;

    @Option(names = "--norm", paramLabel = "NAME",
            description = "Normalise each hidden layer's values before its activation: none (default), layer (each "
                    + "example over its units) or batch (each unit over the batch; running statistics in evaluation).")
    String norm;

    @Option(names = "--residual",
            description = "Make each hidden layer after the first, with its normalisation, activation and dropout, a "
                    + "residual block y = x + f(x); the hidden layers then need one width, as in --layers 128,128,128.")
    boolean residual;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "The learning rate (the peak of a schedule).")
    Double learningRate;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "The learning rate over the run: constant, linear (down to 0), cosine (down to 0) or "
                    + "warmup-cosine (up from 0 over the first 5%% of the steps, then cosine).")
    String schedule;

    @Option(names = "--batch", paramLabel = "SIZE", description = "Examples per step.")
    Integer batch;

    @Option(names = "--shards", paramLabel = "S",
            description = "Compute each batch's gradient in S fixed shards of its rows, added in a fixed tree: the "
                    + "same bits on any number of threads, or on a Spark cluster with the same S; 1 (the default) is "
                    + "the unsharded run, bit for bit. At most --batch; not with --norm batch.")
    Integer shards;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Train exactly N passes over the training data and keep the last network, without early "
                    + "stopping (default: early stopping, below).")
    Integer epochs;

    @Option(names = "--max-epochs", paramLabel = "N",
            description = "Without --epochs: the most epochs to train; the learning-rate schedule spans them.")
    Integer maxEpochs;

    @Option(names = "--patience", paramLabel = "N",
            description = "Without --epochs: stop once the validation loss has not improved for N epochs in a row.")
    Integer patience;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
            description = "The fraction of the training part held out to validate on after each epoch, split per "
                    + "class (default: per data set, below, without --epochs; none with it).")
    Double validationSplit;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the split, the initial weights and the batches (default: 42).")
    Long seed;

    @Option(names = "--test-split", paramLabel = "FRACTION",
            description = "For data without a test set: the fraction held out for testing, split per class "
                    + "(default: 0.2).")
    Double testSplit;

    @Option(names = "--standardize", negatable = true,
            description = "Standardise the features with the training part's mean and standard deviation.")
    Boolean standardize;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Write DIR/checkpoint.json (atomically) at the end of each epoch, to resume from.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS",
            description = "With --checkpoint-dir: also write a checkpoint every STEPS steps.")
    Long checkpointEvery;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "At the end, write a PNG of the training and test loss and accuracy per epoch.")
    Path plot;

    @Option(names = "--save", paramLabel = "FILE",
            description = "At the end, write the model (network, standardisation, class names, held-out part) for "
                    + "evaluate.")
    Path save;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Console console = reportOptions.console(spec);
        RunConfig config = config();
        Sharding sharding = sharding(config);
        Runs.Outputs outputs = new Runs.Outputs(given(save), given(plot),
                given(checkpointDir), "--checkpoint-dir", console).check(config.data());
        return Runs.train(config, sharding, outputs, parent.engine());
    }

    /**
     * @return the configuration of the options, with the data set's defaults for those not given
     * @throws CliException (usage) naming a bad option and its value
     */
    RunConfig config() {
        DataSpec spec = DataSpec.parse(data);
        Defaults d = Defaults.of(spec.kind());
        if (checkpointEvery != null && checkpointDir == null) {
            throw CliException.usage("--checkpoint-every: needs --checkpoint-dir, the directory of the checkpoints");
        }
        String earlyOnly = maxEpochs != null ? "--max-epochs" : patience != null ? "--patience" : null;
        if (epochs != null && earlyOnly != null) {
            throw CliException.usage(earlyOnly + ": only without --epochs, for early stopping; --epochs " + epochs
                    + " trains exactly " + epochs + " epochs");
        }
        if (maxEpochs != null && maxEpochs < 1) {
            throw CliException.usage("--max-epochs: expected at least 1 epoch, got " + maxEpochs);
        }
        int runEpochs = epochs != null ? epochs : maxEpochs != null ? maxEpochs : d.maxEpochs();
        Double validation = validationSplit;
        Integer stopAfter = null; // with --epochs: a fixed number, and a validation part only if asked for
        if (epochs == null) {
            validation = validationSplit != null ? validationSplit : Double.valueOf(d.validationSplit());
            stopAfter = patience != null ? patience : Integer.valueOf(d.patience());
        }
        Double split = testSplit;
        if (split == null && !spec.kind().hasTestSet()) {
            split = Defaults.TEST_SPLIT;
        }
        return new RunConfig(spec, given(labelColumn), architecture(d),
                optimizer != null ? optimizer : d.optimizer(),
                learningRate != null ? learningRate : d.learningRate(),
                schedule != null ? schedule : d.schedule(), runEpochs,
                batch != null ? batch : d.batch(), runEpochs, seed != null ? seed : Defaults.SEED, given(split),
                standardize != null ? standardize : d.standardize(), given(checkpointEvery), given(validation),
                given(stopAfter));
    }

    /**
     * @param config the run's configuration
     * @return the sharding of {@code --shards}, one shard when it is not given
     * @throws CliException (usage) naming the value: less than 1, more than a batch's examples, or
     *     more than one with batch normalisation
     */
    Sharding sharding(RunConfig config) {
        if (shards == null) {
            return Sharding.NONE;
        }
        if (shards < 1) {
            throw CliException.usage("--shards: expected at least 1 shard, got " + shards);
        }
        if (shards > config.batch()) {
            throw CliException.usage("--shards " + shards + ": more shards than the " + config.batch()
                    + " examples of a batch (--batch " + config.batch() + "); give at most " + config.batch());
        }
        if (shards > 1 && config.architecture().norm().equals("batch")) {
            throw CliException.usage("--shards " + shards + ": not with --norm batch, whose statistics are the whole "
                    + "batch's; use --norm layer, or --shards 1");
        }
        return Sharding.of(shards);
    }

    /** The hidden layers of {@code --model}, or of the other options, refusing a mix of the two. */
    private Architecture architecture(Defaults d) {
        String hidden = activation != null ? activation : d.activation();
        if (model == null) {
            return new Architecture(layers != null ? Vector.ofAll(layers) : d.layers(), hidden,
                    dropout != null ? dropout : 0.0, norm != null ? norm : "none", residual);
        }
        String why = ": not with --model, which describes every hidden layer";
        if (layers != null) {
            throw CliException.usage("--layers" + why + " (add dense:UNITS items to it)");
        }
        if (dropout != null && dropout != 0.0) {
            throw CliException.usage("--dropout" + why + " (add dropout:RATE items to it, such as dense:128,dropout:"
                    + dropout + ")");
        }
        if (norm != null && !norm.equals("none")) {
            throw CliException.usage("--norm" + why + " (it has no normalisation items)");
        }
        if (residual) {
            throw CliException.usage("--residual" + why + " (it has no residual blocks)");
        }
        return Architecture.of(ModelSpec.parse(model), hidden);
    }

    /** An option's value, or none when it was not given. */
    static <T> io.vavr.control.Option<T> given(T value) {
        return io.vavr.control.Option.of(value);
    }
}
