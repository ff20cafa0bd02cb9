package io.github.purenet.network;

import static io.github.purenet.Checks.close;
import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.purenet.activation.Activations;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerNorm} and {@link BatchNorm}, forward and backward, against {@link NormReference} (the
 * formulas written out with plain loops and the full Jacobian) on random batches, and against
 * values by hand; batch norm's running statistics, its evaluation mode and its refusal of a batch
 * with one value per channel.
 */
class NormalisationTest {

    /** The reference sums in other orders and takes dL/dx from the Jacobian: they agree to rounding. */
    private static final double TOLERANCE = 1e-12;

    /** An eps so small that {@code 1 + eps} is 1: unit variances normalise exactly. */
    private static final double TINY_EPS = 0x1p-60;

    private static final Key KEY = Key.of(15);

    private static Matrix uniform(Key key, int rows, int columns, double low, double high) {
        return key.uniform(rows, columns, low, high).value();
    }

    /** A layer's forward then backward pass for {@code g}: output, dL/dx, parameter gradients, state after. */
    private record Run(Node node, Matrix dx, Matrix dScale, Matrix dOffset) {
    }

    private static Run run(Layer layer, Matrix x, Mode mode, Matrix g) {
        Node node = Passes.forward(layer, x, mode);
        Matrix[] out = new Matrix[2];
        Matrix dx = Passes.backward(layer, x, node, g, false, true, mode, out, 0);
        return new Run(node, dx, out[0], out[1]);
    }

    private static void assertMatches(NormReference.Pass expected, Run actual) {
        close(expected.y(), actual.node().output(), TOLERANCE);
        close(expected.dx(), actual.dx(), TOLERANCE);
        close(expected.dScale(), actual.dScale(), TOLERANCE);
        close(expected.dOffset(), actual.dOffset(), TOLERANCE);
    }

    @Test
    void layerNormForwardAndBackwardMatchTheReferenceOnRandomBatches() {
        for (int trial = 0; trial < 200; trial++) {
            Vector<Key> keys = KEY.foldIn(trial).split(6);
            int rows = 1 + trial % 5;
            int features = 1 + trial % 9;
            // rows of different centres and spreads, so that each row's statistics matter
            Matrix x = uniform(keys.get(0), rows, features, -3, 3).zipWithColumn(uniform(keys.get(1), rows, 1, 0.1, 4),
                    (v, spread) -> v * spread + 10 * spread);
            LayerNorm layer = new LayerNorm(uniform(keys.get(2), 1, features, -2, 2),
                    uniform(keys.get(3), 1, features, -2, 2), trial % 3 == 0 ? LayerNorm.EPS : 0.01 * (trial % 7 + 1));
            Matrix g = uniform(keys.get(4), rows, features, -1, 1);
            for (Mode mode : Vector.of(Mode.evaluation(), Mode.training(keys.get(5)))) {
                Run run = run(layer, x, mode, g);
                assertMatches(NormReference.layerNorm(x, layer.scale(), layer.offset(), layer.eps(), g), run);
                assertEquals(Vector.empty(), run.node().state(), "a layer norm has no state");
            }
        }
    }

    @Test
    void layerNormOfOneRowByHand() {
        // x = [1, 3]: μ = 2, σ² = 1, and with 1 + eps = 1, x̂ = [-1, 1] exactly
        LayerNorm layer = new LayerNorm(Matrix.row(2, 0.5), Matrix.row(0.25, -1), TINY_EPS);
        Matrix x = Matrix.row(1, 3);
        Run run = run(layer, x, Mode.evaluation(), Matrix.row(1, 0));
        assertEquals(Matrix.row(2 * -1 + 0.25, 0.5 * 1 - 1), run.node().output());
        // d offset = g, d scale = g ⊙ x̂ = [1 · -1, 0 · 1]
        assertEquals(Matrix.row(1, 0), run.dOffset());
        assertEquals(Matrix.row(-1, 0), run.dScale());
        // two features normalise to ±1 whatever x is, so the output does not depend on x: dL/dx = 0
        assertEquals(0.0, run.dx().get(0, 0), 0.0);
        assertEquals(0.0, run.dx().get(0, 1), 0.0);
        // three features: [0, 3, 6] has μ = 3, σ² = 6; each row alone, the second row shifted and scaled gives the same
        Matrix three = Matrix.of(new double[][] {{0, 3, 6}, {10, 16, 22}});
        Node node = Passes.forward(LayerNorm.of(3), three, Mode.evaluation());
        double s = 1 / Math.sqrt(6 + LayerNorm.EPS);
        double s2 = 1 / Math.sqrt(24 + LayerNorm.EPS);
        close(Matrix.of(new double[][] {{-3 * s, 0, 3 * s}, {-6 * s2, 0, 6 * s2}}), node.output(), 1e-15);
    }

