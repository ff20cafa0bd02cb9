package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.ADAM;
import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.remove;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Network;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts of a version-2 document keyed by parameter path: an optimizer state's gradient-shaped
 * parts must name exactly the network's parameters (in any order), each of its shape; gradients on
 * their own keep the order of their keys. And what JSON allows but a document must not have:
 * repeated keys, anywhere, and nesting beyond what the parser takes.
 */
class MalformedPathTest {

    private static final String TRAIN = Fixtures.withoutSha(Documents.TRAIN);
    private static final String MU = "$.train_state.optimizer_state.first.mu";

    private static Object train(String json) {
        return CODEC.decodeTrainState(json, ADAM);
    }

    private static String matrix(int rows, int columns) {
        return "{\"shape\": [" + rows + ", " + columns + "], \"values\": "
                + Vector.fill(rows, "[" + Vector.fill(columns, "0.5").mkString(", ") + "]").mkString("[", ", ", "]")
                + "}";
    }

    /** The document with the fields of the object at a JSON Pointer in reverse order. */
    private static String reversed(String json, String pointer) {
        JsonNode root = Documents.tree(json);
        ObjectNode object = (ObjectNode) root.at(pointer);
        List<Map.Entry<String, JsonNode>> fields = new java.util.ArrayList<>(object.properties());
        java.util.Collections.reverse(fields);
        object.removeAll();
        fields.forEach(f -> object.set(f.getKey(), f.getValue()));
        return Documents.text(root);
    }

    @Test
    void anOptimizerStateNamesExactlyTheNetworksParametersEachOfItsShape() {
        refused(() -> train(remove(TRAIN, MU + "['layers[1].scale']")), MU, "missing field 'layers[1].scale'");
        refused(() -> train(set(TRAIN, MU + "['layers[9].weights']", matrix(1, 1))), MU,
                "unknown field 'layers[9].weights'");
        refused(() -> train(set(TRAIN, MU + "['layers[1].mean']", matrix(1, 3))), MU,
                "unknown field 'layers[1].mean'");
        refused(() -> train(set(TRAIN, MU + "['layers[1].scale']", matrix(1, 2))), MU + "['layers[1].scale']",
                "layers[1].scale: expected 1x3, the shape of the network's parameter, got 1x2");
        refused(() -> train(set(TRAIN, MU + "['layers[4].inner.layers[1].s']", matrix(2, 1))),
                MU + "['layers[4].inner.layers[1].s']", "expected 1x2", "got 2x1");
        refused(() -> train(set(TRAIN, MU + "['layers[0].bias'].values[0][1]", "\"x\"")),
                MU + "['layers[0].bias'].values[0][1]", "expected a number");
    }

    @Test
    void anOptimizerStatesPathsMayComeInAnyOrderAndReadAsTheNetworksOrder() {
        String shuffled = reversed(TRAIN, "/train_state/optimizer_state/first/nu");
        String nu = shuffled.substring(shuffled.indexOf("\"nu\""));
        assertTrue(nu.indexOf("layers[5].bias") < nu.indexOf("layers[0].weights"), "reversed");
        assertEquals(Documents.TRAIN_STATE, train(shuffled));
        assertEquals(Documents.TRAIN_STATE, CODEC.decodeTrainState(set(shuffled, "$.sha256",
                "\"" + Fixtures.shaField(Documents.TRAIN) + "\""), ADAM), "the same value, the same hash");
    }

    @Test
    void gradientsOnTheirOwnKeepTheOrderOfTheirPaths() {
        String json = Fixtures.withoutSha(Documents.GRADIENTS);
        Gradients back = CODEC.decodeGradients(reversed(json, "/gradients"));
        assertEquals(Documents.SPECIAL_GRADIENTS.paths().reverse(), back.paths());
        assertEquals(Documents.SPECIAL_GRADIENTS.values().reverse(), back.values());
        refused(() -> CODEC.decodeGradients(set(json, "$.gradients['']", matrix(1, 1))), "$.gradients",
                "a parameter's path is empty");
        refused(() -> CODEC.decodeGradients(set(json, "$.gradients", "[]")), "$.gradients", "expected an object");
        Network bare = Network.of(Shape.of(3), ActivationLayer.of(Activations.tanh()));
        Gradients none = Gradients.zero(bare);
        assertEquals(none, CODEC.decodeGradients(CODEC.encode(none)), "a network without parameters, no leaves");
    }

    @Test
    void aRepeatedKeyIsRefusedAnywhereAsInvalidJson() {
        int checked = 0;
        for (String json : List.of(Documents.NETWORK, Documents.TRAIN, Documents.GRADIENTS, Documents.MODEL)) {
            for (String key : List.of("\"kind\" : ", "\"path\" : ", "\"weights\" : ", "\"state\" : ",
                    "\"layers[0].bias\" : ", "\"rate\" : ", "\"input_shape\" : ", "\"format\" : ")) {
                int at = json.indexOf(key);
                if (at < 0) {
                    continue;
                }
                int end = json.indexOf('\n', at);
                String line = json.substring(at, end).strip();
                String repeated = json.substring(0, at) + (line.endsWith(",") ? line : key + "null,") + " "
                        + json.substring(at);
                refused(() -> decode(repeated), "$", "not valid JSON", "Duplicate field '" + key.substring(1,
                        key.indexOf('"', 1)) + "'");
                checked++;
            }
        }
        assertEquals(24, checked, "keys repeated");
    }

    private static Object decode(String json) {
        String type = Documents.tree(json).get("type").asText();
        return switch (type) {
            case "network" -> CODEC.decodeNetwork(json);
            case "gradients" -> CODEC.decodeGradients(json);
            case "model" -> CODEC.decodeModel(json);
            default -> CODEC.decodeTrainState(json, ADAM);
        };
    }

    /** A network document of sequences nested {@code depth} deep around one activation layer. */
    private static String nested(int depth) {
        String path = "layers[0]";
        Vector<String> paths = Vector.empty();
        for (int i = 0; i < depth; i++) {
            paths = paths.append(path);
            path = path + ".layers[0]";
        }
        String leaf = "{\"kind\": \"activation\", \"path\": \"" + path + "\", \"activation\": \"tanh\", "
                + "\"parameters\": {}, \"state\": {}}";
        String inside = leaf;
        for (String p : paths.reverse()) {
            inside = "{\"kind\": \"sequential\", \"path\": \"" + p + "\", \"layers\": [" + inside + "]}";
        }
        return "{\"format\": \"purenet\", \"version\": 2, \"type\": \"network\", \"network\": {\"input_shape\": [2], "
                + "\"layers\": [" + inside + "]}}";
    }

    @Test
    void deeplyNestedLayersAreReadAndNestingBeyondTheParsersLimitIsRefused() {
        Layer layer = ActivationLayer.of(Activations.tanh());
        for (int i = 0; i < 200; i++) {
            layer = Sequential.of(layer);
        }
        Network deep = Network.of(Shape.of(2), layer);
        assertEquals(deep, CODEC.decodeNetwork(nested(200)));
        assertEquals(deep, CODEC.decodeNetwork(CODEC.encode(deep)));
        refused(() -> CODEC.decodeNetwork(nested(600)), "$", "not valid JSON", "nesting depth");
    }
}
