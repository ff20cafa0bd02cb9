package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.activation.Activation;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * What is particular to format version 1, which knew only stacks of dense layers: a network is
 * {@code {"layers": [{"weights", "bias", "activation"}, ...]}} and gradients are
 * {@code {"layers": [{"weights", "bias"}, ...]}}. Every other part of a document (matrices, keys,
 * optimizer states, training states, models) is written alike in both versions. The codec reads
 * version 1 with these, and computes a version-1 document's canonical form with them to check its
 * hash.
 */
final class VersionOne {

    private VersionOne() {
    }

    /** A network: its parameters as {@link #gradients} writes them, each layer with its activation. */
    static ObjectNode network(Encoder encoder, Network network) {
        ObjectNode node = gradients(encoder, Gradients.parameters(network));
        for (int i = 0; i < network.layers().size(); i++) {
            if (!(network.layers().get(i) instanceof Dense d)) {
                throw new IllegalArgumentException("encode: format version 1 holds stacks of dense layers only; "
                        + "layers[" + i + "] is " + network.layers().get(i).kind());
            }
            ((ObjectNode) node.get("layers").get(i)).set("activation", encoder.activation(d.activation()));
        }
        return node;
    }

    static ObjectNode gradients(Encoder encoder, Gradients gradients) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode layers = node.putArray("layers");
        for (int i = 0; i < gradients.values().size(); i += 2) {
            ObjectNode l = layers.addObject();
            l.set("weights", encoder.matrix(gradients.values().get(i)));
            l.set("bias", encoder.matrix(gradients.values().get(i + 1)));
        }
        return node;
    }

    static Network network(Decoder decoder, At at) {
        at.fields("layers");
        Vector<At> layers = nonEmpty(at.field("layers"));
        Vector<Dense> dense = layers.map(l -> {
            l.fields("weights", "bias", "activation");
            Matrix weights = decoder.matrix(l.field("weights"));
            Matrix bias = decoder.matrix(l.field("bias"));
            Activation activation = decoder.activation(l.field("activation"));
            return Decoder.build(l.field("bias"), () -> new Dense(weights, bias, activation));
        });
        requireConsecutive(layers, dense.map(Dense::weights));
        return Network.of(dense.toJavaArray(Dense[]::new));
    }

    static Gradients gradients(Decoder decoder, At at) {
        at.fields("layers");
        Vector<At> layers = nonEmpty(at.field("layers"));
        Vector<Matrix> weights = layers.map(l -> {
            l.fields("weights", "bias");
            return decoder.matrix(l.field("weights"));
        });
        Vector<Matrix> biases = layers.map(l -> decoder.matrix(l.field("bias")));
        for (int i = 0; i < layers.size(); i++) {
            Matrix w = weights.get(i);
            Matrix b = biases.get(i);
            Decoder.build(layers.get(i).field("bias"), () -> {
                if (b.rows() != 1 || b.columns() != w.rows()) {
                    throw new IllegalArgumentException("Dense: bias " + b.shape() + " does not fit weights "
                            + w.shape() + " (expected bias 1x" + w.rows() + ")");
                }
                return b;
            });
        }
        requireConsecutive(layers, weights);
        return new Gradients(Vector.range(0, layers.size()).flatMap(i -> Vector.of("layers[" + i + "].weights",
                "layers[" + i + "].bias")), Vector.range(0, layers.size()).flatMap(i -> Vector.of(weights.get(i),
                biases.get(i))));
    }

    /** Gradients that must be shaped like a network. */
    static Gradients gradients(Decoder decoder, At at, Network network) {
        Gradients g = gradients(decoder, at);
        return Decoder.build(at, () -> g.requireFits(network));
    }

    private static Vector<At> nonEmpty(At array) {
        Vector<At> elements = array.elements();
        if (elements.isEmpty()) {
            throw array.error("expected at least one layer");
        }
        return elements;
    }

    private static void requireConsecutive(Vector<At> layers, Vector<Matrix> weights) {
        for (int i = 1; i < weights.size(); i++) {
            if (weights.get(i).columns() != weights.get(i - 1).rows()) {
                throw layers.get(i).field("weights").error("weights " + weights.get(i).shape() + " take "
                        + weights.get(i).columns() + " inputs, but layer " + (i - 1) + " (weights "
                        + weights.get(i - 1).shape() + ") gives " + weights.get(i - 1).rows() + " outputs");
            }
        }
    }
}
