package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A run does not keep old states alive: a million steps of seed 001's 2-3-3 network through each
 * natural use of a {@link Run}, in a JVM with a 64 MB heap. A million states of that network take
 * about a gigabyte, so any use that retained them would fail; the last test shows that a memoizing
 * vavr {@code Stream} whose head is held does fail under the same limit.
 */
class RunMemoryTest {

    private record Result(int exitCode, String output) {
    }

    private static Result fork(String use) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MillionSteps.class.getName(), use))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"get", "drop", "take-last", "for-each", "drop-while", "observe-last", "epoch-ends",
        "early-stopping"})
    void aMillionStepsRunInA64MegabyteHeap(String use) throws Exception {
        Result result = fork(use);
        assertEquals(0, result.exitCode(), result.output());
        if (!use.equals("for-each")) {
            assertTrue(result.output().startsWith(MillionSteps.STEPS + " "), result.output());
        }
    }

    @Test
    void aMemoizingStreamWhoseHeadIsHeldRunsOutOfMemory() throws Exception {
        Result result = fork("stream-held");
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OutOfMemoryError"), result.output());
    }
}
