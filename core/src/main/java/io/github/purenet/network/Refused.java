package io.github.purenet.network;

/**
 * A batch that a layer refuses during a pass, such as a batch norm in training given one value
 * per channel. A layer throws it without knowing its path; each container it rises through adds
 * its child's segment, so the message names the path: {@code layers[2].inner.layers[1]: ...}.
 */
final class Refused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    Refused(String reason) {
        this("", reason);
    }

    /** A refusal for another exception's reason, with that exception as its cause. */
    Refused(String reason, Throwable cause) {
        this("", reason);
        initCause(cause);
    }

    private Refused(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** The same refusal one level up, below the given segment, with the stack of where it was thrown. */
    Refused under(String segment) {
        Refused up = new Refused(path.isEmpty() ? segment : segment + "." + path, reason);
        up.setStackTrace(getStackTrace());
        if (getCause() != null) {
            up.initCause(getCause());
        }
        return up;
    }
}
