package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A {@link RunConfig} as JSON, for checkpoints, and back.
 *
 * <pre>{@code
 * {"data": "csv:/home/ada/flowers.csv", "label_column": null, "layers": [16], "activation": "tanh",
 *  "dropout": 0.2, "norm": "layer", "residual": true,                // only when given
 *  "optimizer": "adam", "learning_rate": 0.01, "schedule": "constant", "schedule_epochs": 100,
 *  "batch": 16, "epochs": 100, "seed": 42, "test_split": 0.2, "standardize": true,
 *  "checkpoint_every": null, "validation_split": 0.1, "patience": 10}
 * }</pre>
 *
 * <p>{@code validation_split} and {@code patience} are written only when the run has them (a run
 * of {@code train --epochs N} has neither), so that such a run's checkpoint, and its hash, are as
 * they were before these fields existed; a configuration without them reads as a run without them.
 * So are {@code dropout} (a rate above 0), {@code norm} ({@code layer} or {@code batch}) and
 * {@code residual} ({@code true}), after {@code activation}: a configuration without them is a
 * stack of dense layers. A run of {@code --model} has {@code "model": "conv:32:3,maxpool:2,dense:128"}
 * (the items in their shortest form, {@link ModelSpec#toString()}) in place of {@code layers}.
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
        Architecture a = c.architecture();
        if (a.model().isDefined()) {
            node.put("model", a.model().get().toString());
        } else {
            ArrayNode layers = node.putArray("layers");
            a.layers().forEach(layers::add);
        }
        node.put("activation", a.activation());
        if (a.dropout() > 0.0) {
            node.set("dropout", Json.number(a.dropout(), canonical));
        }
        if (!a.norm().equals("none")) {
            node.put("norm", a.norm());
        }
        if (a.residual()) {
            node.put("residual", true);
        }
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
        f.only("data", "label_column", "layers", "model", "activation", "dropout", "norm", "residual", "optimizer", "learning_rate", "schedule",
                "schedule_epochs", "batch", "epochs", "seed", "test_split", "standardize", "checkpoint_every",
                "validation_split", "patience");
        try {
            return new RunConfig(DataSpec.parse(f.field("data").text()),
                    f.field("label_column").isNull() ? Option.none() : Option.some(f.field("label_column").text()),
                    architecture(f), f.field("optimizer").text(), f.field("learning_rate").number(),
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

    /** The hidden layers of a configuration: a stack of dense layers unless it says otherwise. */
    private static Architecture architecture(Json.Field f) {
        Option<ModelSpec> model = optional(f, "model").map(m -> ModelSpec.parse(m.text()));
        return new Architecture(model.isDefined() && !f.has("layers") ? Vector.empty()
                : f.field("layers").elements().map(e -> (int) e.integer(1, Integer.MAX_VALUE)),
                f.field("activation").text(), optional(f, "dropout").map(Json.Field::number).getOrElse(0.0),
                optional(f, "norm").map(Json.Field::text).getOrElse("none"),
                optional(f, "residual").map(Json.Field::bool).getOrElse(false), model);
    }

    /** A field that may be missing or null, as none. */
    private static Option<Json.Field> optional(Json.Field f, String name) {
        return f.has(name) && !f.field(name).isNull() ? Option.some(f.field(name)) : Option.none();
    }
}
