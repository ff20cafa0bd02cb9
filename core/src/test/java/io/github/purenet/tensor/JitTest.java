package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels are chosen only where they are fast: with the vector module and the JVM's
 * optimising compiler. Each case runs a fresh JVM with the options given and prints
 * {@link Products#VECTOR}.
 */
class JitTest {

    /** Prints {@link Products#VECTOR}, in a JVM started by the test. */
    public static final class PrintVector {
        private PrintVector() {
        }

        /** @param args none */
        public static void main(String[] args) {
            System.out.print(Products.VECTOR);
        }
    }

    private static String vectorIn(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintVector.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void theVectorKernelsRunWithTheModuleAndTheOptimisingCompiler() throws Exception {
        String module = "--add-modules=jdk.incubator.vector";
        assertEquals("true", vectorIn(module));
        assertEquals("true", vectorIn(module, "-XX:-TieredCompilation"), "C2 alone");
        assertEquals("false", vectorIn(), "without the module");
    }

    @Test
    void notWhereTheJvmInterpretsOrStopsAtTheClientCompiler() throws Exception {
        String module = "--add-modules=jdk.incubator.vector";
        assertEquals("false", vectorIn(module, "-XX:TieredStopAtLevel=1"), "C1 alone");
        assertEquals("false", vectorIn(module, "-XX:TieredStopAtLevel=3"), "C1 with full profiling");
        assertEquals("false", vectorIn(module, "-Xint"), "the interpreter");
    }
}
