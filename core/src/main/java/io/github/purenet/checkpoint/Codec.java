package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.activation.Activation;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.model.Model;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Description;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.BiFunction;

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
 * String json = codec.encode(state, adam);                            // records adam's hyperparameters
 * TrainState<Chain<Moments, Count>> back = codec.decodeTrainState(json, adam);  // refused under another
 * String checked = codec.encode(state, adam, Fingerprint.of(data));  // records the data's SHA-256 too
 * codec.decodeTrainState(checked, adam, Fingerprint.of(data));        // refused with other data
 * String id = codec.sha256(state);                                    // equal states, equal hashes
 * Model model = codec.decodeModel(codec.encode(trained));              // network, names, standardisation
 * Codec mine = Codec.standard().withLayer(new Scale(Matrix.filled(1, 4, 1.0)));  // a layer of your own
 * }</pre>
 *
 * <p>A network is written as the tree of its layers, each with its kind and its path in the
 * network ({@code layers[2].inner.layers[0]}), its settings, its parameters and its
 * non-trainable state by name; optimizer states hold their gradient-shaped parts by parameter
 * path. Layers and activations of the user's own are written by their names, and read by a codec
 * that knows them ({@link #withLayer}, {@link #withActivation}).
 *
 * <p>Doubles are written as JSON numbers in their shortest exact form, and read back to the same
 * bits, {@code -0.0} and subnormals included. JSON has no NaN or infinities: they are written as
 * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, so that a diverged state
 * can be stored and inspected (every NaN reads back as Java's canonical NaN).
 *
 * <p>Every document carries its format version and its type. This codec writes version
 * {@value #VERSION}, and reads version 2 and version 1 (networks of dense layers, written before
 * networks were trees). A document of another version or type, or that is not valid JSON, has
 * missing or unknown fields, bad values, shapes that do not fit, or layers whose paths are not
 * their places in the network, is refused with a {@link CheckpointException} that names the JSON
 * path, and nothing is built. Documents written by this codec also carry the SHA-256 of their
 * content, checked on reading, so that a changed or corrupted value is refused too; documents
 * written by other tools may omit it.
 */
public final class Codec {

    /** The version of the format this codec writes; it reads this version and version 1. */
    public static final int VERSION = 2;

    /**
     * The most characters of a document that a codec reads, 2<sup>30</sup> (1,073,741,824): a longer
     * document is refused before it is parsed, and a value whose document would be longer is not
     * encoded, since it could not be read back. A training state with Adam's moments takes about
     * 65 million characters per million parameters, a network about 22 million.
     */
    public static final int MAX_DOCUMENT_LENGTH = 1 << 30;

    private final Registry registry; // user-defined activations and layers by name
    private final Envelope envelope;

    private Codec(Registry registry) {
        this(registry, new Envelope(MAX_DOCUMENT_LENGTH));
    }

    private Codec(Registry registry, Envelope envelope) {
        this.registry = registry;
        this.envelope = envelope;
    }

    /** The same codec with another maximum length of documents, for tests of the limit. */
    Codec withMaxDocumentLength(int maxLength) {
        return new Codec(registry, new Envelope(maxLength));
    }

    /** @return the codec of purenet's built-in activations and layers */
    public static Codec standard() {
        return new Codec(Registry.empty());
    }

    /**
     * A codec that also knows a user-defined activation, by its {@link Activation#name()}.
     *
     * @param activation the activation
     * @return the codec
     * @throws IllegalArgumentException if the name is a built-in activation's
     */
    public Codec withActivation(Activation activation) {
        return new Codec(registry.withActivation(activation), envelope);
    }

    /**
     * A codec that also knows a layer of the user's own, by its {@link CustomLayer#name()}. A layer
     * of that name is written with its parameters by name (and its state, if it has any), and read
     * back as {@code prototype.withParameters(parameters)}, once the document's matrices are
     * checked to be as many and of the same shapes as the prototype's. So the name must tell apart
     * every setting that the parameters do not hold ({@code "gated(0.5)"}), and encoding refuses a
     * layer that would not read back equal to itself.
     *
     * @param prototype a layer of the kind, whose parameters give the shapes; registering another
     *     layer of the same name replaces it
     * @return the codec
     * @throws IllegalArgumentException if the name is blank or a built-in kind's, or the
     *     prototype's parameter or state names are not distinct
     */
    public Codec withLayer(CustomLayer prototype) {
        return new Codec(registry.withLayer(prototype), envelope);
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
     * A training state's document, which records the optimizer's {@link Optimizer#description()}
     * so that {@link #decodeTrainState(String, Optimizer)} refuses to resume it under another.
     *
     * @param <S> the type of the optimizer's state
     * @param state a training state whose optimizer state is made of purenet's state records
     * @param optimizer the run's optimizer
     * @return its document
     * @throws IllegalArgumentException if a part of the optimizer is unnamed (a lambda schedule:
     *     name it with {@link io.github.purenet.optim.Schedules#named})
     */
    public <S> String encode(TrainState<S> state, Optimizer<S> optimizer) {
        return encode(state, optimizer, Option.none());
    }

    /**
     * A training state's document, which records the optimizer's description and the data's
     * fingerprint, so that {@link #decodeTrainState(String, Optimizer, Fingerprint)} refuses to
     * resume it under another optimizer or with other data.
     *
     * @param <S> the type of the optimizer's state
     * @param state a training state whose optimizer state is made of purenet's state records
     * @param optimizer the run's optimizer
     * @param data {@link Fingerprint#of} the run's training data, computed once for the run
     * @return its document
     * @throws IllegalArgumentException if a part of the optimizer is unnamed
     */
    public <S> String encode(TrainState<S> state, Optimizer<S> optimizer, Fingerprint data) {
        return encode(state, optimizer, Option.some(Objects.requireNonNull(data, "data is null")));
    }

    private <S> String encode(TrainState<S> state, Optimizer<S> optimizer, Option<Fingerprint> data) {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Description description = RunRecord.requireNamed("optimizer", optimizer.description());
        return write("train_state", new Stored<>(state, Option.some(description), data), Encoder::trainState);
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
        return read(json, "network", Decoder::network, Encoder::network);
    }

    /**
     * @param json a model's document
     * @return the model
     * @throws CheckpointException if the document is refused, such as class names that are not one
     *     per class or repeat, or a standardisation of another width than the network's inputs
     */
    public Model decodeModel(String json) {
        return read(json, "model", Decoder::model, Encoder::model);
    }

    /**
     * @param json a document of gradients
     * @return the gradients
     * @throws CheckpointException if the document is refused
     */
    public Gradients decodeGradients(String json) {
        return read(json, "gradients", (d, at) -> d.gradients(at), Encoder::gradients);
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
        return (S) read(json, "optimizer_state", (d, at) -> d.state(at, template, network),
                Encoder::state);
    }

    /**
     * A training state, checked against the optimizer it belongs to. To continue the run, build
     * its transition again from the same data, batching, loss and optimizer.
     *
     * <p>The document's record of its optimizer is compared with the {@link Optimizer#description()
     * description} of the one given, and a difference is refused at its place in the record,
     * naming both values, such as
     * {@code at $.train_state.optimizer.second.learning_rate.value: the document has 0.01, the
     * optimizer given has 0.5}. A document without that record (of version 1, or written before it
     * was added) is checked only for the structure of its optimizer state. The data are not
     * checked here: see {@link #decodeTrainState(String, Optimizer, Fingerprint)}.
     *
     * @param <S> the type of the optimizer's state
     * @param json a training state's document
     * @param optimizer the optimizer of the run
     * @return the state
     * @throws CheckpointException if the document is refused, or records another optimizer
     */
    public <S> TrainState<S> decodeTrainState(String json, Optimizer<S> optimizer) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        return decode(json, optimizer, Option.none());
    }

    /**
     * A training state, checked against the optimizer and the data it belongs to: as
     * {@link #decodeTrainState(String, Optimizer)}, and a document that records the fingerprint of
     * its run's data is refused if it is not that of the data given, naming both sizes and
     * digests. A document that records no data (written without them) is not checked for them.
     *
     * @param <S> the type of the optimizer's state
     * @param json a training state's document
     * @param optimizer the optimizer of the run
     * @param data {@link Fingerprint#of} the data the run is to continue on
     * @return the state
     * @throws CheckpointException if the document is refused, or records another optimizer or other data
     */
    public <S> TrainState<S> decodeTrainState(String json, Optimizer<S> optimizer, Fingerprint data) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        return decode(json, optimizer, Option.some(Objects.requireNonNull(data, "data is null")));
    }

    private <S> TrainState<S> decode(String json, Optimizer<S> optimizer, Option<Fingerprint> data) {
        return read(json, "train_state", (d, at) -> d.trainState(at, optimizer, data), Encoder::trainState).state();
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
     * @return the SHA-256 of its canonical encoding, without the records of its run's optimizer and
     *     data that its document carries: equal states have equal hashes
     */
    public String sha256(TrainState<?> state) {
        return hash("train_state", canonical().trainState(Objects.requireNonNull(state, "state is null")));
    }

    private Encoder canonical() {
        return new Encoder(true, VERSION, registry);
    }

    private String hash(String type, ObjectNode canonicalPayload) {
        return envelope.hash(type, VERSION, canonicalPayload);
    }

    private <T> String write(String type, T value, BiFunction<Encoder, T, ObjectNode> encode) {
        return envelope.write(type, encode.apply(new Encoder(false, VERSION, registry), value),
                encode.apply(canonical(), value));
    }

    /**
     * Decodes a document of a type in the form of its version, and checks its hash, if it has one,
     * against the canonical encoding of the decoded value in that version: the same function
     * {@link #write} hashes with.
     */
    private <T> T read(String json, String type, BiFunction<Decoder, At, T> decode,
            BiFunction<Encoder, T, ObjectNode> encode) {
        Objects.requireNonNull(json, "json is null");
        At at = envelope.open(json, type);
        int version = Envelope.version(at);
        T value = decode.apply(new Decoder(version, registry), at.field(type));
        if (at.has("sha256")) {
            String expected = at.field("sha256").text();
            String actual = envelope.hash(type, version, encode.apply(new Encoder(true, version, registry), value));
            if (!actual.equals(expected)) {
                throw at.field("sha256").error("the content's SHA-256 is " + actual + ", not " + expected
                        + ": the document was changed or corrupted");
            }
        }
        return value;
    }
}
