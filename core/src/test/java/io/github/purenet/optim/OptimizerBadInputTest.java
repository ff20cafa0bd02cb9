package io.github.purenet.optim;

import static io.github.purenet.Checks.fails;
import static io.github.purenet.Checks.refuses;
import static io.github.purenet.optim.TransformsTest.G;
import static io.github.purenet.optim.TransformsTest.THETA0;
import static io.github.purenet.optim.TransformsTest.gradients;
import static io.github.purenet.optim.TransformsTest.network;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every factory of {@code optim} refuses a bad hyperparameter at construction with an
 * {@link IllegalArgumentException} naming the value, a null with a {@link NullPointerException}
 * naming the argument, and gradients or states of another network's shape naming both shapes.
 */
class OptimizerBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Each value refused by the factory, with a message holding the value and, if given, the name. */
    private static Executable[] refusesAll(String name, DoubleFunction<Optimizer<?>> factory, double... values) {
        List<Executable> checks = new ArrayList<>();
        for (double value : values) {
            String shown = String.valueOf(value);
            checks.add(() -> refuses(() -> factory.apply(value), name, shown));
        }
        return checks.toArray(Executable[]::new);
    }

    @Test
    void negativeNanAndInfiniteLearningRatesAreRefusedNamingTheValue() {
        double[] bad = {-0.1, -1e-12, NAN, INF, Double.NEGATIVE_INFINITY};
        assertAll(refusesAll("learningRate", Optimizers::sgd, bad));
        assertAll(refusesAll("learningRate", Transforms::scaleByLearningRate, bad));
        assertAll(refusesAll("learningRate", Optimizers::momentum, bad));
        assertAll(refusesAll("learningRate", Optimizers::nesterov, bad));
        assertAll(refusesAll("learningRate", Optimizers::adagrad, bad));
        assertAll(refusesAll("learningRate", Optimizers::rmsprop, bad));
        assertAll(refusesAll("learningRate", Optimizers::adamw, bad));
        assertAll(refusesAll("learningRate", Optimizers::adam, bad));
    }

    @Test
    void betasOutsideZeroToOneAreRefusedNamingTheValue() {
        double[] bad = {-0.1, 1.0, 1.5, NAN};
        assertAll(refusesAll("beta1", b -> Transforms.scaleByAdam(b, 0.999, 1e-8), bad));
        assertAll(refusesAll("beta2", b -> Transforms.scaleByAdam(0.9, b, 1e-8), bad));
        assertAll(refusesAll("beta", b -> Transforms.momentum(b, false), bad));
        assertAll(refusesAll("beta", b -> Transforms.momentum(b, true), bad));
        assertAll(refusesAll("beta", b -> Optimizers.momentum(0.1, b), bad));
        assertAll(refusesAll("decay", b -> Transforms.scaleByRms(b, 1e-8), bad));
    }

    @Test
    void zeroNegativeNanAndInfiniteEpsilonsAreRefusedNamingTheValue() {
        double[] bad = {0.0, -1e-8, NAN, INF};
        assertAll(refusesAll("epsilon", e -> Transforms.scaleByAdam(0.9, 0.999, e), bad));
        assertAll(refusesAll("epsilon", e -> Transforms.scaleByRms(0.9, e), bad));
        assertAll(refusesAll("epsilon", e -> Transforms.scaleByAdagrad(0.0, e), bad));
    }

    @Test
    void clipBoundsThatAreNotPositiveAndFiniteAreRefusedNamingTheValue() {
        double[] bad = {0.0, -1.0, NAN, INF};
        assertAll(refusesAll("max", Transforms::clip, bad));
        assertAll(refusesAll("max", Transforms::clipByGlobalNorm, bad));
    }

    @Test
    void otherBadHyperparametersAreRefusedNamingTheValue() {
        assertAll(refusesAll("decay", Transforms::addDecayedWeights, -0.01, NAN, INF));
        assertAll(refusesAll("decay", d -> Optimizers.adamw(0.1, d), -0.01, NAN, INF));
        assertAll(refusesAll("factor", Transforms::scale, NAN, INF, Double.NEGATIVE_INFINITY));
        assertAll(refusesAll("initialAccumulator", a -> Transforms.scaleByAdagrad(a, 1e-10), -0.1, NAN, INF));
        assertAll(
                () -> refuses(() -> Wrappers.accumulate(0, Optimizers.sgd(0.1)), "k", "0"),
                () -> refuses(() -> Wrappers.accumulate(-2, Optimizers.sgd(0.1)), "k", "-2"));
    }

    @Test
    void aScheduleThatTurnsNegativeOrNanIsRefusedAtThatStepAndNotBefore() {
        Schedule turnsNegative = t -> t < 2 ? 0.1 : -0.1;
        Optimizer<Count> sgd = Optimizers.sgd(turnsNegative);
        Network network = network(THETA0);
        Count count = sgd.init(network);
        for (int t = 0; t < 2; t++) {
            count = sgd.update(gradients(G[t]), count, network).state();
        }
        assertEquals(new Count(2), count);
        Count atTwo = count;
        refuses(() -> sgd.update(gradients(G[2]), atTwo, network), "learning rate", "-0.1", "step 2");

        Optimizer<Count> nan = Transforms.scaleByLearningRate(t -> t == 1 ? NAN : 0.1);
        refuses(() -> nan.update(gradients(G[0]), new Count(1), network), "learning rate", "NaN", "step 1");
    }

    @Test
    void nullArgumentsAreRefusedNamingThem() {
        Optimizer<Count> sgd = Optimizers.sgd(0.1);
        Network network = network(THETA0);
        Gradients g = gradients(G[0]);
        Count state = sgd.init(network);
        assertAll(
                () -> npe(() -> Transforms.chain(null, sgd), "first"),
                () -> npe(() -> Transforms.chain(sgd, null), "second"),
                () -> npe(() -> Transforms.scaleByLearningRate((Schedule) null), "learningRate"),
                () -> npe(() -> Optimizers.sgd((Schedule) null), "learningRate"),
                () -> npe(() -> Optimizers.adam((Schedule) null), "learningRate"),
                () -> npe(() -> Wrappers.partition((Selection) null, sgd, sgd), "selected"),
                () -> npe(() -> Wrappers.partition(Vector.of(true), null, sgd), "forSelected"),
                () -> npe(() -> Wrappers.partition(Vector.of(true), sgd, null), "forOthers"),
                () -> npe(() -> Wrappers.partition(Vector.of(true, null), sgd, sgd), "selected", "flag"),
                () -> npe(() -> Wrappers.freeze((Selection) null, sgd), "frozen"),
                () -> npe(() -> Wrappers.freeze(Vector.of(true), null), "inner"),
                () -> npe(() -> Wrappers.accumulate(2, null), "inner"),
                () -> npe(() -> Optimizer.of(null, n -> 0, (x, s, n) -> null), "name"),
                () -> npe(() -> Optimizer.of("x", null, (x, s, n) -> null), "init"),
                () -> npe(() -> Optimizer.of("x", n -> 0, null), "update"),
                () -> npe(() -> Optimizer.stateless("x", null), "update"),
                () -> npe(() -> sgd.init(null), "network"),
                () -> npe(() -> sgd.update(null, state, network), "gradients"),
                () -> npe(() -> sgd.update(g, null, network), "state"),
                () -> npe(() -> sgd.update(g, state, null), "network"),
                () -> npe(() -> Optimizer.applyUpdates(null, g), "network"),
                () -> npe(() -> Optimizer.applyUpdates(network, null), "updates"),
                () -> npe(() -> new Update<>(null, state), "updates"),
                () -> npe(() -> new Update<>(g, null), "state"),
                () -> npe(() -> new Velocity(null), "velocity"),
                () -> npe(() -> new Moments(0, null, g), "mu"),
                () -> npe(() -> new Moments(0, g, null), "nu"),
                () -> npe(() -> new SquareAverage(null), "nu"),
                () -> npe(() -> new SquareSum(null), "sum"),
                () -> npe(() -> new Chain<>(null, state), "first"),
                () -> npe(() -> new Chain<>(state, null), "second"),
                () -> npe(() -> new Partition<>(null, state), "selected"),
                () -> npe(() -> new Partition<>(state, null), "others"),
                () -> npe(() -> new Accumulation<>(0, null, state), "sum"),
                () -> npe(() -> new Accumulation<>(0, g, null), "inner"),
                () -> refuses(() -> new Count(-1), "steps", "-1"),
                () -> refuses(() -> new Moments(-1, g, g), "count", "-1"),
                () -> refuses(() -> new Accumulation<>(-1, g, state), "count", "-1"));
    }

    private static void npe(Executable call, String... fragments) {
        fails(NullPointerException.class, call, fragments);
    }

    /** A 2-3 network: weights 3x2, the transpose of the fixture's 2x3. */
    private static Network other() {
        return Network.of(new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0.0, 0.0, 0.0), Activations.identity()));
    }

    private static Gradients otherGradients() {
        return Stacks.gradients(Vector.of(new Stacks.Pair(Matrix.filled(3, 2, 1.0), Matrix.row(1.0, 1.0, 1.0))));
    }

    @Test
    void gradientsOfAnotherNetworksShapeAreRefusedNamingBothShapes() {
        Network network = network(THETA0);
        Gradients wrong = otherGradients();
        List<Optimizer<?>> optimizers = List.of(Optimizers.sgd(0.1), Optimizers.adam(0.1), Optimizers.momentum(0.1),
                Optimizers.adagrad(0.1), Optimizers.rmsprop(0.1), Optimizers.adamw(0.1), Transforms.clip(1.0),
                Wrappers.accumulate(2, Optimizers.sgd(0.1)), Wrappers.freeze(Vector.of(false), Optimizers.sgd(0.1)));
        List<Executable> checks = new ArrayList<>();
        for (Optimizer<?> optimizer : optimizers) {
            checks.add(() -> refuses(() -> updateWith(optimizer, wrong, network), "3x2", "2x3"));
        }
        checks.add(() -> refuses(() -> Optimizer.applyUpdates(network, wrong), "3x2", "2x3"));
        assertAll(checks);
    }

    private static <S> void updateWith(Optimizer<S> optimizer, Gradients gradients, Network network) {
        optimizer.update(gradients, optimizer.init(network), network);
    }

    @Test
    void aStateMadeForAnotherNetworkIsRefusedNamingBothShapes() {
        Network network = network(THETA0);
        List<Optimizer<?>> optimizers = List.of(Optimizers.adam(0.1), Optimizers.momentum(0.1),
                Optimizers.adagrad(0.1), Optimizers.rmsprop(0.1), Wrappers.accumulate(2, Optimizers.sgd(0.1)));
        List<Executable> checks = new ArrayList<>();
        for (Optimizer<?> optimizer : optimizers) {
            checks.add(() -> refuses(() -> updateWithStateOf(optimizer, other(), network), "3x2", "2x3"));
        }
        assertAll(checks);
    }

    private static <S> void updateWithStateOf(Optimizer<S> optimizer, Network stateOf, Network network) {
        optimizer.update(gradients(G[0]), optimizer.init(stateOf), network);
    }
}
