package io.github.purenet.io;

import static io.github.purenet.io.CsvErrorsTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vavr.collection.Vector;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The limits of a CSV source, each refused with a message naming the source and line; and values
 * echoed in messages cut to a readable length, whatever their size.
 */
class CsvLimitsTest {

    private static final String TEN_MB = "7".repeat(5_000_000) + "x".repeat(5_000_000);

    /** Text without end: {@code head} once, then {@code repeated} forever; counts what was read. */
    static final class Endless extends Reader {
        private final String head;
        private final String repeated;
        long read;

        Endless(String head, String repeated) {
            this.head = head;
            this.repeated = repeated;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int k = 0; k < length; k++, read++) {
                buffer[offset + k] = read < head.length() ? head.charAt((int) read)
                        : repeated.charAt((int) ((read - head.length()) % repeated.length()));
            }
            return length;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedAfterTheLongestFieldAllowed() {
        Endless zeros = new Endless("", "\0");
        refused("zeros line 1: a field longer than 16,777,216 characters, the most a field may have; is it a CSV "
                + "file, with every quote closed?", () -> Csv.read(zeros, "zeros", CsvOptions.of()));
        assertTrue(zeros.read <= 2L * Csv.MAX_FIELD_CHARACTERS, "read " + zeros.read + " characters");
        Endless quoted = new Endless("a,label\n1,0\n\"", "1,0\n");
        refused("quoted line 3: a field longer than 16,777,216 characters, the most a field may have; is it a CSV "
                + "file, with every quote closed?", () -> Csv.read(quoted, "quoted", CsvOptions.of()));
    }

    @Test
    void devZeroIsRefusedWithoutFillingTheMemory() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        refused("/dev/zero line 1: a field longer than 16,777,216 characters, the most a field may have; is it a CSV "
                + "file, with every quote closed?", () -> Csv.read(zero, CsvOptions.of()));
    }

    @Test
    void aRowLongerThanAllowedIsRefusedNamingItsLine() {
        // fields of 99,999 characters and a comma: the row passes 2^26 characters at field 672
        Endless wide = new Endless("a,label\n1,0\n", "9".repeat(99_999) + ",");
        refused("wide line 3: longer than 67,108,864 characters, the most a row may have",
                () -> Csv.read(wide, "wide", CsvOptions.of()));
    }

    @Test
    void aTenMegabyteCellIsEchoedAsItsFirstFortyCharactersAndItsLength() {
        DataException e = assertThrows(DataException.class,
                () -> Csv.read(new StringReader("a,label\n" + TEN_MB + ",0\n"), "big.csv", CsvOptions.of()));
        assertEquals("big.csv line 2, column 'a': '" + "7".repeat(40) + "... (10,000,000 characters)' is not a number",
                e.getMessage());
    }

    @Test
    void longLabelsAndColumnNamesAreCutToo() {
        String longName = "n".repeat(100);
        refused("d.csv line 2, column '" + "n".repeat(40) + "... (100 characters)': empty field",
                () -> CsvTest.read(longName + ",label\n,0\n"));
        refused("d.csv line 2, column 'label': label '" + "7".repeat(40) + "... (5,000,002 characters)' is not a class "
                + "number (an integer >= 0)", () -> CsvTest.read("a,label\n1," + "7".repeat(5_000_000) + ".5\n"));
        refused("d.csv line 2, column 'label': label " + "7".repeat(40) + "... (5,000,000 characters) is out of range: "
                + "it implies more than 10^4999999 classes, and class numbers go up to 65535; is the label column right?",
                () -> CsvTest.read("a,label\n1," + "7".repeat(5_000_000) + "\n"));
    }

    @Test
    void aMissingLabelColumnListsTheFirstTenColumnsOfAWideFile() {
        String header = Vector.range(0, 10_000).map(j -> "x" + j).mkString(",") + ",y\n";
        String row = Vector.range(0, 10_001).map(j -> "0").mkString(",") + "\n";
        refused("d.csv: no column 'label' for the labels; its columns are x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, ... "
                + "(10,001 in all) (or give a column number from 1 to 10001)",
                () -> CsvTest.read(header + row, CsvOptions.of().withLabelColumn("label")));
        refused("d.csv: no column '" + "c".repeat(40) + "... (1,000 characters)' for the labels; its columns are a, "
                + "label (or give a column number from 1 to 2)",
                () -> CsvTest.read("a,label\n1,0\n", CsvOptions.of().withLabelColumn("c".repeat(1000))));
    }
}
