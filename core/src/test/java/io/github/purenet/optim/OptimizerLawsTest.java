package io.github.purenet.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.Stacks;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Laws of optimizers, as properties over generated networks, batches and gradients. */
class OptimizerLawsTest {

    /** A generated problem, and a seed for the test's own choices. */
    private static final Generator<Tuple2<Problem, Key>> SEEDED = Generators.pairs(Generators.problems(),
            Generators.keys());

    /** A problem's gradients, and a few more gradient values of its shape drawn from a seed. */
    private static Vector<Gradients> gradients(Problem c, long seed, int count) {
        Gradients g = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).gradients();
        SplittableRandom random = new SplittableRandom(seed);
        return Iterator.iterate(g, previous -> previous.map(x -> x * (random.nextDouble() * 4 - 2) + random.nextGaussian()))
                .take(count).toVector();
    }

    /** Applies an optimizer to a sequence of gradients, and returns each network it produces. */
    private static <S> Vector<Network> descend(Optimizer<S> optimizer, Network network, Vector<Gradients> gs) {
        S state = optimizer.init(network);
        Vector<Network> networks = Vector.empty();
        for (Gradients g : gs) {
            Update<S> u = optimizer.update(g, state, network);
            network = Optimizer.applyUpdates(network, u.updates());
            state = u.state();
            networks = networks.append(network);
        }
        return networks;
    }

    private static Vector<Optimizer<?>> named(double lr) {
        return Vector.of(Optimizers.sgd(lr), Optimizers.momentum(lr), Optimizers.nesterov(lr), Optimizers.adagrad(lr),
                Optimizers.rmsprop(lr), Optimizers.adam(lr), Optimizers.adamw(lr));
    }

    @Test
    void sgdIsTheFoundationsPlainStepBitForBit() {
        Property.forAll(SEEDED).trials(200).check(t -> {
            Problem c = t._1;
            double lr = new SplittableRandom(t._2.state()).nextDouble(1e-4, 2.0);
            Vector<Gradients> gs = gradients(c, t._2.state(), 3);
            Network expected = c.network();
            for (Gradients g : gs) {
                expected = Backprop.step(expected, g, lr);
            }
            assertEquals(expected, descend(Optimizers.sgd(lr), c.network(), gs).last());
        });
    }

    /**
     * {@link Optimizer#apply}, which training steps with and which the built-in optimizers compute
     * in one pass, has the bits of {@code update} then {@code applyUpdates}, state included, step
     * after step: for every named optimizer, schedules, chains, wrappers and one of the user's own.
     */
    @Test
    void applyHasTheBitsOfUpdateThenApplyUpdates() {
        Vector<Optimizer<?>> optimizers = named(0.05).appendAll(Vector.of(
                Optimizers.adam(Schedules.cosineDecay(0.1, 3, 0.0)),
                Transforms.chain(Transforms.clipByGlobalNorm(0.5), Transforms.scaleByLearningRate(0.2)),
                Transforms.scaleByAdam(0.9, 0.99, 1e-3),
                Transforms.chain(Transforms.scaleByLearningRate(0.3), Transforms.scale(-2.0)),
                Wrappers.accumulate(2, Optimizers.adam(0.1)),
                Optimizer.stateless("halve", (g, network) -> g.scale(-0.5))));
        Property.forAll(SEEDED).trials(60).check(t -> {
            Problem c = t._1;
            Vector<Gradients> gs = gradients(c, t._2.state(), 4);
            for (Optimizer<?> optimizer : optimizers) {
                assertSameSteps(optimizer, c.network(), gs);
            }
        });
    }

    private static <S> void assertSameSteps(Optimizer<S> optimizer, Network network, Vector<Gradients> gs) {
        S updated = optimizer.init(network);
        S applied = updated;
        Network byUpdate = network;
        Network byApply = network;
        for (int k = 0; k < gs.size(); k++) {
            Update<S> u = optimizer.update(gs.get(k), updated, byUpdate);
            Applied<S> a = optimizer.apply(gs.get(k), applied, byApply);
            byUpdate = Optimizer.applyUpdates(byUpdate, u.updates());
            updated = u.state();
            byApply = a.network();
            applied = a.state();
            assertEquals(byUpdate, byApply, optimizer + ": network after step " + k);
            assertEquals(updated, applied, optimizer + ": state after step " + k);
        }
        assertNotEquals(network, byApply, optimizer + " did not move");
    }

    @Test
    void aZeroLearningRateLeavesTheNetworkEqualForEveryNamedOptimizer() {
        // generated weights are never -0.0, the one value that an update of +0.0 would change
        Property.forAll(SEEDED).trials(100).check(t -> {
            Problem c = t._1;
            for (Optimizer<?> optimizer : named(0.0)) {
                assertEquals(c.network(), descend(optimizer, c.network(), gradients(c, t._2.state(), 3)).last(), optimizer.toString());
            }
        });
    }

    @Test
    void chainingIsAssociative() {
        Property.forAll(SEEDED).trials(100).check(t -> {
            Problem c = t._1;
            Vector<Gradients> gs = gradients(c, t._2.state(), 4);
            var a = Transforms.clipByGlobalNorm(1.5);
            var b = Transforms.scaleByAdam(0.8, 0.99, 1e-6);
            var d = Transforms.chain(Transforms.momentum(0.5, true), Transforms.scaleByLearningRate(0.05));
            Vector<Network> left = descend(Transforms.chain(Transforms.chain(a, b), d), c.network(), gs);
            Vector<Network> right = descend(Transforms.chain(a, Transforms.chain(b, d)), c.network(), gs);
            assertEquals(left, right);
        });
    }

    @Test
    void clippingByGlobalNormNeverLeavesANormAboveTheBoundAndKeepsSmallerGradients() {
        Property.forAll(SEEDED).trials(300).check(t -> {
            Problem c = t._1;
            for (Gradients g : gradients(c, t._2.state(), 3)) {
                double bound = (g.norm() + 1e-3) * new SplittableRandom(t._2.state()).nextDouble(0.01, 2.0);
                Gradients clipped = Transforms.clipByGlobalNorm(bound).update(g, EmptyState.INSTANCE, c.network())
                        .updates();
                assertTrue(clipped.norm() <= bound, clipped.norm() + " > " + bound);
                if (g.norm() <= bound) {
                    assertEquals(g, clipped);
                }
            }
        });
    }

    @Test
    void frozenLayersStayBitIdenticalWhileTheOthersTrain() {
        Property.forAll(SEEDED).trials(200).check(t -> {
            Problem c = t._1;
            SplittableRandom random = new SplittableRandom(t._2.state());
            Vector<Boolean> frozen = c.network().layers().map(layer -> random.nextBoolean());
            Vector<Network> networks = descend(Wrappers.freeze(frozen, Optimizers.adam(0.1)), c.network(), gradients(c, t._2.state(), 3));
            for (Network n : networks) {
                for (int l = 0; l < frozen.size(); l++) {
                    Dense before = c.network().dense(l);
                    if (frozen.get(l)) {
                        assertEquals(before, n.layers().get(l), "layer " + l);
                    }
                }
            }
            // the gradients after the first carry Gaussian noise, so every layer that is not frozen moves
            for (int l = 0; l < frozen.size(); l++) {
                if (!frozen.get(l)) {
                    assertNotEquals(c.network().layers().get(l), networks.last().layers().get(l), "layer " + l);
                }
            }
        });
    }

    @Test
    void accumulatingKStepsThenApplyingEqualsOneSgdStepOnTheirMean() {
        Property.forAll(SEEDED).trials(200).check(t -> {
            Problem c = t._1;
            int k = 1 + new SplittableRandom(t._2.state()).nextInt(5);
            Vector<Gradients> gs = gradients(c, t._2.state(), k);
            Vector<Network> accumulated = descend(Wrappers.accumulate(k, Optimizers.sgd(0.3)), c.network(), gs);
            accumulated.init().forEach(n -> assertEquals(c.network(), n, "no change before the k-th step"));
            Gradients mean = gs.tail().foldLeft(gs.head(), Gradients::plus).map(x -> x / k);
            assertEquals(Backprop.step(c.network(), mean, 0.3), accumulated.last());
        });
    }

    @Test
    void replayAndResumeCoverTheOptimizerStateOfEveryNamedOptimizer() {
        Property.forAll(SEEDED).trials(30).check(t -> {
            Problem c = t._1;
            for (Optimizer<?> optimizer : named(0.01)) {
                assertReplays(optimizer, c, t._2.state());
            }
        });
    }

    private static <S> void assertReplays(Optimizer<S> optimizer, Problem c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset data = new Dataset(c.inputs(), c.targets());
        Batching batching = Batching.miniBatches(1 + random.nextInt(data.size()));
        Function<TrainState<S>, TrainState<S>> transition = Training.transition(data, batching, c.loss(), optimizer);
        Run<S> run = Training.run(Training.init(c.network(), optimizer, Key.of(random.nextLong()), data, batching),
                transition);
        int k = 1 + random.nextInt(12);
        int j = random.nextInt(k);
        TrainState<S> direct = run.get(k);
        assertEquals(direct, Training.run(run.get(j), transition).get(k - j), optimizer + ", j = " + j + ", k = " + k);
        assertEquals(direct, run.get(k), optimizer + ": a second replay");
    }
}
