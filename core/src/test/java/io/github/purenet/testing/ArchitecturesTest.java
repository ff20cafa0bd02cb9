package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.activation.Softmax;
import io.github.purenet.data.LastBatch;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Scale;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Generators#architectures()} makes networks of every built-in kind within the bounds its
 * documentation gives, its settings choose the kinds and the depth, and the kit's values print and
 * walk such networks.
 */
class ArchitecturesTest {

    /** Whether every entry lies in {@code [low, high)}. */
    private static boolean within(Matrix m, double low, double high) {
        return m.map(x -> x >= low && x < high ? 0 : 1).sum() == 0;
    }

    /** The settings of one layer that is not a block are those the documentation gives. */
    private static boolean documented(Layer l) {
        if (l instanceof Dense d) {
            return d.outputs() <= 8 && within(d.weights(), -1, 1) && within(d.bias(), -1, 1);
        }
        if (l instanceof Dropout d) {
            return d.rate() >= 0 && d.rate() < 0.5;
        }
        if (l instanceof LayerNorm n) {
            return within(n.scale(), -1, 1) && within(n.offset(), -1, 1) && n.eps() == LayerNorm.EPS;
        }
        if (l instanceof BatchNorm b) {
            return within(b.scale(), -1, 1) && within(b.offset(), -1, 1) && within(b.mean(), -1, 1)
                    && within(b.variance(), 0.5, 1.5) && b.momentum() >= 0 && b.momentum() < 1 && b.eps() == BatchNorm.EPS;
        }
        if (l instanceof Conv2D c) {
            return c.filters() <= 3 && c.kernelHeight() <= 3 && c.kernelWidth() <= 3 && c.stride() <= 2
                    && !(c.activation() instanceof Softmax) && NetworkGenerator.builtInActivations().contains(c.activation())
                    && within(c.weights(), -1, 1) && within(c.bias(), -1, 1);
        }
        if (l instanceof MaxPool2D p) {
            return p.windowHeight() <= 2 && p.windowWidth() <= 2 && p.stride() <= 2;
        }
        if (l instanceof AvgPool2D p) {
            return p.windowHeight() <= 2 && p.windowWidth() <= 2 && p.stride() <= 2;
        }
        if (l instanceof Flatten || l instanceof GlobalAveragePool) {
            return true;
        }
        return l instanceof ActivationLayer a && NetworkGenerator.builtInActivations().contains(a.activation());
    }

    @Test
    void architecturesHaveEveryKindBothResidualFormsAndNestedBlocksWithinTheirBounds() {
        Set<String> seen = new HashSet<>();
        Property.forAll(Generators.architectures()).trials(300).check(n -> {
            Vector<Layer> nodes = n.layers().flatMap(Measures::nodes);
            assertTrue(n.layers().size() <= 4 && n.inputs() <= 8 && n.outputs() <= 8, n::toString);
            assertTrue(n.layers().last() instanceof Dense d
                    && NetworkGenerator.builtInActivations().contains(d.activation()), n::toString);
            assertTrue(n.layers().map(ShrinkCandidatesTest::depth).max().get() <= 2, n::toString);
            assertTrue(nodes.filter(l -> !(l instanceof Sequential || l instanceof Residual))
                    .forAll(ArchitecturesTest::documented), () -> Values.show(n));
            for (Layer l : nodes) {
                seen.add(l.kind());
                if (l instanceof Residual r) {
                    seen.add(r.projection().isDefined() ? "projected" : "identity skip");
                    assertTrue(r.projection().forAll(p -> p instanceof Dense d
                            && d.activation().equals(Activations.identity())), n::toString);
                }
            }
            seen.add("depth " + n.layers().map(ShrinkCandidatesTest::depth).max().get());
            seen.add(n.layers().size() + " layers");
        });
        assertTrue(seen.containsAll(NetworkGenerator.builtInKinds().toJavaList()), seen::toString);
        assertTrue(seen.containsAll(List.of("projected", "identity skip", "depth 0", "depth 1", "depth 2", "1 layers",
                "4 layers")), seen::toString);
    }

    @Test
    void kindsAndDepthChooseTheLayersAndDenseAloneDrawsTheStacksOfNetworks() {
        Property.forAll(Generators.architectures().kinds(Vector.of("layer_norm"))).check(n ->
                assertTrue(n.layers().init().forAll(l -> l instanceof LayerNorm), n::toString));
        Property.forAll(Generators.architectures().depth(0)).check(n ->
                assertEquals(0, n.layers().map(ShrinkCandidatesTest::depth).max().get(), n.toString()));
        Property.forAll(Generators.architectures().modeFree()).check(n ->
                assertTrue(n.modeDependentLayers().isEmpty(), n::toString));
        Property.forAll(Generators.architectures().kinds(Vector.of("residual")).depth(1)).check(n -> {
            assertTrue(n.layers().init().forAll(l -> l instanceof Residual), n::toString);
            assertTrue(Trees.leaves(n).forAll(l -> l instanceof Dense), n::toString);
        });
        NetworkGenerator dense = Generators.architectures().kinds(Vector.of("dense"));
        assertEquals(Generators.samples(Generators.networks(), 7, 40), Generators.samples(dense, 7, 40));
    }

