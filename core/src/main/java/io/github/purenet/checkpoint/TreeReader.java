package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * Reads a document's text into a tree, streaming, as Jackson's own tree reader does, with two
 * differences: a field {@code values} that holds an array (a matrix's entries) is read into a
 * {@link Values}, one double per entry and no node, checked against the matrix's shape while it
 * is read, except within a training state's {@code optimizer} record, where {@code values} may
 * name a hyperparameter (a piecewise schedule's values); and the integer {@code -0} reads as the
 * number {@code -0.0} (and the integer 0).
 *
 * <p>The parser's methods declare {@code IOException}, which a parser of a string never throws
 * but for text that is not JSON ({@code JsonProcessingException}); these methods declare
 * {@code Exception} so that core names no type of {@code java.io}.
 */
final class TreeReader {

    private TreeReader() {
    }

    /**
     * @param p a parser before the document's first token
     * @return the document's root, or a missing node for a document of white space only
     * @throws com.fasterxml.jackson.core.JsonProcessingException for text that is not one JSON value
     */
    static JsonNode document(JsonParser p) throws Exception {
        JsonToken first = p.nextToken();
        if (first == null) {
            return JsonNodeFactory.instance.missingNode();
        }
        JsonNode root = value(p, first, true);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "a second value after the document's end", p.currentTokenLocation());
        }
        return root;
    }

    /**
     * A value whose first token is the parser's current one, read up to its last token.
     *
     * @param matrices whether a field {@code values} holds a matrix's entries
     */
    static JsonNode value(JsonParser p, JsonToken t, boolean matrices) throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT:
                return object(p, matrices);
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(value(p, e, matrices));
                }
                return array;
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return minusZero(p) ? new MinusZero() : nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return nodes.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                double x = p.getDoubleValue();
                return Double.isInfinite(x) ? new BeyondRange(x, p.getText()) : nodes.numberNode(x);
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + t, p.currentTokenLocation());
        }
    }

    /** @return whether the current token, an integer that fits an int, is {@code -0} */
    static boolean minusZero(JsonParser p) throws Exception {
        return p.getIntValue() == 0 && p.getTextCharacters()[p.getTextOffset()] == '-';
    }

    private static JsonNode object(JsonParser p, boolean matrices) throws Exception {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            object.set(name, matrices && name.equals("values") && t == JsonToken.START_ARRAY
                    ? new POJONode(Values.read(p, object.get("shape")))
                    : value(p, t, matrices && !name.equals("optimizer")));
        }
        return object;
    }

    /** A number beyond the range of a double, which reads as an infinity and prints as written. */
    static final class BeyondRange extends DoubleNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        BeyondRange(double infinity, String text) {
            super(infinity);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** The integer {@code -0}: 0 as an integer, {@code -0.0} as a number. */
    static final class MinusZero extends IntNode {
        private static final long serialVersionUID = 1L;

        MinusZero() {
            super(0);
        }

        @Override
        public double doubleValue() {
            return -0.0;
        }

        @Override
        public String asText() {
            return "-0";
        }
    }
}
