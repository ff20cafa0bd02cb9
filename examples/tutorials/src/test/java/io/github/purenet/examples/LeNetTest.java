package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 has the shapes and parameters of the paper's network with 28x28 inputs, and where MNIST
 * is beside the repository (shared/data/mnist) one epoch of the example prints its test accuracy,
 * the same to the example on every run.
 */
class LeNetTest {

    /** Where the MNIST files are when the data sets are beside the repository. */
    private static final Path MNIST = Path.of("../../../shared/data/mnist");

    @Test
    void hasTheShapesAndParametersOfLeNet5() {
        Network lenet = LeNet.lenet(Key.of(42));
        assertEquals(Shape.of(10), lenet.outputShape());
        // conv 5x5x1x6 + 6, conv 5x5x6x16 + 16, then 256x120 + 120, 120x84 + 84, 84x10 + 10
        assertEquals(156 + 2_416 + 30_840 + 10_164 + 850, lenet.parameterCount());
    }

    @Test
    void oneEpochOnMnistReaches97Point99PercentOnTheTestSet() {
        assumeTrue(Files.exists(MNIST.resolve("train-images-idx3-ubyte.gz")),
                "MNIST is not in " + MNIST.toAbsolutePath().normalize());
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            LeNet.main(new String[] {MNIST.toString(), "1"});
        } finally {
            System.setOut(original);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("epoch 1: test accuracy 97.99% (9799 of 10000)"), lines);
    }
}
