package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models and checkpoints written by the command line at commit 0d6dcdc, whose checkpoints hold
 * training states of the library's checkpoint format version 1, still evaluate and resume with
 * exactly the figures that program printed, and the same commands train to them today. The files
 * and that program's JSON reports are test resources ({@code v2/}, whose README says how they were
 * made); a report is compared whole, but for the fields that vary from run to run or name files
 * ({@code seconds}, {@code samples_per_second}, {@code checkpoint}, {@code model}).
 */
class CheckpointFormat1FilesTest {

    @TempDir
    Path dir;

    /** Copies a resource into the temporary directory, where resume may write beside it. */
    private Path resource(String name) throws IOException {
        try (InputStream in = CheckpointFormat1FilesTest.class.getResourceAsStream("v2/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    /** A report of the program at 0d6dcdc, without the fields that vary. */
    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = CheckpointFormat1FilesTest.class.getResourceAsStream("v2/reports/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * A report of this program, without the fields that vary, and without {@code blew_up}, added
     * after these reports were recorded: {@code null} for train and resume (no run here blows up),
     * absent for evaluate.
     */
    private static JsonNode report(String... args) {
        ObjectNode report = (ObjectNode) Cli.run(Cli.args(args, "--report", "json")).ok().json();
        report.remove(java.util.List.of("seconds", "samples_per_second", "checkpoint", "model"));
        if (!args[0].equals("evaluate")) {
            assertTrue(report.get("blew_up").isNull(), report.toString());
        }
        report.remove("blew_up");
        return report;
    }

    @Test
    void theModelsEvaluateWithTheFiguresOfThatProgram() throws IOException {
        assertEquals(recorded("eval-model.json"),
                report("evaluate", "--model", resource("iris-model.json").toString(), "--data", "iris"));
        assertEquals(recorded("eval-es-model.json"),
                report("evaluate", "--model", resource("iris-es-model.json").toString(), "--data", "iris"));
    }

    @Test
    void aCheckpointsNetworkEvaluatesAsTheModelSavedWithIt() throws IOException {
        // the checkpoint of the 5-epoch run holds the network that run saved; it records no held-out
        // part, and the same split, given, takes the same 30 examples
        JsonNode model = recorded("eval-model.json");
        JsonNode checkpoint = report("evaluate", "--model", resource("iris-checkpoint.json").toString(), "--data",
                "iris", "--test-split", "0.2");
        for (String field : new String[] {"examples", "loss", "accuracy", "correct", "confusion", "classes",
                "log_loss"}) {
            assertEquals(model.get(field), checkpoint.get(field), field);
        }
    }

    @Test
    void aCheckpointResumesToTheFiguresOfThatProgram() throws IOException {
        assertEquals(recorded("resume-epochs.json"),
                report("resume", "--checkpoint", resource("iris-checkpoint.json").toString(), "--epochs", "8"));
    }

    @Test
    void anEarlyStoppingCheckpointResumesToTheFiguresOfThatProgram() throws IOException {
        Path checkpoint = resource("iris-es-checkpoint.json");
        assertEquals(recorded("resume-es.json"), report("resume", "--checkpoint", checkpoint.toString()));
        assertEquals(recorded("resume-es-15.json"),
                report("resume", "--checkpoint", checkpoint.toString(), "--epochs", "15"));
    }

    @Test
    void theCommandsThatWroteTheFilesTrainToTheSameFiguresToday() throws IOException {
        assertEquals(recorded("train-epochs.json"), report("train", "--data", "iris", "--epochs", "5"));
        assertEquals(recorded("train-es.json"),
                report("train", "--data", "iris", "--max-epochs", "12", "--patience", "3"));
    }
}
