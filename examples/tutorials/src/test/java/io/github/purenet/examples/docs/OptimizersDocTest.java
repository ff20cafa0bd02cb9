package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

// snippet:imports
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.EmptyState;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedule;
import io.github.purenet.optim.Schedules;
import io.github.purenet.optim.Selection;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Wrappers;
import io.vavr.collection.Vector;
// end:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Description;
import io.github.purenet.optim.Update;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** The optimizers of docs/optimizers.md, built as the page shows and stepped on a small network. */
class OptimizersDocTest {

    private static final Network NETWORK = Initializers.network(Key.of(3), Initializers.glorotUniform(),
            Vector.of(3, 4, 2), Vector.of(Activations.tanh(), Activations.softmax()));
    private static final Gradients GRADIENTS = Backprop.lossAndGradients(NETWORK,
            Matrix.of(new double[][] {{0.5, -1, 2}, {1, 0, -0.5}}), Matrix.of(new double[][] {{1, 0}, {0, 1}}),
            Losses.softmaxCrossEntropy()).gradients();

    /** The network after {@code n} updates of an optimizer, each with the same gradients. */
    private static <S> Network steps(Optimizer<S> optimizer, int n) {
        Network network = NETWORK;
        S state = optimizer.init(network);
        for (int k = 0; k < n; k++) {
            Update<S> update = optimizer.update(GRADIENTS, state, network);
            network = Optimizer.applyUpdates(network, update.updates());
            state = update.state();
        }
        return network;
    }

    @Test
    void theOptimizersOfThePageBuildAndStepAsTheirCommentsSay() {
        // snippet:optimizers
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(1e-3);      // = chain(scaleByAdam(0.9, 0.999, 1e-8),
                                                                             //         scaleByLearningRate(1e-3))
        var clipped = Transforms.chain(Transforms.clipByGlobalNorm(1.0), adam);
        var warm = Optimizers.adam(Schedules.warmupCosineDecay(0.0, 1e-3, 100, 10_000, 1e-5));
        var lastLayerOnly = Wrappers.freeze(Vector.of(true, false), Optimizers.sgd(0.1));
        var bigBatch = Wrappers.accumulate(4, Optimizers.momentum(0.05));  // one real update every 4 steps
        // end:optimizers

        assertEquals(steps(Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8),
                Transforms.scaleByLearningRate(1e-3)), 3), steps(adam, 3));
        assertNotEquals(NETWORK, steps(clipped, 1));
        assertEquals(NETWORK, steps(warm, 1), "the warm-up starts at a learning rate of 0");
        Network trained = steps(lastLayerOnly, 1);
        assertEquals(NETWORK.layers().get(0), trained.layers().get(0));
        assertNotEquals(NETWORK.layers().get(1), trained.layers().get(1));
        assertEquals(NETWORK, steps(bigBatch, 3));
        assertNotEquals(NETWORK, steps(bigBatch, 4));
    }

    @Test
    void anOptimizerAndAScheduleOfYourOwnAreIdentifiedByTheirNames() {
        // snippet:naming
        Schedule inverseSqrt = Schedules.named("inverse_sqrt(0.1)", step -> 0.1 / StrictMath.sqrt(step + 1.0));
        Optimizer<EmptyState> signSgd = Optimizer.stateless("sign_sgd(0.01)",
                (g, network) -> g.map(x -> -0.01 * Math.signum(x)));
        Optimizers.sgd(inverseSqrt).description();   // scale_by_learning_rate(learning_rate=custom(name="inverse_sqrt(0.1)"))
        signSgd.description();                       // custom(name="sign_sgd(0.01)")
        // end:naming
        assertEquals("scale_by_learning_rate(learning_rate=custom(name=\"inverse_sqrt(0.1)\"))",
                Optimizers.sgd(inverseSqrt).description().toString());
        assertEquals("custom(name=\"sign_sgd(0.01)\")", signSgd.description().toString());
        assertEquals(0.05, inverseSqrt.at(3));
        assertNotEquals(NETWORK, steps(signSgd, 1));
        assertEquals(Description.UNNAMED, Optimizers.sgd(step -> 0.1).description().values().get("learning_rate").get());
    }

    @Test
    void theSelectionsOfThePageTakeTheParametersTheyName() {
        // snippet:selections
        var adamW = Optimizers.adamw(Schedules.constant(1e-3), 0.01, Selection.decayable()); // biases, scales, offsets not decayed
        var headOnly = Wrappers.freeze(Selection.under("layers[0]"), Optimizers.adam(1e-3)); // layers[0] stays as it is
        var slowBiases = Wrappers.partition(Selection.named("bias"), Optimizers.sgd(1e-4), Optimizers.adam(1e-3));
        // end:selections

        Network trained = steps(headOnly, 2);
        assertEquals(NETWORK.layers().get(0), trained.layers().get(0));
        assertNotEquals(NETWORK.layers().get(1), trained.layers().get(1));
        Network decayed = steps(adamW, 2); // the biases start at 0: decay shows from the second step
        Network all = steps(Optimizers.adamw(Schedules.constant(1e-3), 0.01), 2);
        assertEquals(all.dense(0).weights(), decayed.dense(0).weights(), "weights decay as in adamw");
        assertNotEquals(all.dense(0).bias(), decayed.dense(0).bias(), "biases do not");
        assertEquals(steps(Optimizers.sgd(1e-4), 1).dense(1).bias(), steps(slowBiases, 1).dense(1).bias());
        assertEquals(steps(Optimizers.adam(1e-3), 1).dense(1).weights(), steps(slowBiases, 1).dense(1).weights());
    }
}
