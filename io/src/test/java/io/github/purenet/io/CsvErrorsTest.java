package io.github.purenet.io;

import static io.github.purenet.io.CsvTest.gzip;
import static io.github.purenet.io.CsvTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of a CSV source is a {@link DataException} whose whole message names the source,
 * the line (from 1, counting the header and blank lines), the column (by header name, or by number
 * without a header) and the value; nothing is returned from a bad file.
 */
class CsvErrorsTest {

    @TempDir
    Path dir;

    static void refused(String expected, Executable read) {
        DataException e = assertThrows(DataException.class, read);
        assertEquals(expected, e.getMessage());
    }

    static void refused(String expected, String text) {
        refused(expected, () -> read(text));
    }

    static void refused(String expected, String text, CsvOptions options) {
        refused(expected, () -> read(text, options));
    }

    @Test
    void aValueThatIsNotANumberNamesTheLineTheColumnAndTheValue() {
        refused("d.csv line 9, column 'petal_width': 'wide' is not a number",
                "petal_length,petal_width,species\n" + "1,2,a\n".repeat(7) + "3,wide,b\n");
        refused("d.csv line 2, column 2: 'abc' is not a number", "1,2,0\n3,abc,1\n",
                CsvOptions.of().withHeader(false));
        refused("d.csv line 2, column 'b': empty field", "a,b,label\n1,,0\n");
        refused("d.csv line 2, column 'b': '1,5' is not a number", "a,b,label\n1,\"1,5\",0\n");
    }

    @Test
    void notANumberAndInfinitiesAreRefused() {
        refused("d.csv line 2, column 'b': 'NaN' is not a finite number", "a,b,label\n1,NaN,0\n");
        refused("d.csv line 2, column 'a': 'Infinity' is not a finite number", "a,b,label\nInfinity,1,0\n");
        refused("d.csv line 2, column 'a': '-Infinity' is not a finite number", "a,b,label\n-Infinity,1,0\n");
        refused("d.csv line 2, column 'a': '1e400' is not a finite number", "a,b,label\n1e400,1,0\n");
    }

    @Test
    void raggedRowsNameTheLineAndBothCounts() {
        refused("d.csv line 4: 4 fields, expected 3 as in the header", "a,b,label\n1,2,0\n\n3,4,5,1\n");
        refused("d.csv line 3: 2 fields, expected 3 as in the header", "a,b,label\n1,2,0\n3,1\n");
        refused("d.csv line 2: 2 fields, expected 3 as in the first line", "1,2,0\n3,1\n",
                CsvOptions.of().withHeader(false));
        refused("d.csv line 1: 1 column, expected at least 2 (features, then a label)", "label\n0\n");
    }

    @Test
    void emptyFilesAndFilesWithoutExamples() {
        refused("d.csv: no examples (the file is empty)", "");
        refused("d.csv: no examples (the file is empty)", "\n\n  \n");
        refused("d.csv: no examples after the header", "a,label\n\n");
        refused("d.csv: no examples (the file is empty)", "", CsvOptions.of().withHeader(false));
    }

    @Test
    void labelsThatAreNotClasses() {
        refused("d.csv line 3, column 'label': label -1 is out of range: class numbers are 0, 1, 2, ...",
                "a,label\n1,0\n2,-1\n");
        refused("d.csv line 3, column 'label': label 65536 is out of range: it implies 65,537 classes, and class "
                + "numbers go up to 65535; is the label column right?", "a,label\n1,0\n2,65536\n");
        refused("d.csv line 4, column 'label': label 2147483647 is out of range: it implies 2,147,483,648 classes, "
                + "and class numbers go up to 65535; is the label column right?", "a,label\n1,0\n2,1\n3,2147483647\n");
        refused("d.csv line 2, column 'label': label +0099999999999999999999 is out of range: it implies more than "
                + "10^19 classes, and class numbers go up to 65535; is the label column right?",
                "a,label\n1,+0099999999999999999999\n");
        refused("d.csv line 3, column 'label': label '2.5' is not a class number (an integer >= 0)",
                "a,label\n1,0\n2,2.5\n");
        refused("d.csv line 2, column 'label': label '1.0' is not a class number (an integer >= 0)",
                "a,label\n1,1.0\n2,2.0\n");
        refused("d.csv line 3, column 'species': empty label", "a,species\n1,setosa\n2,\n");
        refused("d.csv line 1, column 3: empty label", "1,2, \n", CsvOptions.of().withHeader(false));
    }