    /** Batches of flat examples and of images (channels last), whose channels have several positions. */
    private static final Vector<Shape> BATCH_NORM_SHAPES = Vector.of(Shape.of(1), Shape.of(4), Shape.of(2, 2, 3),
            Shape.of(1, 3, 2), Shape.of(Vector.of(3, 1)));

    @Test
    void batchNormInTrainingMatchesTheReferenceAndUpdatesTheRunningStatisticsByTheFormula() {
        for (int trial = 0; trial < 200; trial++) {
            Vector<Key> keys = KEY.foldIn(1000 + trial).split(8);
            Shape shape = BATCH_NORM_SHAPES.get(trial % BATCH_NORM_SHAPES.size());
            int channels = shape.dims().last();
            int rows = 2 + trial % 5;
            Matrix x = uniform(keys.get(0), rows, shape.size(), -3, 3).zipWithRow(uniform(keys.get(1), 1, shape.size(),
                    -5, 5), (v, shift) -> v + shift);
            double momentum = Vector.of(BatchNorm.MOMENTUM, 0.0, 0.5, 0.9).get(trial % 4);
            BatchNorm layer = new BatchNorm(uniform(keys.get(2), 1, channels, -2, 2),
                    uniform(keys.get(3), 1, channels, -2, 2), uniform(keys.get(4), 1, channels, -1, 1),
                    uniform(keys.get(5), 1, channels, 0.5, 2), momentum, trial % 2 == 0 ? BatchNorm.EPS : 0.1);
            Matrix g = uniform(keys.get(6), rows, shape.size(), -1, 1);
            Run run = run(layer, x, Mode.training(keys.get(7)), g);
            NormReference.Pass expected = NormReference.batchNorm(x, layer.scale(), layer.offset(), layer.eps(), g,
                    true, null, null);
            assertMatches(expected, run);
            Vector<Matrix> state = run.node().state();
            assertEquals(2, state.size());
            close(NormReference.running(momentum, layer.mean(), expected.mean()), state.get(0), TOLERANCE);
            close(NormReference.running(momentum, layer.variance(), expected.variance()), state.get(1), TOLERANCE);
        }
    }

    @Test
    void batchNormInEvaluationUsesTheRunningStatisticsAndKeepsThem() {
        for (int trial = 0; trial < 100; trial++) {
            Vector<Key> keys = KEY.foldIn(2000 + trial).split(7);
            Shape shape = BATCH_NORM_SHAPES.get(trial % BATCH_NORM_SHAPES.size());
            int channels = shape.dims().last();
            int rows = 1 + trial % 4;
            Matrix x = uniform(keys.get(0), rows, shape.size(), -3, 3);
            BatchNorm layer = new BatchNorm(uniform(keys.get(1), 1, channels, -2, 2),
                    uniform(keys.get(2), 1, channels, -2, 2), uniform(keys.get(3), 1, channels, -1, 1),
                    uniform(keys.get(4), 1, channels, 0.01, 2), BatchNorm.MOMENTUM, BatchNorm.EPS);
            Matrix g = uniform(keys.get(5), rows, shape.size(), -1, 1);
            Run run = run(layer, x, Mode.evaluation(), g);
            assertMatches(NormReference.batchNorm(x, layer.scale(), layer.offset(), layer.eps(), g, false,
                    layer.mean().toArray()[0], layer.variance().toArray()[0]), run);
            assertSame(layer.mean(), run.node().state().get(0));
            assertSame(layer.variance(), run.node().state().get(1));
        }
    }

