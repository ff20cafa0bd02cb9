package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.io.DataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-loading example reads a spreadsheet's CSV with class names and splits it; a bad file is named. */
class LoadCsvTest {

    @TempDir
    Path dir;

    private static List<String> run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            LoadCsv.main(args);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aFileWithQuotedFieldsAndClassNamesIsReadAndSplitPerClass() throws IOException {
        StringBuilder text = new StringBuilder("\"species\",\"petal length, cm\",petal width\r\n");
        for (int i = 0; i < 10; i++) {
            text.append(i % 2 == 0 ? "virginica" : "\"setosa\"").append(",\"").append(i).append(".5\",").append(i)
                    .append("\r\n");
        }
        Path file = Files.writeString(dir.resolve("flowers.csv"), text);
        assertEquals(List.of("LabelledData[" + file + ": 10 examples, 2 features, 2 classes], classes setosa, "
                + "virginica", "8 examples for training, 2 for testing"), run(file.toString(), "species"));
    }

    @Test
    void aBadValueIsNamedByFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,label\n1,0\nwide,1\n");
        assertEquals(file + " line 3, column 'a': 'wide' is not a number",
                assertThrows(DataException.class, () -> run(file.toString())).getMessage());
    }
}
