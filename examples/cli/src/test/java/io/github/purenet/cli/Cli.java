package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Runs the program in this JVM, as {@code java -jar purenet.jar ARGS} would, and captures its output. */
final class Cli {

    private Cli() {
    }

    /** What a run of the program did. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        /** The JSON report: the last line of standard output. */
        JsonNode json() {
            List<String> lines = outLines();
            assertFalse(lines.isEmpty(), "no output; stderr: " + err);
            try {
                return new ObjectMapper().readTree(lines.get(lines.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Asserts success, showing the error output otherwise. */
        Result ok() {
            assertEquals(0, exitCode, "exit code; stderr: " + err + "\nstdout: " + out);
            assertEquals("", err);
            return this;
        }

        /**
         * Asserts a refusal: the exit code, one line on standard error that starts with
         * "purenet: " and contains each fragment, no stack trace.
         */
        Result refused(int expectedExitCode, String... fragments) {
            assertEquals(expectedExitCode, exitCode, "exit code; stderr: " + err + "\nstdout: " + out);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), "expected one line on stderr, got: " + err);
            String line = lines.get(0);
            assertTrue(line.startsWith("purenet: "), line);
            for (String fragment : fragments) {
                assertTrue(line.contains(fragment), "'" + fragment + "' is not in: " + line);
            }
            assertFalse(err.contains("Exception"), err);
            assertFalse(err.contains("\tat ") || err.contains("    at "), err);
            return this;
        }
    }

    /**
     * @param head the first arguments
     * @param more the arguments after them
     * @return both, in that order
     */
    static String[] args(String[] head, String... more) {
        return Stream.concat(Arrays.stream(head), Arrays.stream(more)).toArray(String[]::new);
    }

    /**
     * @param args the command line
     * @return its exit code and output
     */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Purenet.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
