package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.testing.LeafError;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Finite differences of the loss ({@link GradientCheck}) against the backward pass, for networks
 * with every new kind (dropout, layer and batch normalisation, residual blocks with and without a
 * projection, norms inside them), in evaluation and in training with a fixed key; and for inputs
 * shaped like images, whose batch norm has several positions per channel. Smooth activations only
 * (tanh, sigmoid, identity, softmax), so no kink breaks the differences; a dense layer before each
 * norm makes the norm's input gradient part of what is checked.
 */
class LayerGradientCheckTest {

    /**
     * Central differences with {@code h = 1e-6} err by about {@code h² |L'''|} plus
     * {@code ε |L| / h}, near 1e-10 for these losses of order one; a wrong gradient errs by O(1).
     */
    private static final double TOLERANCE = 1e-6;

    private static final Key KEY = Key.of(1515);

    private static Matrix uniform(Key key, int rows, int columns, double low, double high) {
        return key.uniform(rows, columns, low, high).value();
    }

    private static Dense dense(Key key, int inputs, int outputs, Activation activation) {
        return new Dense(uniform(key, outputs, inputs, -1, 1), uniform(key.foldIn(1), 1, outputs, -0.5, 0.5),
                activation);
    }

    private static LayerNorm layerNorm(Key key, int features) {
        return new LayerNorm(uniform(key, 1, features, 0.5, 1.5), uniform(key.foldIn(1), 1, features, -0.5, 0.5),
                LayerNorm.EPS);
    }

    /** A batch norm whose running statistics are not the initial ones, so that evaluation uses them. */
    private static BatchNorm batchNorm(Key key, int channels) {
        return new BatchNorm(uniform(key, 1, channels, 0.5, 1.5), uniform(key.foldIn(1), 1, channels, -0.5, 0.5),
                uniform(key.foldIn(2), 1, channels, -0.3, 0.3), uniform(key.foldIn(3), 1, channels, 0.5, 2.0),
                BatchNorm.MOMENTUM, BatchNorm.EPS);
    }

    private static void check(String name, Network network, Matrix x, Matrix y, Loss loss) {
        for (Mode mode : Vector.of(Mode.evaluation(), Mode.training(KEY.foldIn(name.hashCode())))) {
            GradientCheck check = GradientCheck.of(network, x, y, loss, mode, GradientCheck.STEP);
            assertEquals(network.parameterPaths(), check.leaves().map(LeafError::path), name);
            LeafError worst = check.worst();
            assertTrue(worst.error() < TOLERANCE, () -> name + " in " + mode + ": " + worst);
        }
    }

    /** Regression targets for a batch. */
    private static Matrix targets(int rows, int columns) {
        return uniform(KEY.foldIn(rows * 100 + columns), rows, columns, -1, 1);
    }

    /** One-hot targets for a batch. */
    private static Matrix classes(int rows, int columns) {
        return Matrix.of(rows, columns, (r, c) -> c == (r * 7) % columns ? 1.0 : 0.0);
    }

    @Test
    void eachKindAloneAfterADenseLayer() {
        Vector<Key> k = KEY.split(8);
        Matrix x = uniform(k.get(0), 6, 4, -1, 1);
        check("dropout", Network.of(Shape.of(4), dense(k.get(1), 4, 5, Activations.tanh()), Dropout.of(0.4),
                dense(k.get(2), 5, 3, Activations.identity())), x, targets(6, 3), Losses.squaredError());
        check("layer norm", Network.of(Shape.of(4), dense(k.get(3), 4, 5, Activations.identity()),
                layerNorm(k.get(4), 5), dense(k.get(5), 5, 3, Activations.softmax())), x, classes(6, 3),
                Losses.softmaxCrossEntropy());
        check("batch norm", Network.of(Shape.of(4), dense(k.get(6), 4, 5, Activations.sigmoid()),
                batchNorm(k.get(7), 5), dense(k.get(1), 5, 3, Activations.tanh())), x, targets(6, 3),
                Losses.squaredError());
        check("norms last", Network.of(Shape.of(4), dense(k.get(2), 4, 5, Activations.identity()),
                batchNorm(k.get(3), 5), ActivationLayer.of(Activations.tanh()), dense(k.get(4), 5, 3,
                        Activations.identity()), layerNorm(k.get(5), 3)), x, targets(6, 3), Losses.squaredError());
    }

