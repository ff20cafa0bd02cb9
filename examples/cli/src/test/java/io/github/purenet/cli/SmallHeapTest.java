package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * MNIST's default run fits in a heap of 256 MB: a separate JVM with {@code -Xmx256m} reads the
 * 70,000 images (one byte per pixel, not eight), trains an epoch of the defaults (validation part,
 * early stopping) and evaluates the test, validation and training parts. Before the data were
 * stored compactly, the 60,000 x 784 features alone took 376 MB as doubles, and the same command
 * ended in out-of-memory as it read them. Runs only where the data are, as {@link MnistTest} does.
 */
class SmallHeapTest {

    /** What a program run in a JVM of its own did: its exit code, and its output and errors, interleaved. */
    record Forked(int exitCode, String output) {
    }

    /** Runs the program in a JVM of its own with a heap of at most {@code xmx}, within 5 minutes. */
    static Forked run(String xmx, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), Purenet.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("purenet-forked", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not end within 5 minutes");
            return new Forked(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theDefaultMnistRunTrainsAnEpochAndEvaluatesInAHeapOf256Megabytes() throws IOException, InterruptedException {
        Path mnist = MnistTest.MNIST;
        assumeTrue(Files.isDirectory(mnist) && Sources.MNIST_FILES.forAll(name ->
                Files.exists(mnist.resolve(name)) || Files.exists(mnist.resolve(name + ".gz"))),
                "MNIST is not in " + mnist.toAbsolutePath().normalize());
        Forked run = run("256m", "train", "--data", "mnist:" + mnist, "--max-epochs", "1");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("57,000 training, 3,000 validation and 10,000 test examples"), run.output());
        assertTrue(run.output().contains("done: 1 epochs"), run.output());
    }
}
