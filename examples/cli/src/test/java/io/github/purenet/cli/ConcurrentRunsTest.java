package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of {@code train} at the same time, in one JVM, each writing checkpoints and a model into a
 * directory of its own, do not interfere: each writes the same files, with the same model bytes
 * and the same checkpoint and report apart from the fields that record times (and the
 * checkpoint's checksum, which covers them; each checkpoint is decoded, so its checksum is
 * checked), as the same run alone. The runs differ from each other (seed, optimizer, normalisation, dropout), so that a run
 * that took another's data, network or file would be seen. The program keeps no state between
 * calls (its static fields are constants, a thread-safe JSON mapper and the headless property, set
 * to the same value by every call), so running it on threads is running it as separate processes
 * would, sharing the JVM.
 *
 * <p>It can fail: with the checkpoint's path kept in a static field set by each run (correct for
 * one run), two runs out of two failed, a checkpoint written into another run's directory.
 */
class ConcurrentRunsTest {

    /** The fields that record times: they differ between any two runs. */
    private static final Set<String> TIMES = Set.of("seconds", "samples_per_second");

    private static final List<List<String>> RUNS = List.of(
            List.of("--seed", "1", "--optimizer", "adam", "--lr", "0.01", "--layers", "8"),
            List.of("--seed", "2", "--optimizer", "momentum", "--lr", "0.05", "--layers", "8,8", "--norm", "batch"),
            List.of("--seed", "3", "--optimizer", "sgd", "--lr", "0.1", "--layers", "6", "--norm", "layer"),
            List.of("--seed", "4", "--optimizer", "rmsprop", "--lr", "0.005", "--layers", "8", "--dropout", "0.2"));

    @TempDir
    Path dir;

    /** What a run left: its JSON report, model bytes, checkpoint, and the names of the files in its directory. */
    private record Outcome(JsonNode report, byte[] model, JsonNode checkpoint, Set<String> files) {
    }

    private static String[] command(int run, Path directory) {
        List<String> args = new ArrayList<>(List.of("train", "--data", "iris", "--epochs", "12"));
        args.addAll(RUNS.get(run));
        args.addAll(List.of("--checkpoint-dir", directory.resolve("run").toString(), "--checkpoint-every", "5",
                "--save", directory.resolve("model.json").toString(), "--report", "json"));
        return args.toArray(String[]::new);
    }

    /** Runs a command into a directory and reads what it left, with the directory's name and times taken out. */
    private static Outcome run(int run, Path directory) throws IOException {
        Files.createDirectories(directory);
        Cli.Result result = Cli.run(command(run, directory)).ok();
        String report = result.outLines().get(result.outLines().size() - 1).replace(directory.toString(), "DIR");
        Path checkpoint = directory.resolve("run").resolve("checkpoint.json");
        String checkpointText = Files.readString(checkpoint);
        Checkpoint.decode(checkpoint.toString(), checkpointText); // whole, its checksum right
        // the checksum of the whole checkpoint covers the epochs' times, so it goes too; the state has its own
        ObjectNode stored = (ObjectNode) withoutTimes(new ObjectMapper().readTree(checkpointText.replace(
                directory.toString(), "DIR")));
        stored.remove("sha256");
        return new Outcome(withoutTimes(new ObjectMapper().readTree(report)), Files.readAllBytes(
                directory.resolve("model.json")), stored, Files2.snapshot(directory).keySet());
    }

    /** The document without the fields that record times, at any depth. */
    private static JsonNode withoutTimes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(TIMES);
        }
        node.forEach(ConcurrentRunsTest::withoutTimes);
        return node;
    }

    @Test
    void fourTrainRunsAtOnceWriteWhatEachWritesAlone() throws Exception {
        List<Outcome> alone = new ArrayList<>();
        for (int r = 0; r < RUNS.size(); r++) {
            alone.add(run(r, dir.resolve("alone-" + r)));
        }
        // the runs differ, so that one run's files in another's place would be seen
        assertEquals(RUNS.size(), alone.stream().map(o -> new String(o.model())).distinct().count());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RUNS.size());
        List<Outcome> together = new ArrayList<>();
        try {
            List<Future<Outcome>> runs = new ArrayList<>();
            for (int r = 0; r < RUNS.size(); r++) {
                int run = r;
                runs.add(pool.submit(() -> {
                    start.await();
                    return run(run, dir.resolve("together-" + run));
                }));
            }
            start.countDown();
            for (Future<Outcome> f : runs) {
                together.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        for (int r = 0; r < RUNS.size(); r++) {
            Outcome a = alone.get(r);
            Outcome t = together.get(r);
            assertArrayEquals(a.model(), t.model(), "the model of run " + r);
            assertEquals(a.checkpoint(), t.checkpoint(), "the checkpoint of run " + r);
            assertEquals(a.report(), t.report(), "the report of run " + r);
            assertEquals(a.files(), t.files(), "the files of run " + r);
            assertTrue(a.files().contains("run/checkpoint.json") && a.files().contains("model.json"), a.files().toString());
            assertEquals(12, t.report().get("epochs").asInt(), t.report().toString());
        }
    }
}
