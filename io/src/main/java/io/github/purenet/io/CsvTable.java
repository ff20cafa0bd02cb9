package io.github.purenet.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.purenet.data.Table;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a CSV file as {@link Csv} reads them, one at a time, checked as they come: the header,
 * the label column, the number of fields, the features. A local, growing value: it lives only while
 * one file is read, and gives out nothing but the finished {@link LabelledData}.
 */
final class CsvTable {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final String MAX_FIELDS_TEXT = Echo.thousands(Csv.MAX_FIELDS);

    private final String source;
    private final CsvOptions options;
    private Vector<String> names; // the columns' names, or null before the first row
    private int label = -1;
    private final List<double[]> rows = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private int[] lines = new int[64];

    CsvTable(String source, CsvOptions options) {
        this.source = source;
        this.options = options;
    }

    /**
     * Takes the next row.
     *
     * @param line the line where it starts, from 1
     * @param record its fields
     * @throws DataException naming the line, column and value of a problem
     */
    void add(int line, CsvRecord record) {
        int fields = record.getFieldCount();
        if (fields == 1 && record.getField(0).isBlank()) {
            return; // a line of spaces
        }
        if (names == null) {
            names = options.header() ? Vector.ofAll(record.getFields()).map(String::trim)
                    : Vector.range(1, fields + 1).map(String::valueOf);
            if (fields < 2) {
                throw DataException.of(source, "line " + line + ": 1 column, expected at least 2 (features, then a "
                        + "label)");
            }
            label = labelIndex();
            if (options.header()) {
                return;
            }
        }
        if (fields != names.size()) {
            throw DataException.of(source, "line " + line + ": " + fields + " fields, expected " + names.size()
                    + (options.header() ? " as in the header" : " as in the first line"));
        }
        double[] row = new double[fields - 1];
        double scale = options.scale();
        for (int j = 0, k = 0; j < fields; j++) {
            if (j != label) {
                row[k++] = scale * number(line, j, record.getField(j));
            }
        }
        int n = rows.size();
        if (n == lines.length) {
            lines = Arrays.copyOf(lines, 2 * n);
        }
        lines[n] = line;
        rows.add(row);
        labels.add(record.getField(label).trim());
    }

    /**
     * The examples read.
     *
     * @return the examples, their classes and names
     * @throws DataException if there are none, or a label is not allowed
     */
    LabelledData build() {
        if (rows.isEmpty()) {
            throw DataException.of(source, ": no examples" + (names == null ? " (the file is empty)"
                    : options.header() ? " after the header" : ""));
        }
        int[] where = lines;
        Classes.Result classes = Classes.of(labels.toArray(String[]::new),
                i -> place(where[i], label), source);
        Vector<String> featureNames = names.removeAt(label);
        return new LabelledData(source, Table.compact(Matrix.of(rows.toArray(double[][]::new))), classes.labels(),
                classes.names(), featureNames, Vector.ofAll(Arrays.copyOf(lines, rows.size())), Option.none());
    }

    private int labelIndex() {
        if (options.labelColumn().isEmpty()) {
            return names.size() - 1;
        }
        String wanted = options.labelColumn().get().trim();
        int byName = options.header() ? names.indexOf(wanted) : -1;
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
        throw DataException.of(source, ": no column '" + Echo.of(wanted) + "' for the labels; "
                + (options.header() ? "its columns are " + Echo.list(names) + " (or give a column number from 1 to "
                        + names.size() + ")" : "it has no header, so give a column number from 1 to " + names.size()));
    }

    private double number(int line, int column, String field) {
        String text = field.trim();
        double x;
        try {
            x = Decimals.parse(text);
        } catch (NumberFormatException e) {
            throw DataException.of(source, place(line, column) + ": " + (text.isEmpty() ? "empty field"
                    : "'" + Echo.of(text) + "' is not a number"));
        }
        if (!Double.isFinite(x)) {
            throw DataException.of(source, place(line, column) + ": '" + Echo.of(text) + "' is not a finite number");
        }
        return x;
    }

    private String place(int line, int column) {
        return "line " + line + ", column " + (options.header() ? "'" + Echo.of(names.get(column)) + "'" : names.get(column));
    }


    /**
     * A problem of the CSV syntax, found by the parser, in the file's terms.
     *
     * @param source the file
     * @param e the parser's exception, which names the line where the row starts
     * @return the exception naming the source, line and problem
     */
    static DataException malformed(String source, CsvParseException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        String line = m.find() ? "line " + m.group(1) : "line 1";
        String cause = e.getCause() == null ? String.valueOf(e.getMessage()) : String.valueOf(e.getCause().getMessage());
        String what;
        if (cause.startsWith("Unclosed quoted field")) {
            what = "a quoted field is not closed before the end of the file";
        } else if (cause.startsWith("Unexpected character after closing quote")) {
            what = "a character after the closing quote of a field (" + cause.replaceAll(".*: ", "")
                    + "); a quote inside a quoted field is written twice, \"\"";
        } else if (cause.contains("maximum limit of")) {
            what = "more than " + MAX_FIELDS_TEXT + " fields";
        } else if (cause.startsWith("The maximum buffer size") || cause.contains("exceeds the max field size")) {
            what = "a field longer than " + Echo.thousands(Csv.MAX_FIELD_CHARACTERS) + " characters, the most a "
                    + "field may have; is it a CSV file, with every quote closed?";
        } else if (cause.contains("exceeds the max record size")) {
            what = "longer than " + Echo.thousands(Csv.MAX_ROW_CHARACTERS) + " characters, the most a row may have";
        } else {
            what = "not valid CSV (" + cause + ")";
        }
        return DataException.of(source, line + ": " + what, e);
    }
}
