package io.github.purenet.testing;

import io.github.purenet.network.Layer;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The architecture settings of a {@link NetworkGenerator}: the kinds of its layers, how deep blocks
 * nest, and the makers of users' layers by kind.
 *
 * @param names the kinds drawn, at least one, each built in or with a maker
 * @param depth the most levels of blocks, not negative
 * @param makers the makers of users' layers, which give a layer for a width
 */
record Kinds(Vector<String> names, int depth, LinkedHashMap<String, IntFunction<? extends Layer>> makers) {

    /** Checks the settings, naming the generator's setting; the names lose repeats. */
    Kinds {
        Objects.requireNonNull(names, "kinds is null");
        Vector<String> known = Architectures.kinds().appendAll(makers.keySet());
        if (names.isEmpty() || !known.containsAll(names)) {
            throw new IllegalArgumentException("kinds: expected at least one of " + known.mkString(", ")
                    + " and no other, got " + names);
        }
        names = names.distinct();
        if (depth < 0) {
            throw new IllegalArgumentException("depth: expected a depth >= 0, got " + depth);
        }
    }

    /** Stacks of dense layers: the kind {@code dense} alone, blocks two deep if kinds are added, no maker. */
    static Kinds dense() {
        return new Kinds(Vector.of("dense"), 2, LinkedHashMap.empty());
    }

    Kinds withNames(Vector<String> kinds) {
        return new Kinds(kinds, depth, makers);
    }

    Kinds withDepth(int max) {
        return new Kinds(names, max, makers);
    }

    /** These kinds and a user's, with its maker. */
    Kinds withLayer(String kind, IntFunction<? extends Layer> make) {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(make, "make is null");
        if (kind.isBlank() || Architectures.kinds().contains(kind)) {
            throw new IllegalArgumentException("kind: expected the name of a layer of your own, not blank and not a "
                    + "built-in kind, got '" + kind + "'");
        }
        return new Kinds(names.remove(kind).append(kind), depth, makers.put(kind, make));
    }

    /** @return nothing for dense layers alone, else such as {@code .kinds(dense, residual).depth(2)} */
    @Override
    public String toString() {
        return names.equals(Vector.of("dense")) ? "" : ".kinds(" + names.mkString(", ") + ").depth(" + depth + ")";
    }
}
