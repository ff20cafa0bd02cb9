package io.github.purenet.cli;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Examples as read from a file, before they become a {@link io.github.purenet.data.Dataset}: the
 * features, an integer class label per example, and where each example came from, so that a
 * problem found later (a label that the model does not have) can still name the file and line.
 *
 * @param source the file (or shipped data set) the examples were read from, as shown in messages
 * @param features one example per row, all finite
 * @param labels the class of each example, each {@code >= 0}, one per row of {@code features}
 * @param where the place of example {@code i} in its file, such as {@code line 12} or {@code item 7}
 */
public record Labelled(String source, Matrix features, Vector<Integer> labels, IntFunction<String> where) {

    /**
     * Checks that there is one label per row, none negative.
     *
     * @param source the file the examples were read from
     * @param features one example per row
     * @param labels the class of each example
     * @param where the place of each example in its file
     */
    public Labelled {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(labels, "labels is null");
        Objects.requireNonNull(where, "where is null");
        if (labels.size() != features.rows()) {
            throw new IllegalArgumentException("Labelled: features " + features.shape() + " and " + labels.size()
                    + " labels differ in rows");
        }
        if (labels.exists(l -> l < 0)) {
            throw new IllegalArgumentException("Labelled: negative label in " + source);
        }
    }

    /** @return the number of examples */
    public int size() {
        return features.rows();
    }

    /** @return the largest label */
    public int maxLabel() {
        return labels.max().get();
    }

    /**
     * Refuses a label that is not one of {@code classes} classes, naming the file, the place and the
     * value.
     *
     * @param classes the number of classes; valid labels are {@code 0 .. classes - 1}
     * @param whose whose classes they are, such as {@code "the model"}
     * @return these examples
     * @throws CliException (data) naming the first label outside the range
     */
    public Labelled requireLabelsBelow(int classes, String whose) {
        int i = labels.indexWhere(l -> l >= classes);
        if (i >= 0) {
            throw CliException.data(source + " " + where.apply(i) + ": label " + labels.get(i) + " is out of range: "
                    + whose + " has classes 0.." + (classes - 1));
        }
        return this;
    }

    /** @return the source and the shape, such as {@code Labelled[iris.csv: 150x4]} */
    @Override
    public String toString() {
        return "Labelled[" + source + ": " + features.shape() + "]";
    }
}
