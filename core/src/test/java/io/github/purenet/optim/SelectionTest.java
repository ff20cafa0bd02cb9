package io.github.purenet.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Selections of parameters by path and name: which leaves each one takes, on a network with a
 * residual block and a normalisation, and what partition, freeze and weight decay do with them,
 * entry by entry against values computed here.
 */
class SelectionTest {

    /** 2 -> dense 3 -> residual(layer norm, dense 3) -> dense 2: leaves in the order below. */
    static final Network NETWORK = Network.of(Shape.of(2),
            new Dense(Matrix.of(3, 2, (i, j) -> 0.1 * (i + 1) - 0.2 * j), Matrix.row(0.1, -0.1, 0.2),
                    Activations.tanh()),
            Residual.of(Sequential.of(LayerNorm.of(3),
                    new Dense(Matrix.of(3, 3, (i, j) -> i == j ? 0.5 : -0.25), Matrix.row(0.0, 0.5, -0.5),
                            Activations.tanh()))),
            new Dense(Matrix.of(2, 3, (i, j) -> 0.3 - 0.1 * i * j), Matrix.row(0.2, -0.2), Activations.identity()));

    static final Vector<String> PATHS = Vector.of("layers[0].weights", "layers[0].bias",
            "layers[1].inner.layers[0].scale", "layers[1].inner.layers[0].offset",
            "layers[1].inner.layers[1].weights", "layers[1].inner.layers[1].bias",
            "layers[2].weights", "layers[2].bias");

    private static Vector<String> selected(Selection s) {
        Vector<Boolean> mask = s.mask("test", NETWORK);
        return PATHS.zip(mask).filter(t -> t._2).map(t -> t._1);
    }

    @Test
    void theLeavesOfANetworkAreNamedByPathInTheirFixedOrder() {
        assertEquals(PATHS, NETWORK.parameterPaths());
    }

    @Test
    void eachSelectionTakesTheLeavesItNames() {
        assertEquals(PATHS.take(2).appendAll(PATHS.drop(6)), selected(Selection.layers(Vector.of(true, false, true))));
        assertEquals(PATHS.slice(2, 6), selected(Selection.under("layers[1]")));
        assertEquals(PATHS.slice(4, 6), selected(Selection.under("layers[1].inner.layers[1]")));
        assertEquals(Vector.of("layers[0].weights"), selected(Selection.under("layers[0].weights")));
        assertEquals(Vector.empty(), selected(Selection.under("layers[1].inner.layers[1].w")), "a prefix of a name is not a path");
        assertEquals(Vector.of(PATHS.get(1), PATHS.get(5), PATHS.get(7)), selected(Selection.named("bias")));
        assertEquals(Vector.of(PATHS.get(0), PATHS.get(4), PATHS.get(6)), selected(Selection.decayable()));
        assertEquals(PATHS, selected(Selection.all()));
        assertEquals(PATHS.slice(2, 4), selected(Selection.under("layers[1]").and(Selection.named("scale", "offset"))));
        assertEquals(PATHS.take(2).appendAll(PATHS.slice(4, 6)),
                selected(Selection.under("layers[0]").or(Selection.under("layers[1]").and(Selection.named("scale",
                        "offset")).not().and(Selection.under("layers[1]")))));
        assertEquals("decayable", Selection.decayable().toString());
        assertEquals("and(under(layers[1]), named(scale, offset))",
                Selection.under("layers[1]").and(Selection.named("scale", "offset")).toString());
    }

    @Test
    void decayOfTheDecayableLeavesAddsLambdaThetaToWeightsOnly() {
        double lambda = 0.5;
        Gradients g = Gradients.zero(NETWORK).map(x -> 1.0);
        Gradients u = Transforms.addDecayedWeights(lambda, Selection.decayable())
                .update(g, EmptyState.INSTANCE, NETWORK).updates();
        Vector<Matrix> theta = NETWORK.parameters();
        for (int i = 0; i < PATHS.size(); i++) {
            Matrix t = theta.get(i);
            boolean decayed = PATHS.get(i).endsWith(".weights");
            Matrix expected = Matrix.of(t.rows(), t.columns(), (r, c) -> decayed ? 1.0 + lambda * t.get(r, c) : 1.0);
            assertEquals(expected, u.values().get(i), PATHS.get(i));
        }
        // decaying every leaf is today's addDecayedWeights, bit for bit
        assertEquals(Transforms.addDecayedWeights(lambda).update(g, EmptyState.INSTANCE, NETWORK).updates(),
                Transforms.addDecayedWeights(lambda, Selection.all()).update(g, EmptyState.INSTANCE, NETWORK).updates());
    }

    @Test
    void freezingByPathKeepsThoseLeavesBitForBitAndUpdatesTheOthersAsSgdWould() {
        Gradients g = Gradients.zero(NETWORK).map(x -> 0.25);
        var frozen =
                Wrappers.freeze(Selection.under("layers[1]"), Optimizers.sgd(0.1));
        Network after = Optimizer.applyUpdates(NETWORK,
                frozen.update(g, frozen.init(NETWORK), NETWORK).updates());
        Network sgd = Optimizer.applyUpdates(NETWORK,
                Optimizers.sgd(0.1).update(g, Optimizers.sgd(0.1).init(NETWORK), NETWORK).updates());
        for (int i = 0; i < PATHS.size(); i++) {
            Matrix expected = (i >= 2 && i < 6 ? NETWORK : sgd).parameters().get(i);
            assertEquals(expected, after.parameters().get(i), PATHS.get(i));
        }
        assertNotEquals(NETWORK, after);
    }

    @Test
    void aPartitionGivesEachTransformItsOwnLeavesAndZerosElsewhere() {
        Gradients g = Gradients.zero(NETWORK).map(x -> 2.0);
        Optimizer<EmptyState> seen = Optimizer.stateless("seen", (gradients, network) -> gradients);
        var split = Wrappers.partition(Selection.named("bias"), seen, Transforms.setToZero());
        Gradients u = split.update(g, split.init(NETWORK), NETWORK).updates();
        for (int i = 0; i < PATHS.size(); i++) {
            double expected = PATHS.get(i).endsWith(".bias") ? 2.0 : -0.0;
            Matrix m = u.values().get(i);
            assertEquals(Matrix.filled(m.rows(), m.columns(), expected), m, PATHS.get(i));
        }
    }

    @Test
    void aSelectionOfOneFlagPerLayerRefusesANetworkWithAnotherNumberOfLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selection.layers(Vector.of(true, false)).mask("partition", NETWORK));
        assertEquals("partition: 2 flags for the 3 layers of " + NETWORK, e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Selection.under(" ")).getMessage()
                .startsWith("path:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Selection.named()).getMessage()
                .startsWith("names:"));
        assertThrows(NullPointerException.class, () -> Selection.layers(Vector.of(true, null)));
        assertEquals(Vector.of(true, true, false, false, false, false, false, false),
                Selection.layers(Vector.of(true, false, false)).mask("x", NETWORK));
        assertEquals(Network.of(Shape.of(3), ActivationLayer.of(Activations.relu())).parameterPaths(), Vector.empty());
    }
}
