package io.github.purenet;

import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Networks that are stacks of dense layers, and their gradients, seen layer by layer: the view the
 * tests of dense results were written in.
 */
public final class Stacks {

    private Stacks() {
    }

    /** One dense layer's gradients (or updates): its weights and its bias. */
    public record Pair(Matrix weights, Matrix bias) {
    }

    /** @return the layers of a network of dense layers */
    public static Vector<Dense> layers(Network n) {
        return n.layers().map(l -> (Dense) l);
    }

    /** @return the gradients of a network of dense layers, layer by layer */
    public static Vector<Pair> layers(Gradients g) {
        return Vector.range(0, g.values().size() / 2).map(i -> new Pair(g.values().get(2 * i), g.values().get(2 * i + 1)));
    }

    /** @return the network of these dense layers */
    public static Network network(Seq<Dense> layers) {
        return Network.of(layers.toJavaArray(Dense[]::new));
    }

    /** @return gradients of a network of dense layers, from each layer's weights and bias */
    public static Gradients gradients(Seq<Pair> layers) {
        Vector<Pair> p = Vector.ofAll(layers);
        return new Gradients(
                Vector.range(0, p.size()).flatMap(i -> Vector.of("layers[" + i + "].weights", "layers[" + i + "].bias")),
                p.flatMap(l -> Vector.of(l.weights(), l.bias())));
    }
}
