package io.github.purenet.train;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * How well a network does on a dataset: its loss, and for classifiers its accuracy and confusion
 * matrix.
 *
 * <p>Classes are read from rows: with several columns, the class is the column of the largest
 * value (the first on ties); with one column, as for a sigmoid output, it is 1 when the value is at
 * least 0.5 and 0 otherwise. The same rule reads the targets (one-hot rows, or 0 and 1).
 *
 * @param loss the mean loss over the dataset
 * @param confusion the confusion matrix
 */
public record Evaluation(double loss, ConfusionMatrix confusion) {

    /**
     * Checks that the confusion matrix is present.
     *
     * @param loss the mean loss over the dataset
     * @param confusion the confusion matrix
     */
    public Evaluation {
        Objects.requireNonNull(confusion, "confusion is null");
    }

    /** @return the fraction of examples whose predicted class is their actual class, from the confusion matrix */
    public double accuracy() {
        return confusion.accuracy();
    }

    /**
     * Evaluates a network on a dataset.
     *
     * @param network the network
     * @param data the dataset, fitting the network
     * @param loss the loss
     * @return the evaluation
     */
    public static Evaluation of(Network network, Dataset data, Loss loss) {
        Objects.requireNonNull(data, "data is null");
        Trace trace = Backprop.forward(network, data.features());
        double value = Backprop.loss(network, trace, data.targets(), loss);
        Matrix outputs = trace.output();
        int classes = Math.max(2, outputs.columns());
        ConfusionMatrix confusion = ConfusionMatrix.of(classesOf(data.targets()), classesOf(outputs), classes);
        return new Evaluation(value, confusion);
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
}
