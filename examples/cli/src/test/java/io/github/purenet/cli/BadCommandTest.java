package io.github.purenet.cli;

import static io.github.purenet.cli.Files2.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.purenet.checkpoint.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options, and corrupted or foreign checkpoints and models, end with one line on standard error
 * that names the problem, exit code 2 (command line) or 1 (files), no stack trace, and no file
 * written.
 */
class BadCommandTest {

    @TempDir
    static Path shared;

    /** A checkpoint and a model of a short iris run, made once. */
    static Path checkpoint;
    static Path model;

    @TempDir
    Path dir;

    private Path keep;
    private Map<String, String> before;

    @BeforeAll
    static void aRunWithACheckpointAndAModel() {
        model = shared.resolve("iris.json");
        Cli.run("train", "--data", "iris", "--epochs", "2", "--checkpoint-dir", shared.resolve("run").toString(),
                "--save", model.toString()).ok();
        checkpoint = shared.resolve("run").resolve("checkpoint.json");
    }

    @BeforeEach
    void anExistingModelFile() {
        keep = write(dir.resolve("model.json"), "keep me");
        before = Files2.snapshot(dir);
    }

    private void refused(int exitCode, String[] args, String... fragments) {
        Map<String, String> sharedBefore = Files2.snapshot(shared);
        Cli.run(args).refused(exitCode, fragments);
        Files2.assertUnchanged(before, dir);
        Files2.assertUnchanged(sharedBefore, shared);
    }

    /** Asserts a refusal as {@link #refused} does, and returns the whole of standard error. */
    private String refusedWith(int exitCode, String[] args) {
        Map<String, String> sharedBefore = Files2.snapshot(shared);
        String err = Cli.run(args).refused(exitCode).err();
        Files2.assertUnchanged(before, dir);
        Files2.assertUnchanged(sharedBefore, shared);
        return err;
    }

    private String[] train(String... more) {
        return Cli.args(new String[] {"train", "--data", "iris", "--save", keep.toString()}, more);
    }

    private String[] resume(Path file, String... more) {
        return Cli.args(new String[] {"resume", "--checkpoint", file.toString(), "--save", keep.toString()}, more);
    }

    private String[] evaluate(Path file) {
        return new String[] {"evaluate", "--model", file.toString(), "--data", "iris"};
    }

    @Test
    void anUnknownOption() {
        assertEquals("purenet: Unknown option: '--lerning-rate'; did you mean --lr? (see purenet train --help)\n",
                refusedWith(2, train("--lerning-rate", "0.1")));
        assertEquals("purenet: Unknown option: '--learning-rate'; did you mean --lr? (see purenet train --help)\n",
                refusedWith(2, train("--learning-rate=0.1")));
        assertEquals("purenet: Unknown options: '--epoch', '--batch-size'; did you mean --epochs? (see purenet train "
                + "--help)\n", refusedWith(2, train("--epoch", "3", "--batch-size", "8")));
        assertEquals("purenet: Unknown option: '--batch-size'; did you mean --batch? (see purenet train --help)\n",
                refusedWith(2, train("--batch-size", "8")));
        assertEquals("purenet: Unknown option: '--no-standardise'; did you mean --no-standardize? (see purenet train "
                + "--help)\n", refusedWith(2, train("--no-standardise")));
        assertEquals("purenet: Unknown option: '--hidden' (see purenet train --help)\n",
                refusedWith(2, train("--hidden", "3")));
        assertEquals("purenet: Unknown command: 'trian'; did you mean train? (see purenet --help)\n",
                refusedWith(2, new String[] {"trian", "--data", "iris"}));
        assertEquals("purenet: Unknown command: 'fit'; expected train, evaluate, resume (see purenet --help)\n",
                refusedWith(2, new String[] {"fit"}));
        refused(2, new String[] {}, "missing command: expected train, evaluate or resume");
        refused(2, new String[] {"train"}, "Missing required option: '--data=SPEC'");
    }

