package io.github.purenet.train;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Table;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * How well a network does on a dataset: its loss, and for classifiers its confusion matrix (with
 * accuracy, precision, recall and F1), log loss and, for two classes, ROC AUC.
 *
 * <p>Classes are read from rows: with several columns, the class is the column of the largest
 * value (the first on ties); with one column, as for a sigmoid output, it is 1 when the value is at
 * least 0.5 and 0 otherwise. The same rule reads the targets (one-hot rows, or 0 and 1).
 *
 * <pre>{@code
 * Evaluation e = Evaluation.of(network, test, Losses.softmaxCrossEntropy());
 * System.out.println(e.report(Vector.of("setosa", "versicolor", "virginica")));
 * }</pre>
 * prints, in the layout of scikit-learn's {@code classification_report} (here for the network of
 * the examples' {@code Iris}, seed 42, on its 30 test examples):
 * <pre>
 *               precision    recall  f1-score   support
 *
 *       setosa       1.00      1.00      1.00        10
 *   versicolor       1.00      0.90      0.95        10
 *    virginica       0.91      1.00      0.95        10
 *
 *     accuracy                           0.97        30
 *    macro avg       0.97      0.97      0.97        30
 * weighted avg       0.97      0.97      0.97        30
 *
 *         loss     0.0582
 *     log loss     0.0582
 * </pre>
 *
 * @param loss the mean loss over the dataset
 * @param confusion the confusion matrix
 * @param logLoss the mean negative log-likelihood of the actual classes ({@link Metrics#logLoss}),
 *     when the outputs are probabilities
 * @param rocAuc the area under the ROC curve ({@link Metrics#rocAuc}), when there are two classes
 *     and both are present
 */
public record Evaluation(double loss, ConfusionMatrix confusion, Option<Double> logLoss, Option<Double> rocAuc) {

    /**
     * Checks that the confusion matrix and options are present, the log loss is at least 0 and the
     * area is in {@code [0, 1]}.
     *
     * @param loss the mean loss over the dataset
     * @param confusion the confusion matrix
     * @param logLoss the log loss, when defined
     * @param rocAuc the area under the ROC curve, when defined
     */
    public Evaluation {
        Objects.requireNonNull(confusion, "confusion is null");
        Objects.requireNonNull(logLoss, "logLoss is null");
        Objects.requireNonNull(rocAuc, "rocAuc is null");
        if (logLoss.exists(x -> x == null || !(x >= 0.0)) || rocAuc.exists(x -> x == null || !(x >= 0.0 && x <= 1.0))) {
            throw new IllegalArgumentException("Evaluation: expected logLoss >= 0 and rocAuc in [0, 1], got logLoss "
                    + logLoss + " and rocAuc " + rocAuc);
        }
    }

    /**
     * An evaluation with neither log loss nor ROC AUC.
     *
     * @param loss the mean loss over the dataset
     * @param confusion the confusion matrix
     */
    public Evaluation(double loss, ConfusionMatrix confusion) {
        this(loss, confusion, Option.none(), Option.none());
    }

    /** @return the fraction of examples whose predicted class is their actual class, from the confusion matrix */
    public double accuracy() {
        return confusion.accuracy();
    }

    /**
     * Evaluates a network on a dataset.
     *
     * <p>The log loss is computed when the outputs are probabilities: the network ends in softmax
     * with at least two outputs, or in sigmoid with one. The ROC AUC is computed when there are
     * two classes (one output or two) and the dataset holds both; the score of an example is its
     * one output, or its second (the probability of class 1, for softmax).
     *
     * <p>The forward pass runs in evaluation mode on 1,024 examples at a time (fewer when the
     * network's layers would keep more than 64 MB of outputs for 1,024, as a CNN's do), so that a large
     * dataset is never built whole as doubles, and the loss is computed once over all the outputs:
     * the result is the same as one pass over all the examples for every layer that treats each
     * example on its own in evaluation mode, as the library's layers do. A {@code CustomLayer} that
     * mixes the examples of a batch in evaluation mode would see such blocks.
     *
     * @param network the network
     * @param data the dataset, fitting the network
     * @param loss the loss
     * @return the evaluation
     */
    public static Evaluation of(Network network, Dataset data, Loss loss) {
        Objects.requireNonNull(data, "data is null");
        Blocks blocks = Blocks.of(network, data, loss);
        double value = blocks.loss();
        Matrix outputs = blocks.outputs();
        int classes = Math.max(2, outputs.columns());
        Vector<Integer> actual = classesOf(data.targets());
        ConfusionMatrix confusion = ConfusionMatrix.of(actual, classesOf(outputs), classes);
        Option<Double> logLoss = network.outputsProbabilities() ? Option.some(Metrics.logLoss(outputs, actual)) : Option.none();
        Option<Double> rocAuc = classes == 2
                ? Metrics.rocAuc(Vector.range(0, outputs.rows()).map(i -> outputs.get(i, outputs.columns() - 1)), actual)
                : Option.none();
        return new Evaluation(value, confusion, logLoss, rocAuc);
    }

    /**
     * The class of each row: the index of its largest entry ({@link Datasets#labels}), or, for one
     * column, whether it is at least 0.5.
     *
     * @param rows one example per row
     * @return the class of each row
     */
    public static Vector<Integer> classesOf(Matrix rows) {
        Objects.requireNonNull(rows, "rows is null");
        if (rows.columns() == 1) {
            return Vector.range(0, rows.rows()).map(i -> rows.get(i, 0) >= 0.5 ? 1 : 0);
        }
        return Datasets.labels(rows);
    }

    /**
     * The class of each row of a table of targets: its labels when it holds one-hot targets as
     * labels ({@link Table#labels()}) of two columns or more, which is what
     * {@link #classesOf(Matrix)} of its matrix reads; otherwise {@code classesOf(rows.matrix())}.
     *
     * @param rows one example per row
     * @return the class of each row
     */
    public static Vector<Integer> classesOf(Table rows) {
        Objects.requireNonNull(rows, "rows is null");
        return rows.labels().filter(labels -> rows.columns() >= 2).getOrElse(() -> classesOf(rows.matrix()));
    }

    /**
     * The report with classes numbered from 0; see {@link #report(Vector)}.
     *
     * @return the report
     */
    public String report() {
        return report(Reports.numbers(confusion.classes()));
    }

    /**
     * A report in the layout of scikit-learn's {@code classification_report} (with its default of
     * two decimals): per class its precision, recall, F1 and support, then accuracy, the macro and
     * the weighted averages ({@link ConfusionMatrix#macroAverage()},
     * {@link ConfusionMatrix#weightedAverage()}); then the loss, and the log loss and ROC AUC when
     * they are defined, with four decimals. Numbers are rounded as Python rounds them, from the
     * exact binary value, half to even.
     *
     * @param classNames one name per class, in class order, such as {@code "setosa"}; none with a
     *     line break
     * @return the report, lines separated by {@code \n}, with no line break at the end
     */
    public String report(Vector<String> classNames) {
        return Reports.classificationReport(this, Reports.requireNames("report", classNames, confusion.classes()));
    }
}
