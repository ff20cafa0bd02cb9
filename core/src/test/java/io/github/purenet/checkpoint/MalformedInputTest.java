package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.ADAM;
import static io.github.purenet.checkpoint.Documents.GRADIENTS;
import static io.github.purenet.checkpoint.Documents.MODEL;
import static io.github.purenet.checkpoint.Documents.NETWORK;
import static io.github.purenet.checkpoint.Documents.TRAIN;
import static io.github.purenet.checkpoint.Documents.V1_GRADIENTS;
import static io.github.purenet.checkpoint.Documents.V1_MODEL;
import static io.github.purenet.checkpoint.Documents.V1_NETWORK;
import static io.github.purenet.checkpoint.Documents.V1_TRAIN;
import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.remove;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.network.Gradients;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Documents that are cut, changed, or have fields missing or added are refused with a
 * {@link CheckpointException} that names the JSON path: never accepted as another value, never
 * another exception. Headers (format, version, type) and the content hash are checked too.
 */
class MalformedInputTest {

    /**
     * The small documents under test, of format version 2 (a network with a layer of every kind)
     * and version 1 (the seed network), each with the decoding it is meant for.
     */
    private static final Vector<Tuple3<String, String, Function<String, Object>>> DOCUMENTS = Vector.of(
            Tuple.of("network", NETWORK, CODEC::decodeNetwork),
            Tuple.of("gradients", GRADIENTS, CODEC::decodeGradients),
            Tuple.of("model", MODEL, CODEC::decodeModel),
            Tuple.of("train_state", TRAIN, json -> CODEC.decodeTrainState(json, ADAM)),
            Tuple.of("v1 network", V1_NETWORK, CODEC::decodeNetwork),
            Tuple.of("v1 gradients", V1_GRADIENTS, CODEC::decodeGradients),
            Tuple.of("v1 model", V1_MODEL, CODEC::decodeModel),
            Tuple.of("v1 train_state", V1_TRAIN, json -> CODEC.decodeTrainState(json, ADAM)));

    /**
     * In version 2, gradients on their own are an object of a matrix per parameter path, whatever
     * the paths: without a network, a leaf left out or added makes other gradients, which only the
     * hash can tell from the ones written.
     */
    private static final String LEAVES = "$.gradients";

