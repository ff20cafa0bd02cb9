package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.train.TrainState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped and resumed ends with the same network, bit for bit, as a run that never stopped:
 * killed as a process at an arbitrary moment after its first checkpoint, or finished and extended.
 * The networks are compared by the library's SHA-256 of their canonical form.
 */
class ResumeTest {

    @TempDir
    Path dir;

    /** The SHA-256 of the network in a model file. */
    private static String networkSha256(Path model) throws IOException {
        return Codec.standard().sha256(ModelFile.read(model.toString(), Files.readString(model)).network());
    }

    @Test
    void aRunKilledAfterACheckpointAndResumedEndsWithTheNetworkOfARunThatNeverStopped() throws Exception {
        Path runDir = dir.resolve("run");
        Path checkpoint = runDir.resolve("checkpoint.json");
        List<String> options = List.of("--data", "digits", "--layers", "64", "--seed", "7", "--optimizer", "adam",
                "--lr", "0.003");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Purenet.class.getName(), "train"));
        command.addAll(options);
        command.addAll(List.of("--epochs", "500", "--checkpoint-dir", runDir.toString(), "--checkpoint-every", "7"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(checkpoint)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("no checkpoint; the program said: " + Files.readString(dir.resolve("output.txt")));
                }
                Thread.sleep(5);
            }
            Thread.sleep(150); // let it write a few more, so that the kill may come in the middle of one
            assertTrue(process.isAlive(), "the run ended before it was killed");
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        // the last complete checkpoint is readable; finish the run two epochs after it
        Checkpoint stored = Checkpoint.decode(checkpoint.toString(), Files.readString(checkpoint));
        TrainState<?> state = stored.state("checkpoint", Experiment.optimizer(stored.config(), 45));
        assertTrue(state.step() >= 7 && state.step() % 7 == 0 || state.batch() == 0, state.toString());
        int epochs = (int) state.epoch() + 2;

        Path resumed = dir.resolve("resumed.json");
        JsonNode resumedReport = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs",
                String.valueOf(epochs), "--save", resumed.toString(), "--report", "json").ok().json();
        Path uninterrupted = dir.resolve("uninterrupted.json");
        List<String> train = new ArrayList<>(List.of("train"));
        train.addAll(options);
        train.addAll(List.of("--epochs", String.valueOf(epochs), "--save", uninterrupted.toString(), "--report",
                "json"));
        JsonNode trainReport = Cli.run(train.toArray(String[]::new)).ok().json();

        assertEquals(networkSha256(uninterrupted), networkSha256(resumed));
        assertEquals(trainReport.get("steps"), resumedReport.get("steps"));
        assertEquals(trainReport.get("test_loss"), resumedReport.get("test_loss"));
        assertEquals(epochs * 45L, resumedReport.get("steps").asLong());
    }

    @Test
    void aFinishedRunResumedWithMoreEpochsEqualsALongerRunAndKeepsItsHistory() throws IOException {
        Path runDir = dir.resolve("run");
        Cli.run("train", "--data", "iris", "--epochs", "3", "--checkpoint-dir", runDir.toString()).ok();
        Path checkpoint = runDir.resolve("checkpoint.json");

        // evaluate takes a checkpoint's network
        JsonNode atThree = Cli.run("evaluate", "--model", checkpoint.toString(), "--data", "iris", "--test-split",
                "0.2", "--report", "json").ok().json();
        assertEquals(30, atThree.get("examples").asInt());

        Path plot = dir.resolve("loss.png");
        Path resumed = dir.resolve("resumed.json");
        Cli.Result resume = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs", "5", "--save",
                resumed.toString(), "--plot", plot.toString()).ok();
        assertTrue(resume.outLines().get(2).equals("resuming at step 24 (epoch 4, batch 1)"), resume.out());
        assertTrue(resume.outLines().get(3).startsWith("epoch 4/5  step     32"), resume.out());
        Checkpoint last = Checkpoint.decode("c", Files.readString(checkpoint));
        assertEquals(5, last.history().size()); // the three epochs before the resume, and two after
        assertEquals(5, last.config().epochs());
        assertTrue(Files.size(plot) > 1000);

        Path uninterrupted = dir.resolve("uninterrupted.json");
        Cli.run("train", "--data", "iris", "--epochs", "5", "--save", uninterrupted.toString()).ok();
        assertEquals(networkSha256(uninterrupted), networkSha256(resumed));

        // nothing left to do: the report of the run as it stands
        JsonNode again = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--report", "json").ok().json();
        assertEquals(40, again.get("steps").asLong());
        assertEquals(5, again.get("epochs").asLong());
    }
}
