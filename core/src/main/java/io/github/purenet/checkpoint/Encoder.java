package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Accumulation;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.EmptyState;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Partition;
import io.github.purenet.optim.SquareAverage;
import io.github.purenet.optim.SquareSum;
import io.github.purenet.optim.Velocity;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import java.util.HexFormat;

/**
 * Values to JSON trees. In canonical mode, the one the content hash is computed over, every double
 * is written as the 16 hexadecimal digits of its IEEE 754 bits (NaN canonical), so the encoding is
 * the same on every JVM whatever its number formatting.
 *
 * <p>Networks and gradients are written in the form of a format version: {@link LayerWriter}'s
 * for version 2, {@link VersionOne}'s for version 1 (whose canonical form checks the hash of a
 * version-1 document). Everything else is written alike in both.
 *
 * @param canonical whether doubles are written as their bits
 * @param version the format version of networks and gradients: 1 or 2
 * @param registry the activations and layers known by name, beyond the built-ins
 */
record Encoder(boolean canonical, int version, Registry registry) {

    JsonNode number(double x) {
        if (canonical) {
            return JsonNodeFactory.instance.textNode(hex(Double.doubleToLongBits(x)));
        }
        if (Double.isNaN(x)) {
            return JsonNodeFactory.instance.textNode(At.NAN);
        }
        if (Double.isInfinite(x)) {
            return JsonNodeFactory.instance.textNode(x > 0 ? At.INFINITY : At.MINUS_INFINITY);
        }
        return JsonNodeFactory.instance.numberNode(x);
    }

    private static final String DIGITS = "0123456789abcdef";

    static String hex(long bits) {
        return HexFormat.of().toHexDigits(bits);
    }

    /**
     * A matrix: its shape, and its values as one piece of JSON text written as it stands, one
     * number after another with no node per number. The text is the one that Jackson's pretty
     * printer gives for arrays ({@code [ [ 0.5, -0.0 ], [ "NaN", 1.0E-5 ] ]}, with Jackson's shortest
     * form of each double), or in canonical mode the compact one ({@code [["3fe0000000000000",...]]}).
     */
    ObjectNode matrix(Matrix m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("shape").add(m.rows()).add(m.columns());
        double[][] rows = m.toArray();
        String open = canonical ? "[" : "[ ";
        String close = canonical ? "]" : " ]";
        String comma = canonical ? "," : ", ";
        StringBuilder text = new StringBuilder(rows.length * rows[0].length * (canonical ? 19 : 22) + 16);
        text.append(open);
        for (int i = 0; i < rows.length; i++) {
            text.append(i == 0 ? "" : comma).append(open);
            for (int j = 0; j < rows[i].length; j++) {
                if (j > 0) {
                    text.append(comma);
                }
                number(text, rows[i][j]);
            }
            text.append(close);
        }
        node.putRawValue("values", new RawValue(text.append(close).toString()));
        return node;
    }

    /** A double as {@link #number(double)} writes it, appended to JSON text. */
    private void number(StringBuilder text, double x) {
        if (canonical) {
            long bits = Double.doubleToLongBits(x);
            text.append('"');
            for (int shift = 60; shift >= 0; shift -= 4) {
                text.append(DIGITS.charAt((int) (bits >>> shift) & 15));
            }
            text.append('"');
        } else if (Double.isNaN(x)) {
            text.append('"').append(At.NAN).append('"');
        } else if (Double.isInfinite(x)) {
            text.append('"').append(x > 0 ? At.INFINITY : At.MINUS_INFINITY).append('"');
        } else {
            text.append(NumberOutput.toString(x, true)); // as the generator writes numbers (USE_FAST_DOUBLE_WRITER)
        }
    }

