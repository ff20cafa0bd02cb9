package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --shards S}: a sharded run writes the same model file, byte for byte, when it is
 * repeated and when it is stopped at a checkpoint and resumed (which takes S from the checkpoint);
 * {@code --shards 1} is the run without the option; S differs from one shard by rounding only, so
 * the files of S = 4 and S = 1 differ; bad values are refused where the option enters. An
 * {@link Engine} given to {@link Purenet#execute(String[], PrintWriter, PrintWriter, Engine)} makes
 * the steps of {@code train} and {@code resume} and prints its line after each epoch.
 */
class ShardsTest {

    private static final String[] DIGITS = {"--data", "digits", "--layers", "32", "--seed", "7", "--optimizer",
        "adam", "--lr", "0.003", "--dropout", "0.1"};

    @TempDir
    Path dir;

    private Path train(String name, String... more) {
        Path model = dir.resolve(name + ".json");
        Cli.run(Cli.args(Cli.args(new String[] {"train"}, DIGITS), Cli.args(more, "--save", model.toString())))
                .ok();
        return model;
    }

    @Test
    void fourShardsGiveTheSameModelRepeatedAndResumedFromACheckpoint() throws IOException {
        Path once = train("once", "--epochs", "3", "--shards", "4");
        Path again = train("again", "--epochs", "3", "--shards", "4");
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(again));

        Path run = dir.resolve("run");
        train("first-two", "--epochs", "2", "--shards", "4", "--checkpoint-dir", run.toString());
        assertTrue(Files.readString(run.resolve("checkpoint.json")).contains("\"shards\""),
                "the checkpoint's state records its sharding");
        Path resumed = dir.resolve("resumed.json");
        Cli.run("resume", "--checkpoint", run.resolve("checkpoint.json").toString(), "--epochs", "3", "--save",
                resumed.toString()).ok();
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(resumed));

        // one shard adds the rows' terms in another order: the same run but for rounding, other bits
        Path unsharded = train("unsharded", "--epochs", "3");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(once), Files.readAllBytes(unsharded)));
    }

    @Test
    void oneShardIsTheRunWithoutTheOptionAndTheHeaderNamesMoreShards() throws IOException {
        Path with = train("with", "--epochs", "2", "--shards", "1");
        Path without = train("without", "--epochs", "2");
        assertArrayEquals(Files.readAllBytes(without), Files.readAllBytes(with));

        List<String> one = Cli.run(Cli.args(Cli.args(new String[] {"train"}, DIGITS), "--epochs", "1", "--shards",
                "1")).ok().outLines();
        assertTrue(one.get(1).contains("batches of 32, 45 steps per epoch"), one.get(1));
        List<String> four = Cli.run(Cli.args(Cli.args(new String[] {"train"}, DIGITS), "--epochs", "1", "--shards",
                "4")).ok().outLines();
        assertTrue(four.get(1).contains("batches of 32, in 4 shards, 45 steps per epoch"), four.get(1));
    }

    @Test
    void badShardsAreRefusedNamingTheOptionAndTheNumbers() {
        String[] train = Cli.args(new String[] {"train"}, DIGITS);
        Cli.run(Cli.args(train, "--epochs", "1", "--shards", "0")).refused(2, "--shards: expected at least 1 shard, "
                + "got 0");
        Cli.run(Cli.args(train, "--epochs", "1", "--shards", "-3")).refused(2, "--shards", "got -3");
        Cli.run(Cli.args(train, "--epochs", "1", "--shards", "33")).refused(2, "--shards 33",
                "more shards than the 32 examples of a batch (--batch 32)");
        Cli.run(Cli.args(train, "--epochs", "1", "--batch", "8", "--shards", "9")).refused(2, "--shards 9",
                "(--batch 8)", "give at most 8");
        Cli.run("train", "--data", "digits", "--epochs", "1", "--norm", "batch", "--shards", "2").refused(2,
                "--shards 2", "--norm batch");
        Cli.run(Cli.args(train, "--epochs", "1", "--shards", "four")).refused(2, "--shards", "four");
        // the whole batch's own: 32 examples, 32 shards of one row each
        Cli.run(Cli.args(train, "--epochs", "1", "--shards", "32")).ok();
        Cli.run("train", "--data", "digits", "--epochs", "1", "--norm", "batch", "--shards", "1").ok();
        String help = Cli.run("train", "--help").ok().out();
        assertTrue(help.contains("--shards=S"), help);
    }

    /** The local engine, counting the transitions it makes and printing a line after each epoch. */
    private static final class Counting implements Engine {
        final AtomicInteger transitions = new AtomicInteger();
        final List<Integer> shards = new ArrayList<>();

        @Override
        public <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, TrainState<S> start,
                Batching batching, Loss loss, Optimizer<S> optimizer) {
            transitions.incrementAndGet();
            shards.add(start.sharding().shards());
            return Engine.local().transition(data, start, batching, loss, optimizer);
        }

        @Override
        public Option<String> afterEpoch(long epoch) {
            return Option.some("engine: epoch " + epoch);
        }
    }

    @Test
    void anEngineMakesTheStepsOfTrainAndResumeAndPrintsItsLineAfterEachEpoch() throws IOException {
        Counting engine = new Counting();
        Path run = dir.resolve("run");
        Path model = dir.resolve("engine.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Cli.args(Cli.args(new String[] {"train"}, DIGITS), "--epochs", "2", "--shards", "4",
                "--checkpoint-dir", run.toString());
        assertEquals(0, Purenet.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), engine), err::toString);
        List<String> lines = out.toString().lines().toList();
        assertEquals(Vector.of("engine: epoch 1", "engine: epoch 2"),
                Vector.ofAll(lines).filter(l -> l.startsWith("engine:")));
        assertTrue(lines.get(lines.indexOf("engine: epoch 1") - 1).startsWith("epoch 1/2"), out.toString());
        assertEquals(0, Purenet.execute(new String[] {"resume", "--checkpoint", run.resolve("checkpoint.json").toString(),
            "--epochs", "3", "--save", model.toString()}, new PrintWriter(out, true), new PrintWriter(err, true), engine),
                err::toString);
        assertEquals(2, engine.transitions.get());
        assertEquals(List.of(4, 4), engine.shards);
        assertArrayEquals(Files.readAllBytes(train("local", "--epochs", "3", "--shards", "4")),
                Files.readAllBytes(model));
        // a command that trains nothing makes no transition
        assertEquals(0, Purenet.execute(new String[] {"train", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true), engine));
        assertEquals(2, engine.transitions.get());
    }
}
