package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.checkpoint.CheckpointException;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.Model;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.EarlyStopping;
import io.github.purenet.train.TrainState;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A checkpoint of the command line: the run's configuration, the SHA-256 of its data, the model's
 * classes and standardisation, the results of the epochs so far, and the training state as a
 * document of the library's checkpoint format. It is all that {@code resume} needs to continue the
 * run exactly, and all that {@code evaluate} needs to evaluate its network.
 *
 * <pre>{@code
 * {
 *   "format" : "purenet-cli", "version" : 1, "type" : "checkpoint",
 *   "sha256" : "...",
 *   "config" : { "data" : "digits", "layers" : [ 128 ], "optimizer" : "adam", ... },
 *   "data_sha256" : "...",
 *   "classes" : 10,
 *   "class_names" : [ "setosa", ... ],     // only when the classes have names
 *   "standardization" : null,
 *   "history" : [ { "epoch" : 1, "step" : 45, "train_loss" : 0.41, ... }, ... ],
 *   "early_stopping" : { "scores" : [ 0.61, ... ], "best_score" : 0.32, "waited" : 1 },  // with early stopping
 *   "best_state" : { "format" : "purenet", ..., "type" : "train_state", ... },           // and a best state
 *   "state" : { "format" : "purenet", "version" : 1, "type" : "train_state", "sha256" : "...", ... }
 * }
 * }</pre>
 *
 * <p>A run without early stopping has neither {@code early_stopping} nor {@code best_state} (nor
 * the {@code validation_loss} of each epoch, without a validation part), so its checkpoint is as it
 * was before early stopping, and older checkpoints read as such runs.
 *
 * <p>The hash is the SHA-256 of the one-line JSON of the same fields in the same order without
 * {@code sha256}, every double as the 16 hex digits of its bits, and the state as its own
 * {@code sha256}, which the library checks against the state's content when it is decoded. So a
 * changed or corrupted file is refused, whatever part was changed.
 *
 * @param config the run's configuration
 * @param dataSha256 the SHA-256 of the run's data as read ({@link Experiment#dataSha256})
 * @param classNames the names of the classes, one per output of the network
 * @param standardization the standardisation of the inputs, if the run uses one
 * @param history the results of the epochs completed so far
 * @param state the training state, a document of the library's format with its {@code sha256}
 * @param stopping the progress of early stopping at the state; none for a run without it
 */