    @Test
    void badKindsAndDepthsAreRefusedNamingTheSetting() {
        for (Vector<String> kinds : List.of(Vector.<String>empty(), Vector.of("dense", "convolution"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Generators.networks().kinds(kinds));
            assertTrue(e.getMessage().startsWith("kinds: expected at least one of dense, activation"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Generators.architectures().kinds(Vector.of("dropout",
                "batch_norm")).modeFree());
        assertEquals("depth: expected a depth >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Generators.networks().depth(-1)).getMessage());
    }

    /** A residual block around a layer normalisation and a dense layer with a projection, then a dense layer. */
    private static Network small() {
        return Network.of(Shape.of(2),
                Residual.of(Sequential.of(new LayerNorm(Matrix.row(1.0, 0.5), Matrix.row(0.0, 0.25), 1e-5),
                        new Dense(Matrix.row(1.0, -1.0), Matrix.row(0.5), Activations.relu())),
                        new Dense(Matrix.row(2.0, 0.0), Matrix.row(0.0), Activations.identity())),
                Dropout.of(0.25),
                new Dense(Matrix.of(new double[][] {{1.0}, {-2.0}}), Matrix.row(0.0, 1.0), Activations.softmax()));
    }

    @Test
    void showPrintsAnyNetworksLayersAndWhenSmallItsNumbersByPath() {
        assertEquals("Network[2: Residual[Sequential[LayerNorm[2, eps 1.0E-5], Dense[2->1 relu]], projection "
                + "Dense[2->1 identity]], Dropout[0.25], Dense[1->2 softmax]]{"
                + "layers[0].inner.layers[0].scale=[[1.0, 0.5]], layers[0].inner.layers[0].offset=[[0.0, 0.25]], "
                + "layers[0].inner.layers[1].weights=[[1.0, -1.0]], layers[0].inner.layers[1].bias=[[0.5]], "
                + "layers[0].projection.weights=[[2.0, 0.0]], layers[0].projection.bias=[[0.0]], "
                + "layers[2].weights=[[1.0], [-2.0]], layers[2].bias=[[0.0, 1.0]]}", Values.show(small()));
        Network wide = Network.of(Shape.of(9), BatchNorm.of(9), new Dense(Matrix.filled(4, 9, 0.5), Matrix.filled(1, 4,
                0.0), Activations.tanh()));
        assertEquals("Network[9: BatchNorm[9, momentum 0.99, eps 1.0E-5], Dense[9->4 tanh]]", Values.show(wide));
        Network withState = Network.of(Shape.of(1), BatchNorm.of(1), new Dense(Matrix.row(0.5), Matrix.row(0.0),
                Activations.tanh()));
        assertEquals("Network[1: BatchNorm[1, momentum 0.99, eps 1.0E-5], Dense[1->1 tanh]]{layers[0].scale=[[1.0]], "
                + "layers[0].offset=[[0.0]], layers[1].weights=[[0.5]], layers[1].bias=[[0.0]], layers[0].mean=[[0.0]], "
                + "layers[0].variance=[[1.0]]}", Values.show(withState));
    }

    /**
     * The kinked pre-activations of a tree, by hand: x = (-2, 0.5) passes an identity dense layer,
     * then a residual block around a leaky ReLU of slope 0.1, whose input is x and whose output is
     * leaky(x) + x = (-2.2, 1); a ReLU layer's input is that, and the last layer's pre-activation
     * is 0 + 1 = 1.
     */
    @Test
    void kinkedPreActivationsAreFoundAnywhereInTheTree() {
        Network nested = Network.of(Shape.of(2), Sequential.of(new Dense(Matrix.of(new double[][] {{1, 0}, {0, 1}}),
                Matrix.row(0.0, 0.0), Activations.identity()), Residual.of(ActivationLayer.of(Activations.leakyRelu(0.1)))),
                ActivationLayer.of(Activations.relu()), new Dense(Matrix.row(1.0, 1.0), Matrix.row(0.0), Activations.relu()));
        Problem q = new Problem(nested, Matrix.row(-2.0, 0.5), Matrix.row(0.0), Losses.squaredError());
        assertEquals(Vector.of(Matrix.row(-2.0, 0.5), Matrix.row(-2.2, 1.0), Matrix.row(1.0)), q.kinkedPreActivations());
        assertTrue(q.nearKink(0.6) && !q.nearKink(0.5));
    }

    /**
     * In training, dropout's masks and the batch's statistics change the pre-activations; the
     * engine's own pass is the oracle: the input of a network's final activation layer, nested in
     * sequences, is its trace's logits; and a residual block around dropout and a leaky ReLU of
     * slope 0.5 gives y = leaky(z) + x, so z is y - x where that is positive and twice it elsewhere.
     */
    @Test
    void kinkedPreActivationsInTrainingFollowTheKeysOfTheirPaths() {
        Property.forAll(Generators.pairs(Generators.matrices().rows(2, 6).columns(3, 3), Generators.keys())).check(xk -> {
            Matrix x = xk._1;
            Mode mode = Mode.training(xk._2);
            Network sequences = Network.of(Shape.of(3), new Dense(Matrix.filled(4, 3, 0.5), Matrix.row(0.1, -0.1, 0.2, 0),
                    Activations.tanh()), Sequential.of(Dropout.of(0.5), Sequential.of(BatchNorm.of(4), Dropout.of(0.25),
                    ActivationLayer.of(Activations.relu()))));
            Problem p = new Problem(sequences, x, Matrix.filled(x.rows(), 4, 0.0), Losses.squaredError());
            assertEquals(Vector.of(Backprop.forward(sequences, x, mode).logits()), p.kinkedPreActivations(mode));
            Network block = Network.of(Shape.of(3), Dropout.of(0.5), Residual.of(Sequential.of(Dropout.of(0.5),
                    ActivationLayer.of(Activations.leakyRelu(0.5)))));
            Matrix y = Backprop.forward(block, x, mode).output();
            Matrix skip = Backprop.forward(Network.of(Shape.of(3), Dropout.of(0.5)), x, mode).output();
            Matrix z = y.minus(skip).map(v -> v > 0 ? v : 2 * v);
            Matrix walked = new Problem(block, x, x, Losses.squaredError()).kinkedPreActivations(mode).single();
            assertTrue(walked.minus(z).map(Math::abs).sum() < 1e-12, walked + " " + z);
        });
    }

    @Test
    void problemsAndTrainingsWithBatchNormalisationHaveBatchesOfAtLeastTwoExamples() {
        NetworkGenerator normalised = Generators.architectures().kinds(Vector.of("batch_norm", "dense")).layers(2, 4);
        Property.forAll(Generators.problems().networks(normalised)).check(p -> {
            boolean batchNorm = Trees.leaves(p.network()).exists(l -> l instanceof BatchNorm);
            assertTrue(!batchNorm || p.batch() >= 2, p::toString);
        });
        Property.forAll(Generators.trainings().problems(Generators.problems().networks(normalised))).check(t -> {
            boolean batchNorm = Trees.leaves(t.network()).exists(l -> l instanceof BatchNorm);
            int n = t.data().size();
            int size = Math.min(n, t.batching().size());
            assertTrue(!batchNorm || size >= 2 && (n % size != 1 || t.batching().lastBatch() == LastBatch.DROP),
                    t::toString);
            t.state(); // trains without a refusal
        });
    }

    @Test
    void aUsersLayerIsDrawnAnywhereWithParametersInRangeAndMadeAgainWhenTheWidthBeforeItShrinks() {
        NetworkGenerator g = Generators.architectures().withLayer("scale", w -> new Scale(Matrix.filled(1, w, 1.0)));
        Set<String> seen = new HashSet<>();
        Property.forAll(g).trials(200).check(n -> {
            for (Layer l : n.layers().flatMap(Measures::nodes)) {
                seen.add(l.kind());
                assertTrue(!(l instanceof Scale sc) || within(sc.s(), -1, 1), n::toString);
            }
            for (Layer l : n.layers().filter(l -> l instanceof Sequential || l instanceof Residual)
                    .flatMap(l -> Measures.nodes(l).tail())) {
                seen.add(l.kind() + " in a block");
            }
        });
        assertTrue(seen.containsAll(List.of("scale", "scale in a block", "residual", "batch_norm")), seen::toString);
        Network n = Network.of(Shape.of(2), new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0.5, 0.5, 0.5),
                Activations.tanh()), new Scale(Matrix.row(0.1, 0.2, 0.3)), new Dense(Matrix.row(1, 1, 1), Matrix.row(0),
                Activations.identity()));
        Vector<Network> candidates = Vector.ofAll(g.shrink(null, n));
        for (int w = 1; w <= 2; w++) {
            Network narrowed = Network.of(Shape.of(2), new Dense(Matrix.filled(w, 2, 0.5), Matrix.filled(1, w, 0.5),
                    Activations.tanh()), new Scale(Values.firstColumns(Matrix.row(0.1, 0.2, 0.3), w)),
                    new Dense(Matrix.filled(1, w, 1.0), Matrix.row(0), Activations.identity()));
            assertTrue(candidates.contains(narrowed), candidates::toString);
        }
        assertThrows(IllegalArgumentException.class, () -> Generators.architectures().withLayer("dense", Dense.class::cast));
        assertThrows(IllegalArgumentException.class, () -> Generators.networks().kinds(Vector.of("dense", "scale")));
        assertEquals(Vector.of("dense", "scale"), g.kinds(Vector.of("dense", "scale")).kinds.names());
    }
}
