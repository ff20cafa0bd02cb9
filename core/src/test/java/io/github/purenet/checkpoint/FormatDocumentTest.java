package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The examples in the format's documentation are documents that purenet reads and writes exactly,
 * the canonical forms and hashes follow the page's rules written out by hand here, and the errors
 * the page shows are the codec's own.
 */
class FormatDocumentTest {

    private static final Path PAGE = Path.of("..", "docs", "checkpoint-format.md");
    private static final Codec CODEC = Fixtures.CODEC;

    private static String page() throws Exception {
        return Files.readString(PAGE);
    }

    /** The first block of JSON on the page that holds {@code text}. */
    private static String jsonBlock(String text) throws Exception {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page());
        while (m.find()) {
            if (m.group(1).contains(text)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no json block with " + text + " in " + PAGE.toAbsolutePath());
    }

    private static String networkBlock() throws Exception {
        return jsonBlock("\"version\" : 2,\n  \"type\" : \"network\"");
    }

    private static String withoutHash(String written) {
        return written.replaceAll("\\n  \"sha256\" : \"[0-9a-f]{64}\",", "").strip();
    }

    /** The six examples of the page's model example, whose stratified half is held out. */
    private static final Dataset SIX = Dataset.classification(Matrix.of(new double[][] {
        {5.1, 3.5}, {4.9, 3.0}, {7.0, 3.2}, {6.4, 3.2}, {6.3, 3.3}, {5.8, 2.7}}), Vector.of(0, 0, 1, 1, 2, 2), 3);

    private static Model documentedModel() {
        return Model.of(Fixtures.seedNetwork())
                .withStandardization(new Standardization(Matrix.row(5.9, 3.15), Matrix.row(0.8, 0.25)))
                .withClassNames(Vector.of("setosa", "versicolor", "virginica"))
                .withHeldOut(HeldOut.stratified(SIX, Key.of(42), 0.5));
    }

    @Test
    void theCompleteExampleIsTheNetworkOfEveryKindAndWhatPurenetWritesWithoutItsHash() throws Exception {
        assertEquals(Fixtures.everyKind(), CODEC.decodeNetwork(networkBlock()));
        assertEquals(networkBlock().strip(), withoutHash(CODEC.encode(CODEC.decodeNetwork(networkBlock()))));
        for (String kind : Registry.builtInKinds()) {
            assertTrue(page().contains("\n| `" + kind + "` | `kind`, `path`, "), "the table has " + kind);
        }
    }

    @Test
    void theNetworksHashIsTheSha256OfTheDocumentedCanonicalForm() throws Exception {
        String canonical = "{\"format\":\"purenet\",\"version\":2,\"type\":\"network\",\"network\":"
                + network(Fixtures.everyKind()) + "}";
        assertTrue(page().contains(canonical.substring(0, 160)), "the page shows the start of this form");
        String bn = canonical.substring(canonical.indexOf("{\"kind\":\"batch_norm\""));
        assertTrue(page().contains(bn.substring(0, bn.indexOf("\"parameters\":") + 13) + "{...},\"state\":{...}}"),
                "the page shows the batch normalisation's settings");
        assertEquals(sha256(canonical), CODEC.sha256(Fixtures.everyKind()));
        assertEquals(sha256(canonical), Fixtures.shaField(CODEC.encode(Fixtures.everyKind())));
    }

    @Test
    void theDocumentedModelIsTheSeedNetworkWithItsPartsAndWhatPurenetWrites() throws Exception {
        String block = jsonBlock("\"type\" : \"model\"");
        Model documented = Codec.standard().decodeModel(block);
        assertEquals(documentedModel(), documented);
        assertEquals(3, documented.heldOut().get().test(SIX).size(), "one example of each class held out");
        assertTrue(page().contains("`[[5.1, 3.5], [4.9, 3.0], [7.0, 3.2], [6.4, 3.2], [6.3, 3.3], "
                + "[5.8, 2.7]]`, classes `0, 0, 1, 1, 2,\n2`"), "the page shows the data");
        assertEquals(block.strip(), withoutHash(Codec.standard().encode(documented)));
    }

    /**
     * The canonical form of a model, written out by hand from the page's rules, with class names
     * that need each kind of escape, hashes to what the codec computes.
     */
    @Test
    void theModelHashIsTheSha256OfTheDocumentedCanonicalFormWithItsStringEscapes() throws Exception {
        Vector<String> names = Vector.of("quote \" back \\ slash /", "\b\t\n\f\r \u0000\u001f\u007f",
                "é 中 😀 \u2028");
        Vector<String> escaped = Vector.of("quote \\\" back \\\\ slash /", "\\b\\t\\n\\f\\r \\u0000\\u001F\u007f",
                "é 中 😀 \u2028");
        Model model = documentedModel().withClassNames(names);
        HeldOut h = model.heldOut().get();
        String canonical = "{\"format\":\"purenet\",\"version\":2,\"type\":\"model\",\"model\":{\"network\":"
                + network(model.network()) + ",\"standardization\":{\"mean\":" + matrix(model.standardization().get()
                .mean()) + ",\"standard_deviation\":" + matrix(model.standardization().get().standardDeviation())
                + "},\"class_names\":[" + escaped.map(n -> "\"" + n + "\"").mkString(",") + "],\"held_out\":{\"key\":"
                + "{\"state\":\"000000000000002a\",\"gamma\":\"9e3779b97f4a7c15\"},\"test_fraction\":"
                + "\"3fe0000000000000\",\"stratified\":true,\"data_sha256\":\"" + h.dataSha256() + "\"}}}";
        String heldOut = canonical.substring(canonical.indexOf("\"held_out\""), canonical.length() - 2);
        assertTrue(page().contains(heldOut.substring(0, heldOut.length() - 58) + "...\"}`"),
                "the page shows the held-out part's canonical form");
        assertEquals(sha256(canonical), Codec.standard().sha256(model));
    }

    @Test
    void theVersionOneAppendixIsTheSeedNetworkWithItsCanonicalForm() throws Exception {
        String block = jsonBlock("\"version\" : 1,\n  \"type\" : \"network\"");
        assertEquals(Fixtures.seedNetwork(), Codec.standard().decodeNetwork(block));
        assertEquals(block.strip(), withoutHash(VersionOneWriter.network(Fixtures.seedNetwork())));
        StringBuilder canonical = new StringBuilder("{\"format\":\"purenet\",\"version\":1,\"type\":\"network\","
                + "\"network\":{\"layers\":[");
        for (int l = 0; l < 2; l++) {
            Dense layer = Fixtures.seedNetwork().dense(l);
            canonical.append(l == 0 ? "" : ",").append("{\"weights\":").append(matrix(layer.weights()))
                    .append(",\"bias\":").append(matrix(layer.bias()))
                    .append(",\"activation\":\"").append(layer.activation().name()).append("\"}");
        }
        canonical.append("]}}");
        assertTrue(page().contains(canonical.substring(0, 120)), "the page shows this form");
        assertEquals(sha256(canonical.toString()), Fixtures.shaField(VersionOneWriter.network(Fixtures.seedNetwork())));
    }

    @Test
    void theErrorsThePageShowsAreTheCodecsOwn() throws Exception {
        String n = Fixtures.withoutSha(networkBlock());
        String l = "$.network.layers";
        assertShown(() -> CODEC.decodeNetwork(set(n, l + "[2].inner.layers[1].parameters.offset",
                "{\"shape\": [1, 2], \"values\": [[0, 0]]}")));
        assertShown(() -> CODEC.decodeNetwork(set(n, l + "[1].state.variance.values[0][1]", "-0.25")));
        assertShown(() -> CODEC.decodeNetwork(set(n, l + "[5].parameters.weights",
                "{\"shape\": [3, 3], \"values\": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}")));
        assertShown(() -> CODEC.decodeNetwork(set(n, l + "[1].path", "\"layers[3]\"")));
        assertShown(() -> Codec.standard().decodeNetwork(n));
        assertShown(() -> CODEC.decodeTrainState(set(Fixtures.withoutSha(Documents.TRAIN),
                "$.train_state.optimizer_state.first.mu['layers[1].scale']", "{\"shape\": [1, 2], \"values\": "
                        + "[[0, 0]]}"), Documents.ADAM));
        assertShown(() -> Codec.standard().decodeModel(set(Fixtures.withoutSha(jsonBlock("\"type\" : \"model\"")),
                "$.model.class_names", "[\"a\", \"b\"]")));
        assertShown(() -> Codec.standard().decodeNetwork(set(Fixtures.withoutSha(jsonBlock("\"version\" : 1,\n  "
                + "\"type\" : \"network\"")), l + "[1].weights", "{\"shape\": [3, 4], \"values\": [[1, 2, 3, 4], "
                + "[1, 2, 3, 4], [1, 2, 3, 4]]}")));
    }

    private static void assertShown(Executable decode) throws Exception {
        CheckpointException e = assertThrows(CheckpointException.class, decode);
        assertTrue(page().replace("\n", " ").contains("`" + e.getMessage() + "`"), "the page shows " + e.getMessage());
    }

    private static String sha256(String canonical) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** A network in canonical form, written out by hand from the page's rules. */
    private static String network(Network network) {
        return "{\"input_shape\":" + network.input().dims().mkString("[", ",", "]") + ",\"layers\":"
                + layers(network.layers(), "") + "}";
    }

    private static String layers(Vector<Layer> layers, String path) {
        return Vector.range(0, layers.size()).map(i -> layer(layers.get(i), path + "layers[" + i + "]"))
                .mkString("[", ",", "]");
    }

    private static String layer(Layer layer, String path) {
        String head = "{\"kind\":\"" + layer.kind() + "\",\"path\":\"" + path + "\"";
        if (layer instanceof Sequential s) {
            return head + ",\"layers\":" + layers(s.layers(), path + ".") + "}";
        }
        if (layer instanceof Residual r) {
            return head + ",\"inner\":" + layer(r.inner(), path + ".inner") + ",\"projection\":"
                    + r.projection().map(p -> layer(p, path + ".projection")).getOrElse("null") + "}";
        }
        String settings;
        if (layer instanceof Dense d) {
            settings = ",\"activation\":\"" + d.activation().name() + "\"";
        } else if (layer instanceof ActivationLayer a && a.activation() instanceof LeakyRelu leaky) {
            settings = ",\"activation\":{\"name\":\"leaky_relu\",\"alpha\":" + bits(leaky.alpha()) + "}";
        } else if (layer instanceof ActivationLayer a) {
            settings = ",\"activation\":\"" + a.activation().name() + "\"";
        } else if (layer instanceof Dropout d) {
            settings = ",\"rate\":" + bits(d.rate());
        } else if (layer instanceof LayerNorm n) {
            settings = ",\"eps\":" + bits(n.eps());
        } else if (layer instanceof BatchNorm b) {
            settings = ",\"momentum\":" + bits(b.momentum()) + ",\"eps\":" + bits(b.eps());
        } else {
            settings = "";
            assertTrue(layer instanceof CustomLayer);
        }
        return head + settings + ",\"parameters\":" + named(layer.parameterNames(), layer.parameters())
                + ",\"state\":" + named(layer.stateNames(), layer.state()) + "}";
    }

    private static String named(Vector<String> names, Vector<Matrix> values) {
        return Vector.range(0, names.size()).map(i -> "\"" + names.get(i) + "\":" + matrix(values.get(i)))
                .mkString("{", ",", "}");
    }

    private static String bits(double x) {
        return "\"" + String.format("%016x", Double.doubleToLongBits(x)) + "\"";
    }

    /** A matrix in canonical form, written out by hand from the format's description. */
    private static String matrix(Matrix m) {
        StringBuilder s = new StringBuilder("{\"shape\":[" + m.rows() + "," + m.columns() + "],\"values\":[");
        for (int i = 0; i < m.rows(); i++) {
            s.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < m.columns(); j++) {
                s.append(j == 0 ? "" : ",").append(bits(m.get(i, j)));
            }
            s.append(']');
        }
        return s.append("]}").toString();
    }
}
