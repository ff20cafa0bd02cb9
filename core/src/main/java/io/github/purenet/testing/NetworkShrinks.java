package io.github.purenet.testing;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Softmax;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The shrink candidates of a generated network, within the bounds of its {@link NetworkGenerator}.
 *
 * <p>Every candidate is strictly simpler in this order: fewer layers, blocks counted (a layer or a
 * block removed, a block unwrapped, a projection dropped); else a smaller sum of the widths of the
 * dense layers (outputs included); else fewer inputs; else activations earlier in their lists;
 * else simpler numbers (fewer parameters, running statistics and dropout rates away from their
 * origin, or as many with fewer decimals). After a change of structure or width the layers are
 * {@link Refit fitted} again to the inputs and outputs, so that the shapes stay valid. Only the
 * last units, inputs and outputs are removed, so a companion of the network (a batch of inputs, a
 * matrix of targets) shrinks with it by keeping its first columns.
 *
 * <p>A network of images keeps its image: its stem ({@link ImageStems}) goes as a whole (the layers
 * after it then take the image's entries as flat inputs) or loses one of its layers before the
 * exit (the layers after it fitted to the shapes that follow); the image loses its last rows (to
 * one row, or one row fewer), which are the last inputs, when every kernel and window still fits;
 * the layers after the stem shrink as those of a network of flat examples do, and every number
 * shrinks alike.
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
        Option<Vector<Layer>> found = ImageStems.of(n);
        if (found.isEmpty()) {
            return simpler(g, n).distinct().filter(c -> !c.equals(n));
        }
        Vector<Layer> stem = found.get();
        Shape input = n.input();
        int in = width(input, stem);
        Vector<Layer> layers = n.layers().drop(stem.size());
        Vector<Layer> hidden = layers.init();
        Layer head = layers.last();
        int out = n.outputs();
        Vector<Network> candidates = stem.isEmpty() ? Vector.empty()
                : build(g, Shape.of(n.inputs()), Vector.empty(), layers, n.inputs(), out).toVector();
        for (int i = 0; i < stem.size() - 1; i++) {
            candidates = candidates.appendAll(ImageStems.fit(stem.removeAt(i), input, Values.origin(g.low, g.high))
                    .flatMap(s -> build(g, input, s, layers, width(input, s), out)));
        }
        candidates = candidates.appendAll(Trees.everywhere(hidden, NetworkShrinks::structural)
                .flatMap(h -> build(g, input, stem, h.append(head), in, out)));
        if (!hidden.isEmpty() && hidden.last() instanceof Dense d && g.last.contains(d.activation())) {
            candidates = candidates.appendAll(build(g, input, stem, hidden, in, out));
        }
        int widths = widths(n);
        candidates = candidates.appendAll(Trees.everywhere(hidden, l -> narrower(g, l))
                .flatMap(h -> build(g, input, stem, h.append(head), in, out)).filter(c -> widths(c) < widths));
        if (out > g.minOutputs) {
            candidates = candidates.appendAll(build(g, input, stem, layers, in, g.minOutputs))
                    .appendAll(build(g, input, stem, layers, in, out - 1));
        }
        if (!stem.isEmpty() && input.height() > 1) {
            for (int h : Vector.of(1, input.height() - 1).distinct()) {
                Shape fewerRows = Shape.of(h, input.width(), input.channels());
                candidates = candidates.appendAll(ImageStems.fit(stem, fewerRows, Values.origin(g.low, g.high))
                        .flatMap(s -> build(g, fewerRows, s, layers, width(fewerRows, s), out)));
            }
        }
        if (stem.isEmpty() && in > g.minInputs) {
            candidates = candidates.appendAll(build(g, Shape.of(g.minInputs), stem, layers, g.minInputs, out))
                    .appendAll(build(g, Shape.of(in - 1), stem, layers, in - 1, out));
        }
        for (int i = 0; i < stem.size(); i++) {
            for (Vector<Layer> r : simplest(stem.get(i), g.hidden)) {
                candidates = candidates.appendAll(build(g, input, stem.update(i, r.head()), layers, in, out));
            }
        }
        candidates = candidates.appendAll(Trees.everywhere(hidden, l -> simplest(l, g.hidden))
                .flatMap(h -> build(g, input, stem, h.append(head), in, out)));
        for (Vector<Layer> h : simplest(head, g.last)) {
            candidates = candidates.appendAll(build(g, input, stem, hidden.appendAll(h), in, out));
        }
        return candidates.appendAll(simpler(g, n)).distinct().filter(c -> !c.equals(n));
    }

    /** The width of a stem's flat output for images of a shape; the input's size without a stem. */
    private static int width(Shape input, Vector<Layer> stem) {
        return stem.isEmpty() ? input.size() : Network.of(input, stem).outputShape().size();
    }

    /** What may replace a layer with fewer layers: nothing; a block's layers; a residual block without its projection. */
    private static Vector<Vector<Layer>> structural(Layer layer) {
        Vector<Vector<Layer>> removed = Vector.of(Vector.empty());
        if (layer instanceof Sequential s) {
            return removed.append(s.layers());
        }
        if (layer instanceof Residual r) {
            Layer inner = r.inner();
            Vector<Vector<Layer>> unwrapped = removed.append(inner instanceof Sequential s ? s.layers() : Vector.of(inner))
                    .append(Vector.of(inner));
            return r.projection().isDefined() ? unwrapped.append(Vector.of(Residual.of(inner))) : unwrapped;
        }
        return removed;
    }

    /** A dense layer with its first units only: as few as the bounds allow, and one fewer. */
    private static Vector<Vector<Layer>> narrower(NetworkGenerator g, Layer layer) {
        if (layer instanceof Dense d && d.outputs() > g.minWidth) {
            return Vector.of(g.minWidth, d.outputs() - 1).map(w -> Vector.of(new Dense(Values.firstRows(d.weights(), w),
                    Values.firstColumns(d.bias(), w), d.activation())));
        }
        return Vector.empty();
    }

    /** A layer whose activation is in a list but not its first, with the first (a convolution's, unless it is softmax). */
    private static Vector<Vector<Layer>> simplest(Layer layer, Vector<Activation> activations) {
        Activation first = activations.head();
        if (layer instanceof Dense d && activations.contains(d.activation()) && !d.activation().equals(first)) {
            return Vector.of(Vector.of(new Dense(d.weights(), d.bias(), first)));
        }
        if (layer instanceof ActivationLayer a && activations.contains(a.activation()) && !a.activation().equals(first)) {
            return Vector.of(Vector.of(ActivationLayer.of(first)));
        }
        if (layer instanceof Conv2D c && activations.contains(c.activation()) && !c.activation().equals(first)
                && !(first instanceof Softmax)) {
            return Vector.of(Vector.of(new Conv2D(c.weights(), c.bias(), c.input(), c.kernelHeight(), c.kernelWidth(),
                    c.stride(), c.padding(), first)));
        }
        return Vector.empty();
    }

    /**
     * Simpler numbers: everything at its origin (parameters at the weights' range's, running means
     * there and variances 1, dropout rates and momenta 0); every parameter but the weights at the
     * origin; all rounded to 0, 1 and 2 decimals where that stays in range.
     */
    private static Vector<Network> simpler(NetworkGenerator g, Network n) {
        UnaryOperator<Matrix> origin = m -> Values.atOrigin(m, g.low, g.high);
        Network zero = settings(withParameters(n, (path, m) -> origin.apply(m)), r -> 0.0, m -> 0.0)
                .withState(state(n, origin, m -> Matrix.filled(m.rows(), m.columns(), 1.0)));
        Vector<Network> candidates = Vector.of(zero, withParameters(n, (path, m) -> path.endsWith(".weights") ? m
                : origin.apply(m)));
        for (int k = 0; k <= 2; k++) {
            int decimals = k;
            Network rounded = withParameters(n, (path, m) -> Values.rounded(m, decimals, g.low, g.high))
                    .withState(state(n, m -> Values.rounded(m, decimals, g.low, g.high),
                            m -> Values.rounded(m, decimals, Architectures.MIN_VARIANCE, Architectures.MAX_VARIANCE)));
            candidates = candidates.append(settings(rounded, r -> round(r, decimals, Architectures.MAX_RATE),
                    m -> round(m, decimals, 1.0)));
        }
        return candidates;
    }

    /** A number rounded to some decimals if that leaves it in {@code [0, bound)}, else the number. */
    private static double round(double x, int decimals, double bound) {
        double r = Values.round(x, decimals);
        return r >= 0.0 && r < bound ? r : x;
    }

    private static Network withParameters(Network n, BiFunction<String, Matrix, Matrix> f) {
        return n.withParameters(n.parameterPaths().zipWith(n.parameters(), f));
    }

    /** The network's state with the running means and the running variances mapped. */
    private static Vector<Matrix> state(Network n, UnaryOperator<Matrix> means, UnaryOperator<Matrix> variances) {
        return n.statePaths().zipWith(n.state(), (path, m) -> path.endsWith(".variance") ? variances.apply(m)
                : means.apply(m));
    }

    /** The network with its dropout rates and batch normalisations' momenta mapped. */
    private static Network settings(Network n, UnaryOperator<Double> rates, UnaryOperator<Double> momenta) {
        return Trees.mapLeaves(n, l -> l instanceof Dropout d ? Dropout.of(rates.apply(d.rate()))
                : l instanceof BatchNorm b ? new BatchNorm(b.scale(), b.offset(), b.mean(), b.variance(),
                        momenta.apply(b.momentum()), b.eps())
                : l);
    }

    /** The sum of the widths of the dense layers. */
    static int widths(Network n) {
        return Trees.leaves(n).map(l -> l instanceof Dense d ? d.outputs() : 0).sum().intValue();
    }

    /**
     * The network of a stem (none for flat examples) and of these layers fitted to the stem's
     * {@code in} features and the outputs, if they fit and it is within the bounds.
     */
    private static Option<Network> build(NetworkGenerator g, Shape input, Vector<Layer> stem, Vector<Layer> layers,
            int in, int out) {
        return new Refit(Values.origin(g.low, g.high), g.kinds.makers()).all(layers, in, out)
                .map(l -> Network.of(input, stem.appendAll(l))).filter(n -> within(g, n));
    }

    private static boolean within(NetworkGenerator g, Network n) {
        int count = n.layers().size();
        return count >= g.minLayers && count <= g.maxLayers && n.inputs() >= g.minInputs && n.inputs() <= g.maxInputs
                && n.outputs() >= g.minOutputs && n.outputs() <= g.maxOutputs
                && n.layers().last() instanceof Dense d && g.last.contains(d.activation());
    }
}
