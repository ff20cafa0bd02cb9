package io.github.purenet.io;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Table;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Examples as read from a file: the features, the class of each example, the names of the classes
 * and of the features, and where each example came from, so that a problem found later (a label
 * that a model does not have) can still name the file and line.
 *
 * <pre>{@code
 * LabelledData iris = Csv.read(Path.of("iris.csv"), CsvOptions.of());
 * iris.dataset();                    // Dataset[150: features 150x4, targets 150x3]
 * iris.classNames().get(iris.labels().get(0));   // the class name of the first example
 * iris.place(0);                     // "line 2"
 * }</pre>
 *
 * <p>Class {@code k} is {@code classNames.get(k)}. Integer labels keep their numbers: their names
 * are {@code "0"} to the largest label, so a class that no example has still has its number.
 * String labels are numbered in sorted order of their names (see {@link Csv}).
 *
 * @param source the file or stream the examples were read from, as messages name it
 * @param features one example per row, all finite
 * @param labels the class of each example, one per row of {@code features}, each in
 *     {@code [0, classNames.size())}
 * @param classNames the name of each class, at least one, all different
 * @param featureNames the name of each feature (column of {@code features}): the header's names, or
 *     the column numbers from 1 when there is none, or {@code "pixel (r, c)"} for images
 * @param lines the line of each example in a CSV source, from 1, counting the header; empty for
 *     IDX, whose examples are items numbered from 0
 * @param imageShape the shape of the image that the features of an example are, row by row (IDX);
 *     none for CSV
 */
public record LabelledData(String source, Table features, Vector<Integer> labels, Vector<String> classNames,
        Vector<String> featureNames, Vector<Integer> lines, Option<ImageShape> imageShape) {

    /**
     * Checks that the parts fit together.
     *
     * @param source the file or stream
     * @param features one example per row
     * @param labels the class of each example
     * @param classNames the name of each class
     * @param featureNames the name of each feature
     * @param lines the line of each example in a CSV source, or empty
     * @param imageShape the shape of each example's image, if the features are one
     */
    public LabelledData {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(labels, "labels is null");
        Objects.requireNonNull(classNames, "classNames is null");
        Objects.requireNonNull(featureNames, "featureNames is null");
        Objects.requireNonNull(lines, "lines is null");
        Objects.requireNonNull(imageShape, "imageShape is null");
        features.requireFinite("features");
        if (labels.size() != features.rows()) {
            throw new IllegalArgumentException("LabelledData: features " + features.shape() + " and " + labels.size()
                    + " labels differ in rows");
        }
        if (classNames.isEmpty() || classNames.distinct().size() != classNames.size()) {
            throw new IllegalArgumentException("classNames: expected at least one name, all different, got "
                    + classNames.size() + " names");
        }
        int outside = labels.indexWhere(l -> l == null || l < 0 || l >= classNames.size());
        if (outside >= 0) {
            throw new IllegalArgumentException("labels: label " + labels.get(outside) + " at position " + outside
                    + " is not a class of " + classNames.size());
        }
        if (featureNames.size() != features.columns()) {
            throw new IllegalArgumentException("featureNames: " + featureNames.size() + " names for features "
                    + features.shape());
        }
        if (!lines.isEmpty() && lines.size() != labels.size()) {
            throw new IllegalArgumentException("lines: " + lines.size() + " lines for " + labels.size() + " examples");
        }
        if (imageShape.exists(shape -> shape.pixels() != features.columns())) {
            throw new IllegalArgumentException("imageShape: " + imageShape.get() + " does not fit features "
                    + features.shape());
        }
    }

    /** @return the number of examples, at least 1 */
    public int size() {
        return features.rows();
    }

    /** @return the number of classes, {@code classNames().size()} */
    public int classes() {
        return classNames.size();
    }

    /**
     * The examples as a dataset for training: the features, and the one-hot encoding of the labels
     * over all {@link #classes()} classes.
     *
     * @return a dataset of {@code size()} examples with {@code classes()} target columns
     */
    public Dataset dataset() {
        return Dataset.classification(features, labels, classes());
    }

    /**
     * Where an example came from, as messages say it.
     *
     * @param example the example's index, from 0
     * @return {@code "line 12"} for CSV, {@code "item 7 (from 0)"} for IDX
     */
    public String place(int example) {
        if (example < 0 || example >= size()) {
            throw new IndexOutOfBoundsException("example: " + example + " is not in [0, " + size() + ")");
        }
        return lines.isEmpty() ? "item " + example + " (from 0)" : "line " + lines.get(example);
    }

    /** @return the source and the sizes, such as {@code LabelledData[iris.csv: 150 examples, 4 features, 3 classes]} */
    @Override
    public String toString() {
        return "LabelledData[" + source + ": " + size() + " examples, " + features.columns() + " features"
                + imageShape.map(s -> " (" + s + ")").getOrElse("") + ", " + classes() + " classes]";
    }
}
