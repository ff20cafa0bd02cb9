package io.github.purenet.optim;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.optim.TransformsTest.G;
import static io.github.purenet.optim.TransformsTest.N;
import static io.github.purenet.optim.TransformsTest.THETA0;
import static io.github.purenet.optim.TransformsTest.adagradReference;
import static io.github.purenet.optim.TransformsTest.adamReference;
import static io.github.purenet.optim.TransformsTest.agree;
import static io.github.purenet.optim.TransformsTest.agreeState;
import static io.github.purenet.optim.TransformsTest.elementwise;
import static io.github.purenet.optim.TransformsTest.flat;
import static io.github.purenet.optim.TransformsTest.gradients;
import static io.github.purenet.optim.TransformsTest.momentumReference;
import static io.github.purenet.optim.TransformsTest.network;
import static io.github.purenet.optim.TransformsTest.rmsReference;
import static io.github.purenet.optim.TransformsTest.run;
import static io.github.purenet.optim.TransformsTest.same;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.TransformsTest.Expected;
import io.github.purenet.optim.TransformsTest.Step;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The named optimizers against the papers' formulas written out with scalar doubles (three steps on
 * the fixture of {@link TransformsTest}, updates applied in between, bit for bit), their defaults,
 * their names, and the wrappers {@link Wrappers#partition}, {@link Wrappers#freeze} and
 * {@link Wrappers#accumulate}.
 */
class NamedOptimizersTest {

    private static final double LR = 0.3;

    @Test
    void sgdStepsAreMinusLearningRateTimesG() {
        List<Step<Count>> steps = run(Optimizers.sgd(LR));
        agree(elementwise((t, i, g, theta) -> -LR * g), steps, 0.0);
        assertEquals(new Count(3), steps.get(2).state());
    }

    @Test
    void momentumStepsAreMinusLearningRateTimesVelocityWithBetaPointNine() {
        List<Step<Chain<Velocity, Count>>> steps = run(Optimizers.momentum(LR));
        Expected expected = momentumReference(-LR, 0.9, false);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().velocity(), 0.0);
        assertEquals(new Count(3), steps.get(2).state().second());
        agree(momentumReference(-LR, 0.5, false), run(Optimizers.momentum(LR, 0.5)), 0.0);
    }

    @Test
    void nesterovStepsAreMinusLearningRateTimesBetaVPlusGWithBetaPointNine() {
        List<Step<Chain<Velocity, Count>>> steps = run(Optimizers.nesterov(LR));
        Expected expected = momentumReference(-LR, 0.9, true);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().velocity(), 0.0);
    }

    @Test
    void adagradStepsFollowDuchiEtAlWithSumFromZeroAndEpsilonOneEMinus10() {
        List<Step<Chain<SquareSum, Count>>> steps = run(Optimizers.adagrad(LR));
        Expected expected = adagradReference(-LR, 0.0, 1e-10);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().sum(), 0.0);
    }

    @Test
    void rmspropStepsFollowTielemanAndHintonWithRhoPointNineAndEpsilonOneEMinus8() {
        List<Step<Chain<SquareAverage, Count>>> steps = run(Optimizers.rmsprop(LR));
        Expected expected = rmsReference(-LR, 0.9, 1e-8);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().nu(), 0.0);
    }

    @Test
    void adamStepsFollowKingmaAndBaWithBiasCorrectionAndCountOneTwoThree() {
        List<Step<Chain<Moments, Count>>> steps = run(Optimizers.adam(LR));
        Expected expected = adamReference(-LR, 0.9, 0.999, 1e-8, 0.0);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().mu(), 0.0);
        agreeState(expected.second(), steps, s -> s.first().nu(), 0.0);
        for (int t = 0; t < 3; t++) {
            assertEquals(t + 1L, steps.get(t).state().first().count());
            assertEquals(new Count(t + 1L), steps.get(t).state().second());
        }
    }

    @Test
    void adamwStepsDecayTheCurrentParametersDecoupledFromTheMoments() {
        List<Step<Chain<Chain<Moments, EmptyState>, Count>>> steps = run(Optimizers.adamw(LR));
        Expected expected = adamReference(-LR, 0.9, 0.999, 1e-8, 0.01);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().first().mu(), 0.0);
        agreeState(expected.second(), steps, s -> s.first().first().nu(), 0.0);
        agree(adamReference(-LR, 0.9, 0.999, 1e-8, 0.5), run(Optimizers.adamw(LR, 0.5)), 0.0);
    }

    @Test
    void adamFirstUpdateIsMinusLrTimesGOverAbsGPlusEpsilonWithTheDefaultsOfThePaper() {
        // step 1: m̂ = g and v̂ = g² exactly in real numbers, so u = -η g / (|g| + 1e-8); g = 1e-8 gives -η/2
        double[] g = {1.0, -1.0, 1e-8, -4.0, 0.0, 1e-3, 0.5, -2.0};
        double[] u = firstUpdate(Optimizers.adam(LR), g);
        for (int i = 0; i < N; i++) {
            assertEquals(-LR * g[i] / (Math.abs(g[i]) + 1e-8), u[i], 1e-15 * LR, "entry " + i);
        }
        assertEquals(-LR / 2, u[2], 1e-15 * LR);
    }

    @Test
    void adamSecondUpdateAfterAGradientAndAZeroGradientIsFixedByBeta1PointNineAndBeta2PointNine99() {
        // g1 = x, g2 = 0: m̂ = β1/(1+β1) x, v̂ = β2/(1+β2) x², so u2 = -η (0.9/1.9) x / (√(0.999/1.999) |x| + 1e-8).
        // The library's 1 - β2² = 0.001999 loses ~14 bits to cancellation: hence 1e-12, not 1e-15.
        double[] x = {1.0, -1.0, 1e-8, -4.0, 0.0, 1e-3, 0.5, -2.0};
        Network network = network(THETA0);
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(LR);
        Update<Chain<Moments, Count>> u1 = adam.update(gradients(x), adam.init(network), network);
        Network next = Optimizer.applyUpdates(network, u1.updates());
        double[] u2 = flat(adam.update(gradients(new double[N]), u1.state(), next).updates());
        for (int i = 0; i < N; i++) {
            double expected = -LR * (0.9 / 1.9) * x[i] / (Math.sqrt(0.999 / 1.999) * Math.abs(x[i]) + 1e-8);
            assertEquals(expected, u2[i], 1e-12 * LR, "entry " + i);
        }
    }

    @Test
    void firstAdamUpdateHasMagnitudeAboutLrForEveryNonZeroGradientEntryWhateverItsScale() {
        double[] g = {1e-3, -1e-2, 0.5, -7.0, 1e3, -2.5e2, 0.0, 3e-3};
        double[] u = firstUpdate(Optimizers.adam(LR), g);
        for (int i = 0; i < N; i++) {
            if (g[i] == 0.0) {
                assertEquals(0.0, Math.abs(u[i]), "entry " + i);
            } else {
                assertEquals(LR, Math.abs(u[i]), LR * 1e-5, "entry " + i);
                assertEquals(-Math.signum(g[i]), Math.signum(u[i]), "sign of entry " + i);
            }
        }
    }

    private static <S> double[] firstUpdate(Optimizer<S> optimizer, double[] g) {
        Network network = network(THETA0);
        return flat(optimizer.update(gradients(g), optimizer.init(network), network).updates());
    }

    @Test
    void namedOptimizersPrintAsTheirNameAndHyperparametersAndTransformsAsTheirComposition() {
        assertAll(
                () -> assertContains(Optimizers.adam(1e-3), "adam(0.001)"),
                () -> assertContains(Optimizers.sgd(0.1), "sgd(0.1)"),
                () -> assertContains(Optimizers.momentum(0.1), "momentum(0.1, 0.9)"),
                () -> assertContains(Optimizers.nesterov(0.1), "nesterov(0.1)"),
                () -> assertContains(Optimizers.adagrad(0.1), "adagrad(0.1)"),
                () -> assertContains(Optimizers.rmsprop(0.1), "rmsprop(0.1)"),
                () -> assertContains(Optimizers.adamw(1e-3), "adamw(0.001, 0.01)"),
                () -> assertContains(Optimizers.adam(Schedules.exponentialDecay(1e-3, 0.5, 100, false)),
                        "adam(exponentialDecay(0.001, 0.5, 100, false))"),
                () -> assertContains(Wrappers.freeze(Vector.of(true, false), Optimizers.sgd(0.1)),
                        "partition([true, false], setToZero, sgd(0.1))"),
                () -> assertContains(Wrappers.accumulate(3, Optimizers.sgd(0.1)), "accumulate(3, sgd(0.1))"),
                () -> assertContains(Transforms.chain(Transforms.scaleByAdam(0.9, 0.999, 1e-8),
                        Transforms.scaleByLearningRate(1e-3)),
                        "chain(scaleByAdam(0.9, 0.999, 1.0E-8), scaleByLearningRate(constant(0.001)))"),
                () -> assertContains(Transforms.chain(Transforms.clip(1.0), Transforms.clipByGlobalNorm(2.0)),
                        "chain(clip(1.0), clipByGlobalNorm(2.0))"),
                () -> assertContains(Transforms.scale(-2.0), "scale(-2.0)"));
    }

    private static void assertContains(Optimizer<?> optimizer, String... fragments) {
        String name = optimizer.toString();
        for (String fragment : fragments) {
            assertTrue(name.contains(fragment), () -> "\"" + name + "\" lacks \"" + fragment + "\"");
        }
        assertFalse(name.contains("$$Lambda") || name.contains("@"), () -> "\"" + name + "\" shows an object");
    }

    // ---- wrappers, on a 2-3-1 network whose first layer holds +0.0 and -0.0 ----

    private static Network twoLayers() {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, -0.0}, {0.0, -0.3}, {0.5, 0.25}}), Matrix.row(-0.0, 0.1, 0.0),
                        Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.4, -0.5, 0.6}}), Matrix.row(0.2), Activations.identity()));
    }

    /** Step t's gradients of {@link #twoLayers}: positive, negative and (in layer 0) zero entries, new at each step. */
    private static Gradients twoLayerGradients(int t) {
        return Stacks.gradients(Vector.of(
                new Stacks.Pair(Matrix.of(3, 2, (i, j) -> (t + 1) * (0.5 - i + 0.75 * j)), Matrix.row(0.25 * t, -1.0, t)),
                new Stacks.Pair(Matrix.of(1, 3, (i, j) -> (j - 1.5) * (0.5 + t)), Matrix.row(-0.125 * (t + 1)))));
    }

    private static Matrix times(double factor, Matrix m) {
        return Matrix.of(m.rows(), m.columns(), (i, j) -> factor * m.get(i, j));
    }

    @Test
    void partitionGivesEachLayerTheUpdatesOfItsOwnTransform() {
        Optimizer<Partition<Count, Count>> optimizer =
                Wrappers.partition(Vector.of(true, false), Optimizers.sgd(0.1), Optimizers.sgd(1.0));
        Network network = twoLayers();
        Partition<Count, Count> state = optimizer.init(network);
        for (int t = 0; t < 2; t++) {
            Gradients g = twoLayerGradients(t);
            Update<Partition<Count, Count>> u = optimizer.update(g, state, network);
            Stacks.Pair first = Stacks.layers(u.updates()).get(0);
            Stacks.Pair second = Stacks.layers(u.updates()).get(1);
            assertEquals(times(-0.1, Stacks.layers(g).get(0).weights()), first.weights());
            assertEquals(times(-0.1, Stacks.layers(g).get(0).bias()), first.bias());
            assertEquals(times(-1.0, Stacks.layers(g).get(1).weights()), second.weights());
            assertEquals(times(-1.0, Stacks.layers(g).get(1).bias()), second.bias());
            state = u.state();
            network = Optimizer.applyUpdates(network, u.updates());
        }
        assertEquals(new Partition<>(new Count(2), new Count(2)), state);
    }

    @Test
    void freezeLeavesFrozenLayersBitIdenticalOverStepsWhileTheOthersFollowTheInnerOptimizer() {
        Network original = twoLayers();
        Optimizer<Partition<EmptyState, Chain<Moments, Count>>> frozen =
                Wrappers.freeze(Vector.of(true, false), Optimizers.adam(0.05));
        Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(0.05);
        Network network = original;
        Partition<EmptyState, Chain<Moments, Count>> state = frozen.init(network);
        Chain<Moments, Count> plain = adam.init(original);
        for (int t = 0; t < 4; t++) {
            Update<Partition<EmptyState, Chain<Moments, Count>>> u = frozen.update(twoLayerGradients(t), state, network);
            Update<Chain<Moments, Count>> reference = adam.update(twoLayerGradients(t), plain, original);
            assertEquals(Stacks.layers(reference.updates()).get(1), Stacks.layers(u.updates()).get(1), "step " + (t + 1));
            network = Optimizer.applyUpdates(network, u.updates());
            state = u.state();
            plain = reference.state();
            assertEquals(original.dense(0).weights(), network.dense(0).weights(), "step " + (t + 1));
            assertEquals(original.dense(0).bias(), network.dense(0).bias(), "step " + (t + 1));
        }
        Matrix before = original.dense(1).weights();
        Matrix after = network.dense(1).weights();
        for (int j = 0; j < 3; j++) {
            assertNotEquals(before.get(0, j), after.get(0, j), "unfrozen weight " + j + " did not change");
        }
        assertNotEquals(original.dense(1).bias(), network.dense(1).bias());
    }

    @Test
    void accumulateThreeGivesNegativeZeroTwiceThenSgdOnTheMeanOfTheThreeGradientsBitForBit() {
        double[][] gs = {G[0], G[1], G[2], G[2], G[0], G[1]};
        Optimizer<Accumulation<Count>> optimizer = Wrappers.accumulate(3, Optimizers.sgd(0.5));
        Network network = network(THETA0);
        Accumulation<Count> state = optimizer.init(network);
        for (int t = 0; t < gs.length; t++) {
            Update<Accumulation<Count>> u = optimizer.update(gradients(gs[t]), state, network);
            Network next = Optimizer.applyUpdates(network, u.updates());
            double[] expected = new double[N];
            if (t % 3 < 2) {
                Arrays.fill(expected, -0.0);
                assertEquals(network.dense(0).weights(), next.dense(0).weights(), "step " + (t + 1));
                assertEquals(network.dense(0).bias(), next.dense(0).bias(), "step " + (t + 1));
            } else {
                double[] mean = new double[N];
                for (int i = 0; i < N; i++) {
                    mean[i] = ((gs[t - 2][i] + gs[t - 1][i]) + gs[t][i]) / 3;
                    expected[i] = -0.5 * mean[i];
                }
                Optimizer<Count> sgd = Optimizers.sgd(0.5);
                same(flat(sgd.update(gradients(mean), sgd.init(network), network).updates()), flat(u.updates()), 0.0,
                        "step " + (t + 1) + " against sgd on the mean");
            }
            same(expected, flat(u.updates()), 0.0, "step " + (t + 1));
            state = u.state();
            network = next;
            assertEquals((t + 1) % 3, state.count(), "accumulated after step " + (t + 1));
            assertEquals(new Count((t + 1) / 3), state.inner(), "inner count after step " + (t + 1));
        }
    }

    @Test
    void partitionAndFreezeWithTheWrongNumberOfFlagsAreRefusedAtInitNamingBothCounts() {
        Network network = twoLayers();
        assertAll(
                () -> refuses(() -> Wrappers.partition(Vector.of(true, false, true), Optimizers.sgd(0.1),
                        Optimizers.sgd(1.0)).init(network), "3 flags", "2 layers"),
                () -> refuses(() -> Wrappers.freeze(Vector.of(true), Optimizers.adam(0.1)).init(network),
                        "1 flags", "2 layers"));
    }
}
