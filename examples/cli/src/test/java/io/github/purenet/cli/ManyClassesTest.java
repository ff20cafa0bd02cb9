package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.data.Table;
import io.github.purenet.io.LabelledData;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many classes: the targets are one class number per example, so data with many classes are
 * small; what grows with the classes (the confusion matrix of each evaluation, the outputs of the
 * parts evaluated, the output layer) is computed before training and refused, in the user's terms,
 * when Java cannot hold it, instead of running out of memory after long work.
 */
class ManyClassesTest {

    @TempDir
    Path dir;

    private static LabelledData numbered(int examples, int classes) {
        return new LabelledData("wide.csv", Table.of(Matrix.filled(examples, 1, 0.5)),
                Vector.range(0, examples).map(i -> i % classes), Sources.numbers(classes), Vector.of("x"),
                Vector.empty(), Option.none());
    }

    @Test
    void theMessageSaysWhatTheClassesWouldNeedAgainstWhatJavaMayUse() {
        CliException e = assertThrows(CliException.class, () -> Sizes.requireFits(numbered(120_000, 60_000), 60_000,
                2_000, 7_680_000, 128, 4_000_000_000L));
        // 4 · 60,000² = 14.4 GB; 24 · 2,000 · 60,000 = 2.88 GB; 32 · 7,680,000 + 32 · 128 · 60,000 = 491.5 MB
        assertEquals("wide.csv: label 59999 implies 60,000 classes: each evaluation would need 14.4 GB for the "
                + "confusion matrix (60,000² counts) and 2.9 GB for the outputs of 2,000 examples, and training "
                + "491.5 MB for the network, more than the 4.0 GB that Java may use here (-Xmx); is the label "
                + "column right?", e.getMessage());
        Sizes.requireFits(numbered(20, 10), 10, 20, 1_000, 16, 4_000_000_000L); // fits: no exception
    }

    @Test
    void aCsvFileWhoseClassesNeedMoreThanTheHeapIsRefusedBeforeTrainingNotOutOfMemory() throws Exception {
        // 2 examples of each of 3,000 classes: 36 MB of counts, and refused before the data are hashed
        // and split, so with the outputs of the fewest examples a run evaluates, a third of them
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "x,label\n" + IntStream.range(0, 6_000).mapToObj(i -> (i % 7) + "," + i / 2)
                .collect(Collectors.joining("\n")) + "\n");
        SmallHeapTest.Forked run = SmallHeapTest.run("64m", "train", "--data", "csv:" + csv, "--epochs", "1",
                "--test-split", "0.5");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("purenet: " + csv + ": label 2999 implies 3,000 classes: each evaluation "
                + "would need 36.0 MB for the confusion matrix (3,000² counts) and 144.0 MB for the outputs of 2,000 "
                + "examples"), run.output());
        assertTrue(run.output().strip().endsWith("is the label column right?"), run.output());
    }

    @Test
    void dataWithManyClassesThatFitTrain() throws IOException {
        Path csv = dir.resolve("many.csv");
        Files.writeString(csv, "x,label\n" + IntStream.range(0, 1_200).mapToObj(i -> (i % 300) / 300.0 + "," + i % 300)
                .collect(Collectors.joining("\n")) + "\n");
        Cli.run("train", "--data", "csv:" + csv, "--epochs", "1").ok();
    }
}
