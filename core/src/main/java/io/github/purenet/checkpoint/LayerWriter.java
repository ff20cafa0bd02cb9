package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * A network in format version 2: {@code {"input_shape": [dims], "layers": [layer, ...]}}, each
 * layer an object with its {@code kind}, its {@code path} in the network, its settings (an image
 * layer's {@code input_shape}, {@code kernel} or {@code window}, {@code stride}, {@code padding}), and for a
 * layer that is not a container its {@code parameters} and {@code state} by name. The fields come
 * in the order of the format's tables, which is the order of the canonical form; {@link LayerReader}
 * reads them.
 */
final class LayerWriter {

    private LayerWriter() {
    }

    static ObjectNode network(Encoder encoder, Network network) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("input_shape", shape(network.input()));
        ArrayNode layers = node.putArray("layers");
        for (int i = 0; i < network.layers().size(); i++) {
            layers.add(layer(encoder, network.layers().get(i), "layers[" + i + "]"));
        }
        return node;
    }

    /** A layer at a path of the network, such as {@code layers[2].inner.layers[0]}. */
    static ObjectNode layer(Encoder encoder, Layer layer, String path) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", layer.kind());
        node.put("path", path);
        if (layer instanceof Sequential s) {
            ArrayNode layers = node.putArray("layers");
            for (int i = 0; i < s.layers().size(); i++) {
                layers.add(layer(encoder, s.layers().get(i), path + ".layers[" + i + "]"));
            }
            return node;
        }
        if (layer instanceof Residual r) {
            node.set("inner", layer(encoder, r.inner(), path + ".inner"));
            node.set("projection", r.projection().<JsonNode>map(
                    p -> layer(encoder, p, path + ".projection")).getOrElse(JsonNodeFactory.instance.nullNode()));
            return node;
        }
        if (layer instanceof Dense d) {
            node.set("activation", encoder.activation(d.activation()));
        } else if (layer instanceof ActivationLayer a) {
            node.set("activation", encoder.activation(a.activation()));
        } else if (layer instanceof Dropout d) {
            node.set("rate", encoder.number(d.rate()));
        } else if (layer instanceof LayerNorm n) {
            node.set("eps", encoder.number(n.eps()));
        } else if (layer instanceof BatchNorm b) {
            node.set("momentum", encoder.number(b.momentum()));
            node.set("eps", encoder.number(b.eps()));
        } else if (layer instanceof Conv2D c) {
            node.set("input_shape", shape(c.input()));
            node.set("kernel", pair(c.kernelHeight(), c.kernelWidth()));
            node.put("stride", c.stride());
            node.put("padding", c.padding().label());
            node.set("activation", encoder.activation(c.activation()));
        } else if (layer instanceof MaxPool2D p) {
            pool(node, p.input(), p.windowHeight(), p.windowWidth(), p.stride());
        } else if (layer instanceof AvgPool2D p) {
            pool(node, p.input(), p.windowHeight(), p.windowWidth(), p.stride());
        } else if (layer instanceof GlobalAveragePool g) {
            node.set("input_shape", shape(g.input()));
        } else if (layer instanceof Flatten f) {
            node.set("input_shape", shape(f.input()));
        } else {
            requireReadable(encoder, (CustomLayer) layer, path);
        }
        node.set("parameters", encoder.matrices(layer.parameterNames(), layer.parameters()));
        node.set("state", encoder.matrices(layer.stateNames(), layer.state()));
        return node;
    }

    /** The dimensions of a shape, outermost first: {@code [784]}, {@code [28, 28, 1]}. */
    private static ArrayNode shape(Shape shape) {
        ArrayNode dims = JsonNodeFactory.instance.arrayNode();
        shape.dims().forEach(dims::add);
        return dims;
    }

    /** Rows and columns, such as a kernel's or a window's: {@code [3, 3]}. */
    private static ArrayNode pair(int rows, int columns) {
        return JsonNodeFactory.instance.arrayNode().add(rows).add(columns);
    }

    /** A pooling layer's settings: its input shape, its window and its stride. */
    private static void pool(ObjectNode node, Shape input, int windowHeight, int windowWidth, int stride) {
        node.set("input_shape", shape(input));
        node.set("window", pair(windowHeight, windowWidth));
        node.put("stride", stride);
    }

    /**
     * Refuses a layer of the user's own unless the codec reads it back as itself: its name must be
     * registered, and the registered prototype with the layer's parameters (and state) must equal it.
     */
    private static void requireReadable(Encoder encoder, CustomLayer layer, String path) {
        String name = layer.name();
        CustomLayer prototype = encoder.registry().layers().get(name).getOrElseThrow(() ->
                new IllegalArgumentException("encode: " + path + " is a layer of your own, '" + name + "', which is "
                        + "not registered with Codec.withLayer, so it could not be read back"));
        requireShapes(path, name, layer.parameterNames(), layer.parameters(), prototype.parameters());
        requireShapes(path, name, layer.stateNames(), layer.state(), prototype.state());
        Layer back;
        try {
            back = prototype.withParameters(layer.parameters());
            back = layer.stateNames().isEmpty() ? back : back.withState(layer.state());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("encode: " + path + " ('" + name + "') does not fit the prototype "
                    + "registered with Codec.withLayer, which refuses its parameters: " + e.getMessage(), e);
        }
        if (!back.equals(layer)) {
            throw new IllegalArgumentException("encode: " + path + " ('" + name + "') would read back as the "
                    + "registered prototype with its parameters, " + back + ", which is not equal to " + layer
                    + ": name each setting of a layer in its name (such as \"gated(0.5)\") and register a prototype "
                    + "of each, and give the layer value equality (a record)");
        }
    }

    /** The shapes that reading checks: as many matrices as the prototype's, each of the same shape. */
    private static void requireShapes(String path, String kind, Vector<String> names, Vector<Matrix> values,
            Vector<Matrix> prototype) {
        for (int i = 0; i < Math.max(values.size(), prototype.size()); i++) {
            if (i >= values.size() || i >= prototype.size() || values.get(i).rows() != prototype.get(i).rows()
                    || values.get(i).columns() != prototype.get(i).columns()) {
                throw new IllegalArgumentException("encode: " + path + " ('" + kind + "') does not fit the prototype "
                        + "registered with Codec.withLayer, which could not read it back: its matrices "
                        + names.mkString("[", ", ", "]") + " are " + values.map(Matrix::shape).mkString("[", ", ", "]")
                        + ", the prototype's " + prototype.map(Matrix::shape).mkString("[", ", ", "]"));
            }
        }
    }
}
