package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.Model;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Mode;
import io.github.purenet.random.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of {@code train --dropout}, {@code --norm} and {@code --residual}: the reports show the
 * network's structure; a saved model, and a checkpoint's network, evaluate in evaluation mode to
 * the test figures that {@code train} reported (in training mode, dropout and the batch's
 * statistics would give others); a run resumed from its checkpoint ends with the same model file,
 * bit for bit, running statistics included, as a run that never stopped.
 */
class LayerOptionsTest {

    @TempDir
    Path dir;

    private static String[] train(String... more) {
        return Cli.args(new String[] {"train", "--data", "digits", "--layers", "32,32"}, more);
    }

    @Test
    void theReportsShowTheNetworksStructure() {
        String network = "Network[64 dense(32 identity), layer_norm, relu, dropout(0.1), residual(dense(32 identity), "
                + "layer_norm, relu, dropout(0.1)), dense(10 softmax)]";
        JsonNode report = Cli.run(train("--norm", "layer", "--dropout", "0.1", "--residual", "--epochs", "3",
                "--report", "json")).ok().json();
        assertEquals(network, report.get("network").asText());
        assertTrue(report.get("test_accuracy").asDouble() > 0.9, report.toString());
        // 64·32 + 32 and 32·32 + 32 weights and biases, a scale and an offset of 32 in each layer norm, 32·10 + 10
        List<String> lines = Cli.run(train("--norm", "layer", "--dropout", "0.1", "--residual", "--epochs", "1"))
                .ok().outLines();
        assertEquals("network " + network + ", " + String.format("%,d", 2080 + 1056 + 2 * 64 + 330)
                + " parameters; adam, lr 0.003, constant schedule; batches of 32, 45 steps per epoch, 1 epochs; "
                + "seed 42", lines.get(1));

        JsonNode batch = Cli.run(train("--norm", "batch", "--epochs", "1", "--report", "json")).ok().json();
        assertEquals("Network[64 dense(32 identity), batch_norm, relu, dense(32 identity), batch_norm, relu, "
                + "dense(10 softmax)]", batch.get("network").asText());
    }

    @Test
    void theManualsExampleEndsWithItsFigures() {
        // docs/command-line.md, "Dropout, normalisation and residual blocks"
        List<String> lines = Cli.run("train", "--data", "digits", "--layers", "128,128,128", "--norm", "layer",
                "--dropout", "0.1", "--residual").ok().outLines();
        String block = "dense(128 identity), layer_norm, relu, dropout(0.1)";
        assertEquals("network Network[64 " + block + ", residual(" + block + "), residual(" + block + "), dense(10 "
                + "softmax)], 43,402 parameters; adam, lr 0.003, constant schedule; batches of 32, 43 steps per epoch, "
                + "at most 200 epochs, early stopping with patience 10; seed 42", lines.get(1));
        assertTrue(lines.get(2).startsWith("epoch   1/200  step     43  train loss 0.2109  val loss 0.1815  test loss "
                + "0.2521  test accuracy  91.4%  "), lines.get(2));
        assertEquals("done: 29 epochs (stopped: the validation loss did not improve for 10 epochs; kept epoch 19), "
                + "1247 steps in S s; test accuracy 98.89% (355 of 359), test loss 0.0563",
                lines.get(lines.size() - 1).replaceAll("in [0-9.]+ s;", "in S s;"));
    }

    @Test
    void aSavedModelEvaluatesInEvaluationModeToTheFiguresTrainReported() throws IOException {
        for (String norm : List.of("layer", "batch")) {
            Path model = dir.resolve(norm + ".json");
            JsonNode trained = Cli.run(train("--norm", norm, "--dropout", "0.2", "--residual", "--epochs", "2",
                    "--save", model.toString(), "--report", "json")).ok().json();
            JsonNode evaluated = Cli.run("evaluate", "--model", model.toString(), "--data", "digits", "--report",
                    "json").ok().json();
            assertEquals(trained.get("test_examples"), evaluated.get("examples"), norm);
            assertEquals(trained.get("test_loss"), evaluated.get("loss"), norm);
            assertEquals(trained.get("test_accuracy"), evaluated.get("accuracy"), norm);

            // in training mode the same network on the same examples has another loss
            Model m = ModelFile.read(model.toString(), Files.readString(model));
            Dataset test = m.heldOut().get().test(Sources.load(DataSpec.parse("digits"), io.vavr.control.Option.none())
                    .train().dataset());
            double training = Backprop.loss(m.network(), test.features().matrix(), test.targets().matrix(), Losses.softmaxCrossEntropy(),
                    Mode.training(Key.of(1)));
            assertNotEquals(evaluated.get("loss").asDouble(), training, norm);
        }
    }

    @Test
    void aRunWithBatchNormAndDropoutResumedFromItsCheckpointEndsAsTheRunThatNeverStopped() throws IOException {
        String[] options = {"--norm", "batch", "--dropout", "0.2", "--residual", "--seed", "5"};
        Path run = dir.resolve("run");
        JsonNode two = Cli.run(Cli.args(train(options), "--epochs", "2", "--checkpoint-dir", run.toString(),
                "--report", "json")).ok().json();
        Path checkpoint = run.resolve(Runs.CHECKPOINT);

        // the checkpoint's network is the one train evaluated at the end of epoch 2
        JsonNode atTwo = Cli.run("evaluate", "--model", checkpoint.toString(), "--data", "digits", "--test-split",
                "0.2", "--seed", "5", "--report", "json").ok().json();
        assertEquals(two.get("test_loss"), atTwo.get("loss"));

        Path resumed = dir.resolve("resumed.json");
        JsonNode resumedReport = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs", "4", "--save",
                resumed.toString(), "--report", "json").ok().json();
        Path uninterrupted = dir.resolve("uninterrupted.json");
        JsonNode trainReport = Cli.run(Cli.args(train(options), "--epochs", "4", "--save", uninterrupted.toString(),
                "--report", "json")).ok().json();
        assertEquals(180, resumedReport.get("steps").asLong());
        assertEquals(trainReport.get("test_loss"), resumedReport.get("test_loss"));
        assertEquals(trainReport.get("network"), resumedReport.get("network"));
        assertArrayEquals(Files.readAllBytes(uninterrupted), Files.readAllBytes(resumed));
        Model model = ModelFile.read("m", Files.readString(resumed));
        assertEquals(4, model.network().statePaths().size()); // the running mean and variance of both batch norms
    }
}
