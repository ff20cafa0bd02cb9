package io.github.purenet.cli;

/**
 * A problem that the person running the program can fix: a bad option, a missing or malformed
 * file, a label out of range. {@link Purenet} prints its message as one line on standard error,
 * {@code purenet: <message>}, and exits with its code; never a stack trace.
 *
 * <pre>{@code
 * throw CliException.usage("--lr: expected a finite number >= 0, got -0.1");        // exit code 2
 * throw CliException.data("data.csv line 7: 'abc' is not a number (column 'x2')");  // exit code 1
 * }</pre>
 */
public final class CliException extends RuntimeException {

    /** The exit code of a bad command line: an unknown option, a bad value, a missing argument. */
    public static final int USAGE = 2;

    /** The exit code of a problem with files or data: missing, unreadable, malformed, out of range. */
    public static final int DATA = 1;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    /**
     * A bad command line.
     *
     * @param message what is wrong, naming the option and its value
     * @return the exception, exit code {@link #USAGE}
     */
    public static CliException usage(String message) {
        return new CliException(USAGE, message, null);
    }

    /**
     * A problem with a file or with data.
     *
     * @param message what is wrong, naming the file and where in it
     * @return the exception, exit code {@link #DATA}
     */
    public static CliException data(String message) {
        return new CliException(DATA, message, null);
    }

    /**
     * A problem with a file or with data, found by a lower layer.
     *
     * @param message what is wrong, naming the file and where in it
     * @param cause the exception that found it, kept for debugging, never printed
     * @return the exception, exit code {@link #DATA}
     */
    public static CliException data(String message, Throwable cause) {
        return new CliException(DATA, message, cause);
    }

    /** @return the process's exit code for this problem: {@link #USAGE} or {@link #DATA} */
    public int exitCode() {
        return exitCode;
    }
}
