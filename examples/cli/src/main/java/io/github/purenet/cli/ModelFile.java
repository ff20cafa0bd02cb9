package io.github.purenet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.checkpoint.CheckpointException;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.Model;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The file {@code train --save} writes and {@code evaluate --model} reads: the library's model
 * document ({@link Codec#encode(Model)}: the network, the standardisation of the inputs, the class
 * names and the part of the data held out for testing, with a SHA-256 of the whole, so that a
 * changed or corrupted file is refused).
 *
 * <p>{@link #read} also takes the files of earlier versions of this program, which still evaluate
 * with the same figures: the command line's own model file,
 *
 * <pre>{@code
 * {
 *   "format" : "purenet-cli",
 *   "version" : 1,
 *   "type" : "model",
 *   "sha256" : "...",                       // of the canonical form, below
 *   "classes" : 10,
 *   "class_names" : [ "setosa", ... ],       // only when the classes have names
 *   "standardization" : null,               // or {"mean": [...], "standard_deviation": [...]}
 *   "network" : { "format" : "purenet", "version" : 1, "type" : "network", ... }
 * }
 * }</pre>
 *
 * <p>whose hash is the SHA-256 of the one-line JSON of the same fields in the same order, without
 * {@code sha256}, with every double as the 16 hex digits of its bits and the network as its
 * document's own {@code sha256}: the library's {@link Codec#sha256(Network)} in that document's
 * format version, 1, which the library checks when it decodes the document, whatever version it
 * writes now. {@link #read} also takes a checkpoint of the command line (its network, classes and
 * standardisation) and a plain network document of the library (its outputs as the classes, no
 * standardisation). None of these records a held-out part.
 */
public final class ModelFile {

    /** The format name of the command line's files. */
    static final String FORMAT = "purenet-cli";

    /** The version of the command line's files that this program writes and reads. */
    static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * @param model a model
     * @return its file's text: the library's model document
     */
    public static String encode(Model model) {
        return Codec.standard().encode(model);
    }

    /**
     * Reads a model from a model document of the library, a model file or a checkpoint of the
     * command line, or a network document of the library.
     *
     * @param source the file, for messages
     * @param text its text
     * @return the model
     * @throws CliException (data) naming the file and what is wrong with it
     */
    public static Model read(String source, String text) {
        Json.Field root = Json.parse(source, text);
        String format = root.has("format") && root.field("format").node().isTextual()
                ? root.field("format").text() : "";
        String type = root.has("type") && root.field("type").node().isTextual() ? root.field("type").text() : "";
        if (format.equals("purenet") && type.equals("model")) {
            try {
                return Codec.standard().decodeModel(text);
            } catch (CheckpointException e) {
                throw CliException.data(source + ": " + e.getMessage(), e);
            }
        }
        if (format.equals("purenet") && type.equals("network")) {
            return Model.of(network(root));
        }
        if (format.equals(FORMAT) && type.equals("checkpoint")) {
            return Checkpoint.decode(source, text).model(source);
        }
        requireHeader(root, "model");
        root.only("format", "version", "type", "sha256", "classes", "class_names", "standardization", "network");
        Json.Field document = root.field("network");
        if (!document.node().isObject() || !document.has("sha256")) {
            throw document.error("expected a network document with its sha256");
        }
        Network network = network(document);
        Vector<String> classNames = classNames(root);
        Option<Standardization> standardization = standardization(root.field("standardization"));
        Model model = model(source, network, classNames, standardization);
        requireSha256(root, canonical(model, document.field("sha256").text()));
        return model;
    }

    /** The model of these parts, or the data error "the parts do not fit", naming the file. */
    static Model model(String source, Network network, Vector<String> classNames,
            Option<Standardization> standardization) {
        try {
            Model model = Model.of(network).withClassNames(classNames);
            return standardization.map(model::withStandardization).getOrElse(model);
        } catch (IllegalArgumentException e) {
            throw CliException.data(source + ": the parts do not fit: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code class_names} when the classes have names; classes that are the numbers
     * {@code 0 .. classes - 1} need none (and files written before names existed have none).
     */
    static void putClassNames(ObjectNode node, Vector<String> classNames) {
        if (!classNames.equals(Sources.numbers(classNames.size()))) {
            ArrayNode names = node.putArray("class_names");
            classNames.forEach(names::add);
        }
    }

    /** The classes of a model file or checkpoint: {@code classes}, named by {@code class_names} if it is there. */
    static Vector<String> classNames(Json.Field root) {
        int classes = (int) root.field("classes").integer(2, Integer.MAX_VALUE);
        if (!root.has("class_names")) {
            return Sources.numbers(classes);
        }
        Json.Field field = root.field("class_names");
        Vector<String> names = field.elements().map(Json.Field::text);
        if (names.size() != classes || names.distinct().size() != classes) {
            throw field.error("expected " + classes + " different names, one per class, got " + names.size()
                    + " names (" + names.distinct().size() + " different)");
        }
        return names;
    }

    /** Checks that the file's {@code sha256} is the SHA-256 of its canonical content. */
    static void requireSha256(Json.Field root, ObjectNode canonical) {
        String expected = root.field("sha256").text();
        if (!Json.sha256(canonical).equals(expected)) {
            throw root.field("sha256").error("the content does not match its SHA-256: the file was changed or "
                    + "corrupted");
        }
    }

    /** The header of a file of the command line. */
    static ObjectNode header(String type) {
        ObjectNode node = Json.object();
        node.put("format", FORMAT).put("version", VERSION).put("type", type);
        return node;
    }

    /** Checks the header of a file of the command line: its format, version and type. */
    static void requireHeader(Json.Field root, String type) {
        String what = type.equals("model") ? "a model (written by train --save)"
                : "a checkpoint (written by train --checkpoint-dir)";
        String format = root.has("format") && root.field("format").node().isTextual()
                ? root.field("format").text() : null;
        if (format == null || !(format.equals(FORMAT) || format.equals("purenet"))) {
            throw CliException.data(root.source() + ": not a purenet file; expected " + what);
        }
        String found = root.has("type") && root.field("type").node().isTextual() ? root.field("type").text() : "?";
        if (format.equals("purenet") || !found.equals(type)) {
            throw CliException.data(root.source() + ": a purenet " + found.replace('_', ' ') + " document, not "
                    + what);
        }
        long version = root.field("version").integer(0, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw root.field("version").error("version " + version + " is not supported; this program reads version "
                    + VERSION);
        }
    }

    /** A network document of the library, checked by the library's codec. */
    static Network network(Json.Field document) {
        try {
            return Codec.standard().decodeNetwork(Json.line(document.node()));
        } catch (CheckpointException e) {
            throw document.error("network: " + e.getMessage());
        }
    }

    /** The standardisation as JSON: null, or its mean and standard deviation (as bits when canonical). */
    static JsonNode standardization(Option<Standardization> s, boolean canonical) {
        if (s.isEmpty()) {
            return Json.object().nullNode();
        }
        ObjectNode node = Json.object();
        node.set("mean", Json.row(s.get().mean(), canonical));
        node.set("standard_deviation", Json.row(s.get().standardDeviation(), canonical));
        return node;
    }

    static Option<Standardization> standardization(Json.Field field) {
        if (field.isNull()) {
            return Option.none();
        }
        field.only("mean", "standard_deviation");
        try {
            return Option.some(new Standardization(field.field("mean").row(), field.field("standard_deviation").row()));
        } catch (IllegalArgumentException e) {
            throw field.error(e.getMessage());
        }
    }

    private static ObjectNode canonical(Model model, String networkSha256) {
        ObjectNode node = header("model");
        node.put("classes", model.classes());
        putClassNames(node, model.classNames());
        node.set("standardization", standardization(model.standardization(), true));
        node.put("network", networkSha256);
        return node;
    }
}
