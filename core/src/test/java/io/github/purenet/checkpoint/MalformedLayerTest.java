package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.remove;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Well-formed documents of format version 2 whose layers do not fit are refused with a
 * {@link CheckpointException} at the JSON path of the fault, naming the layer's or parameter's
 * path in the network: unknown kinds, paths that are not the layer's place in the tree, parameters
 * and state of the wrong shape, state that does not fit its layer, settings out of range, layers
 * that do not take the shape the layers before them give. The document is the network with a layer
 * of every kind ({@link Fixtures#everyKind()}), without its hash, so that the decoder, not the hash,
 * must see each fault.
 */
class MalformedLayerTest {

    private static final String NETWORK = Fixtures.withoutSha(Documents.NETWORK);
    private static final String L = "$.network.layers";
    private static final String BN = L + "[1]";
    private static final String LN = L + "[2].inner.layers[1]";
    private static final String SCALE = L + "[4].inner.layers[1]";

    private static Network network(String json) {
        return CODEC.decodeNetwork(json);
    }

    private static String row(double... values) {
        StringBuilder s = new StringBuilder("{\"shape\": [1, " + values.length + "], \"values\": [[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append("]]}").toString();
    }

    @Test
    void theBareDocumentIsAcceptedSoThatEachRefusalBelowIsCausedByItsOneChange() {
        assertEquals(Fixtures.everyKind(), network(NETWORK));
    }

    @Test
    void anUnknownKindIsRefusedNamingTheBuiltInKindsAndHowToRegisterALayerOfYourOwn() {
        for (String kind : List.of("dropin", "Dense", "", "custom", "scale(9)", "layer-norm")) {
            refused(() -> network(set(NETWORK, L + "[3].kind", "\"" + kind + "\"")), L + "[3].kind",
                    "unknown layer kind \"" + kind + "\"", "dense, conv2d, max_pool2d, avg_pool2d, "
                            + "global_average_pool, flatten, activation, dropout, layer_norm, batch_norm, sequential, "
                            + "residual", "Codec.withLayer(prototype)", "this codec knows scale(1), ");
        }
        refused(() -> network(set(NETWORK, L + "[3].kind", "3")), L + "[3].kind", "expected a string");
        refused(() -> network(remove(NETWORK, L + "[3].kind")), L + "[3]", "missing field 'kind'");
        CheckpointException e = refused(() -> Codec.standard().decodeNetwork(NETWORK), SCALE + ".kind",
                "unknown layer kind \"scale(2)\"", "register it with Codec.withLayer(prototype), a layer named "
                        + "\"scale(2)\"");
        assertTrue(!e.getMessage().contains("this codec knows"), e.getMessage());
    }

    @Test
    void fieldsOfAnotherKindAreRefusedAsUnknownOrMissing() {
        refused(() -> network(set(NETWORK, L + "[3].kind", "\"layer_norm\"")), L + "[3]", "missing field 'eps'");
        refused(() -> network(set(NETWORK, L + "[3].eps", "0.1")), L + "[3]", "unknown field 'eps'");
        refused(() -> network(set(NETWORK, L + "[0].kind", "\"activation\"")), L + "[0].parameters",
                "unknown field 'weights'");
        refused(() -> network(set(NETWORK, L + "[0].state.mean", row(0, 0, 0))), L + "[0].state",
                "unknown field 'mean'");
        refused(() -> network(set(NETWORK, L + "[3].parameters.scale", row(1))), L + "[3].parameters",
                "unknown field 'scale'");
        refused(() -> network(set(NETWORK, BN + ".kind", "\"layer_norm\"")), BN, "unknown field 'momentum'");
        refused(() -> network(set(NETWORK, L + "[2].kind", "\"sequential\"")), L + "[2]", "missing field 'layers'");
        refused(() -> network(set(NETWORK, L + "[2].inner.kind", "\"residual\"")), L + "[2].inner",
                "missing field 'inner'");
        refused(() -> network(set(NETWORK, SCALE + ".parameters.t", row(1))), SCALE + ".parameters",
                "unknown field 't'");
        refused(() -> network(remove(NETWORK, SCALE + ".parameters.s")), SCALE + ".parameters", "missing field 's'");
    }

    @Test
    void aPathThatIsNotTheLayersPlaceInTheNetworkIsRefused() {
        refused(() -> network(set(NETWORK, L + "[1].path", "\"layers[2]\"")), L + "[1].path",
                "expected \"layers[1]\", the layer's place in the network, got \"layers[2]\"");
        refused(() -> network(set(NETWORK, L + "[2].inner.layers[0].path", "\"layers[2].layers[0]\"")),
                L + "[2].inner.layers[0].path", "expected \"layers[2].inner.layers[0]\"");
        refused(() -> network(set(NETWORK, L + "[4].projection.path", "\"layers[4].inner\"")),
                L + "[4].projection.path", "expected \"layers[4].projection\"");
        refused(() -> network(set(NETWORK, L + "[2].inner.path", "\"layers[2]\"")), L + "[2].inner.path",
                "expected \"layers[2].inner\"");
        refused(() -> network(set(NETWORK, L + "[0].path", "0")), L + "[0].path", "expected a string");
        // layers moved within the tree keep the paths of where they were
        String swapped = set(set(NETWORK, L + "[3]", Documents.text(Documents.tree(NETWORK).at("/network/layers/1"))),
                L + "[1]", Documents.text(Documents.tree(NETWORK).at("/network/layers/3")));
        refused(() -> network(swapped), L + "[1].path", "expected \"layers[1]\"", "got \"layers[3]\"");
    }

    @Test
    void parametersAndStateOfTheWrongShapeAreRefusedNamingTheirPath() {
        refused(() -> network(set(NETWORK, L + "[0].parameters.bias", row(0.1, 0.2))), L + "[0].parameters.bias",
                "layers[0].bias: Dense: bias 1x2 does not fit weights 3x2 (expected bias 1x3)");
        refused(() -> network(set(NETWORK, LN + ".parameters.offset", row(0.1, 0.2))), LN + ".parameters.offset",
                "layers[2].inner.layers[1].offset: expected 1x3, the shape of layers[2].inner.layers[1].scale, got 1x2");
        refused(() -> network(set(NETWORK, LN + ".parameters.scale", "{\"shape\": [3, 1], \"values\": [[1], [1], [1]]}")),
                LN + ".parameters.scale", "layers[2].inner.layers[1].scale: expected a row, 1 x n, got 3x1");
        refused(() -> network(set(NETWORK, BN + ".parameters.offset", row(0.1, 0.2, 0.3, 0.4))),
                BN + ".parameters.offset", "layers[1].offset: expected 1x3, the shape of layers[1].scale, got 1x4");
        refused(() -> network(set(NETWORK, BN + ".state.mean", row(0.1, 0.2))), BN + ".state.mean",
                "layers[1].mean: expected 1x3, the shape of layers[1].scale, got 1x2");
        refused(() -> network(set(NETWORK, BN + ".state.variance", row(1, 1, 1, 1))), BN + ".state.variance",
                "layers[1].variance: expected 1x3");
        refused(() -> network(set(NETWORK, SCALE + ".parameters.s", row(1, 2, 3))), SCALE + ".parameters.s",
                "layers[4].inner.layers[1].s: expected 1x2, the shape of the registered 'scale(2)' layer's s, got 1x3");
    }

    @Test
    void stateThatDoesNotFitItsLayerIsRefusedButADivergedRunsStateIsRead() {
        refused(() -> network(set(NETWORK, BN + ".state.variance.values[0][1]", "-0.25")), BN + ".state.variance",
                "layers[1].variance: entry (0, 1) is -0.25; a running variance is not negative");
        refused(() -> network(set(NETWORK, BN + ".state.variance.values[0][2]", "\"-Infinity\"")),
                BN + ".state.variance", "entry (0, 2) is -Infinity");
        refused(() -> network(set(NETWORK, BN + ".state.variance.values[0][0]", "-4.9E-324")), BN + ".state.variance",
                "entry (0, 0) is -4.9E-324");
        Network diverged = network(set(set(NETWORK, BN + ".state.variance.values[0][0]", "\"NaN\""),
                BN + ".state.mean.values[0][2]", "\"Infinity\""));
        assertTrue(Double.isNaN(diverged.state().get(1).get(0, 0)));
        assertEquals(Double.POSITIVE_INFINITY, diverged.state().get(0).get(0, 2));
        assertEquals(-0.0, network(set(NETWORK, BN + ".state.variance.values[0][0]", "-0.0")).state().get(1).get(0, 0));
    }

    @Test
    void settingsOutOfRangeAreRefusedAtTheSetting() {
        for (String rate : List.of("1.0", "1.5", "-0.1", "\"NaN\"", "\"Infinity\"")) {
            refused(() -> network(set(NETWORK, L + "[3].rate", rate)), L + "[3].rate",
                    "layers[3]: rate: expected a probability in [0, 1)");
        }
        for (String eps : List.of("0", "-0.0", "-1e-5", "\"NaN\"", "\"Infinity\"")) {
            refused(() -> network(set(NETWORK, LN + ".eps", eps)), LN + ".eps",
                    "layers[2].inner.layers[1]: eps: expected a positive finite number");
            refused(() -> network(set(NETWORK, BN + ".eps", eps)), BN + ".eps", "layers[1]: eps: expected a positive");
        }
        for (String momentum : List.of("1.0", "-0.5", "\"NaN\"")) {
            refused(() -> network(set(NETWORK, BN + ".momentum", momentum)), BN + ".momentum",
                    "layers[1]: momentum: expected a number in [0, 1)");
        }
        refused(() -> network(set(NETWORK, BN + ".momentum", "\"0.9\"")), BN + ".momentum", "expected a number");
        refused(() -> network(set(NETWORK, L + "[3].rate", "null")), L + "[3].rate", "expected a number");
        assertEquals(0.0, ((io.github.purenet.network.Dropout) network(set(NETWORK, L + "[3].rate", "0")).layers()
                .get(3)).rate());
    }

    @Test
    void layersThatDoNotTakeTheShapeTheLayersBeforeGiveAreRefusedAtTheLayer() {
        refused(() -> network(set(NETWORK, L + "[5].parameters.weights", "{\"shape\": [3, 3], \"values\": "
                + "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]}")), L + "[5]", "layers[5]: expected input shape 3, got 2");
        refused(() -> network(set(set(NETWORK, LN + ".parameters.scale", row(1, 1, 1, 1)), LN + ".parameters.offset",
                row(0, 0, 0, 0))), LN, "layers[2].inner.layers[1]: expected an input of 4 features, got 3");
        refused(() -> network(set(NETWORK, L + "[4].projection", "null")), L + "[4]",
                "layers[4]: the residual's inner layers give shape 2 but its input is 3: add a projection to shape 2");
        refused(() -> network(set(set(NETWORK, L + "[4].projection.parameters.weights", "{\"shape\": [3, 3], "
                + "\"values\": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}"), L + "[4].projection.parameters.bias", row(0, 0, 0))),
                L + "[4]", "layers[4]: the residual's inner layers give shape 2 but its projection gives 3");
        refused(() -> network(set(NETWORK, SCALE + ".kind", "\"scale(3)\"")), SCALE + ".parameters.s",
                "expected 1x3, the shape of the registered 'scale(3)' layer's s, got 1x2");
        refused(() -> network(set(NETWORK, "$.network.input_shape", "[3]")), L + "[0]",
                "layers[0]: expected input shape 2, got 3");
        refused(() -> network(set(NETWORK, "$.network.input_shape", "[1, 1, 2]")), L + "[0]",
                "expected input shape 2, got 1x1x2");
    }

    @Test
    void theInputShapeIsAListOfPositiveDimensions() {
        for (String shape : List.of("[0]", "[2, 0]", "[-1]", "[2.5]", "[\"2\"]")) {
            refused(() -> network(set(NETWORK, "$.network.input_shape", shape)), "$.network.input_shape["
                    + (shape.startsWith("[2,") ? 1 : 0) + "]", "expected an integer");
        }
        refused(() -> network(set(NETWORK, "$.network.input_shape", "[]")), "$.network.input_shape",
                "expected at least one dimension, such as [784] or [28, 28, 1]");
        refused(() -> network(set(NETWORK, "$.network.input_shape", "2")), "$.network.input_shape",
                "expected an array");
        refused(() -> network(set(NETWORK, "$.network.input_shape", "[65536, 65536]")), "$.network.input_shape",
                "65536x65536 has more than 2147483647 entries");
        String image = Fixtures.withoutSha(CODEC.encode(Fixtures.imageNetwork()));
        assertEquals(Shape.of(2, 2, 3), network(image).input());
        refused(() -> network(set(image, "$.network.input_shape", "[2, 2, 4]")), L + "[0]",
                "layers[0]: expected an input of 3 channels (its last dimension), got 2x2x4");
        refused(() -> network(set(image, "$.network.input_shape", "[12]")), L + "[0]", "got 12");
    }

    @Test
    void hugeDimensionsWithTinyValuesAreRefusedQuicklyWithoutAllocating() {
        for (String at : List.of(BN + ".state.mean", SCALE + ".parameters.s", L + "[0].parameters.weights")) {
            String huge = set(NETWORK, at, "{\"shape\": [1, 2000000000], \"values\": [[0.5]]}");
            // an attempt to build a 1 x 2e9 matrix would throw OutOfMemoryError, not CheckpointException
            assertTimeoutPreemptively(Duration.ofMillis(500), () -> refused(() -> network(huge), at + ".values[0]",
                    "shape 1x2000000000 needs 2000000000 columns, got 1"));
        }
        String gradients = Fixtures.withoutSha(Documents.GRADIENTS);
        String huge = set(gradients, "$.gradients['layers[1].scale']", "{\"shape\": [2000000000, 2000000000], "
                + "\"values\": [[0.5]]}");
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> refused(() -> CODEC.decodeGradients(huge),
                "$.gradients['layers[1].scale'].values", "needs 2000000000 rows, got 1"));
        refused(() -> network(set(NETWORK, "$.network.input_shape", "[2000000000]")), L + "[0]",
                "layers[0]: expected input shape 2, got 2000000000");
    }

    @Test
    void emptySequencesAreRefused() {
        refused(() -> network(set(NETWORK, L, "[]")), L, "expected at least one layer");
        refused(() -> network(set(NETWORK, L + "[2].inner.layers", "[]")), L + "[2].inner.layers",
                "expected at least one layer");
        refused(() -> network(set(NETWORK, L + "[2].inner.layers", "{}")), L + "[2].inner.layers",
                "expected an array");
    }
}
