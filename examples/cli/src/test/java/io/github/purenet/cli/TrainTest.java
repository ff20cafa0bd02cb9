package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program trains, saves, plots and evaluates end to end, in this JVM: the shipped data sets
 * with their defaults stop early and reach their targets (iris 95%, digits 97% test accuracy),
 * keeping the best epoch's network; a run of {@code --epochs N} is the run it was before early
 * stopping; the reports, exit codes and files are as documented.
 */
class TrainTest {

    @TempDir
    Path dir;

    @Test
    void irisWithItsDefaultsStopsEarlyAndReachesAtLeast95PercentTestAccuracy() {
        JsonNode report = Cli.run("train", "--data", "iris", "--report", "json").ok().json();
        assertEquals("train", report.get("command").asText());
        assertEquals("iris", report.get("data").asText());
        assertEquals("Network[4-16-3 tanh,softmax]", report.get("network").asText());
        long epochs = report.get("epochs_run").asLong();
        assertEquals(epochs, report.get("epochs").asLong());
        assertEquals(epochs * 6, report.get("steps").asLong()); // 120 training rows, 24 to validate, batches of 16
        assertEquals("patience", report.get("stop_reason").asText());
        assertEquals(epochs - 10, report.get("best_epoch").asLong(), "the last improvement, 10 epochs before the stop");
        assertTrue(epochs > 50 && epochs < 300, report.toString());
        assertEquals(30, report.get("test_examples").asInt());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.95, report.toString());
        for (String field : List.of("train_loss", "test_loss", "validation_loss", "seconds", "samples_per_second")) {
            assertTrue(report.get(field).asDouble() > 0, field + " in " + report);
        }
    }

    @Test
    void withEpochsARunIsTheFixedRunItWasBeforeEarlyStopping() {
        // the JSON report that docs/command-line.md showed for train --data iris --report json, when its
        // defaults were 50 epochs: the same bits, with the new fields null
        JsonNode report = Cli.run("train", "--data", "iris", "--epochs", "50", "--report", "json").ok().json();
        assertEquals(50, report.get("epochs").asLong());
        assertEquals(400, report.get("steps").asLong());
        assertEquals(0.05196884196622662, report.get("train_loss").asDouble());
        assertEquals(0.05518576912261234, report.get("test_loss").asDouble());
        assertEquals(0.9666666666666667, report.get("test_accuracy").asDouble());
        for (String field : List.of("epochs_run", "stop_reason", "best_epoch", "validation_loss")) {
            assertTrue(report.get(field).isNull(), field + " in " + report);
        }
        List<String> lines = Cli.run("train", "--data", "iris", "--epochs", "2").ok().outLines();
        assertEquals("data iris: 120 training and 30 test examples, 4 features, 3 classes, standardised", lines.get(0));
        assertTrue(lines.get(1).endsWith("8 steps per epoch, 2 epochs; seed 42"), lines.get(1));
        assertTrue(lines.get(2).startsWith("epoch 1/2  step      8  train loss 0.9270  test loss 0.9127  "), lines.get(2));
        assertTrue(lines.get(4).startsWith("done: 2 epochs, 16 steps in "), lines.get(4));
    }

    @Test
    void digitsWithItsDefaultsKeepsTheBestEpochAndItsSavedModelEvaluatesAsThatEpoch() throws IOException {
        Path model = dir.resolve("digits.json");
        Path plot = dir.resolve("loss.png");
        Path run = dir.resolve("run");
        Cli.Result train = Cli.run("train", "--data", "digits", "--save", model.toString(), "--plot", plot.toString(),
                "--checkpoint-dir", run.toString()).ok();
        List<String> lines = train.outLines();
        assertEquals("data digits: 1,368 training, 70 validation and 359 test examples, 64 features, 10 classes",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("network Network[64-128-10 relu,softmax], 9,610 parameters; adam"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("43 steps per epoch, at most 200 epochs, early stopping with patience 10; "
                + "seed 42"), lines.get(1));
        assertTrue(lines.get(2).startsWith("epoch   1/200  step     43  train loss "), lines.get(2));
        assertTrue(lines.get(2).contains("  val loss "), lines.get(2));
        String done = lines.get(lines.size() - 4);
        Matcher m = Pattern.compile("done: (\\d+) epochs \\(stopped: the validation loss did not improve for 10 "
                + "epochs; kept epoch (\\d+)\\), (\\d+) steps in .*; test accuracy ([0-9.]+)% \\((\\d+) of 359\\), "
                + "test loss ([0-9.]+)").matcher(done);
        assertTrue(m.matches(), done);
        int epochs = Integer.parseInt(m.group(1));
        int kept = Integer.parseInt(m.group(2));
        assertEquals(epochs + 2, lines.size() - 4, "a line per epoch after the two of the header");
        assertEquals(43L * epochs, Long.parseLong(m.group(3)));
        assertTrue(Double.parseDouble(m.group(4)) >= 97.0, done);
        assertEquals("checkpoint: " + run.resolve("checkpoint.json"), lines.get(lines.size() - 3));
        assertEquals("model saved to " + model, lines.get(lines.size() - 2));
        assertEquals("plot written to " + plot, lines.get(lines.size() - 1));
        byte[] png = Files.readAllBytes(plot);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));

        // the kept epoch is the last that improved the validation loss by more than 1e-4, found here from
        // the epochs' results, and the report's figures are that epoch's
        Checkpoint checkpoint = Checkpoint.decode("c", Files.readString(run.resolve("checkpoint.json")));
        List<EpochResult> history = checkpoint.history().toJavaList();
        assertEquals(epochs, history.size());
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(best).validationLoss().get() - history.get(i).validationLoss().get() > 1e-4) {
                best = i;
            }
        }
        assertEquals(best + 1, kept);
        assertEquals(epochs - 10, kept);
        EpochResult keptEpoch = history.get(best);
        assertTrue(lines.get(2 + best).contains(String.format(Locale.ROOT, "test loss %.4f  test accuracy %5.1f%%",
                keptEpoch.testLoss(), 100 * keptEpoch.testAccuracy())), lines.get(2 + best));
        assertEquals(String.format(Locale.ROOT, "%.4f", keptEpoch.testLoss()), m.group(6));
        assertEquals(Math.round(keptEpoch.testAccuracy() * 359), Long.parseLong(m.group(5)));

        // the test part of the same split, evaluated from the saved model: the kept epoch's figures, bit for bit
        JsonNode evaluation = Cli.run("evaluate", "--model", model.toString(), "--data", "digits",
                "--test-split", "0.2", "--report", "json").ok().json();
        assertEquals(359, evaluation.get("examples").asInt());
        assertEquals(keptEpoch.testLoss(), evaluation.get("loss").asDouble());
        assertEquals(keptEpoch.testAccuracy(), evaluation.get("accuracy").asDouble());
        assertEquals(10, evaluation.get("confusion").size());

        // without --test-split, the part the model held out when it was trained: the same examples and bits
        JsonNode byDefault = Cli.run("evaluate", "--model", model.toString(), "--data", "digits",
                "--report", "json").ok().json();
        ((ObjectNode) byDefault).remove("data");
        ((ObjectNode) evaluation).remove("data");
        assertEquals(evaluation, byDefault);

        List<String> text = Cli.run("evaluate", "--model", model.toString(), "--data", "digits").ok().outLines();
        assertEquals("model " + model + " on digits (the part held out for testing when the model was trained, "
                + "--test-split 0.2): 359 examples", text.get(0));
        assertTrue(text.get(1).startsWith("loss "), text.get(1));
        assertTrue(text.stream().anyMatch(l -> l.startsWith("   macro avg ")), String.join("\n", text));
        int confusion = text.indexOf("confusion matrix (rows: actual class, columns: predicted class):");
        assertTrue(confusion > 0, String.join("\n", text));
        assertEquals(confusion + 1 + 1 + 10, text.size());
        assertEquals("actual\\predicted   0   1   2   3   4   5   6   7   8   9", text.get(confusion + 1));
    }

    @Test
    void aWineShapedCsvFileTrainsWellWithTheDefaultsWhereTwentyEpochsDidNot() throws IOException {
        // 178 examples, 13 features, 3 classes: 20 epochs (the defaults before early stopping) are too few
        Path file = Files.writeString(dir.resolve("wine.csv"), WineLike.csv(178));
        JsonNode twenty = Cli.run("train", "--data", "csv:" + file, "--epochs", "20", "--report", "json").ok().json();
        assertTrue(twenty.get("test_accuracy").asDouble() < 0.85, twenty.toString());
        JsonNode report = Cli.run("train", "--data", "csv:" + file, "--report", "json").ok().json();
        assertEquals("Network[13-32-3 relu,softmax]", report.get("network").asText());
        assertEquals(36, report.get("test_examples").asInt());
        assertTrue(report.get("epochs_run").asInt() > 100, report.toString());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.9, report.toString());
    }

    @Test
    void aCsvFileTrainsWithItsLabelInANamedColumnAndStandardisedFeatures() throws IOException {
        // Iris as a user's CSV: a header, the label in the first column
        List<String> iris = Files.readAllLines(Path.of("../data/iris.csv"));
        StringBuilder csv = new StringBuilder("species,sepal length,sepal width,petal length,petal width\n");
        iris.subList(1, iris.size()).forEach(line -> {
            int last = line.lastIndexOf(',');
            csv.append(line.substring(last + 1)).append(',').append(line, 0, last).append('\n');
        });
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, csv);
        JsonNode report = Cli.run("train", "--data", "csv:" + file, "--label-column", "species", "--layers", "8",
                "--activation", "tanh", "--lr", "0.01", "--epochs", "30", "--report", "json").ok().json();
        assertEquals("Network[4-8-3 tanh,softmax]", report.get("network").asText());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.9, report.toString());
    }

    @Test
    void aCsvFileWithClassNamesQuotedFieldsAndCrlfTrainsAndItsModelEvaluatesIt() throws IOException {
        // Iris as a spreadsheet writes it: quoted names, the species by name in the first column, CRLF
        List<String> iris = Files.readAllLines(Path.of("../data/iris.csv"));
        List<String> species = List.of("setosa", "versicolor", "virginica");
        StringBuilder csv = new StringBuilder("\"species\",\"sepal length, cm\",sepal width,petal length,"
                + "petal width\r\n");
        iris.subList(1, iris.size()).forEach(line -> {
            int last = line.lastIndexOf(',');
            String name = species.get(Integer.parseInt(line.substring(last + 1)));
            csv.append('"').append(name).append("\",\"").append(line, 0, line.indexOf(',')).append('"')
                    .append(line, line.indexOf(','), last).append("\r\n");
        });
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, csv);
        Path model = dir.resolve("flowers.json");
        List<String> lines = Cli.run("train", "--data", "csv:" + file, "--label-column", "species", "--layers", "8",
                "--activation", "tanh", "--lr", "0.01", "--epochs", "30", "--save", model.toString()).ok().outLines();
        assertEquals("data csv:" + file + ": 120 training and 30 test examples, 4 features, 3 classes (setosa, "
                + "versicolor, virginica), standardised", lines.get(0));
        double accuracy = Double.parseDouble(lines.get(32).replaceAll(".*test accuracy ([0-9.]+)%.*", "$1"));
        assertTrue(accuracy >= 90.0, lines.get(32));
        JsonNode evaluation = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + file,
                "--label-column", "species", "--test-split", "0.2", "--report", "json").ok().json();
        assertEquals(accuracy, 100 * evaluation.get("accuracy").asDouble(), 0.005);

        // a file of one class, by name in another column, is numbered as the model's classes: its correct
        // predictions are those of the virginica row of the whole file's confusion matrix
        JsonNode all = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + file, "--label-column",
                "species", "--all", "--report", "json").ok().json();
        assertEquals(150, all.get("examples").asInt());
        StringBuilder virginica = new StringBuilder("sepal length,sepal width,petal length,species,petal width\n");
        Files.readAllLines(file).stream().filter(line -> line.startsWith("\"virginica\"")).forEach(line -> {
            String[] f = line.replace("\"", "").split(",");
            virginica.append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(",virginica,")
                    .append(f[4]).append('\n');
        });
        Path only = Files.writeString(dir.resolve("virginica.csv"), virginica);
        JsonNode one = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + only, "--label-column",
                "species", "--report", "json").ok().json();
        assertEquals(50, one.get("examples").asInt());
        assertEquals(all.get("confusion").get(2).get(2).asInt(), one.get("correct").asInt());

        // the model file keeps the names, under its hash
        String saved = Files.readString(model);
        assertTrue(saved.contains("\"class_names\" : [ \"setosa\", \"versicolor\", \"virginica\" ]"), saved);
        Path renamed = Files.writeString(dir.resolve("renamed.json"), saved.replace("\"versicolor\"", "\"rose\""));
        Cli.run("evaluate", "--model", renamed.toString(), "--data", "csv:" + file, "--label-column", "species")
                .refused(1, "renamed.json: at $.sha256: the content's SHA-256 is ", "changed or corrupted");
    }

    @Test
    void everyOptimizerAndScheduleTrains() {
        for (String optimizer : Choices.OPTIMIZERS) {
            JsonNode report = Cli.run("train", "--data", "iris", "--epochs", "3", "--optimizer", optimizer,
                    "--schedule", "warmup-cosine", "--lr", "0.05", "--report", "json").ok().json();
            assertEquals(24, report.get("steps").asLong(), optimizer);
        }
        for (String schedule : Choices.SCHEDULES) {
            Cli.run("train", "--data", "iris", "--epochs", "2", "--schedule", schedule, "--activation", "leaky-relu",
                    "--report", "json").ok();
        }
    }

    @Test
    void theHelpListsTheCommandsTheOptionsAndEachDataSetsDefaults() {
        String top = Cli.run("--help").ok().out();
        for (String command : List.of("train", "evaluate", "resume")) {
            assertTrue(top.contains(command), top);
        }
        String train = Cli.run("train", "--help").ok().out();
        for (String option : List.of("--data", "--label-column", "--layers", "--activation", "--optimizer", "--lr",
                "--schedule", "--batch", "--epochs", "--max-epochs", "--patience", "--validation-split", "--seed",
                "--test-split", "--[no-]standardize", "--checkpoint-dir",
                "--checkpoint-every", "--plot", "--save", "--report", "--[no-]progress")) {
            assertTrue(train.contains(option), option + " in " + train);
        }
        for (DataSpec.Kind kind : DataSpec.Kind.values()) {
            Defaults.of(kind).describe().forEach(line -> assertTrue(train.contains(line), kind + ": " + line));
        }
        // the build runs these tests with the vector API, as the launcher script runs the program
        assertEquals(List.of("purenet (development build)", "kernels: vector (jdk.incubator.vector)"),
                Cli.run("--version").ok().outLines());
    }
}
