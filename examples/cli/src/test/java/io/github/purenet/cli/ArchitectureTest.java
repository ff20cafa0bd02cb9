package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The networks of {@code --layers}, {@code --activation}, {@code --dropout}, {@code --norm} and
 * {@code --residual}: without the last three, the library's dense stack of before, layer for layer;
 * with them, the blocks in the documented order with the same dense weights; bad values and
 * combinations refused naming the option and the value; the configuration written to checkpoints
 * only with the fields a run has.
 */
class ArchitectureTest {

    private static final Key KEY = Key.of(7);

    @Test
    void withoutTheNewOptionsTheNetworkIsTheLibrarysDenseStack() {
        for (String activation : Choices.ACTIVATIONS) {
            for (Vector<Integer> layers : List.of(Vector.of(16), Vector.of(32, 16), Vector.of(8, 8, 8))) {
                Network expected = Initializers.network(KEY, Choices.initializer(activation),
                        layers.prepend(64).append(10), Vector.fill(layers.size(), Choices.activation(activation))
                                .append(Activations.softmax()));
                assertEquals(expected, Architecture.dense(layers, activation).network(KEY, 64, 10),
                        activation + " " + layers);
            }
        }
    }

    @Test
    void aHiddenBlockIsDenseThenNormalisationThenActivationThenDropout() {
        Network plain = Architecture.dense(Vector.of(32, 16), "relu").network(KEY, 64, 10);
        Network network = new Architecture(Vector.of(32, 16), "relu", 0.25, "batch", false).network(KEY, 64, 10);
        Vector<Layer> layers = network.layers();
        assertEquals(9, layers.size(), network.toString());
        for (int block = 0; block < 2; block++) {
            Dense dense = (Dense) layers.get(4 * block);
            assertEquals(Activations.identity(), dense.activation());
            assertEquals(plain.dense(block).weights(), dense.weights(), "block " + block + ": the plain network's draw");
            assertEquals(plain.dense(block).bias(), dense.bias());
            assertEquals(BatchNorm.of(dense.outputs()), layers.get(4 * block + 1));
            assertEquals(ActivationLayer.of(Activations.relu()), layers.get(4 * block + 2));
            assertEquals(Dropout.of(0.25), layers.get(4 * block + 3));
        }
        assertEquals(plain.dense(2), layers.get(8));
        assertEquals(Vector.of("layers[1] (batch_norm)", "layers[3] (dropout)", "layers[5] (batch_norm)",
                "layers[7] (dropout)"), network.modeDependentLayers());

        // without normalisation, dropout follows the dense layer and its activation
        Network tanh = Architecture.dense(Vector.of(32), "tanh").network(KEY, 64, 10);
        assertEquals(Vector.of(tanh.dense(0), Dropout.of(0.5), tanh.dense(1)),
                new Architecture(Vector.of(32), "tanh", 0.5, "none", false).network(KEY, 64, 10).layers());
    }

    @Test
    void withResidualEveryHiddenBlockAfterTheFirstIsXPlusTheBlock() {
        Network plain = Architecture.dense(Vector.of(16, 16, 16), "relu").network(KEY, 64, 10);
        Network network = new Architecture(Vector.of(16, 16, 16), "relu", 0.1, "layer", true).network(KEY, 64, 10);
        Vector<Layer> layers = network.layers();
        assertEquals(7, layers.size(), network.toString()); // block 0 (4 layers), 2 residual blocks, the output
        for (int block = 1; block < 3; block++) {
            Residual residual = (Residual) layers.get(3 + block);
            assertEquals(Option.none(), residual.projection());
            Vector<Layer> inner = ((Sequential) residual.inner()).layers();
            assertEquals(plain.dense(block).weights(), ((Dense) inner.get(0)).weights(), "block " + block);
            assertEquals(Activations.identity(), ((Dense) inner.get(0)).activation());
            assertEquals(Vector.of(LayerNorm.of(16), ActivationLayer.of(Activations.relu()), Dropout.of(0.1)),
                    inner.tail());
        }
        assertEquals(Vector.of("layers[4].inner.layers[0].weights", "layers[4].inner.layers[0].bias",
                "layers[4].inner.layers[1].scale", "layers[4].inner.layers[1].offset"), network.parameterPaths().slice(4, 8));

        // a block of a dense layer alone is the residual block's inner function itself
        Network two = Architecture.dense(Vector.of(16, 16), "relu").network(KEY, 64, 10);
        Network bare = new Architecture(Vector.of(16, 16), "relu", 0.0, "none", true).network(KEY, 64, 10);
        assertEquals(Vector.of(two.dense(0), Residual.of(two.dense(1)), two.dense(2)), bare.layers());
        assertEquals("Network[64 dense(16 relu), residual(dense(16 relu)), dense(10 softmax)]", bare.toString());
    }

