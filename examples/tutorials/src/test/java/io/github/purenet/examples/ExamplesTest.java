package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each example runs and prints the numbers of its seed tutorial. */
class ExamplesTest {

    /** Runs a program's main method and returns the lines it printed on standard output. */
    static List<String> run(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void singleNeuronPrints200LossesThenTheFinalWeightsAndBias() {
        List<String> lines = run(SingleNeuron::main);
        assertEquals(202, lines.size());
        assertEquals("Iteration 1, Loss: 36.0", lines.get(0));
        assertTrue(lines.get(1).startsWith("Iteration 2, Loss: 33.8724"), lines.get(1));
        assertTrue(lines.get(199).startsWith("Iteration 200, Loss: "), lines.get(199));
        assertTrue(lines.get(200).startsWith("Final weights: [-3.399"), lines.get(200));
        assertTrue(lines.get(201).startsWith("Final bias: 0.600"), lines.get(201));
    }

    @Test
    void softmaxNetworkPrintsTheSeedsAdjustedWeightsAndBiases() {
        String out = String.join("\n", run(SoftmaxNetwork::main));
        assertTrue(out.contains("[[0.10022781 0.20034171]\n [0.30033243 0.40049865]\n [0.50043706 0.60065559]]"), out);
        assertTrue(out.contains("[ 0.1001139 -0.09983378  0.05021853]"), out);
        assertTrue(out.contains("[-0.10002087 -0.20003943 -0.3000661]"), out);
        assertTrue(out.contains("[ 0.10026157 -0.10002319  0.04976163]"), out);
    }

    @Test
    void irisReachesAtLeast95PercentTestAccuracyAndPrintsProgress() {
        Iris.Result result = Iris.train(42);
        assertTrue(result.test().accuracy() >= 0.95, "test accuracy " + result.test().accuracy());
        assertEquals(30, result.test().confusion().total());
        List<String> lines = run(Iris::main);
        assertTrue(lines.get(0).startsWith("step  150  epoch"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("after 800 steps (100 epochs): test accuracy")),
                String.join("\n", lines));
    }

    @Test
    void xorPrintsItsProgressAndFullAccuracy() {
        List<String> lines = run(Xor::main);
        assertTrue(lines.get(0).startsWith("step  250  loss"), lines.get(0));
        assertEquals("accuracy 100%", lines.get(lines.size() - 1));
    }

    @Test
    void saveAndResumeGivesTheStatesOfARunThatNeverStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        List<String> lines = run(args -> {
            try {
                SaveAndResume.main(new String[] {dir.toString()});
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(lines.get(0).startsWith("wrote " + dir.resolve("xor-step-500.json")), lines.get(0));
        assertEquals(4, lines.stream().filter(l -> l.endsWith("  equal")).count(), String.join("\n", lines));
    }

    @Test
    void oneInputApproachesTheTargetAndNamesTheSeedsMistake() {
        List<String> lines = run(OneInput::main);
        // the independent reference: both derivatives written out on scalars, 10,000 steps of lr 0.5
        double chainRule = oneInputWeight(false);
        double seeds = oneInputWeight(true);
        String last = String.format(Locale.ROOT, "Iteration 10000, prediction %.6f, weight %.6f",
                sigmoid(chainRule * 0.1), chainRule);
        assertTrue(lines.contains(last), last + " in\n" + String.join("\n", lines));
        String summary = String.format(Locale.ROOT, "the chain rule ends at %.6f, the seed's derivative at %.6f",
                sigmoid(chainRule * 0.1), sigmoid(seeds * 0.1));
        assertTrue(lines.get(lines.size() - 1).contains(summary), summary + " in " + lines);
    }

    /** The seed's neuron trained on scalars: with its derivative σ'(σ(wx)) when {@code seedsMistake}, else σ'(wx). */
    private static double oneInputWeight(boolean seedsMistake) {
        double w = 0.5;
        for (int k = 0; k < 10_000; k++) {
            double p = sigmoid(w * 0.1);
            double s = seedsMistake ? sigmoid(p) : p;
            w -= 0.5 * 2.0 * (p - 0.3) * s * (1.0 - s) * 0.1;
        }
        return w;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
