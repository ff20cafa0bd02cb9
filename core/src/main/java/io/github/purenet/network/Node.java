package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * What the forward pass of one layer keeps for its backward pass: its output, the values it saved
 * (a dense layer's pre-activations, a dropout mask, normalised inputs), its children's nodes, and
 * its non-trainable state after the pass.
 */
record Node(Matrix output, Vector<Matrix> saved, Vector<Node> children, Vector<Matrix> state) {

    /** A leaf's node with saved values and no state change. */
    static Node of(Matrix output, Matrix... saved) {
        return new Node(output, Vector.of(saved), Vector.empty(), Vector.empty());
    }

    Matrix saved(int i) {
        return saved.get(i);
    }

    Node child(int i) {
        return children.get(i);
    }
}
