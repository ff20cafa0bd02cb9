package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MNIST-sized training (60,000 x 784, batch 64, 784-128-10) runs in a JVM with a 512 MB heap, with
 * the plain kernels and with the vector kernels (which pack a copy of each product's right factor).
 */
class MnistSizedMemoryTest {

    @Test
    void mnistSizedTrainingRunsInA512MegabyteHeap() throws Exception {
        runsIn512Megabytes(List.of());
    }

    @Test
    void mnistSizedTrainingRunsInA512MegabyteHeapWithTheVectorKernels() throws Exception {
        runsIn512Megabytes(List.of("--add-modules", "jdk.incubator.vector"));
    }

    private static void runsIn512Megabytes(List<String> options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MnistSized.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        // the last line (a JVM with an incubating module first warns about it on the same stream)
        assertTrue(output.strip().lines().reduce((first, second) -> second).orElse("").startsWith("1000 1 "), output);
    }
}
