package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --summary} shows the network's layers as the library's summary table, after the header
 * of {@code train} and {@code resume} and before the results of {@code evaluate}, and as the field
 * {@code summary} of a JSON report; without it, neither appears.
 */
class SummaryOptionTest {

    @TempDir
    Path dir;

    /**
     * The table of a residual network with batch normalisation on iris, counted by hand: 4x8 weights
     * and 8 biases (40); 8 scales and offsets (16) and 8 means and variances (16 state); 8x8 + 8 (72);
     * 8x3 + 3 (27); 171 parameters and 32 state in all.
     */
    static final List<String> TABLE = List.of(
            "layer                      kind             output  parameters  state",
            "input                                            4",
            "layers[0]                  dense identity        8          40      0",
            "layers[1]                  batch_norm            8          16     16",
            "layers[2]                  activation tanh       8           0      0",
            "layers[3]                  residual              8           0      0",
            "layers[3].inner            sequential            8           0      0",
            "layers[3].inner.layers[0]  dense identity        8          72      0",
            "layers[3].inner.layers[1]  batch_norm            8          16     16",
            "layers[3].inner.layers[2]  activation tanh       8           0      0",
            "layers[4]                  dense softmax         3          27      0",
            "total                                                      171     32");

    private static final String[] TRAIN = {"train", "--data", "iris", "--epochs", "1", "--layers", "8,8", "--norm",
        "batch", "--residual", "--no-progress"};

    @Test
    void trainShowsTheTableAfterItsHeaderAndOnlyWhenAsked() {
        List<String> lines = Cli.run(Cli.args(TRAIN, "--summary")).ok().outLines();
        assertTrue(lines.get(1).startsWith("network "), lines.get(1));
        assertEquals(TABLE, lines.subList(2, 2 + TABLE.size()));
        assertTrue(lines.get(2 + TABLE.size()).startsWith("epoch 1/1"), lines.toString());
        assertFalse(Cli.run(TRAIN).ok().out().contains("layer  "), "no table without --summary");
    }

    @Test
    void aJsonReportCarriesTheSummaryWithItsTotals() {
        JsonNode s = Cli.run(Cli.args(TRAIN, "--summary", "--report", "json")).ok().json().get("summary");
        assertEquals("4", s.get("input").asText());
        assertEquals(9, s.get("layers").size());
        assertEquals("layers[3].inner.layers[1]", s.get("layers").get(6).get("path").asText());
        assertEquals("batch_norm", s.get("layers").get(6).get("kind").asText());
        assertEquals(16, s.get("layers").get(6).get("state").asLong());
        assertEquals(171, s.get("parameters").asLong());
        assertEquals(32, s.get("state").asLong());
        assertFalse(Cli.run(Cli.args(TRAIN, "--report", "json")).ok().json().has("summary"));
    }

    @Test
    void evaluateAndResumeShowTheTableOfTheirModel() {
        Path model = dir.resolve("model.json");
        Path checkpoints = dir.resolve("run");
        Cli.run(Cli.args(TRAIN, "--save", model.toString(), "--checkpoint-dir", checkpoints.toString())).ok();
        List<String> evaluated = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--summary").ok()
                .outLines();
        assertEquals(TABLE, evaluated.subList(evaluated.size() - TABLE.size(), evaluated.size()));
        JsonNode json = Cli.run("evaluate", "--model", model.toString(), "--data", "iris", "--summary", "--report",
                "json").ok().json();
        assertEquals(171, json.get("summary").get("parameters").asLong());
        List<String> resumed = Cli.run("resume", "--checkpoint", checkpoints.resolve("checkpoint.json").toString(),
                "--epochs", "2", "--summary", "--no-progress").ok().outLines();
        assertTrue(String.join("\n", resumed).contains(String.join("\n", TABLE)), resumed.toString());
    }
}
