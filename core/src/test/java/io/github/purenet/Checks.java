package io.github.purenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the tests: refusals with their messages, and matrices close to each other. */
public final class Checks {

    private Checks() {
    }

    /**
     * Asserts an {@link IllegalArgumentException} whose message holds every fragment.
     *
     * @param call the call that must fail
     * @param fragments what the message must name
     */
    public static void refuses(Executable call, String... fragments) {
        fails(IllegalArgumentException.class, call, fragments);
    }

    /**
     * Asserts an exception of the given type whose message holds every fragment.
     *
     * @param type the type of the exception
     * @param call the call that must fail
     * @param fragments what the message must name
     */
    public static void fails(Class<? extends Throwable> type, Executable call, String... fragments) {
        String message = assertThrows(type, call).getMessage();
        assertNotNull(message, "no message");
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message \"" + message + "\" lacks \"" + fragment + "\"");
        }
    }

    /**
     * Asserts two matrices of one shape whose entries differ by at most {@code tolerance} relative to
     * {@code max(1, |expected|)}.
     *
     * @param expected the expected values
     * @param actual the values to check
     * @param tolerance the relative tolerance
     */
    public static void close(Matrix expected, Matrix actual, double tolerance) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                double e = expected.get(i, j);
                assertEquals(e, actual.get(i, j), tolerance * Math.max(1.0, Math.abs(e)), "at (" + i + ", " + j + ")");
            }
        }
    }
}
