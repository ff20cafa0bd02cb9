package io.github.purenet.data;

import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * Pure functions over datasets: one-hot labels, their inverse, and random splits.
 *
 * <pre>{@code
 * Matrix y = Datasets.oneHot(Vector.of(2, 0), 3);        // [[0, 0, 1], [1, 0, 0]]
 * Vector<Integer> back = Datasets.labels(y);             // [2, 0]
 * Split s = Datasets.split(data, Key.of(7), 0.25);       // a quarter of the rows in s.test()
 * }</pre>
 *
 * <p>Splits take a key and are pure functions of it: the same key gives the same split. A key is
 * used once; give a split a key of its own, such as one half of {@link Key#split()}.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The one-hot encoding of labels: row {@code i} is 1 in column {@code labels[i]} and 0 elsewhere.
     *
     * @param labels the labels, at least one, each in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return a {@code labels.size() x classes} matrix of zeros and ones
     * @throws IllegalArgumentException naming the label, its position and the range if a label is
     *         outside {@code [0, classes)}; if {@code classes < 1}; if there are no labels
     */
    public static Matrix oneHot(Seq<Integer> labels, int classes) {
        int[] label = checkedLabels(labels, classes); // local, filled once, read by the matrix factory below
        return Matrix.of(label.length, classes, (i, j) -> label[i] == j ? 1.0 : 0.0);
    }

    /** The labels as a new array, each checked to be in {@code [0, classes)}, as {@link #oneHot} says. */
    static int[] checkedLabels(Seq<Integer> labels, int classes) {
        Objects.requireNonNull(labels, "labels is null");
        if (classes < 1) {
            throw new IllegalArgumentException("classes: expected at least 1 class, got " + classes);
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels: expected at least one label, got none");
        }
        int[] label = new int[labels.size()];
        int position = 0;
        for (Integer l : labels) {
            if (l == null) {
                throw new NullPointerException("labels: the label at position " + position + " is null");
            }
            if (l < 0 || l >= classes) {
                throw new IllegalArgumentException("labels: label " + l + " at position " + position
                        + " is outside [0, " + classes + ")");
            }
            label[position++] = l;
        }
        return label;
    }

    /**
     * The position of the largest entry of each row (the argmax): the class of a one-hot row, or the
     * predicted class of a row of probabilities or scores. On ties the first position wins. A
     * {@code NaN} counts as larger than any number, as in NumPy's {@code argmax}, so a row holding
     * one gets the position of its first {@code NaN}.
     *
     * @param oneHotOrProbabilities an {@code n x classes} matrix
     * @return {@code n} labels in {@code [0, classes)}
     */
    public static Vector<Integer> labels(Matrix oneHotOrProbabilities) {
        Matrix m = Objects.requireNonNull(oneHotOrProbabilities, "oneHotOrProbabilities is null");
        return Vector.range(0, m.rows()).map(i -> argmax(m, i));
    }

    private static int argmax(Matrix m, int row) {
        int best = 0;
        double max = m.get(row, 0);
        for (int j = 1; j < m.columns() && !Double.isNaN(max); j++) {
            double x = m.get(row, j);
            if (x > max || Double.isNaN(x)) {
                best = j;
                max = x;
            }
        }
        return best;
    }

    /**
     * Splits the rows at random into a training part and a test part.
     *
     * <p>The test part has {@code round(n · testFraction)} rows, rounded half up
     * ({@link Math#round(double)} of the product computed in {@code double}), and the training part
     * the other rows. The test rows are the first of {@code key.permutation(n)}. Each part keeps its
     * rows in their original order.
     *
     * @param data the dataset to split, at least 2 rows
     * @param key the key that chooses the rows; the same key gives the same split
     * @param testFraction the fraction of rows to test on, in {@code (0, 1)}
     * @return the two parts, each of at least one row, together holding each row of {@code data} once
     * @throws IllegalArgumentException if {@code testFraction} is outside {@code (0, 1)}, or the
     *         rounding leaves a part empty (naming the fraction and the number of rows)
     */
    public static Split split(Dataset data, Key key, double testFraction) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(key, "key is null");
        requireFraction("split", testFraction);
        int n = data.size();
        int testSize = testSize(n, testFraction);
        requireTwoParts("split", testFraction, n, testSize, "");
        return partition(data, key.permutation(n).value().take(testSize));
    }

    /**
     * Splits the rows at random so that each class is split in the same proportion, the class of a
     * row being the argmax of its targets ({@link #labels(Matrix)}), as for one-hot targets. For a
     * single column of 0/1 targets the argmax is always 0: pass the labels with
     * {@link #stratifiedSplit(Dataset, Seq, Key, double)} instead.
     *
     * @param data the dataset to split, at least 2 rows
     * @param key the key that chooses the rows; the same key gives the same split
     * @param testFraction the fraction of each class to test on, in {@code (0, 1)}
     * @return the two parts, each of at least one row, together holding each row of {@code data} once
     * @throws IllegalArgumentException as {@link #stratifiedSplit(Dataset, Seq, Key, double)}
     */
    public static Split stratifiedSplit(Dataset data, Key key, double testFraction) {
        Objects.requireNonNull(data, "data is null");
        return stratifiedSplit(data, data.targets().labels().getOrElse(() -> labels(data.targets().matrix())), key,
                testFraction);
    }

    /**
     * Splits the rows at random so that each class is split in the same proportion.
     *
     * <p>A class of {@code c} rows puts {@code round(c · testFraction)} of them in the test part,
     * rounded half up ({@link Math#round(double)} of the product computed in {@code double}), and the
     * rest in the training part. So with {@code testFraction = 0.25}, classes of 8, 6 and 10 rows give
     * 2, 2 (1.5 rounded up) and 3 (2.5 rounded up) test rows; a class of one row goes wholly to
     * training when {@code testFraction < 0.5} and wholly to test otherwise. Within the class of label
     * {@code l}, the test rows are chosen by {@code key.foldIn(l).permutation(c)}, so each class is
     * shuffled by a key of its own. Each part keeps its rows in their original order.
     *
     * @param data the dataset to split, at least 2 rows
     * @param labels the class of each row, {@code data.size()} labels; any integers
     * @param key the key that chooses the rows; the same key gives the same split
     * @param testFraction the fraction of each class to test on, in {@code (0, 1)}
     * @return the two parts, each of at least one row, together holding each row of {@code data} once
     * @throws IllegalArgumentException if the numbers of labels and rows differ, {@code testFraction}
     *         is outside {@code (0, 1)}, or the rounding leaves a part empty
     */
    public static Split stratifiedSplit(Dataset data, Seq<Integer> labels, Key key, double testFraction) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(labels, "labels is null");
        Objects.requireNonNull(key, "key is null");
        requireFraction("stratifiedSplit", testFraction);
        if (labels.size() != data.size()) {
            throw new IllegalArgumentException("stratifiedSplit: " + labels.size() + " labels for a dataset of "
                    + data.size() + " rows");
        }
        Vector<Integer> classOf = labels.toVector();
        int missing = classOf.indexOf(null);
        if (missing >= 0) {
            throw new NullPointerException("labels: the label at position " + missing + " is null");
        }
        Map<Integer, Vector<Integer>> rowsOf = Vector.range(0, classOf.size()).groupBy(classOf::get);
        Vector<Integer> test = Vector.empty();
        for (Integer label : rowsOf.keySet().toVector().sorted()) {
            Vector<Integer> rows = rowsOf.get(label).get(); // in ascending order
            int take = testSize(rows.size(), testFraction);
            test = test.appendAll(key.foldIn(label).permutation(rows.size()).value().take(take).map(rows::get));
        }
        requireTwoParts("stratifiedSplit", testFraction, data.size(), test.size(), " (rounded per class)");
        return partition(data, test);
    }

    private static void requireFraction(String operation, double testFraction) {
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException(operation + ": testFraction must be in (0, 1), got " + testFraction);
        }
    }

    private static int testSize(int rows, double testFraction) {
        return (int) Math.round(rows * testFraction);
    }

    private static void requireTwoParts(String operation, double testFraction, int rows, int testSize, String how) {
        if (testSize < 1 || testSize > rows - 1) {
            throw new IllegalArgumentException(operation + ": testFraction " + testFraction + " of " + rows
                    + " rows gives " + testSize + " test and " + (rows - testSize) + " training rows" + how
                    + "; both parts need at least one row");
        }
    }

    /** The rows in {@code testRows} (distinct, in range) against all others, each part in original order. */
    private static Split partition(Dataset data, Seq<Integer> testRows) {
        boolean[] inTest = new boolean[data.size()]; // local, not shared
        for (int i : testRows) {
            inTest[i] = true;
        }
        Vector<Integer> all = Vector.range(0, data.size());
        return new Split(data.rows(all.filter(i -> !inTest[i])), data.rows(all.filter(i -> inTest[i])));
    }
}
