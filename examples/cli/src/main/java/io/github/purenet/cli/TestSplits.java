package io.github.purenet.cli;

import io.github.purenet.io.LabelledData;
import io.vavr.collection.Vector;
import java.math.BigDecimal;

/**
 * Whether {@code --test-split} (or {@code --validation-split}, of the training part) leaves examples
 * in both parts of the data, said in the terms of the command line: the data, the number of
 * examples, the option and the fractions that would work.
 * The split itself is the library's ({@code Datasets.stratifiedSplit}): a class of {@code c}
 * examples puts {@code round(c × fraction)} of them in the test part, rounded half up.
 *
 * <pre>
 * d.csv: 2 examples are too few for --test-split 0.2: every class has a single example, so ...
 * iris.csv: 150 examples are too few for --test-split 0.001: it holds out none of them for testing ...
 * </pre>
 */
final class TestSplits {

    private TestSplits() {
    }

    /**
     * Refuses a fraction that would leave the test or the training part empty.
     *
     * @param data the examples, whose labels give the classes
     * @param fraction the fraction of each class held out for testing, in {@code (0, 1)}
     * @throws CliException (data) naming the data, the number of examples and the fraction, and
     *     saying which fractions would work
     */
    static void requireBothParts(LabelledData data, double fraction) {
        requireBothParts(data.source(), data.labels(), fraction, "--test-split", "testing");
    }

    /**
     * Refuses a fraction that would leave either part of a split per class empty.
     *
     * @param source the examples, for the message, such as {@code iris.csv}
     * @param labels the class of each example
     * @param fraction the fraction of each class held out, in {@code (0, 1)}
     * @param option the option that gives the fraction, such as {@code --validation-split}
     * @param part what the held-out part is for, such as {@code validation}
     * @throws CliException (data) naming the examples, their number, the option and the fraction,
     *     and saying which fractions would work
     */
    static void requireBothParts(String source, Vector<Integer> labels, double fraction, String option, String part) {
        Vector<Integer> classSizes = labels.groupBy(l -> l).values().map(Vector::size).toVector();
        int n = labels.size();
        int test = testSize(classSizes, fraction);
        if (test >= 1 && test <= n - 1) {
            return;
        }
        String head = source + ": " + n + " example" + (n == 1 ? " is" : "s are") + " too few for " + option + " "
                + fraction + ": ";
        String otherwise = option.equals("--test-split") ? "" : ", or --epochs N to train without a validation part";
        if (classSizes.forAll(c -> c == 1)) {
            throw CliException.data(head + (n == 1 ? "a single example cannot be both trained and "
                    + (part.equals("testing") ? "tested on" : "held out for " + part)
                    : "every class has a single example, so any split puts all of them in one part")
                    + "; give at least two examples of some class" + otherwise);
        }
        String what = test == 0 ? "it holds out none of them for " + part : "it holds out all of them for " + part
                + ", none for training";
        throw CliException.data(head + what + " (round(c × " + fraction + ") of each class of c examples); "
                + working(classSizes, n, option) + " would work" + otherwise);
    }

    /** The test part's size: round(c × fraction), half up, summed over the classes. */
    private static int testSize(Vector<Integer> classSizes, double fraction) {
        return classSizes.map(c -> (int) Math.round(c * fraction)).sum().intValue();
    }

    /** The fractions on a grid of hundredths (or finer, for many examples) that leave both parts non-empty. */
    private static String working(Vector<Integer> classSizes, int n, String option) {
        for (int steps = 100; steps <= 1_000_000; steps *= 100) {
            int s = steps;
            Vector<Integer> good = Vector.range(1, steps).filter(k -> {
                int t = testSize(classSizes, (double) k / s);
                return t >= 1 && t <= n - 1;
            });
            if (!good.isEmpty()) {
                return good.size() == 1 ? option + " " + decimal(good.head(), steps)
                        : "a " + option + " from " + decimal(good.head(), steps) + " to " + decimal(good.last(), steps);
            }
        }
        return "a larger data set"; // not reached: a class of c >= 2 examples works with 1 / (2c) and more
    }

    private static String decimal(int k, int steps) {
        return BigDecimal.valueOf(k).divide(BigDecimal.valueOf(steps)).stripTrailingZeros().toPlainString();
    }
}