    @Test
    void anUnknownName() {
        refused(2, train("--optimizer", "adamax"),
                "--optimizer: unknown optimizer 'adamax'; expected one of sgd, momentum, nesterov, adagrad, rmsprop, "
                        + "adam, adamw");
        refused(2, train("--activation", "gelu"), "--activation: unknown activation 'gelu'");
        refused(2, train("--schedule", "step"), "--schedule: unknown schedule 'step'");
        refused(2, new String[] {"train", "--data", "cifar"}, "--data: unknown data 'cifar'");
        refused(2, train("--report", "xml"), "--report: unknown report 'xml'; expected text or json");
    }

    @Test
    void aNegativeLearningRate() {
        refused(2, train("--lr", "-0.1"), "--lr: expected a finite number >= 0, got -0.1");
        refused(2, train("--lr", "NaN"), "--lr: expected a finite number >= 0, got NaN");
        refused(2, train("--lr", "fast"), "Invalid value for option '--lr'", "'fast'");
    }

    @Test
    void otherBadValues() {
        refused(2, train("--layers", "128,0"), "--layers: expected hidden-layer sizes >= 1");
        refused(2, train("--batch", "0"), "--batch: expected a batch size >= 1, got 0");
        refused(2, train("--epochs", "0"), "--epochs: expected at least 1 epoch, got 0");
        refused(2, train("--test-split", "1.5"), "--test-split: expected a fraction between 0 and 1");
        refused(1, train("--test-split", "0.001"), "iris.csv: 150 examples are too few for --test-split 0.001: it holds "
                + "out none of them for testing (round(c × 0.001) of each class of c examples); a --test-split from "
                + "0.01 to 0.98 would work");
        refused(2, train("--checkpoint-every", "10"), "--checkpoint-every: needs --checkpoint-dir");
        refused(2, train("--plot", dir.resolve("loss.jpg").toString()), "expected a file name ending in .png");
        refused(2, train("--label-column", "x"), "--label-column: only for csv:FILE data, not iris");
        refused(1, train("--plot", dir.resolve("no/such/loss.png").toString()), "no such directory");
        refused(1, train("--checkpoint-dir", keep.toString()), "model.json: exists and is not a directory");
    }

    @Test
    void badValuesOfTheOptionsOfEarlyStopping() {
        refused(2, train("--patience", "0"), "--patience: expected a number of epochs >= 1, got 0");
        refused(2, train("--patience", "-3"), "--patience: expected a number of epochs >= 1, got -3");
        refused(2, train("--patience", "ten"), "Invalid value for option '--patience'", "'ten'");
        refused(2, train("--max-epochs", "0"), "--max-epochs: expected at least 1 epoch, got 0");
        refused(2, train("--validation-split", "1"),
                "--validation-split: expected a fraction between 0 and 1 (exclusive), got 1.0");
        refused(2, train("--validation-split", "0"), "--validation-split: expected a fraction between 0 and 1");
        refused(2, train("--validation-split", "NaN"), "--validation-split: expected a fraction between 0 and 1 "
                + "(exclusive), got NaN");
        refused(2, train("--epochs", "10", "--patience", "5"),
                "--patience: only without --epochs, for early stopping; --epochs 10 trains exactly 10 epochs");
        refused(2, train("--max-epochs", "50", "--epochs", "10"), "--max-epochs: only without --epochs");
        refused(1, train("--validation-split", "0.001"), "iris.csv's training part: 120 examples are too few for "
                + "--validation-split 0.001: it holds out none of them for validation (round(c × 0.001) of each class "
                + "of c examples); a --validation-split from 0.02 to 0.98 would work, or --epochs N to train without "
                + "a validation part");
        refused(1, train("--validation-split", "0.001", "--epochs", "3"), "--validation-split 0.001");
    }

    @Test
    void aCorruptedCheckpoint() throws IOException {
        String text = Files.readString(checkpoint);
        // a changed weight: the library's hash of the state refuses it
        Path weight = write(dir.resolve("weight.json"),
                changeADigitAfter(text, "\"values\"", text.indexOf("\"weights\"")));
        // a changed setting: the checkpoint's own hash refuses it
        Path seed = write(dir.resolve("seed.json"), text.replace("\"seed\" : 42", "\"seed\" : 43"));
        Path cut = write(dir.resolve("cut.json"), text.substring(0, text.length() / 2));
        before = Files2.snapshot(dir);
        refused(1, resume(weight), "weight.json: state: at $.sha256: ", "the document was changed or corrupted");
        refused(1, resume(seed), "seed.json: at $.sha256: ", "the file was changed or corrupted");
        refused(1, resume(cut), "cut.json: not valid JSON");
        refused(1, evaluate(weight), "weight.json: state: at $.sha256");
        refused(1, evaluate(seed), "seed.json: at $.sha256: ");
    }

