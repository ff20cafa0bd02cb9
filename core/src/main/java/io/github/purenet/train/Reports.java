package io.github.purenet.train;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** The text of {@link ConfusionMatrix#table} and {@link Evaluation#report}: aligned columns. */
final class Reports {

    /** The heading of the corner of a confusion table: rows are actual classes, columns predicted. */
    private static final String CORNER = "actual\\predicted";

    /** The widest heading of a report's rows, and the width of each of its number columns. */
    private static final String WEIGHTED = "weighted avg";
    private static final int COLUMN = 9;

    private Reports() {
    }

    /**
     * @param classes the number of classes
     * @return {@code "0", "1", ...}, the default class names
     */
    static Vector<String> numbers(int classes) {
        return Vector.range(0, classes).map(String::valueOf);
    }

    /** Checks class names for a table: one per class, none null, none with a line break. */
    static Vector<String> requireNames(String operation, Vector<String> classNames, int classes) {
        Objects.requireNonNull(classNames, "classNames is null");
        if (classNames.size() != classes) {
            throw new IllegalArgumentException(operation + ": classNames has " + classNames.size()
                    + " names, expected one per class, " + classes);
        }
        for (int k = 0; k < classes; k++) {
            String name = classNames.get(k);
            if (name == null || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(operation + ": classNames[" + k + "] is "
                        + (name == null ? "null" : "\"" + name.replace("\n", "\\n").replace("\r", "\\r") + "\"")
                        + ", expected a name without line breaks");
            }
        }
        return classNames;
    }

    static String confusionTable(ConfusionMatrix confusion, Vector<String> names) {
        int first = Math.max(CORNER.length(), names.map(String::length).max().getOrElse(0));
        int width = names.map(String::length)
                .appendAll(confusion.counts().flatMap(row -> row.map(c -> String.valueOf(c).length()))).max().get();
        String header = right(CORNER, first) + names.map(n -> "  " + right(n, width)).mkString();
        return Vector.range(0, confusion.classes())
                .map(i -> right(names.get(i), first)
                        + confusion.counts().get(i).map(c -> "  " + right(String.valueOf(c), width)).mkString())
                .prepend(header).mkString("\n");
    }

    static String classificationReport(Evaluation evaluation, Vector<String> names) {
        ConfusionMatrix confusion = evaluation.confusion();
        int width = Math.max(WEIGHTED.length(), names.map(String::length).max().getOrElse(0));
        Vector<String> lines = Vector.of(right("", width) + " " + Vector.of("precision", "recall", "f1-score", "support")
                .map(h -> " " + right(h, COLUMN)).mkString(), "");
        lines = lines.appendAll(confusion.classMetrics().zipWith(names, (m, name) -> row(name, m, width)));
        lines = lines.append("")
                .append(right("accuracy", width) + " " + " " + right("", COLUMN) + " " + right("", COLUMN)
                        + " " + right(decimal(confusion.accuracy(), 2), COLUMN)
                        + " " + right(String.valueOf(confusion.total()), COLUMN))
                .append(row("macro avg", confusion.macroAverage(), width))
                .append(row(WEIGHTED, confusion.weightedAverage(), width))
                .append("")
                .appendAll(value("loss", Option.some(evaluation.loss()), width))
                .appendAll(value("log loss", evaluation.logLoss(), width))
                .appendAll(value("ROC AUC", evaluation.rocAuc(), width));
        return lines.mkString("\n");
    }

    private static String row(String name, ClassMetrics m, int width) {
        return right(name, width) + " " + Vector.of(m.precision(), m.recall(), m.f1())
                .map(x -> " " + right(decimal(x, 2), COLUMN)).mkString()
                + " " + right(String.valueOf(m.support()), COLUMN);
    }

    private static Option<String> value(String name, Option<Double> x, int width) {
        return x.map(v -> right(name, width) + " " + " " + right(decimal(v, 4), COLUMN));
    }

    /**
     * A number with a fixed number of decimals, rounded as Python's {@code format} rounds: the
     * exact binary value, half to even; {@code NaN} and infinities as {@link Double#toString}.
     */
    static String decimal(double x, int digits) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
