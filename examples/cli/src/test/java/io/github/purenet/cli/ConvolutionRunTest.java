package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.io.Idx;
import io.github.purenet.model.Model;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --model} on images: a tiny IDX set of 8x8 images written here keeps its shape, so a
 * small CNN trains on it, with its summary, progress bar and plot; the options that conflict with
 * {@code --model} and items that do not fit the data are refused with their messages. With the
 * library's codec able to write image layers, a saved CNN evaluates to the test figures that
 * {@code train} reported, and a run resumed from its checkpoint ends with the model file of a run
 * that never stopped, bit for bit.
 */
class ConvolutionRunTest {

    private static final String MODEL = "conv:4:3,maxpool:2,dropout:0.25,dense:16";

    @TempDir
    Path dir;

    /**
     * Writes the four IDX files of a tiny image set: three classes of 8x8 images, a bright top half,
     * a bright bottom half or a bright left half, with noise; 240 training and 60 test images.
     */
    private Path images() {
        Path data = dir.resolve("shapes");
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Random random = new Random(5);
        write(data, "train", 240, random);
        write(data, "t10k", 60, random);
        return data;
    }

    private static void write(Path data, String part, int count, Random random) {
        write(data, part, count, 8, random);
    }

    /** Images of {@code rows x (64 / rows)} pixels, the classes laid out as if they were 8x8. */
    private static void write(Path data, String part, int count, int rows, Random random) {
        ByteBuffer images = ByteBuffer.allocate(16 + count * 64).putInt(Idx.IMAGES).putInt(count).putInt(rows)
                .putInt(64 / rows);
        ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(Idx.LABELS).putInt(count);
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            labels.put((byte) label);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    boolean bright = label == 0 ? r < 4 : label == 1 ? r >= 4 : c < 4;
                    images.put((byte) ((bright ? 160 : 0) + random.nextInt(96)));
                }
            }
        }
        Files2.write(data.resolve(part + "-images-idx3-ubyte"), images.array());
        Files2.write(data.resolve(part + "-labels-idx1-ubyte"), labels.array());
    }

    private static String[] train(Path data, String... more) {
        return train(data, 1, more);
    }

    private static String[] train(Path data, int epochs, String... more) {
        return Cli.args(new String[] {"train", "--data", "mnist:" + data, "--model", MODEL, "--batch", "16", "--lr",
            "0.01", "--schedule", "constant", "--epochs", String.valueOf(epochs)}, more);
    }

    @Test
    void aSmallCnnTrainsOnIdxImagesWithItsSummaryProgressBarAndPlot() {
        Path data = images();
        Path plot = dir.resolve("run.png");
        // the bar draws on the terminal of the process, not on the captured streams: here it only has to run
        Cli.Result run = Cli.run(train(data, "--summary", "--report", "json", "--progress", "--plot", plot.toString()));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = run.json();
        JsonNode summary = report.get("summary");
        assertEquals("8x8x1", summary.get("input").asText());
        assertEquals(List.of("conv2d 3x3/1 valid relu 6x6x4", "max_pool2d 2x2/2 3x3x4", "dropout 0.25 3x3x4",
                "flatten 36", "dense relu 16", "dense softmax 3"), layers(summary));
        assertEquals(40 + 36 * 16 + 16 + 16 * 3 + 3, summary.get("parameters").asLong());
        assertTrue(report.toString().contains("\"test_accuracy\""), report.toString());
        assertTrue(Files2.read(plot).length > 1000, "a PNG");
        // three classes that differ in their bright half: one epoch learns them
        assertTrue(testAccuracy(report) > 0.9, report.toString());
    }

    private static List<String> layers(JsonNode summary) {
        java.util.ArrayList<String> rows = new java.util.ArrayList<>();
        summary.get("layers").forEach(l -> rows.add(l.get("kind").asText() + " " + l.get("output").asText()));
        return rows;
    }

    private static double testAccuracy(JsonNode report) {
        return report.findValue("test_accuracy").asDouble();
    }

    @Test
    void theDigitsAre8x8ImagesForAModelAndStayFlatForLayers() {
        JsonNode cnn = Cli.run("train", "--data", "digits", "--model", "conv:2:3,gap", "--epochs", "1", "--summary",
                "--report", "json").ok().json().get("summary");
        assertEquals("8x8x1", cnn.get("input").asText());
        assertEquals(List.of("conv2d 3x3/1 valid relu 6x6x2", "global_average_pool 2", "dense softmax 10"), layers(cnn));
        JsonNode dense = Cli.run("train", "--data", "digits", "--layers", "8", "--epochs", "1", "--summary",
                "--report", "json").ok().json().get("summary");
        assertEquals("64", dense.get("input").asText());
    }

    @Test
    void optionsThatConflictWithAModelAreRefused() {
        String[] cnn = {"train", "--data", "digits", "--model", "conv:2:3"};
        Cli.run(Cli.args(cnn, "--layers", "32")).refused(2, "purenet: --layers: not with --model, which describes every "
                + "hidden layer (add dense:UNITS items to it)");
        Cli.run(Cli.args(cnn, "--dropout", "0.5")).refused(2, "purenet: --dropout: not with --model, which describes "
                + "every hidden layer (add dropout:RATE items to it, such as dense:128,dropout:0.5)");
        Cli.run(Cli.args(cnn, "--norm", "batch")).refused(2, "purenet: --norm: not with --model, which describes every "
                + "hidden layer (it has no normalisation items)");
        Cli.run(Cli.args(cnn, "--residual")).refused(2, "purenet: --residual: not with --model, which describes every "
                + "hidden layer (it has no residual blocks)");
        Cli.run("train", "--data", "digits", "--model", "conv:2:3,pool:2").refused(2, "purenet: --model: item 2 "
                + "'pool:2': unknown kind 'pool'; expected one of conv, maxpool, avgpool, gap, flatten, dropout, dense");
        Cli.run("train", "--data", "iris", "--model", "conv:2:3").refused(2, "purenet: --model: item 1 'conv:2:3': "
                + "needs an image, but the examples of iris are flat (4 features)");
        Cli.run("train", "--data", "digits", "--model", "conv:2:3,maxpool:2,conv:2:5").refused(2, "purenet: --model: "
                + "item 3 'conv:2:5': a 5x5 kernel does not fit its input 3x3x2, the output of item 2 'maxpool:2'");
        assertTrue(Cli.run("train", "--help").ok().out().contains("--model=ITEMS"));
    }

    @Test
    void testImagesOfAnotherShapeAreRefusedForAModel() {
        Path data = images();
        write(data, "t10k", 60, 4, new Random(6)); // 4x16: as many pixels, another shape
        Cli.run(train(data)).refused(1, "t10k-labels-idx1-ubyte: images of 4x16 pixels, but ",
                "train-labels-idx1-ubyte has images of 8x8");
        Cli.run("train", "--data", "mnist:" + data, "--layers", "8", "--epochs", "1").ok(); // flat rows: as before
    }

    /** docs/command-line.md, from this module's directory. */
    private static final Path MANUAL = Path.of("../../docs/command-line.md");

    /** The blocks of the manual's section on convolutional networks, in order. */
    private static List<List<String>> manualBlocks() throws java.io.IOException {
        List<String> page = Files.readAllLines(MANUAL);
        int at = page.indexOf("### Convolutional networks");
        int end = page.subList(at + 1, page.size()).stream().filter(l -> l.startsWith("### ")).findFirst()
                .map(l -> page.subList(at + 1, page.size()).indexOf(l) + at + 1).orElse(page.size());
        List<List<String>> blocks = new java.util.ArrayList<>();
        for (int i = at; i < end; i++) {
            if (page.get(i).equals("```")) {
                int close = page.subList(i + 1, end).indexOf("```") + i + 1;
                blocks.add(page.subList(i + 1, close));
                i = close;
            }
        }
        return blocks;
    }

    @Test
    void theManualShowsTheProgramsSummaryAndMessagesToTheLetter() throws java.io.IOException {
        List<List<String>> blocks = manualBlocks();
        assertEquals(2, blocks.size(), "the example and the messages");
        List<String> table = Cli.run("train", "--data", "digits", "--model", "conv:16:3,maxpool:2,dropout:0.25,dense:64",
                "--epochs", "1", "--summary").ok().outLines().subList(2, 11);
        assertEquals(table, blocks.get(0).subList(3, 12), "the summary of the example");
        assertTrue(blocks.get(0).get(0).startsWith("$ examples/target/purenet train --data digits --model "
                + "conv:16:3,maxpool:2,dropout:0.25,dense:64 --summary"), blocks.get(0).get(0));
        List<String[]> commands = List.of(
                new String[] {"train", "--data", "digits", "--model", "conv:8:3,pool:2"},
                new String[] {"train", "--data", "digits", "--model", "conv:x:3"},
                new String[] {"train", "--data", "digits", "--model", "conv:8:3,dense:64,dropout:0.5,conv:8:3"},
                new String[] {"train", "--data", "digits", "--model", "conv:8:3,maxpool:2,conv:16:5"},
                new String[] {"train", "--data", "iris", "--model", "conv:8:3"});
        List<String> printed = commands.stream().map(c -> Cli.run(c).refused(2).err().strip()).toList();
        assertEquals(printed, blocks.get(1));
    }

    /** Whether the library's codec writes and reads networks with image layers. */
    private static boolean codecHasImageLayers() {
        Shape image = Shape.of(4, 4, 1);
        Conv2D conv = Conv2D.of(Key.of(1), image, 2, 3, Activations.relu());
        Network network = Network.of(image, conv, Flatten.of(conv.outputShape()),
                Initializers.dense(Key.of(2), Initializers.heUniform(), 8, 2, Activations.softmax()));
        try {
            return Codec.standard().decodeModel(Codec.standard().encode(Model.of(network))).network().equals(network);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void aSavedCnnEvaluatesAsTrainedAndAResumedRunEndsAsOneThatNeverStopped() throws Exception {
        assumeTrue(codecHasImageLayers(), "the library's codec does not write image layers yet");
        Path data = images();
        Path saved = dir.resolve("cnn.json");
        Path runDir = dir.resolve("run");
        JsonNode trained = Cli.run(train(data, "--save", saved.toString(), "--checkpoint-dir", runDir.toString(),
                "--report", "json")).ok().json();
        JsonNode evaluated = Cli.run("evaluate", "--model", saved.toString(), "--data", "mnist:" + data, "--report",
                "json").ok().json();
        assertEquals(testAccuracy(trained), evaluated.findValue("accuracy").asDouble(), evaluated.toString());

        Path resumed = dir.resolve("resumed.json");
        Cli.run("resume", "--checkpoint", runDir.resolve("checkpoint.json").toString(), "--epochs", "2", "--save",
                resumed.toString()).ok();
        Path uninterrupted = dir.resolve("uninterrupted.json");
        Cli.run(train(data, 2, "--save", uninterrupted.toString())).ok();
        assertArrayEquals(Files2.read(uninterrupted), Files2.read(resumed));
        assertTrue(Files.readString(runDir.resolve("checkpoint.json")).contains("\"model\":\"" + MODEL + "\"")
                || Files.readString(runDir.resolve("checkpoint.json")).contains("\"model\" : \"" + MODEL + "\""));
    }
}
