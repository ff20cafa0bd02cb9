package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The engine behind {@link Layer}: shape inference with paths, the forward and backward passes of
 * every kind, and the walks over a tree of layers. The built-in kinds keep their mathematics in
 * their own files; this class dispatches to them and composes {@link Sequential} and
 * {@link Residual}.
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
        return expected == 0 ? layer : rebuild("", layer, values, 0, state);
    }

    private static Layer rebuild(String path, Layer layer, Vector<Matrix> values, int from, boolean state) {
        if (layer instanceof Sequential s) {
            Layer[] children = new Layer[s.layers().size()]; // filled here, then handed to the vector
            int offset = from;
            for (int i = 0; i < children.length; i++) {
                Layer child = s.layers().get(i);
                int n = count(child, state);
                children[i] = n == 0 ? child : rebuild(join(path, Sequential.segment(i)), child, values, offset, state);
                offset += n;
            }
            return new Sequential(Vector.of(children));
        }
        if (layer instanceof Residual r) {
            int n = count(r.inner(), state);
            Layer inner = n == 0 ? r.inner() : rebuild(join(path, "inner"), r.inner(), values, from, state);
            return new Residual(inner, r.projection().map(p -> count(p, state) == 0 ? p
                    : rebuild(join(path, "projection"), p, values, from + n, state)));
        }
        Vector<Matrix> part = values.subSequence(from, from + count(layer, state));
        try {
            return state ? layer.withState(part) : layer.withParameters(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + e.getMessage(), e);
        }
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
        if (layer instanceof Dense) {
            return 2;
        }
        if (layer instanceof ActivationLayer || layer instanceof Dropout) {
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

    /** The input of the final activation (the logits), or the output if the layer ends in none. */
    static Matrix logits(Layer layer, Matrix input, Node node) {
        if (layer instanceof Dense) {
            return node.saved(0);
        }
        if (layer instanceof ActivationLayer) {
            return input;
        }
        if (layer instanceof Sequential s) {
            int last = s.layers().size() - 1;
            return logits(s.layers().last(), last == 0 ? input : node.child(last - 1).output(), node.child(last));
        }
        return node.output();
    }

    /** The forward pass of a layer in a mode: its output, what it keeps, and its state after the pass. */
    static Node forward(Layer layer, Matrix x, Mode mode) {
        if (layer instanceof Dense d) {
            return d.forward(x);
        }
        if (layer instanceof ActivationLayer a) {
            return a.forward(x);
        }
        if (layer instanceof Dropout d) {
            return d.forward(x, mode);
        }
        if (layer instanceof LayerNorm n) {
            return n.forward(x);
        }
        if (layer instanceof BatchNorm b) {
            return b.forward(x, mode);
        }
        if (layer instanceof Sequential s) {
            Node[] children = new Node[s.layers().size()]; // filled here, then handed to the vector
            Vector<Matrix> state = Vector.empty();
            Matrix a = x;
            for (int i = 0; i < children.length; i++) {
                Mode m = mode instanceof Mode.Training ? mode.at(Sequential.segment(i)) : mode;
                children[i] = forward(s.layers().get(i), a, m, Sequential.segment(i));
                a = children[i].output();
                state = state.appendAll(children[i].state());
            }
            return new Node(a, Vector.empty(), Vector.of(children), state);
        }
        if (layer instanceof Residual r) {
            Node inner = forward(r.inner(), x, mode.at("inner"), "inner");
            if (r.projection().isEmpty()) {
                return new Node(inner.output().plus(x), Vector.empty(), Vector.of(inner), inner.state());
            }
            Node projection = forward(r.projection().get(), x, mode.at("projection"), "projection");
            return new Node(inner.output().plus(projection.output()), Vector.empty(), Vector.of(inner, projection),
                    inner.state().appendAll(projection.state()));
        }
        CustomLayer c = (CustomLayer) layer;
        Matrix y = c.forward(x, mode);
        if (y == null || y.rows() != x.rows()) {
            throw new Refused(c.kind() + ": forward gave " + (y == null ? "null" : y.shape())
                    + " for inputs " + x.shape() + ", expected one row per example");
        }
        return Node.of(y);
    }

    /** The forward pass of a container's child at a segment, whose refusals name the segment. */
    private static Node forward(Layer child, Matrix x, Mode mode, String segment) {
        try {
            return forward(child, x, mode);
        } catch (Refused e) {
            throw e.under(segment);
        }
    }

    /**
     * The backward pass of a layer: writes the gradients of its parameters into {@code out} from
     * {@code offset}, in the order of {@link Layer#parameters()}, and returns the gradient at its
     * input (or null when {@code inputGradient} is false).
     *
     * @param atLogits whether {@code gradient} is already the gradient at the logits of the final
     *     activation, which is then skipped (a fused loss)
     */
    static Matrix backward(Layer layer, Matrix x, Node node, Matrix gradient, boolean atLogits, boolean inputGradient,
            Mode mode, Matrix[] out, int offset) {
        if (layer instanceof Dense d) {
            return d.backward(x, node, gradient, atLogits, inputGradient, out, offset);
        }
        if (layer instanceof ActivationLayer a) {
            return inputGradient ? a.backward(x, node, gradient, atLogits) : null;
        }
        if (layer instanceof Dropout d) {
            return inputGradient ? d.backward(node, gradient) : null;
        }
        if (layer instanceof LayerNorm n) {
            return n.backward(node, gradient, inputGradient, out, offset);
        }
        if (layer instanceof BatchNorm b) {
            return b.backward(node, gradient, mode, inputGradient, out, offset);
        }
        if (layer instanceof Sequential s) {
            int n = s.layers().size();
            int[] offsets = new int[n];
            for (int i = 0, o = offset; i < n; i++) {
                offsets[i] = o;
                o += parameterCount(s.layers().get(i));
            }
            Matrix g = gradient;
            for (int i = n - 1; i >= 0; i--) {
                Mode m = mode instanceof Mode.Training ? mode.at(Sequential.segment(i)) : mode;
                g = backward(s.layers().get(i), i == 0 ? x : node.child(i - 1).output(), node.child(i), g,
                        atLogits && i == n - 1, inputGradient || i > 0, m, out, offsets[i]);
            }
            return g;
        }
        if (layer instanceof Residual r) {
            Matrix inner = backward(r.inner(), x, node.child(0), gradient, false, inputGradient, mode.at("inner"), out,
                    offset);
            Matrix skip = r.projection().isEmpty() ? gradient
                    : backward(r.projection().get(), x, node.child(1), gradient, false, inputGradient,
                            mode.at("projection"), out, offset + parameterCount(r.inner()));
            return inputGradient ? inner.plus(skip) : null;
        }
        CustomLayer c = (CustomLayer) layer;
        CustomLayer.Backward b = c.backward(x, node.output(), gradient, mode);
        if (b == null) {
            throw new NullPointerException(c.kind() + ": backward returned null");
        }
        requireShapes(c.kind() + ": backward's parameter gradients", c::parameterNames, c.parameters(), b.parameters());
        if (b.inputs().rows() != x.rows() || b.inputs().columns() != x.columns()) {
            throw new IllegalArgumentException(c.kind() + ": backward's input gradient is " + b.inputs().shape()
                    + ", expected the inputs' shape " + x.shape());
        }
        for (int i = 0; i < b.parameters().size(); i++) {
            out[offset + i] = b.parameters().get(i);
        }
        return b.inputs();
    }
}
