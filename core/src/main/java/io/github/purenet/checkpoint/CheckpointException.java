package io.github.purenet.checkpoint;

/**
 * A document that cannot be decoded: not JSON, of another version or type, missing or unknown
 * fields, bad values, shapes that do not fit, or a content hash that does not match. The message
 * says what is wrong and where, as a JSON path such as {@code $.network.layers[1].weights}.
 */
public final class CheckpointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the offending value, {@code $} for the whole document. */
    private final String path;

    /**
     * An error at a place in a document.
     *
     * @param path the JSON path of the offending value
     * @param message what is wrong there
     */
    public CheckpointException(String path, String message) {
        super("at " + path + ": " + message);
        this.path = path;
    }

    /** @return the JSON path of the offending value, such as {@code $.layers[0].bias} */
    public String path() {
        return path;
    }
}