    @Test
    void aForeignCheckpoint() throws IOException {
        Path network = write(dir.resolve("network.json"), Codec.standard().encode(ModelFile.read("m",
                Files.readString(model)).network()));
        Path other = write(dir.resolve("other.json"), "{\"format\": \"keras\", \"layers\": []}");
        Path png = write(dir.resolve("loss.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        before = Files2.snapshot(dir);
        refused(1, resume(network), "network.json: a purenet network document, not a checkpoint");
        refused(1, resume(model), "iris.json: a purenet model document, not a checkpoint");
        refused(1, resume(other), "other.json: not a purenet file; expected a checkpoint");
        refused(1, resume(png), "--checkpoint ", "loss.png: not UTF-8 text");
        refused(1, resume(dir.resolve("none.json")), "--checkpoint ", "none.json: no such file");
        refused(1, evaluate(other), "other.json: not a purenet file; expected a model");
        refused(1, evaluate(png), "--model ", "loss.png: not UTF-8 text");
    }

    @Test
    void aCorruptedModel() throws IOException {
        String text = Files.readString(model);
        Path classes = write(dir.resolve("classes.json"), text.replace("\"class_names\" : [ \"0\", \"1\", \"2\" ]",
                "\"class_names\" : [ \"0\", \"1\" ]"));
        Path mean = write(dir.resolve("mean.json"), changeADigitAfter(text, "\"values\"", text.indexOf("\"mean\"")));
        before = Files2.snapshot(dir);
        refused(1, evaluate(classes), "classes.json: at $.model.class_names: ");
        refused(1, evaluate(mean), "mean.json: at $.sha256: ", "was changed or corrupted");
    }

    @Test
    void aResumeThatDoesNotFitTheCheckpoint() {
        refused(2, resume(checkpoint, "--epochs", "1"), "--epochs 1: the checkpoint is already at step 16");
        refused(1, resume(checkpoint, "--data", "digits"), "digits: not the data of the checkpoint's run");
    }

    @Test
    void aRunThatDivergesWritesNoModel() {
        refused(1, train("--activation", "relu", "--optimizer", "sgd", "--lr", "1e300", "--epochs", "2"),
                "training diverged at step 2: the loss is NaN; try a smaller --lr than 1.0E300");
        // early stopping, which diverges before the first epoch ends: no best state to keep
        refused(1, train("--activation", "relu", "--optimizer", "sgd", "--lr", "1e300"),
                "training diverged at step 2: the loss is NaN; try a smaller --lr than 1.0E300");
        // no checkpoint was written, so no checkpoint directory is left behind
        Path run = dir.resolve("run");
        refused(1, train("--activation", "relu", "--optimizer", "sgd", "--lr", "1e300", "--epochs", "2",
                "--checkpoint-dir", run.toString()), "training diverged at step 2");
        assertFalse(Files.exists(run), run + " exists");
    }

    @Test
    void aModelThatDoesNotFitTheData() {
        refused(1, new String[] {"evaluate", "--model", model.toString(), "--data", "digits", "--test-split", "0.2"},
                "digits.csv.gz line 4: label 3 is out of range: the model has classes 0..2");
        refused(2, new String[] {"evaluate", "--model", model.toString(), "--data", "iris", "--seed", "1"},
                "--seed: only with --test-split");
    }

    /** The text with the second digit after the marker changed: a number that still parses, with another value. */
    private static String changeADigitAfter(String text, String marker, int from) {
        int at = text.indexOf(marker, from);
        int digit = at;
        for (int seen = 0; seen < 2; digit++) {
            if (Character.isDigit(text.charAt(digit + 1))) {
                seen++;
            }
        }
        char changed = text.charAt(digit) == '1' ? '2' : '1';
        return text.substring(0, digit) + changed + text.substring(digit + 1);
    }
}
