package io.github.purenet.cli;

import static io.github.purenet.cli.TrainCommand.given;

import io.github.purenet.data.Dataset;
import io.github.purenet.io.LabelledData;
import io.github.purenet.loss.Losses;
import io.github.purenet.train.Evaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code purenet evaluate}: the loss, accuracy and confusion matrix of a saved model (or of the
 * network of a checkpoint) on data.
 *
 * <p>On data with a test set of their own (MNIST) it is the test set; on other data, all examples,
 * or with {@code --test-split} (and {@code --seed}) the test part of the same split as
 * {@code train} makes.
 */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Evaluate a saved model (train --save) or a checkpoint's network: loss, accuracy and the "
                + "confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

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
                    + "with this fraction and --seed (default: all examples).")
    Double testSplit;

    @Option(names = "--seed", paramLabel = "N", description = "With --test-split: the seed of the run (default: 42).")
    Long seed;

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
        if (seed != null && testSplit == null) {
            throw CliException.usage("--seed: only with --test-split, to choose the test part of a split");
        }
        Model m = ModelFile.read(model.toString(), AtomicFiles.read("--model", model));
        Sources.Loaded loaded = Sources.load(dataSpec, given(labelColumn));
        LabelledData examples = Sources.inClassesOf(loaded.test().getOrElse(loaded.train()), m.classNames(),
                "the model");
        if (examples.features().columns() != m.network().inputs()) {
            throw CliException.data(examples.source() + ": " + examples.features().columns() + " features per example, "
                    + "but the model takes " + m.network().inputs());
        }
        Dataset all = examples.dataset();
        Dataset chosen = testSplit == null ? all
                : Experiment.split(examples, all, seed != null ? seed : Defaults.SEED, testSplit).test();
        Evaluation e = Evaluation.of(m.network(), m.inputs(chosen),
                Losses.softmaxCrossEntropy());
        String source = dataSpec + (testSplit != null ? " (test part of split " + testSplit + ")" : "");
        Report.evaluation(model, source, e).forEach(console::text);
        console.report(Report.evaluationJson(model, source, e));
        return 0;
    }
}
