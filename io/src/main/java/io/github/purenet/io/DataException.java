package io.github.purenet.io;

import java.util.Objects;

/**
 * A file or stream that cannot be read as the data it should hold: missing, unreadable, not gzip,
 * not UTF-8, malformed, or holding a value that is not allowed. The message names the source, where
 * in it (line and column, or item), and the value, such as
 * {@code flowers.csv line 9, column 'petal_width': 'wide' is not a number}.
 *
 * <p>Unchecked, as the library's other refusals of bad input are ({@link IllegalArgumentException}
 * for arguments): a bad file is not something a caller can recover from at the call site, most
 * callers let it reach the place that reports to the user (a command line maps it to an exit code),
 * and a checked exception would not pass through the lambdas of vavr's collections. An I/O
 * failure underneath is kept as the cause.
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file or stream, as named in the message. */
    private final String source;

    private DataException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /**
     * A problem with a source.
     *
     * @param source the file or stream's name, which the message starts with
     * @param message what is wrong and where, after the source: {@code "line 9, column 'x': ..."}
     * @return the exception, whose message is {@code source + " " + message} or, when
     *     {@code message} starts with a colon, {@code source + message}
     */
    static DataException of(String source, String message) {
        return of(source, message, null);
    }

    /**
     * A problem with a source found by a lower layer.
     *
     * @param source the file or stream's name
     * @param message what is wrong and where, as for {@link #of(String, String)}
     * @param cause the exception that found it
     * @return the exception
     */
    static DataException of(String source, String message, Throwable cause) {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(message, "message is null");
        return new DataException(source, source + (message.startsWith(":") ? "" : " ") + message, cause);
    }

    /** @return the name of the file or stream that holds the problem, as the message starts */
    public String source() {
        return source;
    }
}
