package io.github.purenet.testing;

import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Fits layers of flat examples to other widths, for shrinking: a layer keeps its first units,
 * inputs and outputs, and what it lacks is padded (parameters and running means with a fill value,
 * running variances with 1). A dense layer fits any widths; a layer that keeps its input's width
 * (an activation, dropout, a normalisation, a residual block without projection) fits only equal
 * ones; a sequence fits when its layers do, the last one that can set the width taking the
 * outputs.
 */
final class Refit {

    private Refit() {
    }

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
        if (layer instanceof CustomLayer c) {
            try {
                return c.outputShape(Shape.of(in)).size();
            } catch (IllegalArgumentException e) {
                return in;
            }
        }
        return in;
    }

    /** The layer fitted to take {@code in} features and give {@code out}, or none if it cannot. */
    static Option<Layer> fit(Layer layer, int in, int out, double fill) {
        if (layer instanceof Dense d) {
            return Option.some(new Dense(Values.refit(d.weights(), out, in, fill),
                    Values.refitColumns(d.bias(), out, fill), d.activation()));
        }
        if (layer instanceof Sequential s) {
            return all(s.layers(), in, out, fill).map(Sequential::new);
        }
        if (layer instanceof Residual r) {
            if (r.projection().isEmpty()) {
                return in == out ? fit(r.inner(), in, in, fill).map(Residual::of) : Option.none();
            }
            return fit(r.inner(), in, out, fill).flatMap(i -> fit(r.projection().get(), in, out, fill)
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
        try {
            return layer.outputShape(Shape.of(in)).size() == out ? Option.some(layer) : Option.none();
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    /**
     * Layers in sequence fitted to take {@code in} features and give {@code out}: each keeps the
     * width it gives, except that the last takes the outputs, or, if it keeps its input's width,
     * passes them on to the layers before it.
     */
    static Option<Vector<Layer>> all(Vector<Layer> layers, int in, int out, double fill) {
        if (layers.isEmpty()) {
            return in == out ? Option.some(Vector.empty()) : Option.none();
        }
        Vector<Layer> init = layers.init();
        int width = widthOf(init, in);
        Option<Vector<Layer>> kept = all(init, in, width, fill)
                .flatMap(before -> fit(layers.last(), width, out, fill).map(before::append));
        return kept.isDefined() || width == out ? kept
                : all(init, in, out, fill).flatMap(before -> fit(layers.last(), out, out, fill).map(before::append));
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
