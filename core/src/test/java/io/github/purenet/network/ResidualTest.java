package io.github.purenet.network;

import static io.github.purenet.Checks.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * {@link Residual} equals its composition written out by hand: the forward pass
 * {@code y = x + f(x)} (or {@code f(x) + P(x)}) and every gradient by the chain rule, the skip's
 * gradient added to the inner branch's at the block's input.
 */
class ResidualTest {

    private static final double TOLERANCE = 1e-12;

    private static final Key KEY = Key.of(31);

    private static final Loss LOSS = Losses.squaredError();

    private static Dense dense(int index, int inputs, int outputs, Activation activation) {
        Key key = KEY.foldIn(index);
        return new Dense(key.uniform(outputs, inputs, -1, 1).value(), key.foldIn(1).uniform(1, outputs, -1, 1).value(),
                activation);
    }

    /** {@code x · Wᵀ + b}, without the activation. */
    private static Matrix affine(Matrix x, Dense d) {
        return x.timesTranspose(d.weights()).plusRow(d.bias());
    }

    /** {@code 1 - h²}, tanh's derivative given its output {@code h}. */
    private static Matrix tanhSlope(Matrix h) {
        return h.map(v -> 1 - v * v);
    }

    @Test
    void aBlockWithoutProjectionIsXPlusItsInnerLayersForwardAndBackward() {
        Dense d0 = dense(0, 3, 4, Activations.identity());
        Dense d1 = dense(1, 4, 5, Activations.tanh());
        Dense d2 = dense(2, 5, 4, Activations.identity());
        Dense d3 = dense(3, 4, 2, Activations.identity());
        Network network = Network.of(Shape.of(3), d0, Residual.of(Sequential.of(d1, d2)), d3);
        Matrix x = KEY.foldIn(10).uniform(6, 3, -1, 1).value();
        Matrix t = KEY.foldIn(11).uniform(6, 2, -1, 1).value();

        Matrix a0 = affine(x, d0);
        Matrix h1 = affine(a0, d1).map(StrictMath::tanh);
        Matrix a1 = a0.plus(affine(h1, d2)); // the block: x + f(x)
        Matrix out = affine(a1, d3);
        Matrix g = LOSS.gradient(out, t);
        Matrix dA1 = g.times(d3.weights());
        Matrix dZ1 = dA1.times(d2.weights()).hadamard(tanhSlope(h1));
        Matrix dA0 = dA1.plus(dZ1.times(d1.weights())); // the skip's gradient plus the inner branch's

        assertEquals(Vector.of("layers[0].weights", "layers[0].bias", "layers[1].inner.layers[0].weights",
                "layers[1].inner.layers[0].bias", "layers[1].inner.layers[1].weights", "layers[1].inner.layers[1].bias",
                "layers[2].weights", "layers[2].bias"), network.parameterPaths());
        close(out, Backprop.forward(network, x).output(), TOLERANCE);
        Gradients gradients = Backprop.lossAndGradients(network, x, t, LOSS).gradients();
        Vector<Matrix> byHand = Vector.of(dA0.transposeTimes(x), dA0.columnSums(), dZ1.transposeTimes(a0),
                dZ1.columnSums(), dA1.transposeTimes(h1), dA1.columnSums(), g.transposeTimes(a1), g.columnSums());
        for (int i = 0; i < byHand.size(); i++) {
            close(byHand.get(i), gradients.values().get(i), TOLERANCE);
        }
    }

    @Test
    void aBlockWithProjectionIsItsInnerLayerPlusItsProjectionForwardAndBackward() {
        Dense d0 = dense(4, 3, 4, Activations.identity());
        Dense d1 = dense(5, 4, 5, Activations.tanh());
        Dense p = dense(6, 4, 5, Activations.identity());
        Dense d3 = dense(7, 5, 2, Activations.identity());
        Network network = Network.of(Shape.of(3), d0, Residual.of(d1, p), d3);
        Matrix x = KEY.foldIn(12).uniform(5, 3, -1, 1).value();
        Matrix t = KEY.foldIn(13).uniform(5, 2, -1, 1).value();

        Matrix a0 = affine(x, d0);
        Matrix h1 = affine(a0, d1).map(StrictMath::tanh);
        Matrix a1 = h1.plus(affine(a0, p)); // the block: f(x) + P(x)
        Matrix out = affine(a1, d3);
        Matrix g = LOSS.gradient(out, t);
        Matrix dA1 = g.times(d3.weights());
        Matrix dZ1 = dA1.hadamard(tanhSlope(h1));
        Matrix dA0 = dZ1.times(d1.weights()).plus(dA1.times(p.weights()));

        assertEquals(Vector.of("layers[0].weights", "layers[0].bias", "layers[1].inner.weights", "layers[1].inner.bias",
                "layers[1].projection.weights", "layers[1].projection.bias", "layers[2].weights", "layers[2].bias"),
                network.parameterPaths());
        close(out, Backprop.forward(network, x).output(), TOLERANCE);
        Gradients gradients = Backprop.lossAndGradients(network, x, t, LOSS).gradients();
        Vector<Matrix> byHand = Vector.of(dA0.transposeTimes(x), dA0.columnSums(), dZ1.transposeTimes(a0),
                dZ1.columnSums(), dA1.transposeTimes(a0), dA1.columnSums(), g.transposeTimes(a1), g.columnSums());
        for (int i = 0; i < byHand.size(); i++) {
            close(byHand.get(i), gradients.values().get(i), TOLERANCE);
        }
    }

    @Test
    void theBlocksOutputIsTheInnerNetworksOutputPlusItsInputBitForBit() {
        Dense d1 = dense(8, 4, 4, Activations.sigmoid());
        Matrix x = KEY.foldIn(14).uniform(3, 4, -1, 1).value();
        Matrix inner = Backprop.forward(Network.of(Shape.of(4), d1), x).output();
        assertEquals(inner.plus(x), Backprop.forward(Network.of(Shape.of(4), Residual.of(d1)), x).output());
    }
}
