package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.activation.Activation;
import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Networks, models, gradients, optimizer states and training states to JSON text and back,
 * exactly: a decoded value equals the encoded one bit for bit, and a training state decoded and
 * continued gives the same states as a run that never stopped. The format is documented in
 * <a href="doc-files/checkpoint-format.md">the checkpoint format</a>, a page that the javadoc
 * carries beside this class, as {@code docs/checkpoint-format.md} of the sources and
 * {@code META-INF/purenet/checkpoint-format.md} of the classes jar do.
 *
 * <pre>{@code
 * Codec codec = Codec.standard();
 * String json = codec.encode(state);                                  // write it where you like
 * TrainState<Chain<Moments, Count>> back = codec.decodeTrainState(json, Optimizers.adam(1e-3));
 * String id = codec.sha256(state);                                    // equal states, equal hashes
 * Model model = codec.decodeModel(codec.encode(trained));              // network, names, standardisation
 * }</pre>
 *
 * <p>Doubles are written as JSON numbers in their shortest exact form, and read back to the same
 * bits, {@code -0.0} and subnormals included. JSON has no NaN or infinities: they are written as
 * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, so that a diverged state
 * can be stored and inspected (every NaN reads back as Java's canonical NaN).
 *
 * <p>Every document carries its format version and its type; a document of another version or
 * type, or that is not valid JSON, has missing or unknown fields, bad values or shapes that do not
 * fit, is refused with a {@link CheckpointException} that names the JSON path, and nothing is built.
 * Documents written by this codec also carry the SHA-256 of their content, checked on reading, so
 * that a changed or corrupted value is refused too; documents written by other tools may omit it.
 */
public final class Codec {

    /** The version of the format this codec writes and reads. */
    public static final int VERSION = 1;

    private static final String FORMAT = "purenet";

    private final Map<String, Activation> activations; // user-defined activations by name
    private final JsonMapper mapper; // configured once; Jackson's mappers are thread-safe once configured

    private Codec(Map<String, Activation> activations) {
        this.activations = activations;
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** @return the codec of purenet's built-in activations */
    public static Codec standard() {
        return new Codec(LinkedHashMap.empty());
    }

    /**
     * A codec that also knows a user-defined activation, by its {@link Activation#name()}.
     *
     * @param activation the activation
     * @return the codec
     */
    public Codec withActivation(Activation activation) {
        Objects.requireNonNull(activation, "activation is null");
        if (Activations.builtIn().containsKey(activation.name()) || activation.name().equals(Activations.LEAKY_RELU)) {
            throw new IllegalArgumentException("withActivation: '" + activation.name() + "' is a built-in name");
        }
        return new Codec(activations.put(activation.name(), activation));
    }

    /**
     * @param network a network
     * @return its document
     */
    public String encode(Network network) {
        return write("network", Objects.requireNonNull(network, "network is null"), Encoder::network);
    }

    /**
     * @param model a model: its network, standardisation, class names and held-out part
     * @return its document
     */
    public String encode(Model model) {
        return write("model", Objects.requireNonNull(model, "model is null"), Encoder::model);
    }

    /**
     * @param gradients gradients
     * @return their document
     */
    public String encode(Gradients gradients) {
        return write("gradients", Objects.requireNonNull(gradients, "gradients is null"), Encoder::gradients);
    }

    /**
     * @param state a training state whose optimizer state is made of purenet's state records
     * @return its document
     */
    public String encode(TrainState<?> state) {
        return write("train_state", Objects.requireNonNull(state, "state is null"), Encoder::trainState);
    }

    /**
     * @param state an optimizer state made of purenet's state records
     * @return its document
     */
    public String encodeOptimizerState(Object state) {
        return write("optimizer_state", Objects.requireNonNull(state, "state is null"), Encoder::state);
    }

    /**
     * @param json a network's document
     * @return the network
     * @throws CheckpointException if the document is refused
     */
    public Network decodeNetwork(String json) {
        return read(json, "network", new Decoder(activations)::network, Encoder::network);
    }

    /**
     * @param json a model's document
     * @return the model
     * @throws CheckpointException if the document is refused, such as class names that are not one
     *     per class or repeat, or a standardisation of another width than the network's inputs
     */
    public Model decodeModel(String json) {
        return read(json, "model", new Decoder(activations)::model, Encoder::model);
    }

    /**
     * @param json a document of gradients
     * @return the gradients
     * @throws CheckpointException if the document is refused
     */
    public Gradients decodeGradients(String json) {
        return read(json, "gradients", new Decoder(activations)::gradients, Encoder::gradients);
    }

    /**
     * An optimizer state, checked against the optimizer it belongs to.
     *
     * @param <S> the type of the optimizer's state
     * @param json an optimizer state's document
     * @param optimizer the optimizer, whose initial state gives the expected structure
     * @param network the network the state belongs to, which gives the expected shapes
     * @return the state
     * @throws CheckpointException if the document is refused
     */
    @SuppressWarnings("unchecked") // sound: the decoded state has the structure of optimizer.init's
    public <S> S decodeOptimizerState(String json, Optimizer<S> optimizer, Network network) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(network, "network is null");
        S template = optimizer.init(network);
        return (S) read(json, "optimizer_state", at -> new Decoder(activations).state(at, template, network),
                Encoder::state);
    }

    /**
     * A training state, checked against the optimizer it belongs to. To continue the run, build
     * its transition again from the same data, batching, loss and optimizer.
     *
     * @param <S> the type of the optimizer's state
     * @param json a training state's document
     * @param optimizer the optimizer of the run
     * @return the state
     * @throws CheckpointException if the document is refused
     */
    public <S> TrainState<S> decodeTrainState(String json, Optimizer<S> optimizer) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        return read(json, "train_state", at -> new Decoder(activations).trainState(at, optimizer),
                Encoder::trainState);
    }

    /**
     * @param network a network
     * @return the SHA-256 of its canonical encoding, as 64 hexadecimal digits
     */
    public String sha256(Network network) {
        return hash("network", canonical().network(Objects.requireNonNull(network, "network is null")));
    }

    /**
     * @param model a model
     * @return the SHA-256 of its canonical encoding
     */
    public String sha256(Model model) {
        return hash("model", canonical().model(Objects.requireNonNull(model, "model is null")));
    }

    /**
     * @param gradients gradients
     * @return the SHA-256 of their canonical encoding
     */
    public String sha256(Gradients gradients) {
        return hash("gradients", canonical().gradients(Objects.requireNonNull(gradients, "gradients is null")));
    }

    /**
     * @param state a training state
     * @return the SHA-256 of its canonical encoding: equal states have equal hashes
     */
    public String sha256(TrainState<?> state) {
        return hash("train_state", canonical().trainState(Objects.requireNonNull(state, "state is null")));
    }

    private Encoder canonical() {
        return new Encoder(true, activations);
    }

    private <T> String write(String type, T value, BiFunction<Encoder, T, ObjectNode> encode) {
        ObjectNode payload = encode.apply(new Encoder(false, activations), value);
        ObjectNode document = header(type);
        document.put("sha256", hash(type, encode.apply(canonical(), value)));
        document.set(type, payload);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("encode: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes a document of a type, and checks its hash, if it has one, against the canonical
     * encoding of the decoded value: the same function {@link #write} hashes with.
     */
    private <T> T read(String json, String type, Function<At, T> decode, BiFunction<Encoder, T, ObjectNode> encode) {
        Objects.requireNonNull(json, "json is null");
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("$", "not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null
                    ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        At at = new At(root == null ? JsonNodeFactory.instance.missingNode() : root, "$");
        if (!at.node().isObject()) {
            throw at.error("expected a purenet document, a JSON object");
        }
        if (!at.field("format").text().equals(FORMAT)) {
            throw at.field("format").error("expected \"" + FORMAT + "\", got \"" + at.field("format").text() + "\"");
        }
        long version = at.field("version").integer(0, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw at.field("version").error("version " + version + " is not supported; this library reads version "
                    + VERSION);
        }
        if (!at.field("type").text().equals(type)) {
            throw at.field("type").error("expected a document of type \"" + type + "\", got \""
                    + at.field("type").text() + "\"");
        }
        if (at.has("sha256")) {
            at.fields("format", "version", "type", "sha256", type);
        } else {
            at.fields("format", "version", "type", type);
        }
        T value = decode.apply(at.field(type));
        if (at.has("sha256")) {
            String expected = at.field("sha256").text();
            String actual = hash(type, encode.apply(canonical(), value));
            if (!actual.equals(expected)) {
                throw at.field("sha256").error("the content's SHA-256 is " + actual + ", not " + expected
                        + ": the document was changed or corrupted");
            }
        }
        return value;
    }

    private static ObjectNode header(String type) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", FORMAT).put("version", VERSION).put("type", type);
        return document;
    }

    private String hash(String type, ObjectNode canonicalPayload) {
        ObjectNode document = header(type);
        document.set(type, canonicalPayload);
        try {
            byte[] text = mapper.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("sha256: " + e.getMessage(), e);
        }
    }

}
