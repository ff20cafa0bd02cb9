package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What surrounds a value in a document: the header ({@code format}, {@code version}, {@code type}),
 * the content hash, and the JSON text itself.
 */
final class Envelope {

    /** The value of every document's {@code format}. */
    static final String FORMAT = "purenet";

    /** The oldest format version that is still read. */
    static final int OLDEST = 1;

    private final JsonMapper mapper; // configured once; Jackson's mappers are thread-safe once configured
    private final int maxLength;

    /** An envelope of documents of at most {@link Codec#MAX_DOCUMENT_LENGTH} characters. */
    Envelope() {
        this(Codec.MAX_DOCUMENT_LENGTH);
    }

    /** @param maxLength the most characters of a document read or written */
    Envelope(int maxLength) {
        this.maxLength = maxLength;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * The text of a document of the current version.
     *
     * @param payload the value as written
     * @param canonical the value in canonical form, which the hash is computed over
     */
    String write(String type, ObjectNode payload, ObjectNode canonical) {
        ObjectNode document = header(type, Codec.VERSION);
        document.put("sha256", hash(type, Codec.VERSION, canonical));
        document.set(type, payload);
        String text;
        try {
            text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("encode: " + e.getOriginalMessage(), e);
        }
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("encode: the document would be " + text.length() + " characters long, "
                    + "more than the " + maxLength + " that a codec reads (Codec.MAX_DOCUMENT_LENGTH), so it could "
                    + "not be read back");
        }
        return text;
    }

    /**
     * Parses a document and checks its header: the format, a version that is read, the type, and
     * no fields beside the header, the hash and the value.
     *
     * @return the document's root
     */
    At open(String json, String type) {
        if (json.length() > maxLength) {
            throw new CheckpointException("$", "the document is " + json.length() + " characters long, more than the "
                    + maxLength + " that a codec reads (Codec.MAX_DOCUMENT_LENGTH)");
        }
        JsonNode root;
        try (JsonParser parser = mapper.createParser(json)) {
            root = TreeReader.document(parser);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("$", "not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null
                    ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a parser of a string reads no file: nothing else is thrown
            throw new IllegalStateException("reading a string: " + e.getMessage(), e);
        }
        At at = new At(root == null ? JsonNodeFactory.instance.missingNode() : root, "$");
        if (!at.node().isObject()) {
            throw at.error("expected a purenet document, a JSON object");
        }
        if (!at.field("format").text().equals(FORMAT)) {
            throw at.field("format").error("expected \"" + FORMAT + "\", got " + At.quote(at.field("format").text()));
        }
        long version = version(at);
        if (version < OLDEST || version > Codec.VERSION) {
            throw at.field("version").error("version " + version + " is not supported; this library reads versions "
                    + OLDEST + " to " + Codec.VERSION);
        }
        if (!at.field("type").text().equals(type)) {
            throw at.field("type").error("expected a document of type \"" + type + "\", got "
                    + At.quote(at.field("type").text()));
        }
        if (at.has("sha256")) {
            at.fields("format", "version", "type", "sha256", type);
        } else {
            at.fields("format", "version", "type", type);
        }
        return at;
    }

    /** @return the version of a document whose root is {@code at} */
    static int version(At at) {
        return (int) at.field("version").integer(0, Integer.MAX_VALUE);
    }

    /**
     * The SHA-256 of a document in canonical form: the header, then the value, no white space.
     *
     * @param canonical the value in canonical form
     * @return 64 lower-case hexadecimal digits
     */
    String hash(String type, int version, ObjectNode canonical) {
        ObjectNode document = header(type, version);
        document.set(type, canonical);
        try {
            byte[] text = mapper.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("sha256: " + e.getMessage(), e);
        }
    }

    private static ObjectNode header(String type, int version) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", FORMAT).put("version", version).put("type", type);
        return document;
    }
}
