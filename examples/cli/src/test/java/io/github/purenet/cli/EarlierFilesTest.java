package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file and a checkpoint written by the command line before models were the library's
 * documents (version 1 of the command line's own files) still evaluate and resume, with the figures
 * that program printed. The two files are test resources, written by
 * {@code train --data iris --epochs 5 --save iris-model-v1.json --checkpoint-dir DIR}; the figures
 * below are that program's own output for the same commands.
 */
class EarlierFilesTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        try (InputStream in = EarlierFilesTest.class.getResourceAsStream("v1/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    @Test
    void anEarlierModelFileEvaluatesWithTheFiguresItHad() throws IOException {
        Path model = resource("iris-model-v1.json");
        JsonNode split = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--test-split", "0.2",
                "--report", "json").ok().json();
        assertEquals(30, split.get("examples").asInt());
        assertEquals(0.2861541631165239, split.get("loss").asDouble());
        assertEquals(28, split.get("correct").asInt());
        assertEquals("[[10,0,0],[0,8,2],[0,0,10]]", split.get("confusion").toString());

        // it records no held-out part, so evaluate takes all examples, and says so
        JsonNode all = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--report", "json")
                .ok().json();
        assertEquals(150, all.get("examples").asInt());
        assertEquals(0.29561797052286587, all.get("loss").asDouble());
        assertEquals(137, all.get("correct").asInt());
        assertEquals("[[50,0,0],[0,41,9],[0,4,46]]", all.get("confusion").toString());
        assertEquals("iris (all examples: the model does not record a held-out part; --test-split chooses one)",
                all.get("data").asText());
    }

    @Test
    void anEarlierModelFileWithAChangedWeightIsRefused() throws IOException {
        Path model = resource("iris-model-v1.json");
        String text = Files.readString(model);
        String weight = "-0.057383719597669074";
        assertEquals(1, text.split(weight, -1).length - 1, "the first weight, once");
        Files.writeString(model, text.replace(weight, "-0.0573837195976"));
        Cli.run("evaluate", "--model", model.toString(), "--data", "iris").refused(CliException.DATA,
                "iris-model-v1.json", "network", "SHA-256");
    }

    @Test
    void anEarlierCheckpointResumesToTheFiguresOfThatProgram() throws IOException {
        Path checkpoint = resource("iris-checkpoint-v1.json");
        JsonNode done = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs", "8", "--report", "json")
                .ok().json();
        assertEquals(64, done.get("steps").asLong());
        assertEquals(0.21852609436039516, done.get("train_loss").asDouble());
        assertEquals(0.925, done.get("train_accuracy").asDouble());
        assertEquals(0.20938924137215773, done.get("test_loss").asDouble());
        assertEquals(0.9666666666666667, done.get("test_accuracy").asDouble());

        // and the network of the checkpoint it wrote (beside it, as checkpoint.json) evaluates as a model
        JsonNode evaluation = Cli.run("evaluate", "--model", done.get("checkpoint").asText(), "--data", "iris",
                "--test-split", "0.2", "--report", "json").ok().json();
        assertEquals(0.20938924137215773, evaluation.get("loss").asDouble());
        assertEquals(29, evaluation.get("correct").asInt());
    }
}
