package io.github.purenet.io;

import io.vavr.collection.Seq;
import java.util.Locale;
import java.util.Objects;

/**
 * A value from a file or a command line as a message shows it: whole when it is short, else its
 * first {@value #LENGTH} characters and its length, so that a 10 MB cell gives a message of one
 * readable line, not of 10 MB. Every message of {@code purenet-io} and of the command line that
 * shows a user's value shows it through here.
 *
 * <pre>{@code
 * Echo.of("abc")            // abc
 * Echo.of("x".repeat(10_000_000))
 *                           // xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (10,000,000 characters)
 * }</pre>
 */
public final class Echo {

    /** The most characters of a value that a message shows. */
    public static final int LENGTH = 40;

    /** The most values of a list that a message shows. */
    public static final int VALUES = 10;

    private Echo() {
    }

    /**
     * A value as a message shows it.
     *
     * @param value the value
     * @return the value if it has at most {@link #LENGTH} characters, else its first {@link #LENGTH}
     *     characters, then {@code "... (N characters)"}
     */
    public static String of(String value) {
        Objects.requireNonNull(value, "value is null");
        if (value.length() <= LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH; // whole characters
        return value.substring(0, end) + "... (" + thousands(value.length()) + " characters)";
    }

    /**
     * Values as a message lists them: each through {@link #of(String)}, separated by commas, the
     * first {@link #VALUES} only when there are more, then how many there are.
     *
     * @param values the values
     * @return such as {@code "a, b, c"}, or {@code "x1, x2, ..., x10, ... (10,001 in all)"}
     */
    public static String list(Seq<String> values) {
        Objects.requireNonNull(values, "values is null");
        String shown = values.take(VALUES).map(Echo::of).mkString(", ");
        return values.size() <= VALUES ? shown
                : shown + ", ... (" + thousands(values.size()) + " in all)";
    }

    /**
     * A count as messages write it.
     *
     * @param n the count
     * @return its digits in groups of three, as in {@code 16,777,216}
     */
    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
