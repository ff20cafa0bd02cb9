package io.github.purenet.cli;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads labelled examples from comma-separated lines: numeric features and an integer class label
 * per line. A pure function of the lines: opening the file is left to {@link Sources}.
 *
 * <p>The format: plain comma-separated values, no quoting; spaces around a value are ignored, and
 * so are blank lines. With a header, the first line names the columns and the label is the last
 * column unless another is named. Every line has as many fields as the first. Features are
 * finite numbers ({@code NaN} and infinities are refused); labels are integers {@code >= 0}.
 * Errors name the source, the line number (from 1, counting the header and blank lines), the
 * column and the value.
 *
 * <pre>{@code
 * Labelled flowers = Csv.parse("flowers.csv", lines.iterator(), true, Option.none(), 1.0);
 * // flowers.csv line 7: 4 fields, expected 5 as in the header
 * // flowers.csv line 9, column 'petal_width': 'wide' is not a number
 * }</pre>
 */
public final class Csv {

    private Csv() {
    }

    /**
     * Parses lines into labelled examples.
     *
     * @param source the name of the file, for messages
     * @param lines the lines of the file, without line terminators
     * @param header whether the first line is a header that names the columns
     * @param labelColumn the label's column: a name from the header, or a column number from 1; none
     *     for the last column
     * @param scale a factor applied to every feature (1 to keep them as they are)
     * @return the examples, at least one
     * @throws CliException (data) naming the source, line, column and value of the first problem; or
     *     (usage) if the label column names no column
     */
    public static Labelled parse(String source, Iterator<String> lines, boolean header, Option<String> labelColumn,
            double scale) {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(lines, "lines is null");
        Objects.requireNonNull(labelColumn, "labelColumn is null");
        List<double[]> rows = new ArrayList<>(); // local, copied into the matrix below
        List<Integer> labels = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Vector<String> names = Vector.empty();
        int label = -1;
        int number = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (names.isEmpty()) {
                names = header ? Vector.of(fields).map(String::trim)
                        : Vector.range(1, fields.length + 1).map(i -> "field " + i);
                if (names.size() < 2) {
                    throw CliException.data(source + " line " + number + ": " + names.size()
                            + " column, expected at least 2 (features, then a label)");
                }
                label = labelIndex(source, names, labelColumn);
                if (header) {
                    continue;
                }
            }
            if (fields.length != names.size()) {
                throw CliException.data(source + " line " + number + ": " + fields.length + " fields, expected "
                        + names.size() + (header ? " as in the header" : " as in the first line"));
            }
            rows.add(features(source, number, fields, names, label, scale));
            labels.add(label(source, number, fields[label].trim(), names.get(label)));
            lineNumbers.add(number);
        }
        if (rows.isEmpty()) {
            throw CliException.data(source + ": no examples" + (names.isEmpty() ? " (the file is empty)"
                    : header ? " after the header" : ""));
        }
        Vector<Integer> where = Vector.ofAll(lineNumbers);
        return new Labelled(source, Matrix.of(rows.toArray(double[][]::new)), Vector.ofAll(labels),
                i -> "line " + where.get(i));
    }

    private static int labelIndex(String source, Vector<String> names, Option<String> labelColumn) {
        if (labelColumn.isEmpty()) {
            return names.size() - 1;
        }
        String wanted = labelColumn.get().trim();
        int byName = names.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        try {
            int column = Integer.parseInt(wanted);
            if (column >= 1 && column <= names.size()) {
                return column - 1;
            }
        } catch (NumberFormatException e) {
            // not a number either: refused below
        }
        throw CliException.usage("--label-column '" + wanted + "': " + source + " has no such column; its columns are "
                + names.mkString(", ") + " (or give a column number from 1 to " + names.size() + ")");
    }

    private static double[] features(String source, int number, String[] fields, Vector<String> names, int label,
            double scale) {
        double[] row = new double[fields.length - 1];
        for (int j = 0, k = 0; j < fields.length; j++) {
            if (j == label) {
                continue;
            }
            String text = fields[j].trim();
            double x;
            try {
                x = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw CliException.data(place(source, number, names.get(j)) + (text.isEmpty() ? "empty field"
                        : "'" + text + "' is not a number"));
            }
            if (!Double.isFinite(x)) {
                throw CliException.data(place(source, number, names.get(j)) + "'" + text + "' is not a finite number");
            }
            row[k++] = scale * x;
        }
        return row;
    }

    private static int label(String source, int number, String text, String name) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CliException.data(place(source, number, name) + "label '" + text
                    + "' is not a class number (an integer >= 0)");
        }
        if (value < 0) {
            throw CliException.data(place(source, number, name) + "label " + value
                    + " is out of range: class numbers are 0, 1, 2, ...");
        }
        return value;
    }

    private static String place(String source, int number, String column) {
        return source + " line " + number + ", " + (column.startsWith("field ") ? column : "column '" + column + "'")
                + ": ";
    }
}
