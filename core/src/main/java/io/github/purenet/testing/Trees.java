package io.github.purenet.testing;

import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.vavr.collection.Vector;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Walks over trees of layers, for shrinking: the layers that are not blocks, a map over them, and
 * the trees with one layer rewritten.
 */
final class Trees {

    private Trees() {
    }

    /** The layers that are not blocks, depth first: a sequence's in order, a residual block's inner layers, then its projection. */
    static Vector<Layer> leaves(Layer layer) {
        if (layer instanceof Sequential s) {
            return s.layers().flatMap(Trees::leaves);
        }
        if (layer instanceof Residual r) {
            return leaves(r.inner()).appendAll(r.projection().toVector().flatMap(Trees::leaves));
        }
        return Vector.of(layer);
    }

    /** The layers of a network that are not blocks. */
    static Vector<Layer> leaves(Network n) {
        return n.layers().flatMap(Trees::leaves);
    }

    /**
     * The fewest rows of a batch that the network trains on: 2 when it holds a batch
     * normalisation, which needs two values of each channel for the batch's statistics, else 1.
     */
    static int leastBatch(Network n) {
        return leaves(n).exists(l -> l instanceof BatchNorm) ? 2 : 1;
    }

    /** The network with every layer that is not a block mapped. */
    static Network mapLeaves(Network n, UnaryOperator<Layer> f) {
        return Network.of(n.input(), n.layers().map(l -> mapLeaves(l, f)));
    }

    private static Layer mapLeaves(Layer layer, UnaryOperator<Layer> f) {
        if (layer instanceof Sequential s) {
            return new Sequential(s.layers().map(l -> mapLeaves(l, f)));
        }
        if (layer instanceof Residual r) {
            return new Residual(mapLeaves(r.inner(), f), r.projection().map(p -> mapLeaves(p, f)));
        }
        return f.apply(layer);
    }

    /**
     * Every sequence made from {@code layers} by rewriting one layer anywhere in its tree:
     * {@code f} gives the layers that may replace a layer (none removes it, several are spliced in
     * its place). The rewrites of the sequence's own layers come first, in order, then those inside
     * them; a residual block's inner layers and projection are replaced by one layer at a time (a
     * sequence of them when there are several), and a sequence is never left empty.
     */
    static Vector<Vector<Layer>> everywhere(Vector<Layer> layers, Function<Layer, Vector<Vector<Layer>>> f) {
        Vector<Vector<Layer>> here = Vector.range(0, layers.size()).flatMap(i -> f.apply(layers.get(i))
                .map(r -> layers.subSequence(0, i).appendAll(r).appendAll(layers.subSequence(i + 1))));
        Vector<Vector<Layer>> below = Vector.range(0, layers.size())
                .flatMap(i -> inside(layers.get(i), f).map(l -> layers.update(i, l)));
        return here.appendAll(below);
    }

    /** A block with one layer inside it rewritten, every way. */
    private static Vector<Layer> inside(Layer layer, Function<Layer, Vector<Vector<Layer>>> f) {
        if (layer instanceof Sequential s) {
            return everywhere(s.layers(), f).filter(v -> !v.isEmpty()).map(Sequential::new);
        }
        if (layer instanceof Residual r) {
            return one(r.inner(), f).map(i -> (Layer) new Residual(i, r.projection()))
                    .appendAll(r.projection().toVector().flatMap(p -> one(p, f).map(q -> Residual.of(r.inner(), q))));
        }
        return Vector.empty();
    }

    /** The layers that may take one layer's place: its replacements, and itself rewritten inside. */
    private static Vector<Layer> one(Layer layer, Function<Layer, Vector<Vector<Layer>>> f) {
        return f.apply(layer).filter(r -> !r.isEmpty()).map(Architectures::single).appendAll(inside(layer, f));
    }
}
