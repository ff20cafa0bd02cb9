package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.model.Model;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which examples {@code evaluate} takes, and that it says which; its metrics in text and JSON. */
class EvaluateTest {

    @TempDir
    Path dir;

    @Test
    void aModelEvaluatesOnWhatItHeldOutOnAllOfOtherDataAndOnAllWhenAsked() throws IOException {
        Path model = dir.resolve("iris.json");
        Cli.run("train", "--data", "iris", "--epochs", "3", "--save", model.toString()).ok();

        JsonNode heldOut = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--report", "json")
                .ok().json();
        assertEquals(30, heldOut.get("examples").asInt());
        assertEquals("iris (the part held out for testing when the model was trained, --test-split 0.2)",
                heldOut.get("data").asText());

        JsonNode all = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--all", "--report", "json")
                .ok().json();
        assertEquals(150, all.get("examples").asInt());
        assertEquals("iris (all examples)", all.get("data").asText());

        // the first 100 rows of the same file are other data: all of them, and the report says why
        List<String> lines = Files.readAllLines(Path.of("../data/iris.csv"));
        Path part = Files.write(dir.resolve("part.csv"), lines.subList(0, 101));
        JsonNode other = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + part, "--report", "json")
                .ok().json();
        assertEquals(100, other.get("examples").asInt());
        assertEquals("csv:" + part + " (all examples: not the data the model was trained on)",
                other.get("data").asText());
    }

    @Test
    void theReportHasPerClassMetricsTheirAveragesAndForTwoClassesRocAuc() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 7 + i % 5 > 5 ? "yes" : "no").append('\n');
        }
        Path file = Files.writeString(dir.resolve("two.csv"), csv);
        Path model = dir.resolve("two.json");
        Cli.run("train", "--data", "csv:" + file, "--epochs", "5", "--save", model.toString()).ok();
        JsonNode e = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + file, "--report", "json")
                .ok().json();
        assertEquals(2, e.get("classes").size());
        assertEquals("no", e.get("classes").get(0).get("class").asText());
        int support = e.get("classes").get(0).get("support").asInt() + e.get("classes").get(1).get("support").asInt();
        assertEquals(e.get("examples").asInt(), support);
        for (String field : List.of("precision", "recall", "f1")) {
            assertTrue(e.get("macro_avg").get(field).isNumber(), field);
            assertTrue(e.get("weighted_avg").get(field).isNumber(), field);
        }
        assertTrue(e.get("log_loss").isNumber());
        assertTrue(e.get("roc_auc").isNumber());

        List<String> text = Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + file).ok().outLines();
        assertTrue(text.stream().anyMatch(l -> l.startsWith("          no ")), String.join("\n", text));
        assertTrue(text.stream().anyMatch(l -> l.startsWith("     ROC AUC ")), String.join("\n", text));
    }

    @Test
    void allAndATestSplitTogetherAreRefused() {
        Cli.run("evaluate", "--model", "m.json", "--data", "iris", "--all", "--test-split", "0.2")
                .refused(2, "--all and --test-split");
    }

    @Test
    void aNetworkThatGivesNaNIsRefusedNamingHowManyExamples() throws IOException {
        Path model = dir.resolve("iris.json");
        Cli.run("train", "--data", "iris", "--epochs", "1", "--save", model.toString()).ok();
        Model m = ModelFile.read("m", Files.readString(model));
        Path bad = withNaNWeights(model, dir.resolve("nan.json"));
        Matrix w = m.network().parameters().get(0);
        Cli.run("evaluate", "--model", bad.toString(), "--data", "iris").refused(1, bad + ": the network gives NaN "
                + "for 30 of the 30 examples (" + w.rows() * w.columns() + " of its " + m.network().parameterCount()
                + " parameters are not finite: a run that diverged?)");
    }

    /**
     * A model file with the first layer's weights NaN: every output is NaN, and NaN predictions
     * would count as class 0.
     */
    static Path withNaNWeights(Path model, Path target) throws IOException {
        Model m = ModelFile.read("m", Files.readString(model));
        Vector<Matrix> parameters = m.network().parameters();
        Matrix w = parameters.get(0);
        Network nan = m.network().withParameters(parameters.update(0, Matrix.of(w.rows(), w.columns(),
                (i, j) -> Double.NaN)));
        return Files.writeString(target, ModelFile.encode(m.withNetwork(nan)));
    }
}
