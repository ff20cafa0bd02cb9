package io.github.purenet.checkpoint;

/**
 * Decodes, in the JVM it is started in, a network document of about 6 MB whose weights say
 * {@code 1x2} and hold a million rows of two numbers, and prints the refusal's message: the
 * program that {@link DocumentLimitsTest} runs in a small heap. Its argument says where the shape
 * stands: {@code shape-first} (as purenet writes it) or {@code values-first}.
 */
final class ManyRows {

    /** The rows the document holds. */
    static final int ROWS = 1_000_000;

    private ManyRows() {
    }

    /** @return the document, compact, without a hash */
    static String document(boolean shapeFirst) {
        StringBuilder values = new StringBuilder(6 * ROWS + 2).append('[');
        for (int i = 0; i < ROWS; i++) {
            values.append(i == 0 ? "" : ",").append("[1,2]");
        }
        String shape = "\"shape\":[1,2]";
        String entries = "\"values\":" + values.append(']');
        return "{\"format\":\"purenet\",\"version\":2,\"type\":\"network\",\"network\":{\"input_shape\":[2],\"layers\":"
                + "[{\"kind\":\"dense\",\"path\":\"layers[0]\",\"activation\":\"relu\",\"parameters\":{\"weights\":{"
                + (shapeFirst ? shape + "," + entries : entries + "," + shape)
                + "},\"bias\":{\"shape\":[1,1],\"values\":[[0.5]]}},\"state\":{}}]}}";
    }

    public static void main(String[] args) {
        String json = document(args[0].equals("shape-first"));
        try {
            Codec.standard().decodeNetwork(json);
            System.out.println("decoded");
        } catch (CheckpointException e) {
            System.out.println(e.getMessage());
        }
    }
}
