package io.github.purenet.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
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

    private static final Path PAGE = Path.of("docs", "checkpoint-format.md");

    private static String firstJsonBlock() throws Exception {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        if (!m.find()) {
            throw new AssertionError("no json block in " + PAGE.toAbsolutePath());
        }
        return m.group(1);
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
        StringBuilder canonical = new StringBuilder("{\"format\":\"purenet\",\"version\":1,\"type\":\"network\","
                + "\"network\":{\"layers\":[");
        for (int l = 0; l < seed.layers().size(); l++) {
            Dense layer = seed.layers().get(l);
            canonical.append(l == 0 ? "" : ",").append("{\"weights\":").append(matrix(layer.weights()))
                    .append(",\"bias\":").append(matrix(layer.bias()))
                    .append(",\"activation\":\"").append(layer.activation().name()).append("\"}");
        }
        canonical.append("]}}");
        assertTrue(Files.readString(PAGE).contains(canonical.substring(0, 120)), "the page shows this form");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), Codec.standard().sha256(seed));
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
