package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * A matrix's {@code values} array as it is read, before its shape is checked: the entries row by
 * row in one array of doubles, each row's length, and the first problem of each kind that
 * {@link Decoder#matrix} reports (a row that is not an array, an entry that is not a number).
 *
 * <p>When the matrix's {@code shape} comes before its values, as purenet writes it, the shape is
 * checked while the values stream past: once there are more rows than the shape says, or a row of
 * another length, nothing more is kept but the count of rows, so a document that claims a small
 * shape and holds a huge array is refused without building the array. Nothing is ever allocated
 * for the declared shape itself, only for the entries present, so a small document that claims a
 * huge shape allocates nothing large either.
 *
 * <p>Package-private and never changed once read: a final class rather than a record, because a
 * record's components are not arrays.
 */
final class Values {

    private final int rows;
    private final int[] lengths;    // of every row when the shape was not known before the values, else the rows within it
    private final double[] entries; // row-major, when no problem was found while reading
    private final int nonArrayRow;
    private final JsonNode nonArray;
    private final int badRow;
    private final int badColumn;
    private final JsonNode bad;

    private Values(int rows, int[] lengths, double[] entries, int nonArrayRow, JsonNode nonArray, int badRow,
            int badColumn, JsonNode bad) {
        this.rows = rows;
        this.lengths = lengths;
        this.entries = entries;
        this.nonArrayRow = nonArrayRow;
        this.nonArray = nonArray;
        this.badRow = badRow;
        this.badColumn = badColumn;
        this.bad = bad;
    }

    /** @return the number of rows of the array */
    int rows() {
        return rows;
    }

    /** @return the first row that is not an array, or -1 */
    int nonArrayRow() {
        return nonArrayRow;
    }

    /** @return the node of the first row that is not an array */
    JsonNode nonArray() {
        return nonArray;
    }

    /** @return the row of the first entry that is not a number, or -1 */
    int badRow() {
        return badRow;
    }

    /** @return the column of the first entry that is not a number */
    int badColumn() {
        return badColumn;
    }

    /** @return the node of the first entry that is not a number */
    JsonNode bad() {
        return bad;
    }

    /**
     * @param row a row within the array's rows, when they are as many as the shape's
     * @return its length
     */
    int length(int row) {
        return lengths[row];
    }

    /**
     * @param index a flat index, row-major
     * @return the entry there, for an array found to have its shape and no bad entry
     */
    double get(int index) {
        return entries[index];
    }

    /**
     * Reads an array whose {@code [} is the parser's current token, up to its {@code ]}.
     *
     * @param p the parser
     * @param shape the matrix's shape if it came before, else null
     * @return the array read
     */
    static Values read(JsonParser p, JsonNode shape) throws Exception {
        boolean known = shape != null && shape.isArray() && shape.size() == 2 && fits(shape.get(0))
                && fits(shape.get(1));
        int declaredRows = known ? shape.get(0).intValue() : Integer.MAX_VALUE;
        int declaredColumns = known ? shape.get(1).intValue() : -1;
        int rows = 0;
        int[] lengths = new int[8];
        double[] entries = new double[16];
        int size = 0;
        boolean keeping = true; // false once the matrix is sure to be refused
        int nonArrayRow = -1;
        JsonNode nonArray = null;
        int badRow = -1;
        int badColumn = -1;
        JsonNode bad = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            int i = rows++;
            if (i >= declaredRows) { // beyond the shape: only counted
                keeping = false;
                p.skipChildren();
                continue;
            }
            int j = 0;
            if (t != JsonToken.START_ARRAY) {
                keeping = false;
                if (nonArrayRow < 0) {
                    nonArrayRow = i;
                    nonArray = TreeReader.value(p, t, true);
                } else {
                    p.skipChildren();
                }
            } else {
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), j++) {
                    double x = number(p, e);
                    boolean number = !Double.isNaN(x) || e == JsonToken.VALUE_STRING && p.getText().equals(At.NAN);
                    if (!number && badRow < 0) {
                        badRow = i;
                        badColumn = j;
                        bad = TreeReader.value(p, e, true);
                    } else if (!number) {
                        p.skipChildren();
                    }
                    keeping &= number && j != declaredColumns;
                    if (keeping) {
                        if (size == entries.length) {
                            entries = Arrays.copyOf(entries, grow(size));
                        }
                        entries[size++] = x;
                    }
                }
                keeping &= declaredColumns < 0 || j == declaredColumns;
            }
            if (i == lengths.length) {
                lengths = Arrays.copyOf(lengths, grow(i));
            }
            lengths[i] = j;
        }
        return new Values(rows, Arrays.copyOf(lengths, Math.min(rows, lengths.length)),
                keeping ? Arrays.copyOf(entries, size) : new double[0], nonArrayRow, nonArray, badRow, badColumn, bad);
    }

    private static boolean fits(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1;
    }

    private static int grow(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, 2L * length);
    }

    /**
     * An entry as {@link At#number} reads it, or NaN for one it refuses (a number beyond the range
     * of a double, anything that is not a number); the integer {@code -0} is {@code -0.0}.
     */
    private static double number(JsonParser p, JsonToken e) throws Exception {
        if (e == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return TreeReader.minusZero(p) ? -0.0 : p.getIntValue();
        }
        if (e == JsonToken.VALUE_NUMBER_FLOAT || e == JsonToken.VALUE_NUMBER_INT) {
            // FastDoubleParser (in jackson-core): the nearest double, as Double.parseDouble, about three times as fast
            double x = NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
            return Double.isInfinite(x) ? Double.NaN : x;
        }
        if (e == JsonToken.VALUE_STRING) {
            switch (p.getText()) {
                case At.INFINITY:
                    return Double.POSITIVE_INFINITY;
                case At.MINUS_INFINITY:
                    return Double.NEGATIVE_INFINITY;
                default:
                    return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * @param columns the shape's columns
     * @return the first row of another length, or -1; for a shape of as many rows as the array's
     */
    int firstRowNotOf(int columns) {
        for (int i = 0; i < rows; i++) {
            if (lengths[i] != columns) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "[an array of " + rows + " rows]";
    }
}
