package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.optim.Description;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What a training state's document records of its run, beside the state: the optimizer's
 * {@link Description} (field {@code optimizer}) and the data's {@link Fingerprint} (field
 * {@code data}); and the checks that refuse to resume the state under another optimizer or with
 * other data, naming the place in the document and both values.
 *
 * <p>A description is written as an object: {@code kind}, then each value by name; a double as a
 * JSON number with a fraction or an exponent (its bits in canonical form), a long as an integer, a
 * nested description as an object, a vector as an array.
 */
final class RunRecord {

    private RunRecord() {
    }

    /**
     * Refuses to record an optimizer with an unnamed part, which could not be told from another.
     *
     * @param where the path of the description, such as {@code optimizer}
     * @throws IllegalArgumentException naming the unnamed part
     */
    static Description requireNamed(String where, Description d) {
        if (d.isUnnamed()) {
            throw new IllegalArgumentException("encode: " + where + " is unnamed (a lambda schedule, or an optimizer "
                    + "or schedule class that does not override description()), so a resumed run could not be checked "
                    + "to use the same one; give it a name: Schedules.named(\"inverse_sqrt(0.1)\", step -> ...), "
                    + "Optimizer.of(name, init, update), or a description() of its own");
        }
        for (Tuple2<String, Object> entry : d.values()) {
            requireNamed(where + "." + entry._1, entry._2);
        }
        return d;
    }

    private static void requireNamed(String where, Object value) {
        if (value instanceof Description d) {
            requireNamed(where, d);
        } else if (value instanceof Vector<?> v) {
            for (int i = 0; i < v.size(); i++) {
                requireNamed(where + "[" + i + "]", v.get(i));
            }
        }
    }

    static ObjectNode write(Encoder encoder, Description d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", d.kind());
        d.values().forEach(e -> node.set(e._1, value(encoder, e._2)));
        return node;
    }

    private static JsonNode value(Encoder encoder, Object value) {
        if (value instanceof Double x) {
            return encoder.number(x);
        } else if (value instanceof Long n) {
            return JsonNodeFactory.instance.numberNode(n);
        } else if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        } else if (value instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        } else if (value instanceof Description d) {
            return write(encoder, d);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        ((Vector<?>) value).forEach(v -> array.add(value(encoder, v)));
        return array;
    }

    static Description read(At at) {
        String kind = at.field("kind").text();
        LinkedHashMap<String, Object> values = LinkedHashMap.empty();
        for (String name : at.names().remove("kind")) {
            values = values.put(name, value(at.field(name)));
        }
        LinkedHashMap<String, Object> read = values;
        return Decoder.build(at, () -> new Description(kind, read));
    }

    private static Object value(At at) {
        JsonNode node = at.node();
        if (node.isObject()) {
            return read(at);
        } else if (node.isArray()) {
            return at.elements().map(RunRecord::value);
        } else if (node.isIntegralNumber()) {
            return at.integer(Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (node.isNumber()) {
            double x = at.number();
            return Decoder.build(at, () -> requireFinite(x));
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isTextual()) {
            return node.textValue();
        }
        throw at.error("expected a hyperparameter: a number, true or false, a string, an object or an array, got "
                + node.getNodeType().name().toLowerCase());
    }

    private static double requireFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("expected a finite number, got " + x);
        }
        return x;
    }

    /**
     * Checks the document's description against the given one, in the given one's order, and
     * refuses it at the first place where they differ: another kind, a missing or unknown value, or
     * another value. The fields of a description may come in any order.
     *
     * @param at the document's {@code optimizer}
     * @param given the description of the optimizer given to decode with
     * @return the description, equal to both
     */
    static Description check(At at, Description given) {
        if (!at.field("kind").text().equals(given.kind())) {
            throw differ(at, read(at), given);
        }
        at.fields(given.values().keySet().toVector().prepend("kind").toJavaArray(String[]::new));
        given.values().forEach(e -> check(at.field(e._1), e._2));
        return given;
    }

    private static void check(At at, Object given) {
        if (given instanceof Description d) {
            check(at, d);
        } else if (given instanceof Vector<?> g && at.node().isArray() && at.node().size() == g.size()) {
            Vector<At> elements = at.elements();
            for (int i = 0; i < g.size(); i++) {
                check(elements.get(i), g.get(i));
            }
        } else {
            Object recorded = value(at);
            if (!recorded.equals(given)) {
                throw differ(at, recorded, given);
            }
        }
    }

    private static CheckpointException differ(At at, Object recorded, Object given) {
        return at.error("the document has " + Description.show(recorded) + ", the optimizer given has "
                + Description.show(given) + ": the stored run used another optimizer, and would not resume as it ran");
    }

    static ObjectNode write(Fingerprint f) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("examples", f.examples()).put("inputs", f.inputs()).put("outputs", f.outputs());
        node.put("sha256", f.sha256());
        return node;
    }

    /**
     * The document's fingerprint, refused if the data given have another.
     *
     * @param at the document's {@code data}
     * @param given the fingerprint of the data given to decode with, if any
     */
    static Fingerprint check(At at, Option<Fingerprint> given) {
        at.fields("examples", "inputs", "outputs", "sha256");
        int examples = (int) at.field("examples").integer(1, Integer.MAX_VALUE);
        int inputs = (int) at.field("inputs").integer(1, Integer.MAX_VALUE);
        int outputs = (int) at.field("outputs").integer(1, Integer.MAX_VALUE);
        String sha256 = at.field("sha256").text();
        Fingerprint recorded = Decoder.build(at.field("sha256"),
                () -> new Fingerprint(examples, inputs, outputs, sha256));
        if (given.isDefined() && !given.get().equals(recorded)) {
            throw at.error("the document's run trained on " + recorded + "; the data given are " + given.get()
                    + ": not the same data, so the run would not resume as it ran");
        }
        return recorded;
    }
}
