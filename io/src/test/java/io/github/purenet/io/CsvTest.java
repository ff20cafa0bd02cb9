package io.github.purenet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV format as {@link Csv} reads it: RFC 4180's quoting, line ends, a byte-order mark, gzip,
 * with and without a header, the label column by name or number, and the classes of integer and
 * string labels. Every expected value is written out by hand.
 */
class CsvTest {

    @TempDir
    Path dir;

    static LabelledData read(String text, CsvOptions options) {
        return Csv.read(new StringReader(text), "d.csv", options);
    }

    static LabelledData read(String text) {
        return read(text, CsvOptions.of());
    }

    static Matrix matrix(double[]... rows) {
        return Matrix.of(rows);
    }

    @Test
    void aHeaderNamesTheFeaturesAndTheLastColumnIsTheLabel() {
        LabelledData d = read("a,b,label\n1,2.5,0\n-3,4e2,1\n");
        assertEquals(matrix(new double[] {1, 2.5}, new double[] {-3, 400}), d.features().matrix());
        assertEquals(Vector.of(0, 1), d.labels());
        assertEquals(Vector.of("0", "1"), d.classNames());
        assertEquals(Vector.of("a", "b"), d.featureNames());
        assertEquals(Vector.of(2, 3), d.lines());
        assertEquals(Option.none(), d.imageShape());
        assertEquals("d.csv", d.source());
        assertEquals("LabelledData[d.csv: 2 examples, 2 features, 2 classes]", d.toString());
    }

