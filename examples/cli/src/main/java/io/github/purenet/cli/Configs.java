package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;

/**
 * A {@link RunConfig} as JSON, for checkpoints, and back.
 *
 * <pre>{@code
 * {"data": "csv:/home/ada/flowers.csv", "label_column": null, "layers": [16], "activation": "tanh",
 *  "optimizer": "adam", "learning_rate": 0.01, "schedule": "constant", "schedule_epochs": 100,
 *  "batch": 16, "epochs": 100, "seed": 42, "test_split": 0.2, "standardize": true,
 *  "checkpoint_every": null, "validation_split": 0.1, "patience": 10}
 * }</pre>
 *
 * <p>{@code validation_split} and {@code patience} are written only when the run has them (a run
 * of {@code train --epochs N} has neither), so that such a run's checkpoint, and its hash, are as
 * they were before these fields existed; a configuration without them reads as a run without them.
 */
final class Configs {

    private Configs() {
    }

    /**
     * @param c a configuration
     * @param canonical whether to write doubles as the hex digits of their bits, for hashing
     * @return its JSON
     */
    static ObjectNode toJson(RunConfig c, boolean canonical) {
        ObjectNode node = Json.object();
        node.put("data", c.data().toString());
        node.put("label_column", c.labelColumn().getOrNull());
        ArrayNode layers = node.putArray("layers");
        c.layers().forEach(layers::add);
        node.put("activation", c.activation());
        node.put("optimizer", c.optimizer());
        node.set("learning_rate", Json.number(c.learningRate(), canonical));
        node.put("schedule", c.schedule());
        node.put("schedule_epochs", c.scheduleEpochs());
        node.put("batch", c.batch());
        node.put("epochs", c.epochs());
        node.put("seed", c.seed());
        if (c.testSplit().isEmpty()) {
            node.putNull("test_split");
        } else {
            node.set("test_split", Json.number(c.testSplit().get(), canonical));
        }
        node.put("standardize", c.standardize());
        if (c.checkpointEvery().isEmpty()) {
            node.putNull("checkpoint_every");
        } else {
            node.put("checkpoint_every", c.checkpointEvery().get());
        }
        c.validationSplit().forEach(f -> node.set("validation_split", Json.number(f, canonical)));
        c.patience().forEach(p -> node.put("patience", p));
        return node;
    }

    /**
     * @param f the configuration's JSON in a file
     * @return the configuration
     * @throws CliException (data) naming the file and the field that is wrong
     */
    static RunConfig fromJson(Json.Field f) {
        f.only("data", "label_column", "layers", "activation", "optimizer", "learning_rate", "schedule",
                "schedule_epochs", "batch", "epochs", "seed", "test_split", "standardize", "checkpoint_every",
                "validation_split", "patience");
        try {
            return new RunConfig(DataSpec.parse(f.field("data").text()),
                    f.field("label_column").isNull() ? Option.none() : Option.some(f.field("label_column").text()),
                    f.field("layers").elements().map(e -> (int) e.integer(1, Integer.MAX_VALUE)),
                    f.field("activation").text(), f.field("optimizer").text(), f.field("learning_rate").number(),
                    f.field("schedule").text(), (int) f.field("schedule_epochs").integer(1, Integer.MAX_VALUE),
                    (int) f.field("batch").integer(1, Integer.MAX_VALUE),
                    (int) f.field("epochs").integer(1, Integer.MAX_VALUE),
                    f.field("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE),
                    f.field("test_split").isNull() ? Option.none() : Option.some(f.field("test_split").number()),
                    f.field("standardize").bool(),
                    f.field("checkpoint_every").isNull() ? Option.none()
                            : Option.some(f.field("checkpoint_every").integer(1, Long.MAX_VALUE)),
                    optional(f, "validation_split").map(Json.Field::number),
                    optional(f, "patience").map(p -> (int) p.integer(1, Integer.MAX_VALUE)));
        } catch (CliException e) {
            throw e.exitCode() == CliException.DATA ? e : f.error(e.getMessage());
        }
    }

    /** A field that may be missing or null, as none. */
    private static Option<Json.Field> optional(Json.Field f, String name) {
        return f.has(name) && !f.field(name).isNull() ? Option.some(f.field(name)) : Option.none();
    }
}
