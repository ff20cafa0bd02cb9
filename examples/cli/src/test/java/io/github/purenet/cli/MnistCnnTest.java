package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented MNIST figures of convolutional networks, where the data are (as {@link MnistTest}):
 * a small CNN with the defaults of MNIST (Adam, lr 0.003 with a cosine decay, batches of 128, early
 * stopping on 3,000 validation examples, at most 10 epochs) reaches 99.17% test accuracy; and the
 * larger network of the command line's docs trains and evaluates on the full data in a heap of
 * 1 GB.
 */
class MnistCnnTest {

    private static void assumeMnist() {
        Path mnist = MnistTest.MNIST;
        assumeTrue(Files.isDirectory(mnist) && Sources.MNIST_FILES.forAll(name ->
                Files.exists(mnist.resolve(name)) || Files.exists(mnist.resolve(name + ".gz"))),
                "MNIST is not in " + mnist.toAbsolutePath().normalize());
    }

    @Test
    void aSmallCnnWithTheDefaultsReaches99Point17PercentOnTheTestSet() {
        assumeMnist();
        long start = System.nanoTime();
        JsonNode report = Cli.run("train", "--data", "mnist:" + MnistTest.MNIST, "--model",
                "conv:16:3,maxpool:2,conv:32:3,maxpool:2,dense:128", "--report", "json").ok().json();
        System.out.printf("MNIST, small CNN: test accuracy %.4f, %d epochs, kept epoch %d, %.1f s in all%n",
                report.get("test_accuracy").asDouble(), report.get("epochs_run").asInt(),
                report.get("best_epoch").asInt(), (System.nanoTime() - start) / 1e9);
        assertEquals("Network[28x28x1 conv2d(16 3x3 relu), max_pool2d(2x2), conv2d(32 3x3 relu), max_pool2d(2x2), "
                + "flatten, dense(128 relu), dense(10 softmax)]", report.get("network").asText());
        assertEquals(10_000, report.get("test_examples").asInt());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.99, report.toString());
        assertEquals(0.9917, report.get("test_accuracy").asDouble(), 0.0, "the same bits on every run");
    }

    /**
     * The network of docs/command-line.md in a JVM of its own with {@code -Xmx1g}: it reads the
     * 70,000 images, trains on a part of the training set (to keep the test short; the memory that
     * training holds is a batch's, whatever the number of steps) and evaluates the validation part
     * of 58,801 examples, the training part and the 10,000 test examples.
     */
    @Test
    void theLargerCnnTrainsAndEvaluatesTheFullDataInAHeapOfOneGigabyte() throws IOException, InterruptedException {
        assumeMnist();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Purenet.class.getName(), "train", "--data", "mnist:" + MnistTest.MNIST, "--model",
                "conv:32:3,conv:64:3,maxpool:2,dropout:0.25,dense:128,dropout:0.5", "--validation-split", "0.98",
                "--max-epochs", "1"));
        Path out = Files.createTempFile("purenet-forked", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run did not end within 10 minutes");
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("1,199 training, 58,801 validation and 10,000 test examples"), output);
            assertTrue(output.contains("done: 1 epochs"), output);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
