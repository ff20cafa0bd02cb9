package io.github.purenet.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * JSON for the command line's own files and reports, with Jackson: parsing with errors that name
 * the file, reading fields with errors that name the field, and SHA-256 content hashes.
 *
 * <p>A content hash is taken over a canonical form, where every double is the 16 hex digits of its
 * bits ({@link Double#doubleToLongBits}), as the library's checkpoint format does: the same value
 * has the same hash on every JVM, however its decimal form is printed.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** @return a new, empty object node */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new, empty array node */
    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Parses a document.
     *
     * @param source the file, for messages
     * @param text the text
     * @return its root, an object
     * @throws CliException (data) if the text is not a JSON object
     */
    static Field parse(String source, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliException.data(source + ": not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw CliException.data(source + ": not a JSON object");
        }
        return new Field(source, "$", root);
    }

    /**
     * @param node a document
     * @return its text, indented
     */
    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pretty: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The indented text of a document with one more field, last, whose value is a document of its
     * own, copied as it is: a training state or a network of the library's format, written by its
     * codec, is not parsed and printed again (for a wide network, most of a checkpoint's time).
     *
     * @param node a document without the field
     * @param field the name of the last field
     * @param document the field's value: the text of a JSON object
     * @return the text of the whole, indented
     */
    static String pretty(ObjectNode node, String field, String document) {
        return pretty(node, Vector.of(Tuple.of(field, document)));
    }

    /**
     * The indented text of a document with more fields, last and in order, whose values are
     * documents copied as they are, as {@link #pretty(ObjectNode, String, String)} adds one.
     *
     * @param node a document without the fields
     * @param documents the names of the last fields and their values, the texts of JSON objects
     * @return the text of the whole, indented
     */
    static String pretty(ObjectNode node, Vector<Tuple2<String, String>> documents) {
        String head = pretty(node).stripTrailing();
        return head.substring(0, head.length() - 1).stripTrailing() + (node.isEmpty() ? "" : ",") + "\n  "
                + documents.map(d -> line(JsonNodeFactory.instance.textNode(d._1)) + " : " + d._2.strip())
                        .mkString(",\n  ") + "\n}\n";
    }

    /**
     * A text field at the top of a document, read without parsing the rest of it.
     *
     * @param document the text of a JSON object, such as a document of the library's format
     * @param field the name of a field at its top level whose value is a string
     * @return the field's value
     * @throws IllegalStateException if the document has no such field
     */
    static String topLevelText(String document, String field) {
        try (JsonParser parser = MAPPER.createParser(document)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals(field)) {
                        return parser.getText();
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("topLevelText: " + e.getMessage(), e);
        }
        throw new IllegalStateException("topLevelText: no text field '" + field + "' at the top of the document");
    }

    /**
     * @param node a document
     * @return its text on one line
     */
    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("line: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param canonical a canonical form
     * @return the SHA-256 of its one-line text, as 64 lower-case hex digits
     */
    static String sha256(JsonNode canonical) {
        return sha256(line(canonical).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256, as 64 lower-case hex digits
     */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** @return a new SHA-256 digest */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param x a double
     * @return the 16 hex digits of its bits, for canonical forms
     */
    static String bits(double x) {
        return String.format("%016x", Double.doubleToLongBits(x));
    }

    /**
     * A double as JSON: a number, or the string {@code "NaN"}, {@code "Infinity"} or
     * {@code "-Infinity"}, which JSON numbers cannot be.
     *
     * @param x a double
     * @return its node
     */
    static JsonNode number(double x) {
        return Double.isFinite(x) ? JsonNodeFactory.instance.numberNode(x)
                : JsonNodeFactory.instance.textNode(String.valueOf(x));
    }

    /**
     * A double as a file holds it ({@link #number(double)}), or as a canonical form does: the string
     * of the 16 hex digits of its bits ({@link #bits}).
     *
     * @param x a double
     * @param canonical whether the node is for a canonical form
     * @return its node
     */
    static JsonNode number(double x, boolean canonical) {
        return canonical ? JsonNodeFactory.instance.textNode(bits(x)) : number(x);
    }

    /**
     * @param row a {@code 1 x d} matrix
     * @param canonical whether the array is for a canonical form
     * @return its entries as an array of {@link #number(double, boolean)}
     */
    static ArrayNode row(Matrix row, boolean canonical) {
        ArrayNode a = array();
        for (int j = 0; j < row.columns(); j++) {
            a.add(number(row.get(0, j), canonical));
        }
        return a;
    }

    /**
     * A value in a document being read, with its path for messages such as
     * {@code model.json: at $.classes: expected an integer >= 2}.
     *
     * @param source the file
     * @param path the JSON path of the value
     * @param node the value, or a missing node
     */
    record Field(String source, String path, JsonNode node) {

        Field {
            Objects.requireNonNull(source, "source is null");
            Objects.requireNonNull(path, "path is null");
            Objects.requireNonNull(node, "node is null");
        }

        CliException error(String message) {
            return CliException.data(source + ": at " + path + ": " + message);
        }

        boolean has(String name) {
            return node.has(name);
        }

        Field field(String name) {
            JsonNode child = node.get(name);
            if (child == null) {
                throw error("missing field \"" + name + "\"");
            }
            return new Field(source, path + "." + name, child);
        }

        /** Refuses fields other than the given ones. */
        Field only(String... names) {
            Vector<String> allowed = Vector.of(names);
            for (var it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error("unknown field \"" + name + "\"");
                }
            }
            return this;
        }

        String text() {
            if (!node.isTextual()) {
                throw error("expected a string, got " + node.getNodeType().toString().toLowerCase());
            }
            return node.textValue();
        }

        long integer(long min, long max) {
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min
                    || node.longValue() > max) {
                throw error("expected an integer in [" + min + ", " + max + "], got " + node);
            }
            return node.longValue();
        }

        double number() {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isTextual() && Vector.of("NaN", "Infinity", "-Infinity").contains(node.textValue())) {
                return Double.parseDouble(node.textValue());
            }
            throw error("expected a number, got " + node);
        }

        boolean bool() {
            if (!node.isBoolean()) {
                throw error("expected true or false, got " + node);
            }
            return node.booleanValue();
        }

        boolean isNull() {
            return node.isNull();
        }

        Vector<Field> elements() {
            if (!node.isArray()) {
                throw error("expected an array, got " + node.getNodeType().toString().toLowerCase());
            }
            return Vector.range(0, node.size()).map(i -> new Field(source, path + "[" + i + "]", node.get(i)));
        }

        Matrix row() {
            Vector<Double> values = elements().map(Field::number);
            if (values.isEmpty()) {
                throw error("expected at least one number");
            }
            return Matrix.row(values.toJavaStream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