    @Test
    void quotedFieldsMayHoldDelimitersLineBreaksAndDoubledQuotes() {
        LabelledData d = read("\"x, the first\",\"y\",\"the \"\"class\"\"\"\n\"1\",\"2\",\"a, b\"\n3,\"4\",\"line\nbreak\"\n"
                + "5,6,\"say \"\"hi\"\"\"\n");
        assertEquals(Vector.of("x, the first", "y"), d.featureNames());
        assertEquals(matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}), d.features().matrix());
        // names sorted: "a, b" < "line\nbreak" < "say \"hi\""
        assertEquals(Vector.of("a, b", "line\nbreak", "say \"hi\""), d.classNames());
        assertEquals(Vector.of(0, 1, 2), d.labels());
        assertEquals(Vector.of(2, 3, 5), d.lines(), "the row with a line break starts on line 3; the next on 5");
    }

    @Test
    void crlfAndLfLineEndsAndBlankLinesReadTheSame() {
        LabelledData lf = read("a,label\n1,0\n\n2,1\n");
        LabelledData crlf = read("a,label\r\n1,0\r\n\r\n2,1\r\n");
        LabelledData noFinalEnd = read("a,label\r\n1,0\r\n   \r\n2,1");
        for (LabelledData d : Vector.of(lf, crlf, noFinalEnd)) {
            assertEquals(matrix(new double[] {1}, new double[] {2}), d.features().matrix());
            assertEquals(Vector.of(0, 1), d.labels());
            assertEquals(Vector.of(2, 4), d.lines(), "blank lines count");
        }
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bytes = "\uFEFFa,label\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8);
        LabelledData d = Csv.read(new ByteArrayInputStream(bytes), "bom.csv", CsvOptions.of());
        assertEquals(Vector.of("a"), d.featureNames());
        assertEquals(Vector.of("a"), read("\uFEFFa,label\n1,0\n").featureNames());
    }

    @Test
    void gzipIsReadByNameAndByItsFirstBytes() throws IOException {
        byte[] gz = gzip("a,label\n1,0\n2,1\n");
        Path named = Files.write(dir.resolve("d.csv.gz"), gz);
        Path unnamed = Files.write(dir.resolve("d.csv"), gz);
        for (LabelledData d : Vector.of(Csv.read(named, CsvOptions.of()), Csv.read(unnamed, CsvOptions.of()),
                Csv.read(new ByteArrayInputStream(gz), "stream", CsvOptions.of()))) {
            assertEquals(matrix(new double[] {1}, new double[] {2}), d.features().matrix());
            assertEquals(Vector.of(0, 1), d.labels());
        }
        assertEquals(named.toString(), Csv.read(named, CsvOptions.of()).source());
    }

    @Test
    void withoutAHeaderEveryRowIsAnExampleAndColumnsAreNumbered() {
        LabelledData d = read("1,2,0\n3,4,1\n", CsvOptions.of().withHeader(false));
        assertEquals(matrix(new double[] {1, 2}, new double[] {3, 4}), d.features().matrix());
        assertEquals(Vector.of("1", "2"), d.featureNames());
        assertEquals(Vector.of(1, 2), d.lines());
    }

    @Test
    void theLabelColumnByNameOrByNumberFromOne() {
        String text = "label,a,b\n0,1,2\n1,3,4\n";
        LabelledData byName = read(text, CsvOptions.of().withLabelColumn("label"));
        LabelledData byNumber = read(text, CsvOptions.of().withLabelColumn(1));
        for (LabelledData d : Vector.of(byName, byNumber)) {
            assertEquals(matrix(new double[] {1, 2}, new double[] {3, 4}), d.features().matrix());
            assertEquals(Vector.of(0, 1), d.labels());
            assertEquals(Vector.of("a", "b"), d.featureNames());
        }
        LabelledData middle = read("1,7,2\n3,8,4\n", CsvOptions.of().withHeader(false).withLabelColumn(2));
        assertEquals(matrix(new double[] {1, 2}, new double[] {3, 4}), middle.features().matrix());
        assertEquals(Vector.of("0", "1", "2", "3", "4", "5", "6", "7", "8"), middle.classNames());
        assertEquals(Vector.of(7, 8), middle.labels());
        // a header name made of digits is taken before the column of that number
        LabelledData digits = read("2,1,x\n5,0,6\n", CsvOptions.of().withLabelColumn("1"));
        assertEquals(Vector.of(0), digits.labels());
        assertEquals(Vector.of("2", "x"), digits.featureNames());
    }

    @Test
    void stringLabelsAreClassesInTheSortedOrderOfTheirNames() {
        LabelledData d = read("x,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n5, virginica \n");
        assertEquals(Vector.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(Vector.of(2, 0, 1, 0, 2), d.labels());
        // the same rows in another order give the same numbering
        LabelledData shuffled = read("x,species\n2,setosa\n3,versicolor\n1,virginica\n");
        assertEquals(d.classNames(), shuffled.classNames());
        assertEquals(Vector.of(0, 1, 2), shuffled.labels());
        // sorting is by UTF-16 code units: capitals first, and "10" before "9" when some label is a name
        assertEquals(Vector.of("10", "B", "a", "b"), read("x,y\n1,b\n2,a\n3,B\n4,10\n").classNames());
        assertEquals(Vector.of("10", "9", "cat"), read("x,y\n1,9\n2,10\n3,cat\n").classNames());
    }

    @Test
    void integerLabelsKeepTheirNumbersUpToTheLargest() {
        LabelledData d = read("x,y\n1,3\n2,0\n3,+1\n4,-0\n5,007\n");
        assertEquals(Vector.of(3, 0, 1, 0, 7), d.labels());
        assertEquals(Vector.of("0", "1", "2", "3", "4", "5", "6", "7"), d.classNames(), "class 2 has no example");
        assertEquals(8, d.classes());
        assertEquals(Vector.of(0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0), Vector.range(0, 8)
                .map(j -> d.dataset().targets().get(0, j)));
    }

    @Test
    void spacesAroundValuesAndAnotherDelimiterAndAScale() {
        LabelledData d = read(" a ; b ;label\n 1 ; 2.5 ; 1 \n", CsvOptions.of().withDelimiter(';').withScale(0.5));
        assertEquals(Vector.of("a", "b"), d.featureNames());
        assertEquals(matrix(new double[] {0.5, 1.25}), d.features().matrix());
        LabelledData tabs = read("a\tlabel\n4\t0\n", CsvOptions.of().withDelimiter('\t'));
        assertEquals(matrix(new double[] {4}), tabs.features().matrix());
    }

    @Test
    void placesNameTheLineOfEachExample() {
        LabelledData d = read("a,label\n\n1,0\n2,1\n");
        assertEquals("line 3", d.place(0));
        assertEquals("line 4", d.place(1));
    }

    @Test
    void theLargestFilesShapesAreKept() {
        StringBuilder text = new StringBuilder();
        int columns = 20_000;
        for (int j = 0; j < columns; j++) {
            text.append(j).append(',');
        }
        text.append("1\n");
        LabelledData d = read(text.toString(), CsvOptions.of().withHeader(false));
        assertEquals(columns, d.features().columns());
        assertEquals(19_999.0, d.features().get(0, columns - 1));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
