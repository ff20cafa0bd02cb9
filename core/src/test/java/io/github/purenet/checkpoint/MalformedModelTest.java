package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.model.Model;
import io.vavr.collection.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Well-formed model documents whose parts do not fit the network or each other are refused with a
 * {@link CheckpointException} at the part's JSON path. The document has no hash, so that the
 * decoder, not the hash, must see each fault.
 */
class MalformedModelTest {

    private static final String MODEL = Fixtures.withoutSha(Documents.MODEL);

    /** Models of both versions: of a network of every kind (version 2), of the seed network (version 1). */
    private static final List<String> MODELS = List.of(MODEL, Fixtures.withoutSha(Documents.V1_MODEL));
    private static final String NAMES = "$.model.class_names";
    private static final String STANDARDIZATION = "$.model.standardization";
    private static final String HELD_OUT = "$.model.held_out";

    private static Model model(String json) {
        return CODEC.decodeModel(json);
    }

    @Test
    void theBareDocumentIsAcceptedAndItsOptionalPartsMayBeNull() {
        assertEquals(Documents.MODEL_VALUE, model(MODEL));
        assertEquals(Documents.V1_MODEL_VALUE, model(MODELS.get(1)));
        Model bare = model(set(set(MODEL, STANDARDIZATION, "null"), HELD_OUT, "null"));
        assertEquals(Model.of(Fixtures.everyKind()).withClassNames(Vector.of("red", "green", "blue")), bare);
        Model bareV1 = model(set(set(MODELS.get(1), STANDARDIZATION, "null"), HELD_OUT, "null"));
        assertEquals(Model.of(Fixtures.seedNetwork()).withClassNames(Vector.of("red", "green", "blue")), bareV1);
    }

    @Test
    void classNamesThatAreNotOneDistinctNonEmptyStringPerClassAreRefused() {
        for (String doc : MODELS) {
            refused(() -> model(set(doc, NAMES, "[\"red\", \"green\"]")), NAMES, "2 names for network Network[2",
                    "tells 3 classes apart", "expected 3 names");
            refused(() -> model(set(doc, NAMES, "[\"red\", \"green\", \"blue\", \"cyan\"]")), NAMES, "4 names");
            refused(() -> model(set(doc, NAMES, "[]")), NAMES, "0 names");
            refused(() -> model(set(doc, NAMES, "[\"red\", \"green\", \"red\"]")), NAMES,
                    "the name \"red\" at position 2 repeats the name at position 0");
            refused(() -> model(set(doc, NAMES, "[\"red\", \"\", \"blue\"]")), NAMES, "the name at position 1 is empty");
            refused(() -> model(set(doc, NAMES, "[\"red\", \"gr\\ud800een\", \"blue\"]")), NAMES,
                    "position 1 holds the unpaired surrogate \\uD800");
            refused(() -> model(set(doc, NAMES + "[1]", "1")), NAMES + "[1]", "expected a string");
            refused(() -> model(set(doc, NAMES + "[2]", "null")), NAMES + "[2]", "expected a string");
            refused(() -> model(set(doc, NAMES, "\"red\"")), NAMES, "expected an array");
            refused(() -> model(set(doc, NAMES, "null")), NAMES, "expected an array");
        }
    }

    @Test
    void aStandardisationThatDoesNotFitTheNetworkOrHasBadDeviationsIsRefused() {
        for (String doc : MODELS) {
            refused(() -> model(set(doc, STANDARDIZATION, "{\"mean\": {\"shape\": [1, 3], \"values\": [[0, 0, 0]]}, "
                    + "\"standard_deviation\": {\"shape\": [1, 3], \"values\": [[1, 1, 1]]}}")), STANDARDIZATION,
                    "standardises 3 columns", "Network[2", "takes 2 inputs");
            refused(() -> model(set(doc, STANDARDIZATION + ".standard_deviation",
                    "{\"shape\": [1, 3], \"values\": [[1, 1, 1]]}")), STANDARDIZATION, "mean 1x2 and standardDeviation 1x3");
            refused(() -> model(set(doc, STANDARDIZATION + ".mean", "{\"shape\": [2, 2], \"values\": [[0, 0], [0, 0]]}")),
                    STANDARDIZATION, "mean 2x2");
            for (String bad : List.of("0", "-0.0", "-1", "\"NaN\"", "\"Infinity\"")) {
                refused(() -> model(set(doc, STANDARDIZATION + ".standard_deviation.values[0][1]", bad)), STANDARDIZATION,
                        "standardDeviation: entry (0, 1) of 1x2", "expected a finite positive number");
            }
            refused(() -> model(set(doc, STANDARDIZATION + ".mean.values[0][0]", "\"-Infinity\"")), STANDARDIZATION,
                    "mean: entry (0, 0) of 1x2 is -Infinity");
            refused(() -> model(set(doc, STANDARDIZATION + ".mean.values[0][0]", "true")),
                    STANDARDIZATION + ".mean.values[0][0]", "expected a number");
            refused(() -> model(set(doc, STANDARDIZATION, "[0.5, -1.0]")), STANDARDIZATION, "expected an object");
        }
    }

