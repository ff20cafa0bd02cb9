package io.github.purenet.optim;

/** The state of a transform that keeps none, such as {@link Transforms#scale} or a clip. */
public record EmptyState() {

    /** The one value. */
    public static final EmptyState INSTANCE = new EmptyState();
}
