package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's state records the run's optimizer, its schedule's span included, and the
 * fingerprint of its training examples: the command line reads it under them, and the library
 * refuses it under others.
 */
class CheckpointRecordTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointOfARunWithACosineScheduleIsReadUnderItsOwnSpanAndDataOnly() throws IOException {
        Path runDir = dir.resolve("run");
        Cli.run("train", "--data", "iris", "--epochs", "2", "--schedule", "cosine", "--checkpoint-dir",
                runDir.toString()).ok();
        Path checkpoint = runDir.resolve("checkpoint.json");
        // evaluate reads the network under the run's optimizer, whose cosine spans the run's steps
        assertEquals(30, Cli.run("evaluate", "--model", checkpoint.toString(), "--data", "iris", "--test-split",
                "0.2", "--report", "json").ok().json().get("examples").asInt());
        // resume checks the optimizer and the training examples, and goes on
        Cli.run("resume", "--checkpoint", checkpoint.toString(), "--epochs", "3").ok();

        Checkpoint c = Checkpoint.decode("c", Files.readString(checkpoint));
        // 120 training examples of iris in batches of the default size: 8 steps an epoch
        TrainState<?> state = c.state("c", Experiment.optimizer(c.config(), 8));
        assertEquals(24, state.step());
        assertEquals(2, c.config().scheduleEpochs());
        CliException span = assertThrows(CliException.class, () -> c.state("c", Experiment.optimizer(c.config(), 9)));
        assertTrue(span.getMessage().startsWith("c: state: at $.train_state.optimizer.second.learning_rate"
                + ".decay_steps: the document has 16, the optimizer given has 18"), // the 2 epochs first asked for
                span.getMessage());
        Dataset other = new Dataset(Matrix.filled(120, 4, 0.5), Matrix.filled(120, 3, 0.0));
        CliException data = assertThrows(CliException.class,
                () -> c.state("c", Experiment.optimizer(c.config(), 8), Fingerprint.of(other)));
        assertTrue(data.getMessage().startsWith("c: state: at $.train_state.data: the document's run trained on "
                + "120 examples of 4 inputs and 3 outputs"), data.getMessage());
        assertTrue(data.getMessage().contains("not the same data"), data.getMessage());
    }
}