    JsonNode activation(Activation a) {
        if (a instanceof LeakyRelu leaky) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", Activations.LEAKY_RELU);
            node.set("alpha", number(leaky.alpha()));
            return node;
        }
        if (!Activations.builtIn().get(a.name()).contains(a) && !registry.activations().get(a.name()).contains(a)) {
            throw new IllegalArgumentException("encode: activation '" + a.name() + "' is not built in (nor the "
                    + "built-in of that name) and not registered with Codec.withActivation, so it could not be read back");
        }
        return JsonNodeFactory.instance.textNode(a.name());
    }

    /** A network, in the form of this encoder's version. */
    ObjectNode network(Network network) {
        return version == 1 ? VersionOne.network(this, network) : LayerWriter.network(this, network);
    }

    /** Gradients, or any value shaped like a network's parameters, in the form of this encoder's version. */
    ObjectNode gradients(Gradients gradients) {
        return version == 1 ? VersionOne.gradients(this, gradients) : matrices(gradients.paths(), gradients.values());
    }

    /** Matrices by name, in order: {@code {"weights": matrix, "bias": matrix}}, or by path. */
    ObjectNode matrices(Vector<String> names, Vector<Matrix> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.size(); i++) {
            node.set(names.get(i), matrix(values.get(i)));
        }
        return node;
    }

    ObjectNode key(Key key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("state", hex(key.state()));
        node.put("gamma", hex(key.gamma()));
        return node;
    }

    /**
     * The kind of an optimizer state, the tag its document carries.
     *
     * @throws IllegalArgumentException for a state that is not one of purenet's records
     */
    static String kind(Object state) {
        if (state instanceof EmptyState) {
            return "empty";
        } else if (state instanceof Count) {
            return "count";
        } else if (state instanceof Velocity) {
            return "velocity";
        } else if (state instanceof Moments) {
            return "moments";
        } else if (state instanceof SquareAverage) {
            return "square_average";
        } else if (state instanceof SquareSum) {
            return "square_sum";
        } else if (state instanceof Chain<?, ?>) {
            return "chain";
        } else if (state instanceof Partition<?, ?>) {
            return "partition";
        } else if (state instanceof Accumulation<?>) {
            return "accumulation";
        }
        throw new IllegalArgumentException("encode: optimizer state " + state.getClass().getName()
                + " is not one of purenet's, so it has no encoding");
    }

    /** An optimizer state, tagged with its {@link #kind}; see {@link Decoder#state}. */
    ObjectNode state(Object state) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind(state));
        if (state instanceof Count c) {
            node.put("steps", c.steps());
        } else if (state instanceof Velocity v) {
            node.set("velocity", gradients(v.velocity()));
        } else if (state instanceof Moments m) {
            node.put("count", m.count());
            node.set("mu", gradients(m.mu()));
            node.set("nu", gradients(m.nu()));
        } else if (state instanceof SquareAverage s) {
            node.set("nu", gradients(s.nu()));
        } else if (state instanceof SquareSum s) {
            node.set("sum", gradients(s.sum()));
        } else if (state instanceof Chain<?, ?> c) {
            node.set("first", state(c.first()));
            node.set("second", state(c.second()));
        } else if (state instanceof Partition<?, ?> p) {
            node.set("selected", state(p.selected()));
            node.set("others", state(p.others()));
        } else if (state instanceof Accumulation<?> a) {
            node.put("count", a.count());
            node.set("sum", gradients(a.sum()));
            node.set("inner", state(a.inner()));
        }
        return node;
    }

    ObjectNode trainState(TrainState<?> s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("network", network(s.network()));
        node.set("optimizer_state", state(s.optimizerState()));
        node.put("step", s.step()).put("epoch", s.epoch()).put("batch", s.batch());
        ArrayNode order = node.putArray("order");
        s.order().forEach(order::add);
        node.set("key", key(s.key()));
        node.set("loss", s.loss().map(this::number).getOrElse(JsonNodeFactory.instance.nullNode()));
        if (s.sharding().shards() != 1) { // absent for one shard, so unsharded documents are as before
            node.put("shards", s.sharding().shards());
        }
        return node;
    }

    /**
     * A training state with what its document records of the run: the network, the optimizer's
     * description, then the rest of {@link #trainState(TrainState)}, then the data's fingerprint.
     */
    ObjectNode trainState(Stored<?> stored) {
        ObjectNode plain = trainState(stored.state());
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("network", plain.get("network"));
        stored.optimizer().forEach(d -> node.set("optimizer", RunRecord.write(this, d)));
        plain.fields().forEachRemaining(e -> node.set(e.getKey(), e.getValue()));
        stored.data().forEach(f -> node.set("data", RunRecord.write(f)));
        return node;
    }

    /** A model: network, standardisation or null, class names, held-out part or null; see {@link Decoder#model}. */
    ObjectNode model(Model m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("network", network(m.network()));
        node.set("standardization", m.standardization().<JsonNode>map(this::standardization)
                .getOrElse(JsonNodeFactory.instance.nullNode()));
        ArrayNode names = node.putArray("class_names");
        m.classNames().forEach(names::add);
        node.set("held_out", m.heldOut().<JsonNode>map(this::heldOut).getOrElse(JsonNodeFactory.instance.nullNode()));
        return node;
    }

    ObjectNode standardization(Standardization s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("mean", matrix(s.mean()));
        node.set("standard_deviation", matrix(s.standardDeviation()));
        return node;
    }

    ObjectNode heldOut(HeldOut h) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("key", key(h.key()));
        node.set("test_fraction", number(h.testFraction()));
        node.put("stratified", h.stratified());
        node.put("data_sha256", h.dataSha256());
        return node;
    }
}
