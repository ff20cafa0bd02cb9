package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/** The summary table and the short text of a network, walking its tree of layers. */
final class Summaries {

    private Summaries() {
    }

    /** Every layer, containers too, depth first; a container's row counts none of its children's parameters. */
    static Summary of(Network network) {
        return new Summary(network.input(), rows("", network.body(), network.input()).tail());
    }

    private static Vector<Summary.Row> rows(String path, Layer layer, Shape input) {
        Shape output = layer.outputShape(input);
        Vector<Summary.Row> own = path.isEmpty() ? Vector.of((Summary.Row) null)
                : Vector.of(new Summary.Row(path, kind(layer), output, own(layer, layer.parameters()),
                        own(layer, layer.state())));
        if (layer instanceof Sequential s) {
            Vector<Summary.Row> rows = own;
            Shape shape = input;
            for (int i = 0; i < s.layers().size(); i++) {
                rows = rows.appendAll(rows(Layers.join(path, Sequential.segment(i)), s.layers().get(i), shape));
                shape = s.layers().get(i).outputShape(shape);
            }
            return rows;
        }
        if (layer instanceof Residual r) {
            return own.appendAll(rows(Layers.join(path, "inner"), r.inner(), input))
                    .appendAll(r.projection().toVector().flatMap(p -> rows(Layers.join(path, "projection"), p, input)));
        }
        return own;
    }

    /** The numbers in a layer's own matrices (its parameters or its state); a container's are its children's. */
    private static long own(Layer layer, Vector<Matrix> matrices) {
        if (layer instanceof Sequential || layer instanceof Residual) {
            return 0;
        }
        return matrices.map(m -> (long) m.rows() * m.columns()).sum().longValue();
    }

    /** A layer's kind and settings in a few words, such as {@code dense relu}. */
    static String kind(Layer layer) {
        if (layer instanceof Dense d) {
            return "dense " + d.activation().name();
        }
        if (layer instanceof Conv2D c) {
            return "conv2d " + c.kernelHeight() + "x" + c.kernelWidth() + "/" + c.stride() + " " + c.padding().label()
                    + " " + c.activation().name();
        }
        if (layer instanceof MaxPool2D p) {
            return "max_pool2d " + p.windowHeight() + "x" + p.windowWidth() + "/" + p.stride();
        }
        if (layer instanceof AvgPool2D p) {
            return "avg_pool2d " + p.windowHeight() + "x" + p.windowWidth() + "/" + p.stride();
        }
        if (layer instanceof ActivationLayer a) {
            return "activation " + a.activation().name();
        }
        if (layer instanceof Dropout d) {
            return "dropout " + d.rate();
        }
        if (layer instanceof Residual r) {
            return r.projection().isDefined() ? "residual, projected" : "residual";
        }
        return layer.kind();
    }

    /** The short text of {@link Network#toString()}. */
    static String brief(Network network) {
        if (network.input().rank() == 1 && network.layers().forAll(l -> l instanceof Dense)) {
            Vector<Dense> dense = network.layers().map(l -> (Dense) l);
            return "Network[" + network.inputs() + dense.map(l -> "-" + l.outputs()).mkString()
                    + " " + dense.map(l -> l.activation().name()).mkString(",") + "]";
        }
        return "Network[" + network.input() + " " + network.layers().map(Summaries::brief).mkString(", ") + "]";
    }

    /** A pool's window, and its stride when the windows are not square and side by side: {@code 2x2}, {@code 3x3/2}. */
    private static String window(int height, int width, int stride) {
        return height + "x" + width + (height == width && width == stride ? "" : "/" + stride);
    }

    private static String brief(Layer layer) {
        if (layer instanceof Dense d) {
            return "dense(" + d.outputs() + " " + d.activation().name() + ")";
        }
        if (layer instanceof Conv2D c) {
            String moves = c.stride() == 1 && c.padding() == Padding.VALID ? ""
                    : "/" + c.stride() + " " + c.padding().label();
            return "conv2d(" + c.filters() + " " + c.kernelHeight() + "x" + c.kernelWidth() + moves + " "
                    + c.activation().name() + ")";
        }
        if (layer instanceof MaxPool2D p) {
            return "max_pool2d(" + window(p.windowHeight(), p.windowWidth(), p.stride()) + ")";
        }
        if (layer instanceof AvgPool2D p) {
            return "avg_pool2d(" + window(p.windowHeight(), p.windowWidth(), p.stride()) + ")";
        }
        if (layer instanceof ActivationLayer a) {
            return a.activation().name();
        }
        if (layer instanceof Dropout d) {
            return "dropout(" + d.rate() + ")";
        }
        if (layer instanceof Sequential s) {
            return s.layers().map(Summaries::brief).mkString("(", ", ", ")");
        }
        if (layer instanceof Residual r) {
            Layer inner = r.inner();
            String body = inner instanceof Sequential s ? s.layers().map(Summaries::brief).mkString(", ") : brief(inner);
            return "residual(" + body + r.projection().map(p -> "; projection " + brief(p)).getOrElse("") + ")";
        }
        return layer.kind();
    }
}