    @Test
    void aLabelColumnThatIsNotThere() {
        refused("d.csv: no column 'class' for the labels; its columns are a, b, label (or give a column number from 1 "
                + "to 3)", "a,b,label\n1,2,0\n", CsvOptions.of().withLabelColumn("class"));
        refused("d.csv: no column '4' for the labels; its columns are a, b, label (or give a column number from 1 "
                + "to 3)", "a,b,label\n1,2,0\n", CsvOptions.of().withLabelColumn(4));
        refused("d.csv: no column 'label' for the labels; it has no header, so give a column number from 1 to 3",
                "1,2,0\n", CsvOptions.of().withHeader(false).withLabelColumn("label"));
    }

    @Test
    void malformedQuotingNamesTheLineWhereTheRowStarts() {
        refused("d.csv line 3: a quoted field is not closed before the end of the file", "a,label\n1,0\n\"2,1\n3,1\n");
        refused("d.csv line 2: a character after the closing quote of a field ('x' (0x78)); a quote inside a quoted "
                + "field is written twice, \"\"", "a,label\n\"1\"x,0\n");
    }

    @Test
    void filesThatCannotBeReadNameTheFile() throws IOException {
        Path missing = dir.resolve("missing.csv");
        refused(missing + ": no such file", () -> Csv.read(missing, CsvOptions.of()));
        refused(dir + ": is a directory, expected a file", () -> Csv.read(dir, CsvOptions.of()));
        Path notGzip = Files.writeString(dir.resolve("d.csv.gz"), "a,label\n1,0\n");
        refused(notGzip + ": not valid gzip data (Not in GZIP format)", () -> Csv.read(notGzip, CsvOptions.of()));
        byte[] gz = gzip("a,label\n" + "1,0\n".repeat(1000));
        Path truncated = Files.write(dir.resolve("t.csv.gz"), Arrays.copyOf(gz, gz.length - 12));
        refused(truncated + ": truncated gzip data", () -> Csv.read(truncated, CsvOptions.of()));
        Path latin1 = Files.write(dir.resolve("l.csv"), new byte[] {'a', (byte) 0xe9, ',', 'l', '\n', '1', ',', '0'});
        DataException e = assertThrows(DataException.class, () -> Csv.read(latin1, CsvOptions.of()));
        assertEquals(latin1 + ": not UTF-8 text", e.getMessage());
        assertInstanceOf(CharacterCodingException.class, e.getCause());
        assertEquals(latin1.toString(), e.source());
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.csv"), "a,label\n1,0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "this user reads files whatever their permissions (root)");
        refused(file + ": permission denied", () -> Csv.read(file, CsvOptions.of()));
    }

    @Test
    void aStreamThatFailsNamesTheSource() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        refused("upload: cannot read: disk on fire", () -> Csv.read(failing, "upload", CsvOptions.of()));
        refused("s.csv.gz: not valid gzip data (Not in GZIP format)",
                () -> Csv.read(new ByteArrayInputStream(new byte[] {'a', ',', 'b'}), "s.csv.gz", CsvOptions.of()));
    }

    @Test
    void badOptionsAreRefusedWhenBuilt() {
        assertEquals("delimiter: expected a character other than a quote, a carriage return or a line feed, got 34",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.of().withDelimiter('"')).getMessage());
        assertEquals("scale: expected a finite factor other than 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.of().withScale(Double.NaN)).getMessage());
        assertEquals("number: expected a column number >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.of().withLabelColumn(0)).getMessage());
        assertEquals("labelColumn: expected a column name or number, got ' '",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.of().withLabelColumn(" ")).getMessage());
    }
}
