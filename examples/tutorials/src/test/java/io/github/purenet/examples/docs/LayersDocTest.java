package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// snippet:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.network.Trace;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
// end:imports
import io.github.purenet.loss.Losses;
import io.github.purenet.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** docs/networks.md's layers: a residual network with norms and dropout, its modes, and a layer of one's own. */
class LayersDocTest {

    // snippet:scale
    /** y = x ⊙ s: a learnt scale per feature. */
    record Scale(Matrix s) implements CustomLayer {
        public String name() { return "scale"; }
        public Shape outputShape(Shape input) { return input; }
        public Vector<String> parameterNames() { return Vector.of("s"); }
        public Vector<Matrix> parameters() { return Vector.of(s); }
        public Scale withParameters(Vector<Matrix> p) { return new Scale(p.get(0)); }
        public Matrix forward(Matrix x, Mode mode) { return x.zipWithRow(s, (a, b) -> a * b); }
        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy.zipWithRow(s, (a, b) -> a * b),      // dL/dx = dL/dy ⊙ s
                    Vector.of(dy.hadamard(x).columnSums()));            // dL/ds = Σ over rows of dL/dy ⊙ x
        }
    }
    // end:scale

    private static Network network() {
        // snippet:build
        Vector<Key> keys = Key.of(42).split(4);
        Network network = Network.of(Shape.of(64),
                Initializers.dense(keys.get(0), Initializers.heNormal(), 64, 128, Activations.relu()),
                BatchNorm.of(128),
                Residual.of(Sequential.of(
                        LayerNorm.of(128),
                        Initializers.dense(keys.get(1), Initializers.heNormal(), 128, 128, Activations.relu()),
                        Dropout.of(0.1),
                        Initializers.dense(keys.get(2), Initializers.heNormal(), 128, 128, Activations.identity()))),
                Initializers.dense(keys.get(3), Initializers.glorotUniform(), 128, 10, Activations.softmax()));
        // end:build
        return network;
    }

    @Test
    void theNetworkOfThePagePrintsItsSummary() {
        Network network = network();
        assertEquals("""
                layer                      kind            output  parameters  state
                input                                          64
                layers[0]                  dense relu         128       8,320      0
                layers[1]                  batch_norm         128         256    256
                layers[2]                  residual           128           0      0
                layers[2].inner            sequential         128           0      0
                layers[2].inner.layers[0]  layer_norm         128         256      0
                layers[2].inner.layers[1]  dense relu         128      16,512      0
                layers[2].inner.layers[2]  dropout 0.1        128           0      0
                layers[2].inner.layers[3]  dense identity     128      16,512      0
                layers[3]                  dense softmax       10       1,290      0
                total                                                  43,146    256""", network.summary().toString());
        assertEquals(Vector.of("layers[1] (batch_norm)", "layers[2].inner.layers[2] (dropout)"),
                network.modeDependentLayers());
    }

    @Test
    void trainingAndEvaluationPassesAsThePageShowsThem() {
        Network network = network();
        Matrix x = Key.of(7).uniform(8, 64, 0.0, 1.0).value();
        // snippet:modes
        Trace trace = Backprop.forward(network, x, Mode.training(Key.of(7)));  // drops units, batch statistics
        Network updated = network.withState(trace.state());                      // the running statistics after it
        Matrix predictions = Backprop.forward(updated, x, Mode.evaluation()).output();  // no dropout, running stats
        // end:modes
        assertNotEquals(network.state(), updated.state());
        assertEquals(Backprop.forward(updated, x, Mode.evaluation()).output(), predictions);
        assertNotEquals(trace.output(), predictions);
        assertEquals(network.parameters(), updated.parameters());
    }

    @Test
    void theScaleLayerPassesTheGradientCheck() {
        Network network = Network.of(Shape.of(3),
                Initializers.dense(Key.of(1), Initializers.glorotUniform(), 3, 4, Activations.tanh()),
                new Scale(Matrix.row(0.5, -1.5, 2.0, 1.0)),
                Initializers.dense(Key.of(2), Initializers.glorotUniform(), 4, 2, Activations.identity()));
        Matrix x = Key.of(3).uniform(5, 3, -1.0, 1.0).value();
        Matrix y = Key.of(4).uniform(5, 2, -1.0, 1.0).value();
        GradientCheck check = GradientCheck.of(network, x, y, Losses.squaredError());
        assertTrue(check.worst().error() < 1e-6, check.toString());
        assertEquals("layers[1].s", network.parameterPaths().get(2));
    }
}