    @Test
    void thePlotsTitleNamesTheNetworkInAFewWords() {
        Architecture plain = Architecture.dense(Vector.of(16, 16), "relu");
        assertEquals("64-16-16-10 relu,relu,softmax", plain.brief(plain.network(KEY, 64, 10)));
        Architecture all = new Architecture(Vector.of(16, 16, 16), "tanh", 0.1, "layer", true);
        assertEquals("64-16-16-16-10 tanh, layer norm, dropout 0.1, residual", all.brief(all.network(KEY, 64, 10)));
        Architecture batch = new Architecture(Vector.of(16), "relu", 0.0, "batch", false);
        assertEquals("64-16-10 relu, batch norm", batch.brief(batch.network(KEY, 64, 10)));
    }

    @Test
    void badValuesAndCombinationsAreRefusedNamingTheOptionAndTheValue() {
        assertRefused("purenet: --dropout: expected a rate from 0 (included) to 1 (excluded), got 1.0", "--dropout", "1");
        assertRefused("purenet: --dropout: expected a rate from 0 (included) to 1 (excluded), got -0.1", "--dropout",
                "-0.1");
        assertRefused("purenet: --dropout: expected a rate from 0 (included) to 1 (excluded), got NaN", "--dropout",
                "NaN");
        assertRefused("purenet: --norm: unknown normalisation 'group'; expected one of none, layer, batch", "--norm",
                "group");
        assertRefused("purenet: --residual: needs two or more hidden layers of one width, such as --layers 128,128 "
                + "(each after the first becomes y = x + f(x)), got --layers 128,64", "--residual", "--layers", "128,64");
        assertRefused("purenet: --residual: needs two or more hidden layers of one width, such as --layers 128,128 "
                + "(each after the first becomes y = x + f(x)), got --layers 128", "--residual");
        assertRefused("purenet: --norm batch: normalises over the examples of a batch, so it needs --batch 2 or more, "
                + "got --batch 1", "--norm", "batch", "--batch", "1");
        // 1,438 training examples: batches of 3 leave one example alone at the end of each epoch
        assertRefused("purenet: --norm batch: with --batch 3 the last batch of each epoch holds 1 of the 1,438 "
                + "training examples, and batch normalisation needs two or more; try --batch 4", "--norm", "batch",
                "--batch", "3", "--epochs", "1");
    }

    private static void assertRefused(String message, String... options) {
        Cli.Result result = Cli.run(Cli.args(new String[] {"train", "--data", "digits"}, options));
        assertEquals(message + "\n", result.refused(CliException.USAGE).err(), String.join(" ", options));
    }

    /** The configuration of a train command line. */
    static RunConfig config(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void aCheckpointsConfigurationHasTheNewFieldsOnlyWhenTheRunHasThem() {
        RunConfig plain = config("--data", "digits", "--epochs", "3");
        ObjectNode json = Configs.toJson(plain, false);
        for (String field : List.of("dropout", "norm", "residual")) {
            assertFalse(json.has(field), field + " in " + json);
        }
        assertEquals(plain, Configs.fromJson(new Json.Field("f", "$", json)));

        RunConfig config = config("--data", "digits", "--layers", "32,32", "--dropout", "0.2",
                "--norm", "layer", "--residual");
        ObjectNode written = Configs.toJson(config, false);
        assertEquals("[\"data\",\"label_column\",\"layers\",\"activation\",\"dropout\",\"norm\",\"residual\","
                + "\"optimizer\"]", Vector.ofAll(written::fieldNames).take(8).map(n -> "\"" + n + "\"")
                        .mkString("[", ",", "]"));
        assertEquals(0.2, written.get("dropout").asDouble());
        assertEquals("layer", written.get("norm").asText());
        assertTrue(written.get("residual").asBoolean());
        assertEquals(config, Configs.fromJson(new Json.Field("f", "$", written)));
        assertEquals(new Architecture(Vector.of(32, 32), "relu", 0.2, "layer", true), config.architecture());
    }
}
