package io.github.purenet.io;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * How {@link Csv} reads a file: whether the first row is a header, which column holds the labels,
 * the delimiter between fields, and a factor applied to every feature.
 *
 * <pre>{@code
 * CsvOptions.of();                                     // header, label last, commas, features as they are
 * CsvOptions.of().withLabelColumn("species");          // the label in the column named species
 * CsvOptions.of().withHeader(false).withLabelColumn(1).withDelimiter(';');
 * CsvOptions.of().withScale(1.0 / 255);                // pixels 0..255 to [0, 1]
 * }</pre>
 *
 * @param header whether the first row (the first line that is not blank) names the columns
 * @param labelColumn the label's column: a name from the header, or else a column number from 1;
 *     none for the last column
 * @param delimiter the character between fields: not a quote, a carriage return or a line feed
 * @param scale the factor every feature is multiplied by, finite and not 0 (1 keeps them as they are)
 */
public record CsvOptions(boolean header, Option<String> labelColumn, char delimiter, double scale) {

    /**
     * Checks the label column, the delimiter and the scale.
     *
     * @param header whether the first row names the columns
     * @param labelColumn the label's column, by name or number from 1; none for the last
     * @param delimiter the character between fields
     * @param scale the factor applied to every feature
     */
    public CsvOptions {
        Objects.requireNonNull(labelColumn, "labelColumn is null");
        if (labelColumn.exists(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("labelColumn: expected a column name or number, got '"
                    + (labelColumn.get() == null ? null : Echo.of(labelColumn.get())) + "'");
        }
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("delimiter: expected a character other than a quote, a carriage "
                    + "return or a line feed, got " + (int) delimiter);
        }
        if (!(Double.isFinite(scale) && scale != 0.0)) {
            throw new IllegalArgumentException("scale: expected a finite factor other than 0, got " + scale);
        }
    }

    /** @return the usual options: a header, the label in the last column, commas, scale 1 */
    public static CsvOptions of() {
        return new CsvOptions(true, Option.none(), ',', 1.0);
    }

    /**
     * @param header whether the first row names the columns
     * @return these options with that header setting
     */
    public CsvOptions withHeader(boolean header) {
        return new CsvOptions(header, labelColumn, delimiter, scale);
    }

    /**
     * @param nameOrNumber a name from the header, or else a column number from 1 (as text, {@code "3"})
     * @return these options with the label in that column
     */
    public CsvOptions withLabelColumn(String nameOrNumber) {
        Objects.requireNonNull(nameOrNumber, "nameOrNumber is null");
        return new CsvOptions(header, Option.some(nameOrNumber), delimiter, scale);
    }

    /**
     * @param number a column number, from 1
     * @return these options with the label in that column (a header column named by the same
     *     digits is taken first, as for {@link #withLabelColumn(String)})
     */
    public CsvOptions withLabelColumn(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("number: expected a column number >= 1, got " + number);
        }
        return withLabelColumn(Integer.toString(number));
    }

    /**
     * @param delimiter the character between fields, such as {@code ';'} or {@code '\t'}
     * @return these options with that delimiter
     */
    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(header, labelColumn, delimiter, scale);
    }

    /**
     * @param scale the factor every feature is multiplied by, finite and not 0
     * @return these options with that scale
     */
    public CsvOptions withScale(double scale) {
        return new CsvOptions(header, labelColumn, delimiter, scale);
    }
}