    @Test
    void residualBlocksWithAndWithoutProjectionWithNormsAndDropoutInside() {
        Vector<Key> k = KEY.foldIn(2).split(10);
        Matrix x = uniform(k.get(0), 5, 4, -1, 1);
        Network plain = Network.of(Shape.of(4), dense(k.get(1), 4, 6, Activations.identity()),
                Residual.of(Sequential.of(layerNorm(k.get(2), 6), dense(k.get(3), 6, 6, Activations.tanh()),
                        Dropout.of(0.3), dense(k.get(4), 6, 6, Activations.identity()))),
                Residual.of(Sequential.of(batchNorm(k.get(5), 6), ActivationLayer.of(Activations.tanh()),
                        dense(k.get(6), 6, 6, Activations.identity()))),
                dense(k.get(7), 6, 3, Activations.softmax()));
        check("residual blocks", plain, x, classes(5, 3), Losses.softmaxCrossEntropy());
        Network projected = Network.of(Shape.of(4),
                Residual.of(Sequential.of(dense(k.get(8), 4, 6, Activations.identity()), batchNorm(k.get(9), 6),
                        ActivationLayer.of(Activations.tanh()), Dropout.of(0.5)),
                        Sequential.of(dense(k.get(1), 4, 6, Activations.identity()), layerNorm(k.get(2), 6))),
                Residual.of(dense(k.get(3), 6, 2, Activations.tanh()), dense(k.get(4), 6, 2, Activations.identity())),
                layerNorm(k.get(5), 2));
        check("projected residual blocks", projected, x, targets(5, 2), Losses.squaredError());
    }

    @Test
    void aSoftmaxAfterANormTakesTheNormsOutputAsLogitsAndTheFusedLossChecks() {
        Vector<Key> k = KEY.foldIn(4).split(3);
        Matrix x = uniform(k.get(0), 6, 4, -1, 1);
        BatchNorm norm = batchNorm(k.get(2), 3);
        Network network = Network.of(Shape.of(4), dense(k.get(1), 4, 3, Activations.identity()), norm,
                ActivationLayer.of(Activations.softmax()));
        assertEquals(Activations.softmax(), network.finalActivation().get());
        assertEquals(network.parameters().size(), Layers.parameterCount(network.body()));
        for (Mode mode : Vector.of(Mode.evaluation(), Mode.training(KEY))) {
            Trace trace = Backprop.forward(network, x, mode);
            assertEquals(trace.root().child(1).output(), trace.logits(), "the batch norm's output, " + mode);
        }
        check("softmax after a norm", network, x, classes(6, 3), Losses.softmaxCrossEntropy());
        // a network that ends in a norm or a dropout ends in no activation: its logits are its output
        Network dropped = Network.of(Shape.of(4), dense(k.get(1), 4, 3, Activations.softmax()), Dropout.of(0.5));
        assertTrue(dropped.finalActivation().isEmpty());
        Trace trace = Backprop.forward(dropped, x, Mode.training(KEY));
        assertEquals(trace.output(), trace.logits());
        assertEquals(Vector.of(2, 0, 2, 2, 0), Vector.of(dense(k.get(1), 4, 3, Activations.tanh()), Dropout.of(0.1),
                LayerNorm.of(3), BatchNorm.of(3), ActivationLayer.of(Activations.tanh())).map(Layers::parameterCount));
    }

    @Test
    void imageShapedInputsNormalisedPerChannel() {
        Vector<Key> k = KEY.foldIn(3).split(6);
        Shape image = Shape.of(2, 2, 3); // 12 columns, channel j mod 3 at 4 positions
        Matrix x = uniform(k.get(0), 3, 12, -2, 2).zipWithRow(uniform(k.get(1), 1, 12, -1, 1), Double::sum);
        Network network = Network.of(image, batchNorm(k.get(2), 3), ActivationLayer.of(Activations.tanh()),
                Residual.of(Sequential.of(batchNorm(k.get(3), 3), ActivationLayer.of(Activations.sigmoid()),
                        Dropout.of(0.25))),
                layerNorm(k.get(4), 12), batchNorm(k.get(5), 3));
        assertEquals(image, network.outputShape());
        check("image", network, x, targets(3, 12), Losses.squaredError());
        // one row still has 4 values per channel, enough for the batch's statistics
        check("image, one row", network, x.selectRows(Vector.of(1)), targets(1, 12), Losses.squaredError());
    }
}
