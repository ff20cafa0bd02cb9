package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vavr.collection.HashSet;
import io.vavr.collection.Iterator;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;

/**
 * A node of a document being decoded, with its JSON path: every accessor checks the node's kind
 * and fails with a {@link CheckpointException} that names the path.
 *
 * @param node the node
 * @param path its JSON path
 */
record At(JsonNode node, String path) {

    /** The most characters of a value that a message echoes. */
    static final int ECHOED = 40;

    /** The strings that stand for the numbers JSON cannot write. */
    static final String NAN = "NaN";
    static final String INFINITY = "Infinity";
    static final String MINUS_INFINITY = "-Infinity";

    CheckpointException error(String message) {
        return new CheckpointException(path, message);
    }

    /** Checks that this is an object with exactly the given fields. */
    At fields(String... names) {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind());
        }
        Set<String> expected = HashSet.of(names);
        Set<String> present = HashSet.ofAll(Iterator.ofAll(node.fieldNames()));
        for (String missing : Vector.of(names).filter(n -> !present.contains(n))) {
            throw error("missing field '" + missing + "'");
        }
        for (String unknown : Vector.ofAll(Iterator.ofAll(node.fieldNames())).filter(n -> !expected.contains(n))) {
            throw error("unknown field '" + cut(unknown) + "'");
        }
        return this;
    }

    /** @return whether this object has the field */
    boolean has(String name) {
        return node.isObject() && node.has(name);
    }

    At field(String name) {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind());
        }
        if (!node.has(name)) {
            throw error("missing field '" + name + "'");
        }
        return new At(node.get(name), path + segment(name));
    }

    /**
     * The JSON path segment of a field: {@code .name} for a name of letters, digits and
     * underscores, else {@code ['name']}, as for a parameter's path {@code ['layers[0].weights']}.
     */
    static String segment(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "['" + name.replace("\\", "\\\\")
                .replace("'", "\\'") + "']";
    }

    /** @return the names of this object's fields, in the document's order */
    Vector<String> names() {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind());
        }
        return Vector.ofAll(Iterator.ofAll(node.fieldNames()));
    }

    Vector<At> elements() {
        if (!node.isArray()) {
            throw error("expected an array, got " + kind());
        }
        return Vector.range(0, node.size()).map(i -> new At(node.get(i), path + "[" + i + "]"));
    }

    double number() {
        if (node.isNumber()) {
            double x = node.doubleValue();
            if (Double.isInfinite(x)) {
                throw error("the number " + cut(node.asText()) + " is beyond the range of a double (write \"Infinity\" "
                        + "or \"-Infinity\" for an infinity)");
            }
            return x;
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case NAN:
                    return Double.NaN;
                case INFINITY:
                    return Double.POSITIVE_INFINITY;
                case MINUS_INFINITY:
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw error("expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got " + kind());
    }

    long integer(long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("expected an integer, got " + kind());
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw error("expected an integer in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    String text() {
        if (!node.isTextual()) {
            throw error("expected a string, got " + kind());
        }
        return node.textValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false, got " + kind());
        }
        return node.booleanValue();
    }

    /** A 64-bit value written as 16 hexadecimal digits, such as a key's state. */
    long hex64() {
        String s = text();
        if (!s.matches("[0-9a-f]{16}")) {
            throw error("expected 16 lower-case hexadecimal digits, got " + quote(s));
        }
        return Long.parseUnsignedLong(s, 16);
    }

    /** @return what this node is, for a message: its type and its first characters */
    String kind() {
        if (node.isPojo()) { // a matrix's values, read as numbers
            return "array " + ((POJONode) node).getPojo();
        }
        return node.getNodeType().name().toLowerCase() + " " + cut(node.toString());
    }

    /**
     * A string as a message quotes it: in JSON's quotes and escapes, so that it stays on one line,
     * and cut to its first {@value #ECHOED} characters when it is longer.
     *
     * @param s the string
     * @return {@code "s"}, or {@code "first 40 characters..." (N characters)}
     */
    static String quote(String s) {
        return s.length() <= ECHOED ? TextNode.valueOf(s).toString()
                : TextNode.valueOf(s.substring(0, ECHOED)).toString() + "... (" + s.length() + " characters)";
    }

    /**
     * A value's text, such as a number's digits, cut to its first {@value #ECHOED} characters when
     * it is longer.
     *
     * @param text the text
     * @return {@code text}, or {@code first 40 characters... (N characters)}
     */
    static String cut(String text) {
        return text.length() <= ECHOED ? text : text.substring(0, ECHOED) + "... (" + text.length() + " characters)";
    }
}
