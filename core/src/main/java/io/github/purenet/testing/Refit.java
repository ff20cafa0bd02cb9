package io.github.purenet.testing;

import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.IntFunction;

/**
 * Fits layers of flat examples to other widths, for shrinking: a layer keeps its first units,
 * inputs and outputs, and what it lacks is padded (parameters and running means with a fill value,
 * running variances with 1). A dense layer fits any widths; a layer that keeps its input's width
 * (an activation, dropout, a normalisation, a residual block without projection) fits only equal
 * ones; a sequence fits when its layers do, the last one that can set the width taking the
 * outputs. A user's layer with a maker is made again for the new width, keeping the first entries
 * of its parameters, when that changes the shapes of its parameters (its own output shape may not
 * say that its width is wrong); one without fits the widths its output shape takes.
 *
 * @param fill the value that pads parameters and running means
 * @param makers the makers of users' layers by kind, which give a layer for a width
 */
record Refit(double fill, Map<String, IntFunction<? extends Layer>> makers) {

    /** The width of a layer's output for {@code in} features, with the widths its dense layers have now. */
    static int width(Layer layer, int in) {
        if (layer instanceof Dense d) {
            return d.outputs();
        }
        if (layer instanceof Sequential s) {
            return widthOf(s.layers(), in);
        }
        if (layer instanceof Residual r) {
            return r.projection().isDefined() ? width(r.inner(), in) : in;
        }
        if (layer instanceof ActivationLayer || layer instanceof Dropout
                || layer instanceof LayerNorm || layer instanceof BatchNorm) {
            return in;
        }
        try {
            return layer.outputShape(Shape.of(in)).size();
        } catch (IllegalArgumentException e) {
            return in; // a user's layer made for another width, made again for this one when it is fitted
        }
    }

    /** The layer fitted to take {@code in} features and give {@code out}, or none if it cannot. */
    Option<Layer> fit(Layer layer, int in, int out) {
        if (layer instanceof Dense d) {
            return Option.some(new Dense(Values.refit(d.weights(), out, in, fill),
                    Values.refitColumns(d.bias(), out, fill), d.activation()));
        }
        if (layer instanceof Sequential s) {
            return all(s.layers(), in, out).map(Sequential::new);
        }
        if (layer instanceof Residual r) {
            if (r.projection().isEmpty()) {
                return in == out ? fit(r.inner(), in, in).map(Residual::of) : Option.none();
            }
            return fit(r.inner(), in, out).flatMap(i -> fit(r.projection().get(), in, out)
                    .map(p -> Residual.of(i, p)));
        }
        if (in != out) {
            return Option.none();
        }
        if (layer instanceof LayerNorm n) {
            return Option.some(new LayerNorm(Values.refitColumns(n.scale(), in, fill),
                    Values.refitColumns(n.offset(), in, fill), n.eps()));
        }
        if (layer instanceof BatchNorm b) {
            return Option.some(new BatchNorm(Values.refitColumns(b.scale(), in, fill),
                    Values.refitColumns(b.offset(), in, fill), Values.refitColumns(b.mean(), in, fill),
                    Values.refitColumns(b.variance(), in, 1.0), b.momentum(), b.eps()));
        }
        if (layer instanceof ActivationLayer || layer instanceof Dropout) {
            return Option.some(layer);
        }
        Option<IntFunction<? extends Layer>> maker = makers.get(layer.kind());
        if (maker.isEmpty()) {
            return takes(layer, in, out) ? Option.some(layer) : Option.none();
        }
        Layer made = maker.get().apply(in);
        if (!takes(made, in, out) || made.parameters().size() != layer.parameters().size()) {
            return Option.none();
        }
        boolean same = made.parameters().zipWith(layer.parameters(), (m, old) -> m.rows() == old.rows()
                && m.columns() == old.columns()).forAll(b -> b);
        return Option.some(same ? layer : made.withParameters(made.parameters().zipWith(layer.parameters(),
                (m, old) -> Values.refit(old, m.rows(), m.columns(), fill))));
    }

    private static boolean takes(Layer layer, int in, int out) {
        try {
            return layer.outputShape(Shape.of(in)).size() == out;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Layers in sequence fitted to take {@code in} features and give {@code out}: each keeps the
     * width it gives, except that the last takes the outputs, or, if it keeps its input's width,
     * passes them on to the layers before it.
     */
    Option<Vector<Layer>> all(Vector<Layer> layers, int in, int out) {
        if (layers.isEmpty()) {
            return in == out ? Option.some(Vector.empty()) : Option.none();
        }
        Vector<Layer> init = layers.init();
        int width = widthOf(init, in);
        Option<Vector<Layer>> kept = all(init, in, width).flatMap(before -> fit(layers.last(), width, out)
                .map(before::append));
        return kept.isDefined() || width == out ? kept
                : all(init, in, out).flatMap(before -> fit(layers.last(), out, out).map(before::append));
    }

    /** The width of the output of layers in sequence for {@code in} features. */
    static int widthOf(Vector<Layer> layers, int in) {
        int w = in;
        for (Layer l : layers) {
            w = width(l, w);
        }
        return w;
    }
}