    /** @return null when the call was accepted, else what it threw */
    private static Throwable outcome(Function<String, Object> decode, String json) {
        try {
            decode.apply(json);
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    @Test
    void everyTruncationIsRefusedWithACheckpointException() {
        List<String> wrong = new ArrayList<>();
        for (Tuple3<String, String, Function<String, Object>> d : DOCUMENTS) {
            for (int length = 0; length < d._2.length(); length++) {
                Throwable e = outcome(d._3, d._2.substring(0, length));
                if (!(e instanceof CheckpointException)) {
                    wrong.add(d._1 + " cut to " + length + " characters: " + (e == null ? "accepted" : e));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " truncations not refused, such as " + wrong.subList(0,
                Math.min(5, wrong.size())));
    }

    /**
     * A change of one character is refused, unless it leaves the meaning as it was: the same value
     * bit for bit, as when an exponent's {@code E} becomes {@code e}, {@code -0.0} becomes
     * {@code -0e0}, or the 17th digit of a number moves within the same double. The content hash is
     * over the values, not the text, so such a change is rightly accepted; the networks, whose
     * numbers are short decimals without exponents or integral values, have none.
     */
    @Test
    void everySingleCharacterChangeIsRefusedWithACheckpointExceptionUnlessTheValueIsTheSame() {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> sameValue = new java.util.TreeMap<>();
        int changes = 0;
        for (Tuple3<String, String, Function<String, Object>> d : DOCUMENTS) {
            Object original = d._3.apply(d._2);
            sameValue.put(d._1, 0);
            for (int i = 0; i < d._2.length(); i++) {
                char c = d._2.charAt(i);
                for (char r : new char[] {(char) (c + 1), c == '7' ? '3' : '7', c == 'e' ? 'f' : 'e'}) {
                    String changed = d._2.substring(0, i) + r + d._2.substring(i + 1);
                    Throwable e = outcome(d._3, changed);
                    changes++;
                    if (e instanceof CheckpointException ce && ce.path().startsWith("$")
                            && ce.getMessage().startsWith("at " + ce.path() + ": ")) {
                        continue;
                    }
                    if (e == null && original.equals(d._3.apply(changed))) {
                        sameValue.merge(d._1, 1, Integer::sum);
                        continue;
                    }
                    String context = d._2.substring(Math.max(0, i - 12), Math.min(d._2.length(), i + 12));
                    wrong.add(d._1 + " with '" + c + "' at " + i + " changed to '" + r + "' (in \"" + context
                            + "\"): " + (e == null ? "accepted as another value" : e));
                }
            }
        }
        assertTrue(changes > 40_000, "changes tried: " + changes);
        assertTrue(wrong.isEmpty(), wrong.size() + " changes not refused, such as " + wrong.subList(0,
                Math.min(5, wrong.size())));
        assertEquals(0, sameValue.get("network"), "changes to the network that kept its value: " + sameValue);
        assertEquals(0, sameValue.get("v1 network"), "changes to the seed network that kept its value: " + sameValue);
    }

    /** Every object in a document, by JSON path. */
    private static void objects(JsonNode node, String path, Map<String, JsonNode> into) {
        if (node.isObject()) {
            into.put(path, node);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                objects(field.getValue(), path + At.segment(field.getKey()), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                objects(node.get(i), path + "[" + i + "]", into);
            }
        }
    }

    @Test
    void aMissingFieldAtAnyDepthIsRefusedNamingTheFieldAndItsObjectsPath() {
        int checked = 0;
        for (Tuple3<String, String, Function<String, Object>> d : DOCUMENTS) {
            for (String json : List.of(d._2, Fixtures.withoutSha(d._2))) {
                Map<String, JsonNode> objects = new java.util.LinkedHashMap<>();
                objects(Documents.tree(json), "$", objects);
                for (Map.Entry<String, JsonNode> o : objects.entrySet()) {
                    for (Iterator<String> names = o.getValue().fieldNames(); names.hasNext();) {
                        String name = names.next();
                        String without = remove(json, o.getKey() + At.segment(name));
                        if (o.getKey().equals("$") && name.equals("sha256")) {
                            assertEquals(d._3.apply(json), d._3.apply(without), "the hash is optional");
                        } else if (o.getKey().equals("$.train_state") && name.equals("optimizer")) {
                            // optional: documents written before the optimizer was recorded have none
                            if (json.contains("\"sha256\"")) {
                                refused(() -> d._3.apply(without), "$.sha256", "changed or corrupted");
                            } else {
                                assertEquals(d._3.apply(json), d._3.apply(without), "the record is optional");
                            }
                        } else if (d._1.equals("gradients") && o.getKey().equals(LEAVES) && json.contains("\"sha256\"")) {
                            refused(() -> d._3.apply(without), "$.sha256", "changed or corrupted");
                        } else if (d._1.equals("gradients") && o.getKey().equals(LEAVES)) {
                            assertFalse(((Gradients) d._3.apply(without)).paths().contains(name), name);
                        } else {
                            refused(() -> d._3.apply(without), o.getKey(), "missing field '" + name + "'");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 150, "fields checked: " + checked);
    }

    @Test
    void anUnknownFieldAtAnyDepthIsRefusedNamingTheFieldAndItsObjectsPath() {
        int checked = 0;
        for (Tuple3<String, String, Function<String, Object>> d : DOCUMENTS) {
            for (String json : List.of(d._2, Fixtures.withoutSha(d._2))) {
                Map<String, JsonNode> objects = new java.util.LinkedHashMap<>();
                objects(Documents.tree(json), "$", objects);
                for (String path : objects.keySet()) {
                    for (String value : List.of("1", "null", "{}")) {
                        String extra = set(json, path + ".comment", value);
                        if (d._1.equals("gradients") && path.equals(LEAVES)) {
                            refused(() -> d._3.apply(extra), path + ".comment", value.equals("{}")
                                    ? "missing field 'shape'" : "expected an object");
                        } else {
                            refused(() -> d._3.apply(extra), path, "unknown field 'comment'");
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 150, "objects checked: " + checked);
        refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.Network", "{}")), "$", "unknown field 'Network'");
    }

    @Test
    void anotherVersionIsRefusedAsNotSupportedBeforeItsContentIsRead() {
        for (String version : List.of("3", "0", "1000000")) {
            for (String json : List.of(NETWORK, V1_NETWORK)) {
                refused(() -> CODEC.decodeNetwork(set(json, "$.version", version)), "$.version",
                        "version " + version + " is not supported", "reads versions 1 to 2");
            }
        }
        String future = "{\"format\": \"purenet\", \"version\": 3, \"type\": \"network\", \"weights\": [1, 2]}";
        refused(() -> CODEC.decodeNetwork(future), "$.version", "version 3 is not supported");
        for (String version : List.of("\"1\"", "1.0", "-1", "null", "[1]", "99999999999999999999")) {
            refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.version", version)), "$.version", "expected an integer");
        }
        refused(() -> CODEC.decodeNetwork(remove(NETWORK, "$.version")), "$", "missing field 'version'");
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedNamingBothTypes() {
        refused(() -> CODEC.decodeNetwork(GRADIENTS), "$.type", "expected a document of type \"network\"",
                "got \"gradients\"");
        refused(() -> CODEC.decodeGradients(NETWORK), "$.type", "\"gradients\"", "got \"network\"");
        refused(() -> CODEC.decodeNetwork(TRAIN), "$.type", "\"network\"", "got \"train_state\"");
        refused(() -> CODEC.decodeTrainState(NETWORK, ADAM), "$.type", "\"train_state\"", "got \"network\"");
        refused(() -> CODEC.decodeOptimizerState(TRAIN, ADAM, Documents.TRAIN_STATE.network()), "$.type",
                "\"optimizer_state\"", "got \"train_state\"");
        refused(() -> CODEC.decodeNetwork(CODEC.encodeOptimizerState(Documents.TRAIN_STATE.optimizerState())),
                "$.type", "got \"optimizer_state\"");
        refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.type", "\"model\"")), "$.type", "got \"model\"");
        refused(() -> CODEC.decodeNetwork(MODEL), "$.type", "\"network\"", "got \"model\"");
        refused(() -> CODEC.decodeModel(NETWORK), "$.type", "expected a document of type \"model\"",
                "got \"network\"");
        refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.type", "3")), "$.type", "expected a string");
    }

    @Test
    void anotherFormatOrNotAnObjectIsRefusedAtTheRoot() {
        for (String format : List.of("\"purenet2\"", "\"PureNet\"", "\"\"", "\"tensorflow\"")) {
            refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.format", format)), "$.format",
                    "expected \"purenet\", got " + format);
        }
        refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.format", "1")), "$.format", "expected a string");
        for (String notAnObject : List.of("", "   ", "null", "[]", "42", "\"purenet\"", "true")) {
            refused(() -> CODEC.decodeNetwork(notAnObject), "$", "expected a purenet document");
        }
        for (String notJson : List.of("{", "{\"format\": purenet}", "{'format': 'purenet'}", NETWORK + "}",
                NETWORK + " {}", NETWORK + " // written by hand", "\uFEFF" + NETWORK,
                NETWORK.replace("\"format\"", "\"type\" : \"network\", \"format\""))) {
            refused(() -> CODEC.decodeNetwork(notJson), "$", "not valid JSON", "line ", "column ");
        }
    }

    @Test
    void theHashIsOptionalButAWrongOneIsRefusedAsAChangedDocument() {
        for (Tuple3<String, String, Function<String, Object>> d : DOCUMENTS) {
            assertEquals(d._3.apply(d._2), d._3.apply(Fixtures.withoutSha(d._2)), d._1 + " without its hash");
            String sha = Fixtures.shaField(d._2);
            String other = (sha.charAt(0) == '0' ? '1' : '0') + sha.substring(1);
            refused(() -> d._3.apply(set(d._2, "$.sha256", "\"" + other + "\"")), "$.sha256",
                    "is " + sha, "not " + other, "changed or corrupted");
            refused(() -> d._3.apply(set(d._2, "$.sha256", "\"" + sha.toUpperCase() + "\"")), "$.sha256",
                    "changed or corrupted");
            refused(() -> d._3.apply(set(d._2, "$.sha256", "\"\"")), "$.sha256", "changed or corrupted");
            refused(() -> d._3.apply(set(d._2, "$.sha256", "null")), "$.sha256", "expected a string");
        }
        String changed = set(NETWORK, "$.network.layers[0].parameters.weights.values[0][0]", "0.7");
        refused(() -> CODEC.decodeNetwork(changed), "$.sha256", "changed or corrupted");
        assertEquals(0.7, CODEC.decodeNetwork(Fixtures.withoutSha(changed)).dense(0).weights().get(0, 0));
        String running = set(NETWORK, "$.network.layers[1].state.mean.values[0][2]", "0.5");
        refused(() -> CODEC.decodeNetwork(running), "$.sha256", "changed or corrupted");
        assertEquals(0.5, CODEC.decodeNetwork(Fixtures.withoutSha(running)).state().get(0).get(0, 2));
        String rate = set(NETWORK, "$.network.layers[3].rate", "0.5");
        refused(() -> CODEC.decodeNetwork(rate), "$.sha256", "changed or corrupted");
        String v1 = set(V1_NETWORK, "$.network.layers[0].weights.values[0][0]", "0.7");
        refused(() -> CODEC.decodeNetwork(v1), "$.sha256", "changed or corrupted");
        assertEquals(0.7, CODEC.decodeNetwork(Fixtures.withoutSha(v1)).dense(0).weights().get(0, 0));
        String renamed = set(MODEL, "$.model.class_names[2]", "\"Blue\"");
        refused(() -> CODEC.decodeModel(renamed), "$.sha256", "changed or corrupted");
        assertEquals("Blue", CODEC.decodeModel(Fixtures.withoutSha(renamed)).classNames().last());
        String swapped = set(TRAIN, "$.train_state.order", "[1, 0]");
        refused(() -> CODEC.decodeTrainState(swapped, ADAM), "$.sha256", "changed or corrupted");
    }

    /**
     * Documents that break the JSON parser's limits (nesting deeper than 1000, a number of more
     * than 1000 digits, a string of more than 20 million characters) make Jackson throw a
     * {@code StreamConstraintsException} without a location, and {@code Codec.read} calls
     * {@code e.getLocation().getLineNr()} on it: a {@link NullPointerException} instead of a
     * {@link CheckpointException}.
     */
    @Test
    void documentsBeyondTheParsersLimitsAreRefusedWithACheckpointException() {
        String bare = Fixtures.withoutSha(NETWORK);
        refused(() -> CODEC.decodeNetwork("[".repeat(5000)), "$", "not valid JSON");
        refused(() -> CODEC.decodeNetwork("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)), "$", "not valid JSON");
        refused(() -> CODEC.decodeNetwork(bare.replace("0.1, 0.2", "0." + "1".repeat(2000) + ", 0.2")), "$",
                "not valid JSON");
        refused(() -> CODEC.decodeNetwork(bare.replace("\"relu\"", "\"" + "r".repeat(20_000_001) + "\"")), "$",
                "not valid JSON");
    }
}
