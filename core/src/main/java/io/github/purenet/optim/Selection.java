package io.github.purenet.optim;

import io.github.purenet.network.Network;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A choice of trainable parameters by path, for {@link Wrappers#partition}, {@link Wrappers#freeze}
 * and {@link Transforms#addDecayedWeights(double, Selection)}, like the labels of optax's
 * {@code partition} and the masks of its weight decay.
 *
 * <p>A parameter's path is its layer's path and its name, such as {@code layers[0].weights} or
 * {@code layers[2].inner.layers[1].scale} ({@link Network#parameterPaths()}); its name is the last
 * segment ({@code weights}, {@code bias}, {@code scale}, {@code offset}, or a custom layer's own).
 *
 * <pre>{@code
 * Selection.layers(Vector.of(true, true, false))   // the parameters of the first two layers
 * Selection.under("layers[3]")                     // everything inside layers[3]
 * Selection.named("bias")                          // every bias
 * Selection.decayable()                            // all but biases and normalisation scales and offsets
 * }</pre>
 */
public final class Selection {

    private final String description;
    private final Predicate<String> selects;
    private final Vector<Boolean> layerFlags; // for layers(...): checked against the network's layers

    private Selection(String description, Predicate<String> selects, Vector<Boolean> layerFlags) {
        this.description = description;
        this.selects = selects;
        this.layerFlags = layerFlags;
    }

    /**
     * The parameters of the network's top-level layers whose flag is {@code true}.
     *
     * @param flags one flag per layer of the network (its {@link Network#layers()})
     * @return the selection; applying it to a network with another number of layers is refused
     */
    public static Selection layers(Seq<Boolean> flags) {
        Objects.requireNonNull(flags, "flags is null");
        if (flags.contains(null)) {
            throw new NullPointerException("flags: a flag is null");
        }
        Vector<Boolean> f = Vector.ofAll(flags);
        return new Selection(f.mkString("[", ", ", "]"), path -> f.get(topLevel(path)), f);
    }

    /**
     * The parameters at or under a path.
     *
     * @param path a layer's path, such as {@code layers[3]} or {@code layers[3].inner}, or a
     *     parameter's, such as {@code layers[0].weights}
     * @return the selection
     */
    public static Selection under(String path) {
        Objects.requireNonNull(path, "path is null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path: expected a layer's path, such as layers[3], got a blank");
        }
        return new Selection("under(" + path + ")", p -> p.equals(path) || p.startsWith(path + "."), null);
    }

    /**
     * The parameters with one of the given names, the last segment of their paths.
     *
     * @param names names such as {@code bias} or {@code scale}, at least one
     * @return the selection
     */
    public static Selection named(String... names) {
        Objects.requireNonNull(names, "names is null");
        Vector<String> n = Vector.of(names);
        if (n.isEmpty() || n.contains(null)) {
            throw new IllegalArgumentException("names: expected at least one name and no null, got " + n);
        }
        return new Selection("named(" + n.mkString(", ") + ")", p -> n.contains(p.substring(p.lastIndexOf('.') + 1)),
                null);
    }

    /**
     * The parameters that weight decay is meant for: every parameter except biases and the scales
     * and offsets of normalisations (those named {@code bias}, {@code scale} and {@code offset}), as
     * AdamW is used in practice (the exclusion that BERT and most transformer recipes apply).
     *
     * @return the selection
     */
    public static Selection decayable() {
        return named("bias", "scale", "offset").not().describedAs("decayable");
    }

    /** @return every parameter */
    public static Selection all() {
        return new Selection("all", p -> true, null);
    }

    /** @return the parameters this selection leaves out */
    public Selection not() {
        return new Selection("not(" + description + ")", selects.negate(), layerFlags);
    }

    /**
     * @param other another selection
     * @return the parameters both select
     */
    public Selection and(Selection other) {
        Objects.requireNonNull(other, "other is null");
        return new Selection("and(" + description + ", " + other.description + ")", selects.and(other.selects),
                layerFlags != null ? layerFlags : other.layerFlags);
    }

    /**
     * @param other another selection
     * @return the parameters either selects
     */
    public Selection or(Selection other) {
        Objects.requireNonNull(other, "other is null");
        return new Selection("or(" + description + ", " + other.description + ")", selects.or(other.selects),
                layerFlags != null ? layerFlags : other.layerFlags);
    }

    private Selection describedAs(String name) {
        return new Selection(name, selects, layerFlags);
    }

    /**
     * Whether this selection takes the parameter at a path.
     *
     * @param path a parameter's path, such as {@code layers[0].weights}
     * @return whether it is selected
     */
    public boolean test(String path) {
        return selects.test(Objects.requireNonNull(path, "path is null"));
    }

    /**
     * One flag per parameter of a network, in the order of {@link Network#parameterPaths()}.
     *
     * @param operation the operation that asks, for the message
     * @param network the network
     * @return the flags
     * @throws IllegalArgumentException if the selection was made of one flag per layer and the
     *     network has another number of layers
     */
    public Vector<Boolean> mask(String operation, Network network) {
        Objects.requireNonNull(network, "network is null");
        if (layerFlags != null && layerFlags.size() != network.layers().size()) {
            throw new IllegalArgumentException(operation + ": " + layerFlags.size() + " flags for the "
                    + network.layers().size() + " layers of " + network);
        }
        return network.parameterPaths().map(selects::test);
    }

    /** The index of the top-level layer of a path {@code layers[i]...}. */
    private static int topLevel(String path) {
        return Integer.parseInt(path.substring("layers[".length(), path.indexOf(']')));
    }

    /** @return what it selects, such as {@code [true, false]} or {@code decayable} */
    @Override
    public String toString() {
        return description;
    }
}