    @Test
    void aHeldOutPartWithABadFractionFlagHashOrKeyIsRefused() {
        for (String doc : MODELS) {
            for (String bad : List.of("0", "0.0", "-0.0", "1", "1.0", "1.5", "-0.2", "\"NaN\"", "\"Infinity\"")) {
                refused(() -> model(set(doc, HELD_OUT + ".test_fraction", bad)), HELD_OUT + ".test_fraction",
                        "expected a number in (0, 1)");
            }
            refused(() -> model(set(doc, HELD_OUT + ".test_fraction", "\"0.2\"")), HELD_OUT + ".test_fraction",
                    "expected a number");
            for (String bad : List.of("1", "\"true\"", "null", "[]")) {
                refused(() -> model(set(doc, HELD_OUT + ".stratified", bad)), HELD_OUT + ".stratified",
                        "expected true or false");
            }
            for (String bad : List.of("\"\"", "\"0123\"", "\"" + "0123456789ABCDEF".repeat(4) + "\"",
                    "\"" + "0123456789abcdef".repeat(4) + "0\"", "\"" + "x".repeat(64) + "\"")) {
                refused(() -> model(set(doc, HELD_OUT + ".data_sha256", bad)), HELD_OUT + ".data_sha256",
                        "dataSha256: expected 64 lower-case hexadecimal digits");
            }
            refused(() -> model(set(doc, HELD_OUT + ".data_sha256", "12")), HELD_OUT + ".data_sha256",
                    "expected a string");
            refused(() -> model(set(doc, HELD_OUT + ".key.gamma", "\"0000000000000002\"")), HELD_OUT + ".key.gamma",
                    "odd");
            refused(() -> model(set(doc, HELD_OUT, "0.2")), HELD_OUT, "expected an object");
            assertEquals(false, model(set(doc, HELD_OUT + ".stratified", "false")).heldOut().get().stratified());
        }
    }

    @Test
    void aNetworkFaultInsideAModelIsRefusedAtItsPath() {
        String v1 = MODELS.get(1);
        refused(() -> model(set(v1, "$.model.network.layers[1].bias", "{\"shape\": [1, 2], \"values\": [[0, 0]]}")),
                "$.model.network.layers[1].bias", "bias 1x2 does not fit weights 3x3");
        refused(() -> model(set(v1, "$.model.network.layers[0].activation", "\"gelu\"")),
                "$.model.network.layers[0].activation", "unknown activation \"gelu\"");
        String bias = "$.model.network.layers[5].parameters.bias";
        refused(() -> model(set(MODEL, bias, "{\"shape\": [1, 2], \"values\": [[0, 0]]}")), bias,
                "layers[5].bias: Dense: bias 1x2 does not fit weights 3x2");
        refused(() -> model(set(MODEL, "$.model.network.layers[2].inner.layers[2].activation", "\"gelu\"")),
                "$.model.network.layers[2].inner.layers[2].activation", "unknown activation \"gelu\"");
        refused(() -> model(set(MODEL, "$.model.network.layers[3].kind", "\"dropin\"")),
                "$.model.network.layers[3].kind", "unknown layer kind \"dropin\"");
        for (String doc : MODELS) {
            refused(() -> model(set(doc, "$.model.network", "null")), "$.model.network", "expected an object");
        }
    }
}
