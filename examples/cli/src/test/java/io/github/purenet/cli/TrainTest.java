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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program trains, saves, plots and evaluates end to end, in this JVM: the shipped data sets
 * with their defaults reach their targets (iris 95%, digits 96% test accuracy), and the reports,
 * exit codes and files are as documented.
 */
class TrainTest {

    @TempDir
    Path dir;

    @Test
    void irisWithItsDefaultsReachesAtLeast95PercentTestAccuracy() {
        JsonNode report = Cli.run("train", "--data", "iris", "--report", "json").ok().json();
        assertEquals("train", report.get("command").asText());
        assertEquals("iris", report.get("data").asText());
        assertEquals("Network[4-16-3 tanh,softmax]", report.get("network").asText());
        assertEquals(50, report.get("epochs").asLong());
        assertEquals(50 * 8, report.get("steps").asLong()); // 120 training rows in batches of 16
        assertEquals(30, report.get("test_examples").asInt());
        assertTrue(report.get("test_accuracy").asDouble() >= 0.95, report.toString());
        for (String field : List.of("train_loss", "test_loss", "seconds", "samples_per_second")) {
            assertTrue(report.get(field).asDouble() > 0, field + " in " + report);
        }
    }

    @Test
    void digitsWithItsDefaultsReachesAtLeast96PercentAndItsSavedModelEvaluatesTheSame() throws IOException {
        Path model = dir.resolve("digits.json");
        Path plot = dir.resolve("loss.png");
        Cli.Result train = Cli.run("train", "--data", "digits", "--save", model.toString(), "--plot", plot.toString())
                .ok();
        List<String> lines = train.outLines();
        assertTrue(lines.get(0).startsWith("data digits: 1,438 training and 359 test examples, 64 features, "
                + "10 classes"), lines.get(0));
        assertTrue(lines.get(1).startsWith("network Network[64-128-10 relu,softmax], 9,610 parameters; adam"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("epoch  1/20  step     45  train loss "), lines.get(2));
        assertTrue(lines.get(21).startsWith("epoch 20/20  step    900  train loss "), lines.get(21));
        assertTrue(lines.get(22).startsWith("done: 20 epochs, 900 steps in "), lines.get(22));
        double accuracy = Double.parseDouble(lines.get(22).replaceAll(".*test accuracy ([0-9.]+)%.*", "$1"));
        assertTrue(accuracy >= 96.0, lines.get(22));
        assertEquals("model saved to " + model, lines.get(23));
        assertEquals("plot written to " + plot, lines.get(24));

        byte[] png = Files.readAllBytes(plot);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));

        // the test part of the same split, evaluated from the saved model: the same accuracy
        JsonNode evaluation = Cli.run("evaluate", "--model", model.toString(), "--data", "digits",
                "--test-split", "0.2", "--report", "json").ok().json();
        assertEquals(359, evaluation.get("examples").asInt());
        assertEquals(accuracy, 100 * evaluation.get("accuracy").asDouble(), 0.005);
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
                "--schedule", "--batch", "--epochs", "--seed", "--test-split", "--[no-]standardize", "--checkpoint-dir",
                "--checkpoint-every", "--plot", "--save", "--report", "--[no-]progress")) {
            assertTrue(train.contains(option), option + " in " + train);
        }
        for (DataSpec.Kind kind : DataSpec.Kind.values()) {
            Defaults.of(kind).describe().forEach(line -> assertTrue(train.contains(line), kind + ": " + line));
        }
        assertTrue(Cli.run("--version").ok().out().startsWith("purenet "));
    }
}
