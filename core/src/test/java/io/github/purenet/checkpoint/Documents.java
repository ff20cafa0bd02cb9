package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.Stacks;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Update;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/**
 * Small documents for the tests of malformed input, and edits of a document at a JSON path such
 * as {@code $.network.layers[0].bias}.
 */
final class Documents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_0-9]+)|\\[(\\d+)]|\\['([^']*)']");

    /** The optimizer of {@link #TRAIN} and {@link #V1_TRAIN}. */
    static final Optimizer<Chain<Moments, Count>> ADAM = Optimizers.adam(0.01);

    /** A network with a layer of every kind ({@link Fixtures#everyKind()}). */
    static final String NETWORK = CODEC.encode(Fixtures.everyKind());

    /** Gradients shaped like it, with NaN, both infinities, -0.0 and a subnormal among them. */
    static final Gradients SPECIAL_GRADIENTS = special(Gradients.zero(Fixtures.everyKind()));
    static final String GRADIENTS = CODEC.encode(SPECIAL_GRADIENTS);

    /** It as a model of three named classes, with a standardisation and a held-out part. */
    static final Model MODEL_VALUE = model(Fixtures.everyKind());
    static final String MODEL = CODEC.encode(MODEL_VALUE);

    /** It after three steps of Adam (on gradients made up for the test), mid-epoch. */
    static final TrainState<Chain<Moments, Count>> TRAIN_STATE = adamMidRun();
    static final String TRAIN = CODEC.encode(TRAIN_STATE, ADAM);

    /** Seed 001's 2-3-3 network, in format version 1. */
    static final String V1_NETWORK = VersionOneWriter.network(Fixtures.seedNetwork());

    /** Its gradients, with a NaN and both infinities written over three of them, in version 1. */
    static final Gradients V1_SPECIAL_GRADIENTS = Stacks.gradients(Vector.of(
            new Stacks.Pair(Matrix.row(Double.NaN, -0.0, 1e-310), Matrix.row(Double.POSITIVE_INFINITY)),
            new Stacks.Pair(Matrix.row(-Double.MAX_VALUE), Matrix.row(Double.NEGATIVE_INFINITY))));
    static final String V1_GRADIENTS = VersionOneWriter.gradients(V1_SPECIAL_GRADIENTS);

    /** The seed network as a model, in version 1. */
    static final Model V1_MODEL_VALUE = model(Fixtures.seedNetwork());
    static final String V1_MODEL = VersionOneWriter.model(V1_MODEL_VALUE);

    /** The seed network after two steps of Adam on two examples, one at a time, in version 1. */
    static final TrainState<Chain<Moments, Count>> V1_TRAIN_STATE = trainState();
    static final String V1_TRAIN = VersionOneWriter.trainState(V1_TRAIN_STATE);

    private Documents() {
    }

    private static Model model(Network network) {
        return Model.of(network)
                .withStandardization(new Standardization(Matrix.row(0.5, -1.0), Matrix.row(2.0, 0.25)))
                .withClassNames(Vector.of("red", "green", "blue"))
                .withHeldOut(new HeldOut(Key.of(42), 0.2, true, "0123456789abcdef".repeat(4)));
    }

    private static Gradients special(Gradients zero) {
        double[] specials = {Double.NaN, -0.0, 1e-310, Double.POSITIVE_INFINITY, -Double.MAX_VALUE,
            Double.NEGATIVE_INFINITY, 0.125, -3.5};
        int[] next = {0};
        return zero.map(x -> specials[next[0]++ % specials.length]);
    }

    private static TrainState<Chain<Moments, Count>> trainState() {
        Dataset data = new Dataset(Matrix.of(new double[][] {{2, 3}, {1, -1}}),
                Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}}));
        Batching batching = Batching.miniBatches(1);
        return Training.run(Training.init(Fixtures.seedNetwork(), ADAM, Key.of(1), data, batching),
                Training.transition(data, batching, Losses.softmaxCrossEntropy(), ADAM)).get(2);
    }

    /** Adam's state after three updates of the network with every kind, from gradients made of its parameters. */
    private static TrainState<Chain<Moments, Count>> adamMidRun() {
        Network n = Fixtures.everyKind();
        Chain<Moments, Count> state = ADAM.init(n);
        for (int k = 1; k <= 3; k++) {
            double shift = 0.1 * k;
            Gradients g = Gradients.parameters(n).map(x -> 0.5 * x - shift);
            Update<Chain<Moments, Count>> u = ADAM.update(g, state, n);
            n = Optimizer.applyUpdates(n, u.updates());
            state = u.state();
        }
        return new TrainState<>(n, state, 3, 1, 1, Vector.of(2, 0, 1), Key.of(5), Option.some(0.75));
    }

    /** @return the tree of a document */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of a tree, as the codec lays it out */
    static String text(JsonNode tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json a document
     * @param path where, such as {@code $.network.layers[0].bias}; its last segment is replaced
     * @param value the new value, as JSON text
     * @return the document with the value at the path replaced (or the field added)
     */
    static String set(String json, String path, String value) {
        JsonNode root = tree(json);
        Segment last = navigate(root, path);
        if (last.field != null) {
            ((ObjectNode) last.parent).set(last.field, tree(value));
        } else {
            ((ArrayNode) last.parent).set(last.index, tree(value));
        }
        return text(root);
    }

    /** @return the document without the field at the path */
    static String remove(String json, String path) {
        JsonNode root = tree(json);
        Segment last = navigate(root, path);
        ((ObjectNode) last.parent).remove(last.field);
        return text(root);
    }

    private record Segment(JsonNode parent, String field, int index) {
    }

    private static Segment navigate(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("path: expected $..., got " + path);
        }
        Matcher m = SEGMENT.matcher(path);
        JsonNode node = root;
        Segment last = null;
        int end = 1;
        while (m.find()) {
            assertEquals(end, m.start(), "path " + path);
            end = m.end();
            if (last != null) {
                node = last.field != null ? node.get(last.field) : node.get(last.index);
            }
            String field = m.group(1) != null ? m.group(1) : m.group(3);
            last = field != null ? new Segment(node, field, -1) : new Segment(node, null, Integer.parseInt(m.group(2)));
        }
        assertEquals(path.length(), end, "path " + path);
        return last;
    }

    /**
     * Asserts a {@link CheckpointException} at a path whose message names the path and holds every
     * fragment.
     *
     * @return the exception
     */
    static CheckpointException refused(Executable call, String path, String... fragments) {
        CheckpointException e = assertThrows(CheckpointException.class, call);
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().startsWith("at " + path + ": "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \""
                    + fragment + "\"");
        }
        return e;
    }
}
