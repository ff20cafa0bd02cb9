package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.ADAM;
import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Dropout;
import io.github.purenet.network.Network;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The codec's limits: what a document may claim and hold, how long it may be, how much of a bad
 * value a message echoes; and the integer {@code -0}.
 */
class DocumentLimitsTest {

    private static final String NETWORK = Fixtures.withoutSha(CODEC.encode(Fixtures.seedNetwork()));
    private static final String WEIGHTS = "$.network.layers[0].parameters.weights";

    /**
     * A 6 MB document whose weights say 1x2 and hold a million rows is refused, naming the path
     * and both counts, in a JVM of 64 MB: reading it into a tree of a node per number first, as the
     * codec once did, takes about 150 MB and runs out of memory. With the shape after the values,
     * the rows are kept as 8 bytes per number and refused once the shape is read.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shape-first", "values-first"})
    void aMillionRowsUnderAShapeOfOneRowAreRefusedInA64MegabyteHeap(String order) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ManyRows.class.getName(), order))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals("at " + WEIGHTS + ".values: shape 1x2 needs 1 rows, got " + ManyRows.ROWS, output.strip());
    }

    @Test
    void aHugeDeclaredShapeIsRefusedAtOnceWithoutAllocatingIt() {
        String max = String.valueOf(Integer.MAX_VALUE);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            refused(() -> CODEC.decodeNetwork(set(NETWORK, WEIGHTS + ".shape", "[" + max + ", " + max + "]")),
                    WEIGHTS + ".values", "shape " + max + "x" + max + " needs " + max + " rows, got 3");
            refused(() -> CODEC.decodeNetwork(set(NETWORK, WEIGHTS + ".shape", "[3, " + max + "]")),
                    WEIGHTS + ".values[0]", "shape 3x" + max + " needs " + max + " columns, got 2");
        });
    }

    @Test
    void aDocumentLongerThanTheMaximumIsRefusedBeforeItIsParsed() {
        assertEquals(1 << 30, Codec.MAX_DOCUMENT_LENGTH);
        Codec small = CODEC.withMaxDocumentLength(NETWORK.length());
        assertEquals(Fixtures.seedNetwork(), small.decodeNetwork(NETWORK));
        refused(() -> small.decodeNetwork(NETWORK + " "), "$", "the document is " + (NETWORK.length() + 1)
                + " characters long, more than the " + NETWORK.length() + " that a codec reads");
        // not even parsed: text that is not JSON gets the same answer
        refused(() -> small.decodeNetwork("x".repeat(NETWORK.length() + 1)), "$", "characters long, more than the");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CODEC.withMaxDocumentLength(100).encode(Fixtures.seedNetwork()));
        assertTrue(e.getMessage().contains("more than the 100 that a codec reads"), e.getMessage());
    }

    /** A 10-million-character string wherever a message quotes one is cut to its first 40 characters. */
    @Test
    void aTenMegabyteStringIsEchoedCutToFortyCharacters() {
        String huge = "\"" + "a".repeat(10_000_000) + "\"";
        String cut = "\"" + "a".repeat(40) + "\"... (10000000 characters)";
        String train = Fixtures.withoutSha(Documents.TRAIN);
        for (String[] place : new String[][] {
            {NETWORK, "$.format", "expected \"purenet\", got " + cut},
            {NETWORK, "$.type", "got " + cut},
            {NETWORK, "$.network.layers[0].activation", "unknown activation " + cut},
            {NETWORK, "$.network.layers[0].path", "the layer's place in the network, got " + cut},
            {NETWORK, "$.network.layers[0].kind", "unknown layer kind " + cut},
            {NETWORK, WEIGHTS + ".values[0][1]", "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got "
                    + "string \"" + "a".repeat(39) + "... (10000002 characters)"},
            {train, "$.train_state.key.state", "expected 16 lower-case hexadecimal digits, got " + cut},
            {train, "$.train_state.optimizer_state.kind", "the kind of the optimizer given, got " + cut}}) {
            String document = set(place[0], place[1], huge);
            CheckpointException e = assertThrows(CheckpointException.class, () -> {
                Object decoded = place[0].equals(train) ? CODEC.decodeTrainState(document, ADAM)
                        : CODEC.decodeNetwork(document);
            });
            assertTrue(e.getMessage().length() < 600, place[1] + ": " + e.getMessage().length() + " characters");
            assertTrue(e.getMessage().contains(place[2]), e.getMessage());
        }
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsEchoedCut() {
        String digits = "9".repeat(400);
        refused(() -> CODEC.decodeNetwork(set(NETWORK, WEIGHTS + ".values[0][1]", digits)), WEIGHTS + ".values[0][1]",
                "the number " + "9".repeat(40) + "... (400 characters) is beyond the range of a double");
        refused(() -> CODEC.decodeNetwork(set(NETWORK, "$.network.layers[0].activation",
                "{\"name\": \"leaky_relu\", \"alpha\": " + digits + "}")), "$.network.layers[0].activation.alpha",
                "(400 characters) is beyond");
        refused(() -> CODEC.decodeNetwork(NETWORK.replace("[ 0.3, 0.4 ]", "[ 0.3, 1.5e400 ]")),
                WEIGHTS + ".values[1][1]", "the number 1.5e400 is beyond the range of a double");
        refused(() -> CODEC.decodeNetwork(Fixtures.withoutSha(Documents.NETWORK).replaceFirst("\"rate\" : [^,]*",
                "\"rate\" : -1e400")), "$.network.layers[3].rate", "the number -1e400 is beyond");
    }

    /** In a document without a hash (one with a hash would be refused as changed), {@code -0} is {@code -0.0}. */
    @Test
    void theIntegerMinusZeroReadsAsMinusZero() {
        // by text: a JSON tree would read -0 as the integer 0
        Network n = CODEC.decodeNetwork(NETWORK.replace("[ 0.3, 0.4 ]", "[ -0, 0.4 ]"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(n.dense(0).weights().get(1, 0)));
        Network plus = CODEC.decodeNetwork(NETWORK.replace("[ 0.3, 0.4 ]", "[ 0, 0.4 ]"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(plus.dense(0).weights().get(1, 0)));
        String train = Fixtures.withoutSha(Documents.TRAIN).replaceFirst("\"loss\" : [^\n]*", "\"loss\" : -0")
                .replaceFirst("\"step\" : [0-9]+", "\"step\" : -0");
        var state = CODEC.decodeTrainState(train, ADAM);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(state.loss().get()));
        assertEquals(0L, state.step(), "as an integer, -0 is 0");
        Network dropout = CODEC.decodeNetwork(Fixtures.withoutSha(Documents.NETWORK).replaceFirst(
                "\"rate\" : [^,]*", "\"rate\" : -0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(((Dropout) dropout.layers().get(3))
                .rate()));
    }
}
