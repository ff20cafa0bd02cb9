package io.github.purenet.testing;

import io.github.purenet.activation.Activation;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.function.UnaryOperator;

/**
 * The shrink candidates of a generated network, within the bounds of its {@link NetworkGenerator}.
 *
 * <p>Layers are removed so that the network keeps its inputs and outputs: a hidden layer goes,
 * and the next layer takes its inputs; or the last layer goes, and the one before it, if its
 * activation may end the network, takes the outputs. Every candidate is strictly simpler in this
 * order: fewer layers; else a smaller sum of
 * widths (outputs included); else fewer inputs; else activations earlier in their lists; else
 * fewer parameters away from the origin, or the same number with fewer decimals. Only the last
 * units, inputs and outputs are removed, so a companion of the network (a batch of inputs, a
 * matrix of targets) shrinks with it by keeping its first columns.
 */
final class NetworkShrinks {

    private NetworkShrinks() {
    }

    /**
     * The candidates, largest steps first, each once and none equal to the network.
     *
     * @param g the generator that made the network
     * @param n the network
     * @return the candidates
     */
    static Vector<Network> of(NetworkGenerator g, Network n) {
        Vector<Dense> layers = dense(n);
        int count = layers.size();
        Vector<Network> candidates = Vector.empty();
        double origin = Values.origin(g.low, g.high);
        for (int l = 0; l < count - 1 && count > g.minLayers; l++) {
            candidates = candidates.append(withoutLayer(n, l, origin));
        }
        if (count > g.minLayers && count > 1 && g.last.contains(layers.get(count - 2).activation())) {
            candidates = candidates.append(withoutLastLayer(n, origin));
        }
        for (int l = 0; l < count - 1; l++) {
            int width = layers.get(l).outputs();
            if (width > g.minWidth) {
                candidates = candidates.append(narrowed(n, l, g.minWidth)).append(narrowed(n, l, width - 1));
            }
        }
        if (n.outputs() > g.minOutputs) {
            candidates = candidates.append(narrowed(n, count - 1, g.minOutputs))
                    .append(narrowed(n, count - 1, n.outputs() - 1));
        }
        if (n.inputs() > g.minInputs) {
            candidates = candidates.append(withInputs(n, g.minInputs)).append(withInputs(n, n.inputs() - 1));
        }
        for (int l = 0; l < count; l++) {
            Activation simplest = (l == count - 1 ? g.last : g.hidden).head();
            if (!layers.get(l).activation().equals(simplest)) {
                candidates = candidates.append(withActivation(n, l, simplest));
            }
        }
        candidates = candidates
                .append(mapParameters(n, w -> Values.atOrigin(w, g.low, g.high), b -> Values.atOrigin(b, g.low, g.high)))
                .append(mapParameters(n, w -> w, b -> Values.atOrigin(b, g.low, g.high)));
        for (int k = 0; k <= 2; k++) {
            int decimals = k;
            UnaryOperator<Matrix> round = m -> Values.rounded(m, decimals, g.low, g.high);
            candidates = candidates.append(mapParameters(n, round, round));
        }
        return candidates.distinct().filter(c -> !c.equals(n));
    }

    /** Without hidden layer {@code l}: the next layer takes its inputs, keeping its first weights, padded. */
    static Network withoutLayer(Network n, int l, double fill) {
        Dense removed = dense(n).get(l);
        Dense next = dense(n).get(l + 1);
        Dense refitted = new Dense(Values.refitColumns(next.weights(), removed.inputs(), fill), next.bias(),
                next.activation());
        return net(dense(n).removeAt(l + 1).update(l, refitted));
    }

    /**
     * Without the last layer: the layer before it becomes the last, keeping its activation and its
     * first units, padded to the network's outputs.
     */
    static Network withoutLastLayer(Network n, double fill) {
        Dense before = dense(n).get(dense(n).size() - 2);
        int outputs = n.outputs();
        Dense last = new Dense(Values.refitRows(before.weights(), outputs, fill),
                Values.refitColumns(before.bias(), outputs, fill), before.activation());
        return net(dense(n).dropRight(2).append(last));
    }

    /** Layer {@code l} keeps its first {@code width} units; the next layer, if any, their weights. */
    static Network narrowed(Network n, int l, int width) {
        Dense d = dense(n).get(l);
        Vector<Dense> layers = dense(n).update(l, new Dense(Values.firstRows(d.weights(), width),
                Values.firstColumns(d.bias(), width), d.activation()));
        if (l + 1 < layers.size()) {
            Dense next = layers.get(l + 1);
            layers = layers.update(l + 1, new Dense(Values.firstColumns(next.weights(), width), next.bias(),
                    next.activation()));
        }
        return net(layers);
    }

    /** The network on its first {@code inputs} inputs. */
    static Network withInputs(Network n, int inputs) {
        Dense first = dense(n).head();
        return net(dense(n).update(0, new Dense(Values.firstColumns(first.weights(), inputs), first.bias(),
                first.activation())));
    }

    /** Layer {@code l} with another activation. */
    static Network withActivation(Network n, int l, Activation activation) {
        Dense d = dense(n).get(l);
        return net(dense(n).update(l, new Dense(d.weights(), d.bias(), activation)));
    }

    /** Every layer's weights and bias mapped. */
    static Network mapParameters(Network n, UnaryOperator<Matrix> weights,
            UnaryOperator<Matrix> bias) {
        return net(dense(n).map(d -> new Dense(weights.apply(d.weights()), bias.apply(d.bias()),
                d.activation())));
    }

    /** The layers of a network of dense layers, as the generator makes them. */
    static Vector<Dense> dense(Network n) {
        return n.layers().map(l -> (Dense) l);
    }

    private static Network net(Vector<Dense> layers) {
        return Network.of(layers.toJavaArray(Dense[]::new));
    }
}
