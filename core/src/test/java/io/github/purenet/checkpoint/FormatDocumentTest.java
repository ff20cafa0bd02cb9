package io.github.purenet.checkpoint;

import io.github.purenet.Stacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
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

/** The example in the format's documentation is a document that purenet reads, exactly. */
class FormatDocumentTest {

    private static final Path PAGE = Path.of("..", "docs", "checkpoint-format.md");

    private static String firstJsonBlock() throws Exception {
        return jsonBlock("\"type\" : \"network\"");
    }

    /** The first block of JSON on the page that holds {@code text}. */
    private static String jsonBlock(String text) throws Exception {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        while (m.find()) {
            if (m.group(1).contains(text)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no json block with " + text + " in " + PAGE.toAbsolutePath());
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
    void theDocumentedModelIsTheSeedNetworkWithItsPartsAndTheHashOfTheDocumentedData() throws Exception {
        Model documented = Codec.standard().decodeModel(jsonBlock("\"type\" : \"model\""));
        assertEquals(documentedModel(), documented);
        assertEquals(3, documented.heldOut().get().test(SIX).size(), "one example of each class held out");
        assertTrue(Files.readString(PAGE).contains("`[[5.1, 3.5], [4.9, 3.0], [7.0, 3.2], [6.4, 3.2], [6.3, 3.3], "
                + "[5.8, 2.7]]`, classes `0, 0, 1, 1, 2,\n2`"), "the page shows the data");
    }

    @Test
    void theDocumentedModelIsWhatPurenetWritesWithoutItsHash() throws Exception {
        String block = jsonBlock("\"type\" : \"model\"");
        String written = Codec.standard().encode(Codec.standard().decodeModel(block));
        assertEquals(block.strip(), written.replaceAll("\\n  \"sha256\" : \"[0-9a-f]{64}\",", "").strip());
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
        StringBuilder canonical = new StringBuilder("{\"format\":\"purenet\",\"version\":1,\"type\":\"model\","
                + "\"model\":{\"network\":");
        String network = canonicalNetwork(model.network());
        canonical.append(network.substring(network.indexOf("\"network\":") + 10, network.length() - 1))
                .append(",\"standardization\":{\"mean\":").append(matrix(model.standardization().get().mean()))
                .append(",\"standard_deviation\":").append(matrix(model.standardization().get().standardDeviation()))
                .append("},\"class_names\":[").append(escaped.map(n -> "\"" + n + "\"").mkString(","))
                .append("],\"held_out\":{\"key\":{\"state\":\"000000000000002a\",\"gamma\":\"9e3779b97f4a7c15\"},")
                .append("\"test_fraction\":\"3fe0000000000000\",\"stratified\":true,\"data_sha256\":\"")
                .append(h.dataSha256()).append("\"}}}");
        String heldOut = canonical.substring(canonical.indexOf("\"held_out\""), canonical.length() - 2);
        assertTrue(Files.readString(PAGE).contains(heldOut.substring(0, heldOut.length() - 58) + "...\"}`"),
                "the page shows the held-out part's canonical form");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), Codec.standard().sha256(model));
    }

    @Test
    void theDocumentedExampleIsTheSeedNetwork() throws Exception {
        Network seed = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
        assertEquals(seed, Codec.standard().decodeNetwork(firstJsonBlock()));
    }

    @Test
    void theDocumentedExampleIsWhatPurenetWritesWithoutItsHash() throws Exception {
        Codec codec = Codec.standard();
        String written = codec.encode(codec.decodeNetwork(firstJsonBlock()));
        assertEquals(firstJsonBlock().strip(), written.replaceAll("\\n  \"sha256\" : \"[0-9a-f]{64}\",", "").strip());
    }

    @Test
    void theHashIsTheSha256OfTheDocumentedCanonicalForm() throws Exception {
        Network seed = Codec.standard().decodeNetwork(firstJsonBlock());
        String canonical = canonicalNetwork(seed);
        assertTrue(Files.readString(PAGE).contains(canonical.substring(0, 120)), "the page shows this form");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), Codec.standard().sha256(seed));
    }

    /** A network's document in canonical form, written out by hand from the format's description. */
    private static String canonicalNetwork(Network network) {
        StringBuilder canonical = new StringBuilder("{\"format\":\"purenet\",\"version\":1,\"type\":\"network\","
                + "\"network\":{\"layers\":[");
        for (int l = 0; l < network.layers().size(); l++) {
            Dense layer = network.dense(l);
            canonical.append(l == 0 ? "" : ",").append("{\"weights\":").append(matrix(layer.weights()))
                    .append(",\"bias\":").append(matrix(layer.bias()))
                    .append(",\"activation\":\"").append(layer.activation().name()).append("\"}");
        }
        return canonical.append("]}}").toString();
    }

    /** A matrix in canonical form, written out by hand from the format's description. */
    private static String matrix(Matrix m) {
        StringBuilder s = new StringBuilder("{\"shape\":[" + m.rows() + "," + m.columns() + "],\"values\":[");
        for (int i = 0; i < m.rows(); i++) {
            s.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < m.columns(); j++) {
                s.append(j == 0 ? "" : ",").append('"')
                        .append(String.format("%016x", Double.doubleToLongBits(m.get(i, j)))).append('"');
            }
            s.append(']');
        }
        return s.append("]}").toString();
    }
}
