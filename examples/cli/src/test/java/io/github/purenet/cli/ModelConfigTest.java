package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * The configuration of a run of {@code --model}: the items, in their shortest form, in place of
 * {@code layers}, read back to the same configuration; a configuration that mixes the two, or a
 * bad model in a file, refused naming the field.
 */
class ModelConfigTest {

    private static RunConfig config(String... args) {
        return ArchitectureTest.config(args);
    }

    @Test
    void theModelIsWrittenInPlaceOfTheLayersAndReadBack() {
        RunConfig config = config("--data", "digits", "--model", "conv:8:3:1:valid, maxpool:2:2,dense:32,dropout:0.5",
                "--activation", "tanh", "--epochs", "2");
        assertEquals(Architecture.of(ModelSpec.parse("conv:8:3,maxpool:2,dense:32,dropout:0.5"), "tanh"),
                config.architecture());
        ObjectNode json = Configs.toJson(config, false);
        assertEquals("[\"data\",\"label_column\",\"model\",\"activation\",\"optimizer\"]",
                Vector.ofAll(json::fieldNames).take(5).map(n -> "\"" + n + "\"").mkString("[", ",", "]"));
        assertEquals("conv:8:3,maxpool:2,dense:32,dropout:0.5", json.get("model").asText());
        for (String field : java.util.List.of("layers", "dropout", "norm", "residual")) {
            assertFalse(json.has(field), field + " in " + json);
        }
        assertEquals(config, Configs.fromJson(new Json.Field("f", "$", json)));
        // the options' defaults of the data set still apply: the optimizer and the rest
        assertEquals(config("--data", "digits", "--epochs", "2").optimizer(), config.optimizer());
    }

    @Test
    void aConfigurationThatMixesAModelWithLayersOrABadModelIsRefusedNamingTheField() {
        ObjectNode json = Configs.toJson(config("--data", "digits", "--model", "conv:8:3", "--epochs", "2"), false);
        ObjectNode mixed = json.deepCopy();
        mixed.putArray("layers").add(16);
        CliException e = assertThrows(CliException.class, () -> Configs.fromJson(new Json.Field("f", "$", mixed)));
        assertEquals(CliException.DATA, e.exitCode());
        assertEquals("f: at $: --model: describes every hidden layer, so it takes none of --layers, --dropout, --norm "
                + "or --residual (put dropout:RATE items in the model), got --layers 16 --dropout 0.0 --norm none "
                + "--residual false", e.getMessage());
        ObjectNode bad = json.deepCopy();
        bad.put("model", "conv:8:3,pool:2");
        e = assertThrows(CliException.class, () -> Configs.fromJson(new Json.Field("f", "$", bad)));
        assertEquals("f: at $: --model: item 2 'pool:2': unknown kind 'pool'; expected one of conv, maxpool, avgpool, "
                + "gap, flatten, dropout, dense", e.getMessage());
    }
}
