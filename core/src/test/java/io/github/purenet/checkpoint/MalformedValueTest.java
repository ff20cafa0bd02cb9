package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.ADAM;
import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Wrappers;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Well-formed documents with values that do not fit are refused with a {@link CheckpointException}
 * naming the JSON path and what is wrong: shapes, numbers, activations, keys, orders, counts and
 * optimizer states of the wrong kind. The networks and gradients are of format version 1 (the
 * seed network; {@code MalformedLayerTest} has version 2's layers); what both versions write alike,
 * training states, keys and optimizer states, is checked in both. The documents have no hash, so that the decoder, not the
 * hash, must see each fault.
 */
class MalformedValueTest {

    private static final String NETWORK = Fixtures.withoutSha(Documents.V1_NETWORK);
    private static final String GRADIENTS = Fixtures.withoutSha(Documents.V1_GRADIENTS);
    private static final String TRAIN = Fixtures.withoutSha(Documents.V1_TRAIN);
    private static final String W0 = "$.network.layers[0].weights";

    /** Training states of both versions: of the seed network (version 1), of a network of every kind (version 2). */
    private static final List<String> TRAINS = List.of(TRAIN, Fixtures.withoutSha(Documents.TRAIN));

    private static Network network(String json) {
        return CODEC.decodeNetwork(json);
    }

    private static Object train(String json) {
        return CODEC.decodeTrainState(json, ADAM);
    }

    @Test
    void theBareDocumentsAreAcceptedSoThatEachRefusalBelowIsCausedByItsOneChange() {
        assertEquals(Fixtures.seedNetwork(), network(NETWORK));
        assertEquals(Documents.V1_SPECIAL_GRADIENTS, CODEC.decodeGradients(GRADIENTS));
        assertEquals(Documents.V1_TRAIN_STATE, train(TRAIN));
    }

    @Test
    void shapesThatDoNotFitAreRefusedWithBothShapes() {
        refused(() -> network(set(NETWORK, "$.network.layers[0].bias", "{\"shape\": [1, 2], \"values\": [[0.1, 0.2]]}")),
                "$.network.layers[0].bias", "bias 1x2 does not fit weights 3x2");
        refused(() -> network(set(NETWORK, "$.network.layers[0].bias",
                "{\"shape\": [2, 3], \"values\": [[1, 2, 3], [4, 5, 6]]}")), "$.network.layers[0].bias", "bias 2x3");
        refused(() -> network(set(NETWORK, "$.network.layers[1].weights",
                "{\"shape\": [3, 2], \"values\": [[1, 2], [3, 4], [5, 6]]}")), "$.network.layers[1].weights",
                "weights 3x2 take 2 inputs", "layer 0 (weights 3x2) gives 3 outputs");
        refused(() -> network(set(NETWORK, W0 + ".values[1]", "[0.3]")), W0 + ".values[1]",
                "shape 3x2 needs 2 columns, got 1");
        refused(() -> network(set(NETWORK, W0 + ".values[2]", "[0.3, 0.4, 0.5]")), W0 + ".values[2]",
                "needs 2 columns, got 3");
        refused(() -> network(set(NETWORK, W0 + ".shape", "[2, 3]")), W0 + ".values", "shape 2x3 needs 2 rows, got 3");
        refused(() -> network(set(NETWORK, W0 + ".shape", "[3, 3]")), W0 + ".values[0]", "shape 3x3 needs 3 columns");
        refused(() -> network(set(NETWORK, W0 + ".shape", "[3, 2, 1]")), W0 + ".shape", "expected [rows, columns]");
        refused(() -> network(set(NETWORK, W0 + ".shape", "[6]")), W0 + ".shape", "got 1 numbers");
        refused(() -> network(set(NETWORK, W0 + ".shape", "\"3x2\"")), W0 + ".shape", "expected an array");
        refused(() -> network(set(NETWORK, W0 + ".shape[0]", "0")), W0 + ".shape[0]", "expected an integer in [1,");
        refused(() -> network(set(NETWORK, W0 + ".shape[1]", "-2")), W0 + ".shape[1]", "got -2");
        refused(() -> network(set(NETWORK, W0 + ".shape[1]", "2.0")), W0 + ".shape[1]", "expected an integer");
        refused(() -> network(set(NETWORK, W0 + ".shape[0]", "\"3\"")), W0 + ".shape[0]", "expected an integer");
        refused(() -> network(set(NETWORK, W0 + ".values", "[0.1, 0.2, 0.3]")), W0 + ".values[0]", "expected an array");
        refused(() -> network(set(NETWORK, "$.network.layers", "[]")), "$.network.layers", "at least one layer");
        refused(() -> CODEC.decodeGradients(set(GRADIENTS, "$.gradients.layers[1].weights",
                "{\"shape\": [1, 2], \"values\": [[1, 2]]}")), "$.gradients.layers[1].weights", "take 2 inputs");
    }

    @Test
    void hugeDimensionsWithTinyValuesAreRefusedQuicklyWithoutAllocating() {
        for (String shape : List.of("[2000000000, 2000000000]", "[2000000000, 1]", "[1, 2000000000]",
                "[2147483647, 2147483647]", "[46341, 46341]")) {
            String huge = set(NETWORK, W0, "{\"shape\": " + shape + ", \"values\": [[1.0]]}");
            String[] n = shape.substring(1, shape.length() - 1).split(", ");
            // an attempt to build a 2e9 x 2e9 matrix would throw OutOfMemoryError, not CheckpointException
            assertTimeoutPreemptively(Duration.ofMillis(500), () -> refused(() -> network(huge),
                    n[0].equals("1") ? W0 + ".values[0]" : W0 + ".values", "shape " + n[0] + "x" + n[1] + " needs"));
        }
        String hugeBias = set(TRAIN, "$.train_state.optimizer_state.first.mu.layers[0].bias",
                "{\"shape\": [1, 2000000000], \"values\": [[0]]}");
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> refused(() -> train(hugeBias),
                "$.train_state.optimizer_state.first.mu.layers[0].bias.values[0]", "shape 1x2000000000"));
        refused(() -> network(set(NETWORK, W0 + ".shape", "[3000000000, 2]")), W0 + ".shape[0]",
                "expected an integer in [1, 2147483647], got 3000000000");
    }

    @Test
    void nonNumbersWhereNumbersBelongAreRefusedNamingTheEntry() {
        for (String value : List.of("true", "\"abc\"", "null", "{}", "[1.0]", "\"nan\"", "\"inf\"", "\"+Infinity\"",
                "\"1.5\"")) {
            refused(() -> network(set(NETWORK, W0 + ".values[2][1]", value)), W0 + ".values[2][1]",
                    "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
        }
        String nu = "$.train_state.optimizer_state.first.nu";
        for (String entry : List.of(nu + ".layers[1].weights.values[0][2]", nu + "['layers[5].weights'].values[2][1]")) {
            String doc = entry.contains("['") ? Fixtures.withoutSha(Documents.TRAIN) : TRAIN;
            refused(() -> train(set(doc, entry, "false")), entry, "expected a number");
        }
        for (String doc : TRAINS) {
            refused(() -> train(set(doc, "$.train_state.loss", "\"low\"")), "$.train_state.loss", "expected a number");
            refused(() -> train(set(doc, "$.train_state.loss", "[]")), "$.train_state.loss", "expected a number");
            for (String field : List.of("step", "epoch", "batch")) {
                for (String value : List.of("\"1\"", "1.5", "null", "true")) {
                    refused(() -> train(set(doc, "$.train_state." + field, value)), "$.train_state." + field,
                            "expected an integer");
                }
            }
            refused(() -> train(set(doc, "$.train_state.optimizer_state.first.count", "2.5")),
                    "$.train_state.optimizer_state.first.count", "expected an integer");
        }
    }

    @Test
    void unknownActivationsAndBadLeakySlopesAreRefused() {
        String at = "$.network.layers[0].activation";
        for (String name : List.of("gelu", "RELU", "", "leaky_relu", "leaky_relu(0.01)")) {
            refused(() -> network(set(NETWORK, at, "\"" + name + "\"")), at, "unknown activation \"" + name + "\"",
                    "known: identity, sigmoid, tanh, relu, softmax");
        }
        refused(() -> network(set(NETWORK, at, "3")), at, "expected a string");
        refused(() -> network(set(NETWORK, at, "{\"name\": \"relu\", \"alpha\": 0.1}")), at + ".name",
                "expected \"leaky_relu\"");
        refused(() -> network(set(NETWORK, at, "{\"name\": \"leaky_relu\"}")), at, "missing field 'alpha'");
        for (String alpha : List.of("1.5", "1.0", "-0.01", "\"NaN\"", "\"Infinity\"")) {
            refused(() -> network(set(NETWORK, at, "{\"name\": \"leaky_relu\", \"alpha\": " + alpha + "}")),
                    at + ".alpha", "alpha: expected a number in [0, 1)");
        }
        Network leaky = network(set(NETWORK, at, "{\"name\": \"leaky_relu\", \"alpha\": 0.25}"));
        assertEquals(Activations.leakyRelu(0.25), leaky.dense(0).activation());
    }

    @Test
    void keysThatAreNot16LowerCaseHexDigitsOrHaveAnEvenGammaAreRefused() {
        for (String doc : TRAINS) {
            for (String field : List.of("state", "gamma")) {
                String at = "$.train_state.key." + field;
                for (String bad : List.of("xyz", "9E3779B97F4A7C15", "9e3779b97f4a7c1", "09e3779b97f4a7c15",
                        "9e3779b97f4a7c1g", " 9e3779b97f4a7c1", "-000000000000001", "")) {
                    refused(() -> train(set(doc, at, "\"" + bad + "\"")), at,
                            "expected 16 lower-case hexadecimal digits, got \"" + bad + "\"");
                }
                refused(() -> train(set(doc, at, "1")), at, "expected a string");
            }
            refused(() -> train(set(doc, "$.train_state.key.gamma", "\"9e3779b97f4a7c14\"")), "$.train_state.key.gamma",
                    "odd");
        }
    }

    @Test
    void anOrderThatIsNotAPermutationIsRefused() {
        for (String doc : TRAINS) {
            String at = "$.train_state.order";
            refused(() -> train(set(doc, at, "[0, 0]")), at, "expected a permutation of 0..1", "repeats");
            refused(() -> train(set(doc, at, "[0, 2]")), at + "[1]", "expected an integer in [0, 1], got 2");
            refused(() -> train(set(doc, at, "[-1, 0]")), at + "[0]", "got -1");
            refused(() -> train(set(doc, at, "[\"0\", 1]")), at + "[0]", "expected an integer");
            refused(() -> train(set(doc, at, "{\"0\": 1}")), at, "expected an array");
        }
    }

    @Test
    void negativeOrOutOfRangeCountsAreRefused() {
        for (String doc : TRAINS) {
            for (String field : List.of("step", "epoch", "batch")) {
                refused(() -> train(set(doc, "$.train_state." + field, "-1")), "$.train_state." + field,
                        "expected an integer in [0, ", "got -1");
            }
            refused(() -> train(set(doc, "$.train_state.batch", "2147483648")), "$.train_state.batch",
                    "expected an integer in [0, 2147483647]");
            refused(() -> train(set(doc, "$.train_state.step", "9223372036854775808")), "$.train_state.step",
                    "expected an integer");
            refused(() -> train(set(doc, "$.train_state.optimizer_state.first.count", "-3")),
                    "$.train_state.optimizer_state.first.count", "got -3");
            refused(() -> train(set(doc, "$.train_state.optimizer_state.second.steps", "-3")),
                    "$.train_state.optimizer_state.second.steps", "got -3");
        }
    }

    @Test
    void anOptimizerStateOfAnotherKindIsRefusedNamingBothKinds() {
        Network n = Fixtures.seedNetwork();
        String moments = CODEC.encodeOptimizerState(new Moments(0, Gradients.zero(n), Gradients.zero(n)));
        refused(() -> CODEC.decodeOptimizerState(moments, Optimizers.sgd(0.1), n), "$.optimizer_state.kind",
                "expected an optimizer state of kind \"count\"", "got \"moments\"");
        String adam = CODEC.encodeOptimizerState(ADAM.init(n));
        refused(() -> CODEC.decodeOptimizerState(adam, Optimizers.momentum(0.1), n), "$.optimizer_state.first.kind",
                "\"velocity\"", "got \"moments\"");
        refused(() -> CODEC.decodeOptimizerState(adam, Optimizers.adamw(0.1), n), "$.optimizer_state.first.kind",
                "\"chain\"", "got \"moments\"");
        refused(() -> CODEC.decodeTrainState(Documents.TRAIN, Optimizers.rmsprop(0.1)), "$.train_state.optimizer.first",
                "the document has scale_by_adam(", "the optimizer given has scale_by_rms(");
        // without the record of its optimizer (version 1, or written before it was recorded), the state's structure
        for (String doc : List.of(TRAIN, Documents.remove(Fixtures.withoutSha(Documents.TRAIN), "$.train_state.optimizer"))) {
            refused(() -> CODEC.decodeTrainState(doc, Optimizers.rmsprop(0.1)),
                    "$.train_state.optimizer_state.first.kind", "\"square_average\"", "got \"moments\"");
            refused(() -> CODEC.decodeTrainState(doc, Optimizers.sgd(0.1)), "$.train_state.optimizer_state.kind",
                    "\"count\"", "got \"chain\"");
        }
        Optimizer<?> accumulated = Wrappers.accumulate(3, Optimizers.adam(0.1));
        String accumulation = CODEC.encodeOptimizerState(accumulated.init(n));
        refused(() -> CODEC.decodeOptimizerState(accumulation, Wrappers.accumulate(3, Optimizers.sgd(0.1)), n),
                "$.optimizer_state.inner.kind", "\"count\"", "got \"chain\"");
        String frozen = CODEC.encodeOptimizerState(Wrappers.freeze(Vector.of(true, false), ADAM).init(n));
        refused(() -> CODEC.decodeOptimizerState(frozen, Wrappers.partition(Vector.of(true, false), ADAM,
                Optimizers.sgd(0.1)), n), "$.optimizer_state.selected.kind", "\"chain\"", "got \"empty\"");
        refused(() -> CODEC.decodeOptimizerState(set(adam, "$.optimizer_state.first.kind", "\"momentz\""), ADAM, n),
                "$.optimizer_state.first.kind", "got \"momentz\"");
    }

    @Test
    void anOptimizerStateShapedForAnotherNetworkIsRefused() {
        String adam = VersionOneWriter.optimizerState(ADAM.init(Fixtures.seedNetwork()));
        Network other = Network.of(new Dense(Matrix.filled(2, 2, 0.5), Matrix.row(0.0, 0.0), Activations.relu()),
                new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0.0, 0.0, 0.0), Activations.softmax()));
        refused(() -> CODEC.decodeOptimizerState(adam, ADAM, other), "$.optimizer_state.first.mu",
                "gradients [3x2, 1x3, 3x3, 1x3] do not fit network");
        String adam2 = CODEC.encodeOptimizerState(ADAM.init(Fixtures.seedNetwork()));
        refused(() -> CODEC.decodeOptimizerState(adam2, ADAM, other), "$.optimizer_state.first.mu['layers[0].weights']",
                "layers[0].weights: expected 2x2, the shape of the network's parameter, got 3x2");
        refused(() -> CODEC.decodeOptimizerState(adam2, ADAM, Fixtures.everyKind()), "$.optimizer_state.first.mu",
                "missing field 'layers[1].scale'");
        refused(() -> train(set(TRAIN, "$.train_state.optimizer_state.first.nu.layers[1]",
                "{\"weights\": {\"shape\": [1, 3], \"values\": [[1, 2, 3]]}, \"bias\": {\"shape\": [1, 1], "
                        + "\"values\": [[0]]}}")), "$.train_state.optimizer_state.first.nu", "do not fit network");
    }
}
