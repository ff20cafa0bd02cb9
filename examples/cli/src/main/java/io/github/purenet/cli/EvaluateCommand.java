package io.github.purenet.cli;

import static io.github.purenet.cli.TrainCommand.given;

import io.github.purenet.data.Dataset;
import io.github.purenet.io.LabelledData;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code purenet evaluate}: the loss, accuracy, per-class precision, recall and F1, log loss, ROC
 * AUC (two classes) and confusion matrix of a saved model (or of the network of a checkpoint) on
 * data.
 *
 * <p>On data with a test set of their own (MNIST) it is the test set. On other data it is the part
 * that the model held out when it was trained, when the model records it (models saved by
 * {@code train --save}) and the data are the same; else all examples. With {@code --test-split}
 * (and {@code --seed}) it is the test part of the split that {@code train} makes with them. The
 * first line of the report says which.
 */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Evaluate a saved model (train --save) or a checkpoint's network: loss, accuracy, "
                + "precision, recall and F1 per class, log loss, ROC AUC (two classes) and the confusion matrix, "
                + "on the part of the data the model held out in training.")
final class EvaluateCommand implements Callable<Integer> {

    /** The examples whose outputs are checked for NaN at once. */
    private static final int BLOCK = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model written by train --save, or a checkpoint.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "iris, digits, mnist:DIR (its test set) or csv:FILE.")
    String data;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "For csv:FILE: the label's column, by header name or number from 1 (default: the last).")
    String labelColumn;

    @Option(names = "--test-split", paramLabel = "FRACTION",
            description = "For data without a test set: evaluate only the test part of the split that train makes "
                    + "with this fraction and --seed (default: the part the model held out when it was trained on "
                    + "the same data, else all examples).")
    Double testSplit;

    @Option(names = "--seed", paramLabel = "N", description = "With --test-split: the seed of the run (default: 42).")
    Long seed;

    @Option(names = "--all", description = "Evaluate on all examples, whatever part the model held out.")
    boolean all;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Console console = reportOptions.console(spec);
        DataSpec dataSpec = DataSpec.parse(data);
        RunConfig.requireLabelColumnFits(labelColumn != null, dataSpec);
        if (testSplit != null) {
            if (dataSpec.kind().hasTestSet()) {
                throw RunConfig.ownTestSet(dataSpec);
            }
            RunConfig.requireTestFraction(testSplit);
        }
        if (all && testSplit != null) {
            throw CliException.usage("--all and --test-split: give one of them, all examples or the test part of a "
                    + "split");
        }
        if (seed != null && testSplit == null) {
            throw CliException.usage("--seed: only with --test-split, to choose the test part of a split");
        }
        Model m = Heap.during("reading the model " + model,
                () -> ModelFile.read(model.toString(), AtomicFiles.read("--model", model)));
        Sources.Loaded loaded = Sources.read(dataSpec, given(labelColumn));
        LabelledData examples = Sources.inClassesOf(loaded.test().getOrElse(loaded.train()), m.classNames(),
                "the model");
        if (examples.features().columns() != m.network().inputs()) {
            throw CliException.data(examples.source() + ": " + examples.features().columns() + " features per example, "
                    + "but the model takes " + m.network().inputs());
        }
        Dataset all = examples.dataset();
        Tuple2<Dataset, String> chosen = chosen(m, examples, all, dataSpec);
        requireNoNaN(m, chosen._1);
        Evaluation e = Heap.during("evaluating", () -> m.evaluate(chosen._1, Losses.softmaxCrossEntropy()));
        String source = dataSpec + chosen._2;
        Report.evaluation(model, source, e, m.classNames()).forEach(console::text);
        console.summary(m.network());
        console.report(Report.evaluationObject(model, source, e, m.classNames()), m.network());
        return 0;
    }

    /**
     * Refuses a model whose network gives NaN for some examples, before they are evaluated: their
     * loss is NaN and their class would be the first, so an accuracy would count them as predictions
     * of it. One forward pass more than the evaluation's, a small cost beside reading the data.
     *
     * @throws CliException (data) naming how many examples give NaN and how many parameters are not finite
     */
    private void requireNoNaN(Model m, Dataset examples) {
        long nan = 0;
        for (int from = 0; from < examples.size(); from += BLOCK) { // a block at a time, not all as doubles
            Matrix outputs = m.predict(examples.rows(Vector.range(from, Math.min(from + BLOCK, examples.size())))
                    .features().matrix());
            nan += IntStream.range(0, outputs.rows())
                    .filter(i -> IntStream.range(0, outputs.columns()).anyMatch(j -> Double.isNaN(outputs.get(i, j))))
                    .count();
        }
        if (nan == 0) {
            return;
        }
        long parameters = m.network().parameterCount();
        long bad = m.network().parameters().map(p -> IntStream.range(0, p.rows()).mapToLong(i -> IntStream
                .range(0, p.columns()).filter(j -> !Double.isFinite(p.get(i, j))).count()).sum()).sum().longValue();
        throw CliException.data(String.format(Locale.ROOT, "%s: the network gives NaN for %,d of the %,d examples%s; "
                + "the loss and accuracy of NaN predictions mean nothing", model, nan, examples.size(), bad == 0 ? ""
                : String.format(Locale.ROOT, " (%,d of its %,d parameters are not finite: a run that diverged?)", bad,
                        parameters)));
    }

    /**
     * The examples to evaluate on, and how they were chosen, as the report says it: the test part of
     * {@code --test-split} when it is given; the data's own test set; the part held out when the
     * model was trained, when the model records it and these are the same data; else all examples.
     */
    private Tuple2<Dataset, String> chosen(Model m, LabelledData examples, Dataset all, DataSpec dataSpec) {
        if (testSplit != null) {
            long s = seed != null ? seed : Defaults.SEED;
            return Tuple.of(Experiment.split(examples, all, s, testSplit).test(),
                    " (test part of split " + testSplit + ", seed " + s + ")");
        }
        if (dataSpec.kind().hasTestSet()) {
            return Tuple.of(all, " (its test set)");
        }
        if (this.all) {
            return Tuple.of(all, " (all examples)");
        }
        if (m.heldOut().isEmpty()) {
            return Tuple.of(all, " (all examples: the model does not record a held-out part; --test-split "
                    + "chooses one)");
        }
        HeldOut heldOut = m.heldOut().get();
        if (!HeldOut.sha256(all).equals(heldOut.dataSha256())) {
            return Tuple.of(all, " (all examples: not the data the model was trained on)");
        }
        return Tuple.of(heldOut.test(all), " (the part held out for testing when the model was trained, "
                + "--test-split " + heldOut.testFraction() + ")");
    }
}
