package io.github.purenet.network;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * A {@link CustomLayer} written here, the scale of CustomLayer's javadoc: it passes the gradient
 * check alone and inside a residual block, trains, and is named by its path; a mode-dependent one
 * is given the key of its path.
 */
class CustomLayerTest {

    private static final Key KEY = Key.of(77);

    /** Adds the first uniform draw of its key in training: shows the key a custom layer is given. */
    record Jitter() implements CustomLayer {
        public String name() { return "jitter"; }
        public Shape outputShape(Shape input) { return input; }
        public Vector<String> parameterNames() { return Vector.empty(); }
        public Vector<Matrix> parameters() { return Vector.empty(); }
        public Jitter withParameters(Vector<Matrix> p) { return this; }
        public boolean modeDependent() { return true; }
        public Matrix forward(Matrix x, Mode mode) {
            double shift = mode instanceof Mode.Training t ? t.key().uniformAt(0) : 0.0;
            return x.map(v -> v + shift);
        }
        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) { return new Backward(dy, Vector.empty()); }
    }

    /** Gives one row whatever it is given: a bug the engine must name. */
    record OneRow() implements CustomLayer {
        public String name() { return "one_row"; }
        public Shape outputShape(Shape input) { return input; }
        public Vector<String> parameterNames() { return Vector.empty(); }
        public Vector<Matrix> parameters() { return Vector.empty(); }
        public OneRow withParameters(Vector<Matrix> p) { return this; }
        public Matrix forward(Matrix x, Mode mode) { return x.selectRows(Vector.of(0)); }
        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) { return new Backward(dy, Vector.empty()); }
    }

    private static Dense dense(int index, int inputs, int outputs) {
        Key key = KEY.foldIn(index);
        return new Dense(key.uniform(outputs, inputs, -1, 1).value(), key.foldIn(1).uniform(1, outputs, -1, 1).value(),
                Activations.tanh());
    }

    private static final Scale SCALE = new Scale(Matrix.row(0.5, -1.5, 2.0, 1.0));

    @Test
    void aScaleLayerPassesTheGradientCheckAloneAndInsideAResidualBlock() {
        Matrix x = KEY.foldIn(10).uniform(5, 3, -1, 1).value();
        Matrix y = KEY.foldIn(11).uniform(5, 2, -1, 1).value();
        Network network = Network.of(Shape.of(3), dense(0, 3, 4), SCALE, dense(1, 4, 2));
        assertEquals(Vector.of("layers[0].weights", "layers[0].bias", "layers[1].s", "layers[2].weights",
                "layers[2].bias"), network.parameterPaths());
        GradientCheck check = GradientCheck.of(network, x, y, Losses.squaredError());
        assertTrue(check.worst().error() < 1e-6, check.toString());
        Network residual = Network.of(Shape.of(3), dense(2, 3, 4), Residual.of(Sequential.of(SCALE, dense(3, 4, 4))),
                dense(4, 4, 2));
        assertEquals("layers[1].inner.layers[0].s", residual.parameterPaths().get(2));
        GradientCheck inside = GradientCheck.of(residual, x, y, Losses.squaredError());
        assertTrue(inside.worst().error() < 1e-6, inside.toString());
    }

    @Test
    void aNetworkWithAScaleLayerTrainsAndItsScaleLearns() {
        Matrix x = KEY.foldIn(20).uniform(32, 3, -1, 1).value();
        Matrix y = x.map(v -> 0.5 * v).timesTranspose(Matrix.of(new double[][] {{1, -1, 0.5}, {0.2, 0.3, -0.7}}));
        Dataset data = new Dataset(x, y);
        Network network = Network.of(Shape.of(3), dense(5, 3, 4), SCALE, new Dense(
                KEY.foldIn(6).uniform(2, 4, -1, 1).value(), Matrix.filled(1, 2, 0.0), Activations.identity()));
        Optimizer<Count> sgd = Optimizers.sgd(0.05);
        Batching batching = Batching.miniBatches(8);
        Run<Count> run = Training.run(Training.init(network, sgd, KEY, data, batching),
                Training.transition(data, batching, Losses.squaredError(), sgd));
        TrainState<Count> last = run.get(400);
        double before = Backprop.loss(network, x, y, Losses.squaredError());
        double after = Backprop.loss(last.network(), x, y, Losses.squaredError());
        assertTrue(after < before / 4, before + " -> " + after);
        assertNotEquals(SCALE.s(), last.network().layers().get(1).parameters().get(0), "the scale learnt");
    }

    @Test
    void aModeDependentCustomLayerIsGivenTheKeyOfItsPath() {
        Network network = Network.of(Shape.of(2), dense(7, 2, 2), Residual.of(new Jitter()));
        assertEquals(Vector.of("layers[1].inner (jitter)"), network.modeDependentLayers());
        refuses(() -> Backprop.forward(network, Matrix.row(1, 2)), "layers[1].inner (jitter)", "Mode.evaluation()");
        Matrix x = Matrix.row(0.25, -0.5);
        Matrix evaluated = Backprop.forward(network, x, Mode.evaluation()).output();
        Matrix trained = Backprop.forward(network, x, Mode.training(KEY)).output();
        double shift = KEY.foldIn("layers[1]".hashCode()).foldIn("inner".hashCode()).uniformAt(0);
        Matrix hidden = Backprop.forward(Network.of(Shape.of(2), dense(7, 2, 2)), x).output();
        assertEquals(hidden.plus(hidden), evaluated);
        assertEquals(hidden.map(v -> v + shift).plus(hidden), trained);
    }

    @Test
    void aCustomLayerGivingTheWrongNumberOfRowsIsNamedByItsPath() {
        Network network = Network.of(Shape.of(2), dense(8, 2, 2), Sequential.of(new OneRow()));
        refuses(() -> Backprop.forward(network, Matrix.filled(3, 2, 1.0)),
                "layers[1].layers[0]: one_row: forward gave 1x2 for inputs 3x2, expected one row per example");
    }
}
