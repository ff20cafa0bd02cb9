package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.train.TrainState;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped and resumed ends with the same network, bit for bit, as a run that never stopped:
 * killed as a process at an arbitrary moment after its first checkpoint, or finished and extended;
 * with early stopping, resumed from checkpoints taken at epochs' ends and between them, it ends
 * with the same kept network (the same bytes of the model file), epochs and reason. Checkpoints
 * written before early stopping existed resume as before. The networks are compared by the
 * library's SHA-256 of their canonical form, or the model files by their bytes.
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
        // and says so, not "resuming at step 40 (epoch 6, batch 1)"
        Cli.Result finished = Cli.run("resume", "--checkpoint", checkpoint.toString()).ok();
        assertEquals("the run is finished: it trained all of its 5 epochs at step 40, with nothing left to train; "
                + "its results follow. To train on, give --epochs N with N > 5", finished.outLines().get(2),
                finished.out());
    }

    @Test
    void anEarlyStoppingRunResumedFromAnyCheckpointEndsAsTheRunThatNeverStopped() throws Exception {
        Path runDir = dir.resolve("run");
        Path file = runDir.resolve("checkpoint.json");
        Path uninterrupted = dir.resolve("uninterrupted.json");
        // every checkpoint the run writes (atomically, by renaming), taken as a kill after it would leave it
        List<byte[]> taken = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            byte[] last = new byte[0];
            while (!done.get()) {
                try {
                    byte[] now = Files.readAllBytes(file);
                    if (!Arrays.equals(now, last)) {
                        taken.add(now);
                        last = now;
                    }
                    Thread.sleep(1);
                } catch (IOException notYet) {
                    // no checkpoint yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        JsonNode report;
        try {
            report = Cli.run("train", "--data", "digits", "--layers", "32", "--checkpoint-dir", runDir.toString(),
                    "--checkpoint-every", "30", "--save", uninterrupted.toString(), "--report", "json").ok().json();
        } finally {
            done.set(true);
            watcher.join();
        }
        assertEquals("patience", report.get("stop_reason").asText());
        taken.add(Files.readAllBytes(file)); // the last, at the stop

        // resumed from the first checkpoint taken, one between epochs' ends, one at an epoch's end, and the last
        List<byte[]> chosen = new ArrayList<>(List.of(taken.get(0), taken.get(taken.size() - 1)));
        chosen.add(taken.stream().filter(c -> state(c).batch() != 0).skip(taken.size() / 4).findFirst().orElseThrow());
        chosen.add(taken.stream().filter(c -> state(c).batch() == 0).skip(taken.size() / 8).findFirst().orElseThrow());
        for (byte[] c : chosen) {
            long step = state(c).step();
            Path d = Files.createDirectories(dir.resolve("resumed-" + step));
            Path checkpoint = Files.write(d.resolve("checkpoint.json"), c);
            Path resumed = d.resolve("model.json");
            JsonNode again = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--save", resumed.toString(),
                    "--report", "json").ok().json();
            String where = "resumed at step " + step + ": " + again;
            assertArrayEquals(Files.readAllBytes(uninterrupted), Files.readAllBytes(resumed), where);
            for (String field : List.of("epochs", "steps", "epochs_run", "stop_reason", "best_epoch", "validation_loss",
                    "test_loss", "test_accuracy", "train_loss")) {
                assertEquals(report.get(field), again.get(field), field + ", " + where);
            }
        }
        assertTrue(taken.size() > 4, taken.size() + " checkpoints taken");
    }

    /** A checkpoint's state. */
    private static TrainState<?> state(byte[] checkpoint) {
        Checkpoint c = Checkpoint.decode("c", new String(checkpoint, StandardCharsets.UTF_8));
        return c.state("c", Experiment.optimizer(c.config(), 43));
    }

    @Test
    void anEarlyStoppingRunResumedWithEpochsTrainsExactlyThatManyAndKeepsItsLastNetwork() throws IOException {
        Path runDir = dir.resolve("run");
        JsonNode stopped = Cli.run("train", "--data", "iris", "--checkpoint-dir", runDir.toString(), "--report",
                "json").ok().json();
        Path checkpoint = runDir.resolve("checkpoint.json");
        String text = Files.readString(checkpoint);
        assertTrue(text.contains("\"early_stopping\" : {") && text.contains("\"best_state\" : {"), text);
        long epochs = stopped.get("epochs_run").asLong();

        // resumed as it is: the same result, without training
        JsonNode same = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--report", "json").ok().json();
        assertEquals(stopped.get("best_epoch"), same.get("best_epoch"));
        assertEquals(stopped.get("test_loss"), same.get("test_loss"));
        Cli.Result finished = Cli.run("resume", "--checkpoint", checkpoint.toString()).ok();
        assertTrue(finished.out().contains("the run is finished: early stopping ended it after epoch " + epochs
                + " at step " + epochs * 6 + ", with nothing left to train; its results follow. To train on, give "
                + "--epochs N with N > " + epochs + "\n"), finished.out());

        // a changed progress is refused by the checkpoint's hash
        Path changed = Files.writeString(dir.resolve("changed.json"), text.replace("\"waited\" : 10", "\"waited\" : 3"));
        Cli.run("resume", "--checkpoint", changed.toString()).refused(1, "changed.json: at $.sha256: ");

        Cli.Result more = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs",
                String.valueOf(epochs + 3)).ok();
        List<String> lines = more.outLines();
        assertTrue(lines.get(lines.size() - 2).startsWith("done: " + (epochs + 3) + " epochs, " + (epochs + 3) * 6
                + " steps in "), more.out());
        assertTrue(lines.get(lines.size() - 3).contains("  val loss "), "the validation part is still reported");
        Checkpoint last = Checkpoint.decode("c", Files.readString(checkpoint));
        assertEquals(epochs + 3, last.config().epochs());
        assertTrue(last.config().patience().isEmpty() && last.stopping().isEmpty(), "a fixed number of epochs now");
        assertEquals(Option.some(0.2), last.config().validationSplit());
    }

    @Test
    void aCheckpointWrittenBeforeEarlyStoppingExistedResumesAsBefore() throws IOException {
        // iris --epochs 3 --checkpoint-dir, written by the command line before early stopping
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path checkpoint = runDir.resolve("checkpoint.json");
        try (var in = ResumeTest.class.getResourceAsStream("checkpoint-before-early-stopping.json")) {
            Files.copy(in, checkpoint);
        }
        JsonNode atThree = Cli.run("resume", "--checkpoint", checkpoint.toString(), "--report", "json").ok().json();
        assertEquals(24, atThree.get("steps").asLong());
        assertTrue(atThree.get("stop_reason").isNull() && atThree.get("validation_loss").isNull(), atThree.toString());
        Path resumed = dir.resolve("resumed.json");
        Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs", "5", "--save", resumed.toString()).ok();
        Path uninterrupted = dir.resolve("uninterrupted.json");
        Cli.run("train", "--data", "iris", "--epochs", "5", "--save", uninterrupted.toString()).ok();
        assertArrayEquals(Files.readAllBytes(uninterrupted), Files.readAllBytes(resumed));
    }
}
