package io.github.purenet.cli;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.data.Standardization;
import io.github.purenet.data.Table;
import io.github.purenet.io.LabelledData;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A training run made ready from its configuration and its data, by pure functions of the library:
 * the split, the standardisation, the initial network, the batching and the optimizer.
 *
 * <p>The seed gives three keys, {@code Key.of(seed).split(3)}: the first splits the data
 * ({@link Datasets#stratifiedSplit}, each class in the same proportion), the second draws the
 * initial weights (He uniform for ReLUs, Glorot uniform otherwise, biases zero), the third orders
 * the batches of every epoch (and, with dropout, gives the masks of each step, as the library's
 * {@code Training} draws them from the run's key and the step). The network has the configured
 * hidden layers ({@link Architecture}) and a softmax output of one unit per class, trained with
 * softmax cross-entropy; with {@code --model} it takes the data's images ({@code rows x columns x 1},
 * from IDX files and digits) when they have them. A run with a validation part holds it out
 * of the training part by a fourth key, {@code Key.of(seed).split(4).get(3)} (the first three are
 * those above), stratified too, so that the three keys, and every run without a validation part,
 * stay as they were. The classes are those of the training
 * data as read ({@link LabelledData#classNames()}): the labels {@code 0 .. max} for class numbers,
 * the sorted names for class names.
 *
 * @param config the run's configuration
 * @param train the examples to train on (without the validation part), standardised if configured
 * @param test the examples to test on, standardised with the training part's values
 * @param trainSample the training examples evaluated after each epoch: all of them, or
 *     {@link #SAMPLE} evenly spaced ones when there are more
 * @param classNames the names of the classes, one per output of the network
 * @param standardization the standardisation fitted on the training part, if configured
 * @param initial the initial network
 * @param batching mini-batches of the configured size, reshuffled every epoch
 * @param runKey the key of the run, which orders the batches
 * @param validation the examples held out of the training part to validate on after each epoch,
 *     standardised with the training part's values; none without {@link RunConfig#validationSplit()}
 * @param heldOut how the test part was held out of the data, for data without a test set of their
 *     own; the saved model records it, so that {@code evaluate} finds the same test part again
 */
public record Experiment(RunConfig config, Dataset train, Dataset test, Dataset trainSample,
        Vector<String> classNames, Option<Standardization> standardization, Network initial, Batching batching, Key runKey,
        Option<Dataset> validation, Option<HeldOut> heldOut) {

    /** The largest number of training examples evaluated after each epoch. */
    public static final int SAMPLE = 10_000;

    /**
     * Makes a run ready.
     *
     * @param config the configuration
     * @param data the data it names, as read
     * @return the run, ready to start
     * @throws CliException if the data cannot make that run: too few classes, a label out of range,
     *     a split that leaves a part empty, test data of another shape
     */
    public static Experiment of(RunConfig config, Sources.Loaded data) {
        Vector<Key> keys = keys(config.seed());
        LabelledData all = data.train();
        int classes = all.classes();
        if (classes < 2) {
            throw CliException.data(all.source() + ": every label is " + all.classNames().get(0)
                    + "; a classifier needs at least two classes");
        }
        if (classes > all.size()) {
            Sources.inClassesOf(all, Sources.numbers(all.size()), "with " + all.size() + " examples, the data");
        }
        // before hashing and splitting, whose work grows with examples x classes: the network, then
        // the classes, of which at least the largest part, a third of the examples, is evaluated
        Architecture architecture = config.architecture();
        Shape input = architecture.input(all.features().columns(), all.imageShape());
        architecture.model().forEach(m -> ModelPlan.of(m, input, config.data().toString())); // names the data
        Heap.requireFits(architecture, input, classes, config.optimizer(), Runtime.getRuntime().maxMemory());
        Sizes.requireFits(all, classes, Math.min((all.size() + 2) / 3, SAMPLE),
                architecture.parameters(input, classes), config.batch(), Runtime.getRuntime().maxMemory());
        Dataset dataset = all.dataset();
        Split split;
        Option<HeldOut> heldOut = Option.none();
        if (data.test().isDefined()) {
            LabelledData test = Sources.inClassesOf(data.test().get(), all.classNames(), "the training data");
            if (test.features().columns() != all.features().columns()) {
                throw CliException.data(test.source() + ": " + test.features().columns() + " features per example, but "
                        + all.source() + " has " + all.features().columns());
            }
            if (config.architecture().model().isDefined() && !test.imageShape().equals(all.imageShape())) {
                throw CliException.data(test.source() + ": images of " + test.imageShape().map(String::valueOf)
                        .getOrElse("no shape") + " pixels, but " + all.source() + " has images of "
                        + all.imageShape().map(String::valueOf).getOrElse("no shape"));
            }
            split = new Split(dataset, test.dataset());
        } else {
            split = split(all, dataset, config.seed(), config.testSplit().get());
            heldOut = Option.some(new HeldOut(keys.get(0), config.testSplit().get(), true, HeldOut.sha256(dataset)));
        }
        Dataset trainingPart = split.train();
        Option<Split> held = config.validationSplit().map(f -> validation(all, trainingPart, config.seed(), f));
        Dataset fit = held.map(Split::train).getOrElse(trainingPart);
        Option<Standardization> standardization = config.standardize()
                ? Option.some(Standardization.fit(fit.features())) : Option.none();
        Dataset train = standardization.map(s -> s.apply(fit)).getOrElse(fit);
        requireBatchesFit(config, train.size());
        Option<Dataset> validation = held.map(v -> standardization.map(s -> s.apply(v.test())).getOrElse(v.test()));
        Dataset test = standardization.map(s -> s.apply(split.test())).getOrElse(split.test());
        Network initial = Heap.during(String.format(java.util.Locale.ROOT, "building the network of %,d parameters",
                architecture.parameters(input, classes)), () -> architecture.network(keys.get(1), input, classes));
        int evaluated = Math.max(Math.min(train.size(), SAMPLE), Math.max(test.size(), validation.map(Dataset::size)
                .getOrElse(0)));
        Sizes.requireFits(all, classes, evaluated, initial.parameterCount(), config.batch(),
                Runtime.getRuntime().maxMemory());
        return new Experiment(config, train, test, sample(train), all.classNames(), standardization, initial,
                Batching.miniBatches(config.batch()), keys.get(2), validation, heldOut);
    }

    /**
     * The split of data without a test set of their own, as a run of {@code seed} makes it: by the
     * first of the seed's three keys, stratified. {@code evaluate --test-split} takes its test part.
     *
     * @param data the examples as read, for their labels and for messages
     * @param dataset the examples to split: {@code data}'s, perhaps with other targets
     * @param seed the seed of the run
     * @param testSplit the fraction held out for testing, in {@code (0, 1)}
     * @return the split
     * @throws CliException (data) if the split would leave a part empty, saying which fractions work
     */
    static Split split(LabelledData data, Dataset dataset, long seed, double testSplit) {
        TestSplits.requireBothParts(data, testSplit);
        return Datasets.stratifiedSplit(dataset, data.labels(), keys(seed).get(0), testSplit);
    }

    /**
     * Refuses batch normalisation when the last batch of an epoch would hold a single example:
     * the batch's variance of each unit is then 0, and the library refuses such a batch in training.
     *
     * @param config the configuration
     * @param examples the number of examples to train on
     * @throws CliException (usage) naming {@code --batch} and a batch size that works
     */
    private static void requireBatchesFit(RunConfig config, int examples) {
        int batch = config.batch();
        if (!config.architecture().norm().equals("batch") || examples % batch != 1) {
            return;
        }
        if (examples == 1) {
            throw CliException.usage("--norm batch: normalises over the examples of a batch, but there is only 1 "
                    + "training example");
        }
        int other = batch + 1; // at most examples, which leaves no last batch
        while (examples % other == 1) {
            other++;
        }
        throw CliException.usage(String.format(Locale.ROOT, "--norm batch: with --batch %d the last batch of each "
                + "epoch holds 1 of the %,d training examples, and batch normalisation needs two or more; try "
                + "--batch %d", batch, examples, other));
    }

    /** The three keys of a run: the split's, the initial weights', the batches'. */
    private static Vector<Key> keys(long seed) {
        return Key.of(seed).split(3);
    }

    /**
     * The optimizer of a configuration, its schedule spanning {@code scheduleEpochs} epochs.
     *
     * @param config the configuration
     * @param stepsPerEpoch the number of steps of an epoch
     * @return the optimizer
     */
    public static Optimizer<?> optimizer(RunConfig config, long stepsPerEpoch) {
        return Choices.optimizer(config.optimizer(), Choices.schedule(config.schedule(), config.learningRate(),
                Math.max(2, config.scheduleEpochs() * stepsPerEpoch)));
    }

    /** @return the number of classes, one per output of the network */
    public int classes() {
        return classNames.size();
    }

    /** @return the run's optimizer */
    public Optimizer<?> optimizer() {
        return optimizer(config, stepsPerEpoch());
    }

    /** @return softmax cross-entropy, the loss of every run */
    public Loss loss() {
        return Losses.softmaxCrossEntropy();
    }

    /** @return the number of steps of an epoch */
    public int stepsPerEpoch() {
        return batching.batchesPerEpoch(train.size());
    }

    /** @return the number of steps of the whole run */
    public long totalSteps() {
        return (long) config.epochs() * stepsPerEpoch();
    }

    /**
     * @param network a network of this run
     * @return the model that {@code --save} writes
     */
    public Model model(Network network) {
        Model model = Model.of(network).withClassNames(classNames);
        model = standardization.map(model::withStandardization).getOrElse(model);
        return heldOut.map(model::withHeldOut).getOrElse(model);
    }

    /**
     * The SHA-256 of data as read, features (their bits) and labels: a checkpoint holds it, and
     * {@code resume} refuses data whose hash differs, since the run would not be the same.
     *
     * @param data the data
     * @return the hash, 64 hex digits
     */
    public static String dataSha256(Sources.Loaded data) {
        MessageDigest digest = Json.digest();
        data.test().map(Vector::of).getOrElse(Vector.empty()).prepend(data.train()).forEach(part -> {
            Table x = part.features();
            ByteBuffer row = ByteBuffer.allocate(8 * x.columns() + 16);
            row.putLong(x.rows()).putLong(x.columns());
            digest.update(row.flip());
            for (int i = 0; i < x.rows(); i++) {
                row.clear();
                for (int j = 0; j < x.columns(); j++) {
                    row.putLong(Double.doubleToLongBits(x.get(i, j)));
                }
                digest.update(row.flip());
            }
            ByteBuffer labels = ByteBuffer.allocate(4 * part.size());
            part.labels().forEach(labels::putInt);
            digest.update(labels.flip());
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Dataset sample(Dataset train) {
        int n = train.size();
        return n <= SAMPLE ? train : train.rows(Vector.range(0, SAMPLE).map(i -> (int) ((long) i * n / SAMPLE)));
    }

    /**
     * The training part split into the examples to train on and the validation part, by the
     * fourth key of the seed, each class in the same proportion.
     *
     * @param data the examples as read, for messages
     * @param train the training part
     * @param seed the seed of the run
     * @param fraction the fraction of each class to validate on, in {@code (0, 1)}
     * @return the examples to train on ({@code train()}) and the validation part ({@code test()})
     * @throws CliException (data) if the fraction leaves a part empty, saying which fractions work
     */
    private static Split validation(LabelledData data, Dataset train, long seed, double fraction) {
        Vector<Integer> labels = Evaluation.classesOf(train.targets());
        TestSplits.requireBothParts(data.source() + "'s training part", labels, fraction, "--validation-split",
                "validation");
        return Datasets.stratifiedSplit(train, labels, Key.of(seed).split(4).get(3), fraction);
    }
}
