package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The walks over a tree of layers behind {@link Layer} and {@link Network}: shape inference with
 * paths, the layers that depend on the mode, counting, listing and replacing parameters and state.
 * The forward and backward passes are {@link Passes}.
 */
final class Layers {

    private Layers() {
    }

    /** Throws the standard message when a layer is given an input shape other than the one it takes. */
    static void requireInput(Shape expected, Shape actual) {
        Objects.requireNonNull(actual, "input is null");
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("expected input shape " + expected + ", got " + actual);
        }
    }

    /** Checks replacement values against the current ones: as many, each of the same shape. */
    static void requireShapes(String what, Supplier<Vector<String>> names, Vector<Matrix> current,
            Vector<Matrix> given) {
        Objects.requireNonNull(given, () -> what + " is null");
        if (given.size() != current.size()) {
            throw new IllegalArgumentException(what + ": expected " + current.size() + " matrices "
                    + names.get().mkString("[", ", ", "]") + ", got " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            Matrix g = given.get(i);
            if (g == null) {
                throw new NullPointerException(what + ": " + names.get().get(i) + " is null");
            }
            Matrix c = current.get(i);
            if (g.rows() != c.rows() || g.columns() != c.columns()) {
                throw new IllegalArgumentException(what + ": " + names.get().get(i) + " must be " + c.shape() + ", got "
                        + g.shape());
            }
        }
    }

    /**
     * A layer with other values of its parameters (or of its state), rebuilt from the leaves without
     * listing the tree's values first: each leaf takes its part of {@code values} and checks it, and
     * a leaf's refusal is prefixed with its path.
     *
     * @param what {@code "parameters"} or {@code "state"}, for the messages
     */
    static Layer rebuild(String what, Layer layer, Vector<Matrix> values) {
        boolean state = what.equals("state");
        Objects.requireNonNull(values, () -> what + " is null");
        int expected = count(layer, state);
        if (values.size() != expected) {
            Vector<String> names = state ? layer.stateNames() : layer.parameterNames();
            throw new IllegalArgumentException(what + ": expected " + expected + " matrices "
                    + names.mkString("[", ", ", "]") + ", got " + values.size());
        }
        return expected == 0 ? layer : rebuild(layer, values, 0, state); // a refusal's message names the path
    }

    /**
     * The rebuilt layer; a leaf's refusal is a {@link Refused} to which each container adds its
     * child's segment on the way up, so that no path is built unless something is refused.
     */
    private static Layer rebuild(Layer layer, Vector<Matrix> values, int from, boolean state) {
        if (layer instanceof Sequential s) {
            Layer[] children = new Layer[s.layers().size()]; // filled here, then handed to the vector
            int offset = from;
            for (int i = 0; i < children.length; i++) {
                Layer child = s.layers().get(i);
                int n = count(child, state);
                try {
                    children[i] = n == 0 ? child : rebuild(child, values, offset, state);
                } catch (Refused e) {
                    throw e.under(Sequential.segment(i));
                }
                offset += n;
            }
            return new Sequential(Vector.of(children));
        }
        if (layer instanceof Residual r) {
            int n = count(r.inner(), state);
            Layer inner;
            try {
                inner = n == 0 ? r.inner() : rebuild(r.inner(), values, from, state);
            } catch (Refused e) {
                throw e.under("inner");
            }
            try {
                return new Residual(inner, r.projection().map(p -> count(p, state) == 0 ? p
                        : rebuild(p, values, from + n, state)));
            } catch (Refused e) {
                throw e.under("projection");
            }
        }
        if (!state && layer instanceof Dense d) { // the common leaf, without the vectors of the general case
            Matrix w = values.get(from);
            Matrix b = values.get(from + 1);
            if (w != null && b != null && sameShape(w, d.weights()) && sameShape(b, d.bias())) {
                return new Dense(w, b, d.activation());
            }
        }
        Vector<Matrix> part = values.subSequence(from, from + count(layer, state));
        try {
            return state ? layer.withState(part) : layer.withParameters(part);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), e);
        }
    }

    private static boolean sameShape(Matrix a, Matrix b) {
        return a.rows() == b.rows() && a.columns() == b.columns();
    }

    /** The trainable matrices of a layer and every layer below it, in the order of the leaves. */
    static Vector<Matrix> parameters(Layer layer) {
        Matrix[] all = new Matrix[parameterCount(layer)]; // filled here, then handed to the vector
        collect(layer, all, 0);
        return Vector.of(all);
    }

    private static int collect(Layer layer, Matrix[] all, int from) {
        if (layer instanceof Dense d) {
            all[from] = d.weights();
            all[from + 1] = d.bias();
            return from + 2;
        }
        if (layer instanceof Sequential s) {
            int next = from;
            for (Layer l : s.layers()) {
                next = collect(l, all, next);
            }
            return next;
        }
        if (layer instanceof Residual r) {
            int next = collect(r.inner(), all, from);
            return r.projection().isDefined() ? collect(r.projection().get(), all, next) : next;
        }
        int next = from;
        for (Matrix m : layer.parameters()) {
            all[next++] = m;
        }
        return next;
    }

    /** The number of trainable (or state) matrices of a layer. */
    private static int count(Layer layer, boolean state) {
        if (!state) {
            return parameterCount(layer);
        }
        if (layer instanceof Sequential s) {
            int n = 0;
            for (Layer l : s.layers()) {
                n += count(l, true);
            }
            return n;
        }
        if (layer instanceof Residual r) {
            return count(r.inner(), true) + r.projection().map(p -> count(p, true)).getOrElse(0);
        }
        return layer.state().size();
    }

    /** {@code path.segment}, or the segment alone at the root. */
    static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + "." + segment;
    }

    /**
     * The output shape of a layer at a path, checking every layer below it: a mismatch names the
     * path of the layer that does not fit.
     */
    static Shape infer(String path, Layer layer, Shape input) {
        if (layer instanceof Sequential s) {
            Shape shape = input;
            for (int i = 0; i < s.layers().size(); i++) {
                shape = infer(join(path, Sequential.segment(i)), s.layers().get(i), shape);
            }
            return shape;
        }
        if (layer instanceof Residual r) {
            Shape inner = infer(join(path, "inner"), r.inner(), input);
            Shape skip = r.projection().isDefined() ? infer(join(path, "projection"), r.projection().get(), input) : input;
            if (!inner.equals(skip)) {
                String at = path.isEmpty() ? "" : path + ": ";
                throw new IllegalArgumentException(at + "the residual's inner layers give shape " + inner + " but its "
                        + (r.projection().isDefined() ? "projection gives " + skip
                                : "input is " + skip + ": add a projection to shape " + inner));
            }
            return inner;
        }
        Shape output;
        try {
            output = layer.outputShape(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + e.getMessage(), e);
        }
        if (output == null) {
            throw new NullPointerException((path.isEmpty() ? "" : path + ": ") + layer.kind() + " gave no output shape");
        }
        return output;
    }

    /** The paths of the layers that act differently in training and evaluation. */
    static Vector<String> modeDependent(String path, Layer layer) {
        if (layer instanceof Sequential s) {
            return s.layers().zipWithIndex().flatMap(t -> modeDependent(join(path, Sequential.segment(t._2)), t._1));
        }
        if (layer instanceof Residual r) {
            return modeDependent(join(path, "inner"), r.inner())
                    .appendAll(r.projection().toVector().flatMap(p -> modeDependent(join(path, "projection"), p)));
        }
        boolean dependent = layer instanceof Dropout || layer instanceof BatchNorm
                || layer instanceof CustomLayer c && c.modeDependent();
        return dependent ? Vector.of(path + " (" + layer.kind() + ")") : Vector.empty();
    }

    /** The number of trainable matrices of a layer. */
    static int parameterCount(Layer layer) {
        if (layer instanceof Dense || layer instanceof Conv2D) {
            return 2;
        }
        if (layer instanceof ActivationLayer || layer instanceof Dropout || layer instanceof MaxPool2D
                || layer instanceof AvgPool2D || layer instanceof GlobalAveragePool || layer instanceof Flatten) {
            return 0;
        }
        if (layer instanceof LayerNorm || layer instanceof BatchNorm) {
            return 2;
        }
        if (layer instanceof Sequential s) {
            int n = 0;
            for (Layer l : s.layers()) {
                n += parameterCount(l);
            }
            return n;
        }
        if (layer instanceof Residual r) {
            return parameterCount(r.inner()) + r.projection().map(Layers::parameterCount).getOrElse(0);
        }
        return layer.parameters().size();
    }

    /** The activation the layer's output ends in, if it ends in one: the logits are its input. */
    static Option<Activation> finalActivation(Layer layer) {
        if (layer instanceof Dense d) {
            return Option.some(d.activation());
        }
        if (layer instanceof ActivationLayer a) {
            return Option.some(a.activation());
        }
        if (layer instanceof Sequential s) {
            return finalActivation(s.layers().last());
        }
        return Option.none();
    }
}
