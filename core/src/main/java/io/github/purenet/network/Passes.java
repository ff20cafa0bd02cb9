package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * The forward and backward passes of a tree of layers: the built-in kinds keep their mathematics in
 * their own files; this class dispatches to them, composes {@link Sequential} and {@link Residual},
 * and calls a {@link CustomLayer}'s own passes.
 */
final class Passes {

    private Passes() {
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
        if (layer instanceof Conv2D c) {
            return c.forward(x);
        }
        if (layer instanceof MaxPool2D p) {
            return p.forward(x);
        }
        if (layer instanceof AvgPool2D p) {
            return p.forward(x);
        }
        if (layer instanceof GlobalAveragePool p) {
            return p.forward(x);
        }
        if (layer instanceof Flatten) {
            return Node.of(x);
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
                children[i] = forward(s.layers().get(i), a, m, i);
                a = children[i].output();
                state = children[i].state().isEmpty() ? state : state.appendAll(children[i].state());
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

    /** The forward pass of a sequence's child {@code i}, whose refusals name its segment {@code layers[i]}. */
    private static Node forward(Layer child, Matrix x, Mode mode, int i) {
        try {
            return forward(child, x, mode);
        } catch (Refused e) {
            throw e.under(Sequential.segment(i));
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
        if (layer instanceof Conv2D c) {
            return c.backward(x, node, gradient, inputGradient, out, offset);
        }
        if (layer instanceof MaxPool2D p) {
            return inputGradient ? p.backward(node, gradient) : null;
        }
        if (layer instanceof AvgPool2D p) {
            return inputGradient ? p.backward(gradient) : null;
        }
        if (layer instanceof GlobalAveragePool p) {
            return inputGradient ? p.backward(gradient) : null;
        }
        if (layer instanceof Flatten) {
            return inputGradient ? gradient : null;
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
                o += Layers.parameterCount(s.layers().get(i));
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
                            mode.at("projection"), out, offset + Layers.parameterCount(r.inner()));
            return inputGradient ? inner.plus(skip) : null;
        }
        CustomLayer c = (CustomLayer) layer;
        CustomLayer.Backward b = c.backward(x, node.output(), gradient, mode);
        if (b == null) {
            throw new NullPointerException(c.kind() + ": backward returned null");
        }
        Layers.requireShapes(c.kind() + ": backward's parameter gradients", c::parameterNames, c.parameters(), b.parameters());
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
