package io.github.purenet.checkpoint;

import io.github.purenet.activation.Activation;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * A network in format version 2, as {@link LayerWriter} writes it. Every layer is checked where
 * it stands in the document, before the network is built: its fields, its path (which must be its
 * place in the tree), its settings, the shapes of its parameters and state (a mismatch names the
 * parameter's path, such as {@code layers[2].inner.layers[1].offset}), and the shape it is given by
 * the layers before it. {@link ImageReader} reads the image layers' settings. A layer of the user's own is rebuilt from its registered prototype.
 *
 * @param decoder the decoder of the document, for matrices and activations
 */
record LayerReader(Decoder decoder) {

    /** A layer read, and the shape of its output for the input it is given. */
    private record Read(Layer layer, Shape output) {
    }

    Network network(At at) {
        at.fields("input_shape", "layers");
        Shape input = shape(at.field("input_shape"));
        Vector<Layer> layers = sequence(at.field("layers"), "", input).map(Read::layer);
        return Decoder.build(at, () -> Network.of(input, layers));
    }

    /** The shape of one example, as its dimensions: {@code [784]}, {@code [28, 28, 1]}. */
    static Shape shape(At at) {
        Vector<At> dims = at.elements();
        if (dims.isEmpty()) {
            throw at.error("expected at least one dimension, such as [784] or [28, 28, 1]");
        }
        Vector<Integer> sizes = dims.map(d -> (int) d.integer(1, Integer.MAX_VALUE));
        return Decoder.build(at, () -> Shape.of(sizes));
    }

    /** The layers of an array, at {@code path.layers[i]}, each given the output of the one before. */
    private Vector<Read> sequence(At array, String path, Shape input) {
        Vector<At> items = array.elements();
        if (items.isEmpty()) {
            throw array.error("expected at least one layer");
        }
        Vector<Read> read = Vector.empty();
        Shape shape = input;
        for (int i = 0; i < items.size(); i++) {
            Read r = layer(items.get(i), (path.isEmpty() ? "" : path + ".") + "layers[" + i + "]", shape);
            read = read.append(r);
            shape = r.output();
        }
        return read;
    }

    private Read layer(At at, String path, Shape input) {
        String kind = at.field("kind").text();
        if (kind.equals("sequential")) {
            at.fields("kind", "path", "layers");
            requirePath(at, path);
            Vector<Read> children = sequence(at.field("layers"), path, input);
            return new Read(new Sequential(children.map(Read::layer)), children.last().output());
        }
        if (kind.equals("residual")) {
            return residual(at, path, input);
        }
        Layer layer = switch (kind) {
            case "dense" -> dense(at, path);
            case "activation" -> {
                leaf(at, path, "activation");
                matrices(at.field("parameters"), Vector.empty());
                matrices(at.field("state"), Vector.empty());
                yield new ActivationLayer(decoder.activation(at.field("activation")));
            }
            case "dropout" -> {
                leaf(at, path, "rate");
                matrices(at.field("parameters"), Vector.empty());
                matrices(at.field("state"), Vector.empty());
                double rate = at.field("rate").number();
                yield build(at.field("rate"), path, () -> new Dropout(rate));
            }
            case "layer_norm" -> layerNorm(at, path);
            case "batch_norm" -> batchNorm(at, path);
            case "conv2d" -> new ImageReader(this).conv2d(at, path);
            case "max_pool2d", "avg_pool2d" -> new ImageReader(this).pool(at, path, kind);
            case "global_average_pool" -> new ImageReader(this).globalAveragePool(at, path);
            case "flatten" -> new ImageReader(this).flatten(at, path);
            default -> custom(at, path, kind);
        };
        try {
            return new Read(layer, layer.outputShape(input));
        } catch (RuntimeException e) {
            throw at.error(path + ": " + e.getMessage());
        }
    }

    /**
     * Checks the fields of a layer that is not a container (its kind, path, settings, parameters
     * and state) and its path.
     */
    static void leaf(At at, String path, String... settings) {
        at.fields(Vector.of("kind", "path").appendAll(Vector.of(settings)).appendAll(Vector.of("parameters", "state"))
                .toJavaArray(String[]::new));
        requirePath(at, path);
    }

    private static void requirePath(At at, String expected) {
        String actual = at.field("path").text();
        if (!actual.equals(expected)) {
            throw at.field("path").error("expected \"" + expected + "\", the layer's place in the network, got "
                    + At.quote(actual));
        }
    }

    private Read residual(At at, String path, Shape input) {
        at.fields("kind", "path", "inner", "projection");
        requirePath(at, path);
        Read inner = layer(at.field("inner"), path + ".inner", input);
        At p = at.field("projection");
        Option<Read> projection = p.node().isNull() ? Option.none() : Option.some(layer(p, path + ".projection", input));
        Shape skip = projection.map(Read::output).getOrElse(input);
        if (!inner.output().equals(skip)) {
            throw at.error(path + ": the residual's inner layers give shape " + inner.output() + " but its "
                    + (projection.isDefined() ? "projection gives " + skip
                            : "input is " + skip + ": add a projection to shape " + inner.output()));
        }
        return new Read(new Residual(inner.layer(), projection.map(Read::layer)), inner.output());
    }

    private Dense dense(At at, String path) {
        leaf(at, path, "activation");
        Activation f = decoder.activation(at.field("activation"));
        At p = at.field("parameters");
        Vector<Matrix> wb = matrices(p, Vector.of("weights", "bias"));
        matrices(at.field("state"), Vector.empty());
        return build(p.field("bias"), path + ".bias", () -> new Dense(wb.get(0), wb.get(1), f));
    }

    private LayerNorm layerNorm(At at, String path) {
        leaf(at, path, "eps");
        double eps = at.field("eps").number();
        At p = at.field("parameters");
        Vector<Matrix> so = matrices(p, Vector.of("scale", "offset"));
        matrices(at.field("state"), Vector.empty());
        requireRows(p, path, so, Vector.of("scale", "offset"));
        return build(at.field("eps"), path, () -> new LayerNorm(so.get(0), so.get(1), eps));
    }

    private BatchNorm batchNorm(At at, String path) {
        leaf(at, path, "momentum", "eps");
        double momentum = at.field("momentum").number();
        double eps = at.field("eps").number();
        At p = at.field("parameters");
        At s = at.field("state");
        Vector<Matrix> so = matrices(p, Vector.of("scale", "offset"));
        Vector<Matrix> mv = matrices(s, Vector.of("mean", "variance"));
        requireRows(p, path, so, Vector.of("scale", "offset"));
        requireLike(s.field("mean"), path + ".mean", mv.get(0), path + ".scale", so.get(0));
        requireLike(s.field("variance"), path + ".variance", mv.get(1), path + ".scale", so.get(0));
        Matrix variance = mv.get(1);
        for (int j = 0; j < variance.columns(); j++) {
            if (variance.get(0, j) < 0.0) { // NaN and infinities are a diverged run's, which may be stored
                throw s.field("variance").error(path + ".variance: entry (0, " + j + ") is " + variance.get(0, j)
                        + "; a running variance is not negative");
            }
        }
        // the record checks momentum first, so that each setting is refused at its own place
        build(at.field("momentum"), path, () -> new BatchNorm(so.get(0), so.get(1), mv.get(0), variance, momentum,
                BatchNorm.EPS));
        return build(at.field("eps"), path, () -> new BatchNorm(so.get(0), so.get(1), mv.get(0), variance, momentum,
                eps));
    }

    /** A layer of the user's own: the prototype registered under its kind, with the document's matrices. */
    private Layer custom(At at, String path, String kind) {
        CustomLayer prototype = decoder.registry().layers().get(kind).getOrElseThrow(() -> at.field("kind").error(
                "unknown layer kind " + At.quote(kind) + ": the built-in kinds are " + Registry.builtInKinds().mkString(", ")
                        + ", and a layer of your own is read by a codec that knows it: register it with "
                        + "Codec.withLayer(prototype), a layer named " + At.quote(kind) + (decoder.registry().layers()
                        .isEmpty() ? "" : " (this codec knows " + decoder.registry().layers().keySet().mkString(", ")
                        + ")")));
        leaf(at, path);
        Vector<Matrix> parameters = fitting(at.field("parameters"), path, kind, prototype.parameterNames(),
                prototype.parameters());
        Vector<Matrix> state = fitting(at.field("state"), path, kind, prototype.stateNames(), prototype.state());
        return build(at, path, () -> {
            Layer layer = prototype.withParameters(parameters);
            return state.isEmpty() ? layer : layer.withState(state);
        });
    }

    /** The matrices of an object by name, each of the shape of the prototype's matrix of that name. */
    private Vector<Matrix> fitting(At at, String path, String kind, Vector<String> names, Vector<Matrix> shapes) {
        Vector<Matrix> values = matrices(at, names);
        for (int i = 0; i < names.size(); i++) {
            requireLike(at.field(names.get(i)), path + "." + names.get(i), values.get(i),
                    "the registered '" + kind + "' layer's " + names.get(i), shapes.get(i));
        }
        return values;
    }

    /** An object of exactly these names, each a matrix. */
    Vector<Matrix> matrices(At at, Vector<String> names) {
        at.fields(names.toJavaArray(String[]::new));
        return names.map(n -> decoder.matrix(at.field(n)));
    }

    /** Rows of one shape: the first {@code 1 x n}, the others like it. */
    private static void requireRows(At at, String path, Vector<Matrix> rows, Vector<String> names) {
        if (rows.head().rows() != 1) {
            throw at.field(names.head()).error(path + "." + names.head() + ": expected a row, 1 x n, got "
                    + rows.head().shape());
        }
        for (int i = 1; i < rows.size(); i++) {
            requireLike(at.field(names.get(i)), path + "." + names.get(i), rows.get(i), path + "." + names.head(),
                    rows.head());
        }
    }

    private static void requireLike(At at, String name, Matrix m, String reference, Matrix r) {
        if (m.rows() != r.rows() || m.columns() != r.columns()) {
            throw at.error(name + ": expected " + r.shape() + ", the shape of " + reference + ", got " + m.shape());
        }
    }

    /** Builds a value, turning a refusal into an error at a place that names the layer or parameter. */
    static <T> T build(At at, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (RuntimeException e) {
            throw at.error(path + ": " + e.getMessage());
        }
    }
}