    @Test
    void batchNormOfOneChannelByHand() {
        // the channel holds 1 and 3: μ = 2, σ² = 1; with 1 + eps = 1, x̂ = [-1, 1] exactly
        BatchNorm layer = new BatchNorm(Matrix.row(3), Matrix.row(0.5), Matrix.row(0), Matrix.row(1), 0.75, TINY_EPS);
        Matrix x = Matrix.of(new double[][] {{1}, {3}});
        Run run = run(layer, x, Mode.training(KEY), Matrix.of(new double[][] {{1}, {0}}));
        assertEquals(Matrix.of(new double[][] {{3 * -1 + 0.5}, {3 * 1 + 0.5}}), run.node().output());
        // mean' = 0.75 · 0 + 0.25 · 2, variance' = 0.75 · 1 + 0.25 · 1
        assertEquals(Vector.of(Matrix.row(0.5), Matrix.row(1)), run.node().state());
        assertEquals(Matrix.row(-1), run.dScale());
        assertEquals(Matrix.row(1), run.dOffset());
        // evaluation with mean 0.5 and variance 1: y = 3 (x - 0.5) + 0.5, dL/dx = 3 g
        BatchNorm after = layer.withState(run.node().state());
        Run evaluation = run(after, x, Mode.evaluation(), Matrix.of(new double[][] {{1}, {-2}}));
        assertEquals(Matrix.of(new double[][] {{3 * 0.5 + 0.5}, {3 * 2.5 + 0.5}}), evaluation.node().output());
        assertEquals(Matrix.of(new double[][] {{3}, {-6}}), evaluation.dx());
    }

    @Test
    void trainingOutputIgnoresTheRunningStatisticsWhileEvaluationOutputFollowsThem() {
        Network network = Network.of(Shape.of(3), new Dense(Matrix.filled(3, 3, 0.5), Matrix.row(0, 0.1, 0.2),
                Activations.tanh()), BatchNorm.of(3));
        Network moved = network.withState(Vector.of(Matrix.row(1, 2, 3), Matrix.row(4, 5, 6)));
        Matrix x = uniform(KEY, 4, 3, -1, 1);
        Mode training = Mode.training(KEY);
        assertEquals(Backprop.forward(network, x, training).output(), Backprop.forward(moved, x, training).output());
        assertNotEquals(Backprop.forward(network, x, Mode.evaluation()).output(),
                Backprop.forward(moved, x, Mode.evaluation()).output());
    }

    @Test
    void aBatchOfOneValuePerChannelIsRefusedInTrainingNamingTheLayersPathButNotInEvaluation() {
        Dense dense = new Dense(Matrix.filled(3, 3, 0.5), Matrix.row(0, 0.1, 0.2), Activations.identity());
        Network flat = Network.of(Shape.of(3), dense, BatchNorm.of(3));
        Matrix one = Matrix.row(1, 2, 3);
        refuses(() -> Backprop.forward(flat, one, Mode.training(KEY)), "layers[1]: batch_norm in training needs at "
                + "least 2 values of each channel", "got a batch of 1 row", "Mode.evaluation()", "LastBatch.DROP");
        Network nested = Network.of(Shape.of(3), Residual.of(Sequential.of(dense, BatchNorm.of(3))));
        refuses(() -> Backprop.forward(nested, one, Mode.training(KEY)), "layers[0].inner.layers[1]: batch_norm");
        assertEquals(1, Backprop.forward(flat, one, Mode.evaluation()).output().rows());
        // an image of 2 positions per channel has 2 values per channel even in one row
        Network image = Network.of(Shape.of(1, 2, 3), BatchNorm.of(3));
        Matrix x = Matrix.row(1, 2, 3, 4, 6, 8);
        Matrix y = Backprop.forward(image, x, Mode.training(KEY)).output();
        close(Matrix.row(-1, -1, -1, 1, 1, 1), y, 1e-4);
    }
}
