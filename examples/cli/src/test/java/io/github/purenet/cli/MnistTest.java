package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The documented MNIST targets: a 784-128-10 ReLU network trained with Adam reaches at least 97.5%
 * test accuracy on the full 60,000/10,000 split in 5 epochs, and with the defaults (early stopping
 * on 3,000 validation examples, at most 10 epochs) at least 97.75%. Runs only where the data are,
 * in {@code shared/data/mnist} beside the repository (the four IDX files, raw or .gz); see the
 * command line's manual, docs/command-line.md ("MNIST"), for how to fetch them.
 */
class MnistTest {

    /** From the examples module, where the tests run: the folder beside the repository. */
    static final Path MNIST = Path.of("../../../shared/data/mnist");

    @Test
    void a784x128x10ReluNetworkWithAdamReaches97Point5PercentInFiveEpochsAnd97Point75WithTheDefaults() {
        assumeTrue(Files.isDirectory(MNIST) && Sources.MNIST_FILES.forAll(name ->
                Files.exists(MNIST.resolve(name)) || Files.exists(MNIST.resolve(name + ".gz"))),
                "MNIST is not in " + MNIST.toAbsolutePath().normalize());
        long start = System.nanoTime();
        JsonNode report = Cli.run("train", "--data", "mnist:" + MNIST, "--layers", "128", "--activation", "relu",
                "--optimizer", "adam", "--epochs", "5", "--report", "json").ok().json();
        System.out.printf("MNIST: test accuracy %.4f after %d epochs, %.1f s in all%n",
                report.get("test_accuracy").asDouble(), report.get("epochs").asInt(), (System.nanoTime() - start) / 1e9);
        assertEquals("Network[784-128-10 relu,softmax]", report.get("network").asText());
        assertEquals(10_000, report.get("test_examples").asInt());
        assertEquals(5, report.get("epochs").asInt());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.975, report.toString());

        start = System.nanoTime();
        JsonNode defaults = Cli.run("train", "--data", "mnist:" + MNIST, "--report", "json").ok().json();
        System.out.printf("MNIST, defaults: test accuracy %.4f, %d epochs (%s), kept epoch %d, %.1f s in all%n",
                defaults.get("test_accuracy").asDouble(), defaults.get("epochs_run").asInt(),
                defaults.get("stop_reason").asText(), defaults.get("best_epoch").asInt(),
                (System.nanoTime() - start) / 1e9);
        assertTrue(defaults.get("epochs_run").asInt() <= 10, defaults.toString());
        assertTrue(defaults.get("test_accuracy").asDouble() >= 0.9775, defaults.toString());
    }
}
