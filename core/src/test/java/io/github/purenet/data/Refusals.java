package io.github.purenet.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions that a call fails with a message holding given fragments. */
final class Refusals {

    private Refusals() {
    }

    /** Asserts an {@link IllegalArgumentException} whose message holds every fragment. */
    static void refuses(Executable call, String... fragments) {
        fails(IllegalArgumentException.class, call, fragments);
    }

    /** Asserts an exception of the given type whose message holds every fragment. */
    static void fails(Class<? extends Throwable> type, Executable call, String... fragments) {
        String message = assertThrows(type, call).getMessage();
        assertNotNull(message, "no message");
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message \"" + message + "\" lacks \"" + fragment + "\"");
        }
    }
}
