package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.cli.Purenet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkContext$;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Submit} runs the command line on Spark, with the master that spark-submit sets as the
 * system property {@code spark.master} ({@code local[2]} here): {@code train --shards 4} and a
 * {@code resume} of its checkpoint write the same model files, byte for byte, as {@code purenet}'s
 * own commands in this JVM, and report the times of each epoch's steps; the context is stopped at
 * the end. A standalone master that does not answer, a bad command line and {@code --help} make
 * no context.
 */
class SubmitTest {

    private static final String[] DIGITS = {"--data", "digits", "--layers", "32", "--seed", "7", "--optimizer",
        "adam", "--lr", "0.003", "--dropout", "0.1"};

    private static final Map<String, String> LOCAL = Map.of("spark.master", "local[2]", "spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");

    private final Map<String, String> saved = new HashMap<>();

    /** Whether each submitted run made a context. */
    private final List<Boolean> contexts = new ArrayList<>();

    @TempDir
    Path dir;

    /** What a run did. */
    private record Result(int exitCode, String out, String err) {
    }

    /** Submit's run, with these system properties, which the test restores after it. */
    private Result submit(Map<String, String> properties, String... args) {
        properties.forEach((name, value) -> {
            saved.putIfAbsent(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Submit.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), contexts::add);
        return new Result(code, out.toString(), err.toString());
    }

    /** purenet's own run. */
    private static Result purenet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Purenet.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        assertTrue(SparkContext$.MODULE$.getActive().isEmpty(), "a context was left running");
    }

    private static String[] args(String[] head, String... more) {
        return Stream.concat(Stream.of(head), Stream.of(more)).toArray(String[]::new);
    }

    private static void ok(Result r) {
        assertEquals(0, r.exitCode(), () -> "stderr: " + r.err() + "\nstdout: " + r.out());
    }

    @Test
    void trainAndResumeOnSparkWriteTheModelFilesOfThePlainCommandLine() throws IOException {
        Path run = dir.resolve("run");
        Path sparkTwo = dir.resolve("spark-2.json");
        Result trained = submit(LOCAL, args(args(new String[] {"train"}, DIGITS), "--shards", "4", "--epochs", "2", "--save",
                sparkTwo.toString(), "--checkpoint-dir", run.toString()));
        ok(trained);
        List<String> lines = trained.out().lines().toList();
        List<String> spark = lines.stream().filter(l -> l.startsWith("  spark: ")).toList();
        assertEquals(2, spark.size(), trained.out());
        assertTrue(spark.get(0).matches("  spark: 2 tasks on local\\[2\\]; mean of 45 steps: executors \\d+\\.\\d{4} s, "
                + "transfer \\d+\\.\\d{4} s, driver \\d+\\.\\d{4} s"), spark.get(0));
        assertTrue(lines.get(lines.indexOf(spark.get(0)) - 1).startsWith("epoch 1/2"), trained.out());

        Path sparkThree = dir.resolve("spark-3.json");
        ok(submit(LOCAL, "resume", "--checkpoint", run.resolve("checkpoint.json").toString(), "--epochs", "3",
                "--save", sparkThree.toString()));

        Path localTwo = dir.resolve("local-2.json");
        Path localThree = dir.resolve("local-3.json");
        ok(purenet(args(args(new String[] {"train"}, DIGITS), "--shards", "4", "--epochs", "2", "--save",
                localTwo.toString())));
        ok(purenet(args(args(new String[] {"train"}, DIGITS), "--shards", "4", "--epochs", "3", "--save",
                localThree.toString())));
        assertArrayEquals(Files.readAllBytes(localTwo), Files.readAllBytes(sparkTwo));
        assertArrayEquals(Files.readAllBytes(localThree), Files.readAllBytes(sparkThree));
    }

    @Test
    void aStandaloneMasterThatDoesNotAnswerIsRefusedWithoutAContext() {
        long start = System.nanoTime();
        Result r = submit(Map.of("spark.master", "spark://127.0.0.1:1"), args(new String[] {"train"}, DIGITS));
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of(false), contexts);
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("purenet: the Spark master spark://127.0.0.1:1 does not answer (127.0.0.1:1: "
                + "Connection refused"), lines.get(0));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "within the connection's timeout");
        assertEquals("the Spark master spark://nowhere.invalid:7077 does not answer (nowhere.invalid:7077: unknown "
                + "host nowhere.invalid); start it, or give spark-submit the --master URL that its web page shows",
                Submit.unreachable("spark://nowhere.invalid:7077").get());
        assertTrue(Submit.unreachable("local[4]").isEmpty());
        assertTrue(Submit.unreachable("yarn").isEmpty());
    }

    @Test
    void aBadCommandLineAndHelpStartNoSpark() {
        Result bad = submit(LOCAL, args(args(new String[] {"train"}, DIGITS), "--shards", "0"));
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().startsWith("purenet: --shards: expected at least 1 shard, got 0"), bad.err());
        Result help = submit(LOCAL, "train", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--shards=S"), help.out());
        assertEquals(List.of(false, false), contexts);
    }
}
