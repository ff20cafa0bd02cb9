package io.github.purenet.io;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

/**
 * Reads labelled examples from CSV text: numeric features and a label per row.
 *
 * <p>The format is RFC 4180's: fields separated by commas (or {@link CsvOptions#delimiter()}),
 * rows ended by CRLF or LF; a field may be quoted ({@code "1.5"}), and a quoted field may hold
 * the delimiter, line breaks and quotes written twice ({@code "say ""hi"""}). The text is UTF-8,
 * with or without a byte-order mark; a file whose name ends in {@code .gz}, or whose bytes start as
 * gzip's do, is decompressed as it is read. Blank lines are skipped, and spaces around a value are
 * ignored. The parsing of the rows is FastCSV's ({@code de.siegmar:fastcsv}); this class adds the
 * meaning of the columns:
 *
 * <ul>
 *   <li>With a header (the default), the first row names the columns; every row has as many fields
 *       as the first row.</li>
 *   <li>The label is the last column, or the one {@link CsvOptions#labelColumn()} names. Every other
 *       column is a feature: a finite number ({@code NaN} and infinities are refused), multiplied by
 *       {@link CsvOptions#scale()}.</li>
 *   <li>Labels are class numbers (integers {@code >= 0}: class {@code k} is {@code k}, the classes
 *       are {@code 0} to the largest, at most 65,536) or class names ({@code setosa}): when some
 *       label is not a number, every distinct label is a class, numbered in the sorted order of the
 *       names, so the numbering does not depend on the order of the rows. Numbers that are not all
 *       integers ({@code 2.5}) are refused.</li>
 * </ul>
 *
 * <p>A problem is a {@link DataException} naming the source, the line (from 1, counting the header
 * and blank lines; the line where a row starts, for a row with line breaks inside quotes), the
 * column (by its header name, or by number from 1 without a header) and the value:
 *
 * <pre>
 * flowers.csv line 7: 4 fields, expected 5 as in the header
 * flowers.csv line 9, column 'petal_width': 'wide' is not a number
 * flowers.csv line 12, column 'species': label -1 is out of range: class numbers are 0, 1, 2, ...
 * big.csv line 3, column 'x7': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa... (10,000,000 characters)' is not a number
 * /dev/zero line 1: a field longer than 16,777,216 characters, the most a field may have; is it a CSV file, with every quote closed?
 * </pre>
 *
 * <p>A value that a message shows is cut to its first {@value Echo#LENGTH} characters and its
 * length ({@link Echo}). A field may have at most {@link #MAX_FIELD_CHARACTERS} characters and a
 * row {@link #MAX_ROW_CHARACTERS} and {@link #MAX_FIELDS} fields, so that a file without line
 * breaks is refused after 16 million characters instead of filling the memory.
 */
public final class Csv {

    /** The most fields a row may have. */
    public static final int MAX_FIELDS = 1 << 20;

    /**
     * The most characters a field may have, 16,777,216: a longer field (a file with no line breaks,
     * such as {@code /dev/zero}, or a quote that is never closed) is refused once this many are read.
     */
    public static final int MAX_FIELD_CHARACTERS = 1 << 24;

    /** The most characters a row may have, 67,108,864, line breaks inside quotes included. */
    public static final int MAX_ROW_CHARACTERS = 1 << 26;

    private Csv() {
    }

    /**
     * Reads a CSV file.
     *
     * @param file the file, plain or gzip
     * @param options how to read it
     * @return the examples, at least one
     * @throws DataException naming the file, and the line, column and value of the first problem
     */
    public static LabelledData read(Path file, CsvOptions options) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        return read(Inputs.open(file), file.toString(), options);
    }

    /**
     * Reads CSV bytes from a stream, such as a resource on the class path; closes it.
     *
     * @param in the bytes: UTF-8 text, or gzip of it
     * @param source the stream's name for messages, such as {@code "iris.csv"}; gzip is expected when
     *     it ends in {@code .gz}, and recognised by its first bytes otherwise
     * @param options how to read it
     * @return the examples, at least one
     * @throws DataException naming the source, and the line, column and value of the first problem
     */
    public static LabelledData read(InputStream in, String source, CsvOptions options) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(options, "options is null");
        try (InputStream raw = in; Reader text = Inputs.utf8(Inputs.decompressed(raw, source))) {
            return parse(Inputs.withoutBom(text), source, options);
        } catch (IOException e) {
            throw Inputs.failure(source, e);
        }
    }

    /**
     * Reads CSV text; closes the reader.
     *
     * @param reader the text
     * @param source its name for messages
     * @param options how to read it
     * @return the examples, at least one
     * @throws DataException naming the source, and the line, column and value of the first problem
     */
    public static LabelledData read(Reader reader, String source, CsvOptions options) {
        Objects.requireNonNull(reader, "reader is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(options, "options is null");
        try (Reader text = reader) {
            return parse(Inputs.withoutBom(text), source, options);
        } catch (IOException e) {
            throw Inputs.failure(source, e);
        }
    }

    private static LabelledData parse(Reader text, String source, CsvOptions options) throws IOException {
        CsvTable table = new CsvTable(source, options);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // checked by CsvTable, with its message
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .build(CsvRecordHandler.of(handler -> handler.maxFields(MAX_FIELDS)
                        .maxFieldSize(MAX_FIELD_CHARACTERS).maxRecordSize(MAX_ROW_CHARACTERS)), text)) {
            Iterator<CsvRecord> records = csv.iterator();
            while (next(records, source)) {
                CsvRecord record = records.next();
                table.add(Math.toIntExact(record.getStartingLineNumber()), record);
            }
        }
        return table.build();
    }

    /** Whether there is another record, with the parser's problems said in the file's terms. */
    private static boolean next(Iterator<CsvRecord> records, String source) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw Inputs.failure(source, e.getCause());
        } catch (CsvParseException e) {
            throw CsvTable.malformed(source, e);
        }
    }
}