public record Checkpoint(RunConfig config, String dataSha256, Vector<String> classNames,
        Option<Standardization> standardization,
        Vector<EpochResult> history, String state, Option<Stopping> stopping) {

    /**
     * Checks that every part is present.
     *
     * @param config the run's configuration
     * @param dataSha256 the SHA-256 of the run's data
     * @param classNames the names of the classes
     * @param standardization the standardisation of the inputs
     * @param history the results of the epochs completed so far
     * @param state the training state's document
     * @param stopping the progress of early stopping at the state, if any
     */
    public Checkpoint {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(dataSha256, "dataSha256 is null");
        Objects.requireNonNull(classNames, "classNames is null");
        Objects.requireNonNull(standardization, "standardization is null");
        Objects.requireNonNull(history, "history is null");
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(stopping, "stopping is null");
    }

    /** @return the checkpoint's file text */
    public String encode() {
        ObjectNode file = ModelFile.header("checkpoint");
        file.put("sha256", Json.sha256(canonical(Json.topLevelText(state, "sha256"))));
        file.set("config", Configs.toJson(config, false));
        file.put("data_sha256", dataSha256);
        file.put("classes", classNames.size());
        ModelFile.putClassNames(file, classNames);
        file.set("standardization", ModelFile.standardization(standardization, false));
        file.set("history", history(false));
        stopping.forEach(p -> file.set("early_stopping", p.json(false)));
        Vector<Tuple2<String, String>> documents = stopping.flatMap(Stopping::bestState)
                .map(best -> Tuple.of("best_state", best)).toVector().append(Tuple.of("state", state));
        return Json.pretty(file, documents);
    }

    /**
     * Reads a checkpoint and checks its hash; the state itself is checked when it is decoded by
     * {@link #state(String, Optimizer)}.
     *
     * @param source the file, for messages
     * @param text its text
     * @return the checkpoint
     * @throws CliException (data) naming the file and what is wrong with it
     */
    public static Checkpoint decode(String source, String text) {
        Json.Field root = Json.parse(source, text);
        ModelFile.requireHeader(root, "checkpoint");
        root.only("format", "version", "type", "sha256", "config", "data_sha256", "classes", "class_names",
                "standardization", "history", "early_stopping", "best_state", "state");
        Json.Field stateDocument = root.field("state");
        document(stateDocument);
        Option<String> bestState = root.has("best_state") ? Option.some(document(root.field("best_state")))
                : Option.none();
        Checkpoint checkpoint = new Checkpoint(Configs.fromJson(root.field("config")),
                root.field("data_sha256").text(), ModelFile.classNames(root),
                ModelFile.standardization(root.field("standardization")),
                root.field("history").elements().map(Checkpoint::epoch), Json.line(stateDocument.node()),
                root.has("early_stopping") ? Option.some(Stopping.fromJson(root.field("early_stopping"), bestState))
                        : Option.none());
        if (bestState.isDefined() && checkpoint.stopping().isEmpty()) {
            throw root.field("best_state").error("a best state without early_stopping");
        }
        ModelFile.requireSha256(root, checkpoint.canonical(stateDocument.field("sha256").text()));
        return checkpoint;
    }

    /** The text of a training state's document, on one line, after checking it has its sha256. */
    private static String document(Json.Field f) {
        if (!f.node().isObject() || !f.has("sha256")) {
            throw f.error("expected a train_state document with its sha256");
        }
        return Json.line(f.node());
    }

    /**
     * The progress of early stopping at the checkpoint's state, the best state decoded and checked
     * by the library's codec.
     *
     * @param <S> the type of the optimizer's state
     * @param source the file, for messages
     * @param state the checkpoint's state, decoded by {@link #state(String, Optimizer)}
     * @param optimizer the run's optimizer
     * @return the progress; none for a run without early stopping
     * @throws CliException (data) if the library refuses the best state's document
     */
    public <S> Option<EarlyStopping.Progress<S>> progress(String source, TrainState<S> state, Optimizer<S> optimizer) {
        return stopping.map(p -> p.progress(source, state, optimizer));
    }

    /**
     * The training state, decoded and checked by the library's codec.
     *
     * @param <S> the type of the optimizer's state
     * @param source the file, for messages
     * @param optimizer the run's optimizer, built from {@link #config()}
     * @return the state
     * @throws CliException (data) if the library refuses the state's document
     */
    public <S> TrainState<S> state(String source, Optimizer<S> optimizer) {
        try {
            return Codec.standard().decodeTrainState(state, optimizer);
        } catch (CheckpointException e) {
            throw CliException.data(source + ": state: " + e.getMessage(), e);
        }
    }

    /**
     * The training state, decoded and checked by the library's codec, with the data it is to
     * continue on: a state that records other training data is refused.
     *
     * @param <S> the type of the optimizer's state
     * @param source the file, for messages
     * @param optimizer the run's optimizer, built from {@link #config()}
     * @param data the fingerprint of the run's training examples
     * @return the state
     * @throws CliException (data) if the library refuses the state's document
     */
    public <S> TrainState<S> state(String source, Optimizer<S> optimizer, Fingerprint data) {
        try {
            return Codec.standard().decodeTrainState(state, optimizer, data);
        } catch (CheckpointException e) {
            throw CliException.data(source + ": state: " + e.getMessage(), e);
        }
    }

    /**
     * The model of the checkpoint's network.
     *
     * @param source the file, for messages
     * @return the network of the state with the checkpoint's classes and standardisation
     * @throws CliException (data) if the state's document is refused, or does not fit
     */
    public Model model(String source) {
        // the run's optimizer, which the state records with its schedule's span: the steps of an epoch
        // over the examples of the state's epoch order
        int examples = Math.max(1, Json.parse(source, state).node().path("train_state").path("order").size());
        TrainState<?> decoded = state(source, Experiment.optimizer(config,
                Batching.miniBatches(config.batch()).batchesPerEpoch(examples)));
        return ModelFile.model(source, decoded.network(), classNames, standardization);
    }

    private ObjectNode canonical(String stateSha256) {
        ObjectNode node = ModelFile.header("checkpoint");
        node.set("config", Configs.toJson(config, true));
        node.put("data_sha256", dataSha256);
        node.put("classes", classNames.size());
        ModelFile.putClassNames(node, classNames);
        node.set("standardization", ModelFile.standardization(standardization, true));
        node.set("history", history(true));
        stopping.forEach(p -> {
            node.set("early_stopping", p.json(true));
            p.bestState().forEach(best -> node.put("best_state", Json.topLevelText(best, "sha256")));
        });
        node.put("state", stateSha256);
        return node;
    }

    private ArrayNode history(boolean canonical) {
        ArrayNode a = Json.array();
        for (EpochResult r : history) {
            ObjectNode e = a.addObject();
            e.put("epoch", r.epoch()).put("step", r.step());
            e.set("train_loss", Json.number(r.trainLoss(), canonical));
            e.set("train_accuracy", Json.number(r.trainAccuracy(), canonical));
            e.set("test_loss", Json.number(r.testLoss(), canonical));
            e.set("test_accuracy", Json.number(r.testAccuracy(), canonical));
            e.set("samples_per_second", Json.number(r.samplesPerSecond(), canonical));
            r.validationLoss().forEach(v -> e.set("validation_loss", Json.number(v, canonical)));
        }
        return a;
    }

    private static EpochResult epoch(Json.Field e) {
        e.only("epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "samples_per_second",
                "validation_loss");
        return new EpochResult(e.field("epoch").integer(1, Long.MAX_VALUE), e.field("step").integer(1, Long.MAX_VALUE),
                e.field("train_loss").number(), e.field("train_accuracy").number(), e.field("test_loss").number(),
                e.field("test_accuracy").number(), e.field("samples_per_second").number(),
                e.has("validation_loss") ? Option.some(e.field("validation_loss").number()) : Option.none());
    }
}
