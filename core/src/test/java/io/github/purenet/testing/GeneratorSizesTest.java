package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Dataset;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every generator honours the generation size (size 1 gives the smallest values, larger sizes
 * larger ones on average) and the seed (the same seed gives equal values, other seeds others).
 */
class GeneratorSizesTest {

    private static final int SEEDS = 200;

    /** Sizes at which every default bound of the kit has grown: the means must grow from one to the next. */
    private static final Vector<Integer> GROWING = Vector.of(1, 20, 35, 50);

    private static final Network NETWORK = Network.of(
            new Dense(Matrix.filled(3, 2, 0.5), Matrix.filled(1, 3, 0.5), Activations.tanh()),
            new Dense(Matrix.filled(2, 3, 0.5), Matrix.filled(1, 2, 0.5), Activations.softmax()));

    /** The mean of a measure over the values of {@link #SEEDS} seeds at one size. */
    private static <T> double mean(Generator<T> g, int size, ToDoubleFunction<T> measure) {
        return Vector.range(0, SEEDS).map(seed -> measure.applyAsDouble(Generators.sample(g, seed, size)))
                .sum().doubleValue() / SEEDS;
    }

    /** At size 1 every value has the smallest measure; the mean grows over {@link #GROWING}; 100 is no smaller than 50. */
    private static <T> void assertHonoursSize(Generator<T> g, ToDoubleFunction<T> measure, double smallest) {
        for (long seed = 0; seed < SEEDS; seed++) {
            T value = Generators.sample(g, seed, 1);
            assertEquals(smallest, measure.applyAsDouble(value), 1e-12, () -> g + " at size 1: " + value);
        }
        Vector<Double> means = GROWING.map(size -> mean(g, size, measure));
        for (int i = 1; i < means.size(); i++) {
            assertTrue(means.get(i) > means.get(i - 1), g + ": means at sizes " + GROWING + ": " + means);
        }
        double full = mean(g, Property.MAX_SIZE, measure);
        assertTrue(full > 0.9 * means.last(), g + ": mean at size 100 " + full + ", at size 50 " + means.last());
    }

    /** Equal seeds give equal values at every size; 20 seeds give at least 15 different values. */
    private static <T> void assertHonoursSeed(Generator<T> g) {
        for (int size : Vector.of(1, 7, 50, 100)) {
            for (long seed : Vector.of(0L, 1L, -17L, Long.MAX_VALUE)) {
                assertEquals(Generators.sample(g, seed, size), Generators.sample(g, seed, size), g + ", seed " + seed);
            }
        }
        assertEquals(Generators.samples(g, 5, 30), Generators.samples(g, 5, 30), g + ": the sequence of a property");
        int distinct = Vector.range(0, 20).map(seed -> Generators.sample(g, seed, 60)).distinct().size();
        assertTrue(distinct >= 15, g + ": only " + distinct + " different values of 20 seeds");
    }

    @Test
    void matricesHaveTheLeastRowsAndColumnsAtSize1AndGrowWithTheSize() {
        assertHonoursSize(Generators.matrices(), m -> m.rows() * m.columns(), 1);
        assertHonoursSize(Generators.matrices().rows(2, 9).columns(3, 12), m -> m.rows() * m.columns(), 6);
        assertHonoursSeed(Generators.matrices());
    }

    @Test
    void networksHaveOneLayerOfOneInputAndOneOutputAtSize1AndGrowWithTheSize() {
        assertHonoursSize(Generators.networks(), n -> n.parameterCount(), 2);
        assertHonoursSize(Generators.networks().layers(2, 5).inputs(3, 3), n -> n.parameterCount(), 3 * 1 + 1 + 1 + 1);
        assertHonoursSeed(Generators.networks());
    }

    @Test
    void architecturesHaveOneDenseLayerOfOneInputAndOneOutputAtSize1AndGrowWithTheSize() {
        assertHonoursSize(Generators.architectures(), n -> n.layers().flatMap(Measures::nodes).size()
                + n.parameterCount(), 1 + 2);
        assertHonoursSeed(Generators.architectures());
    }

    /** The largest magnitude of an entry. */
    private static double largestEntry(Gradients g) {
        double largest = 0.0;
        for (Stacks.Pair d : Stacks.layers(g)) {
            for (Matrix m : Vector.of(d.weights(), d.bias())) {
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.columns(); j++) {
                        largest = Math.max(largest, Math.abs(m.get(i, j)));
                    }
                }
            }
        }
        return largest;
    }

    @Test
    void gradientsHaveEntriesBelowSizeOver50AndTheirNormGrowsWithTheSize() {
        for (int size : Vector.of(1, 10, 25, 49)) {
            for (long seed = 0; seed < 50; seed++) {
                Gradients g = Generators.sample(Generators.gradients(NETWORK), seed, size);
                assertTrue(largestEntry(g) <= size / 50.0, "size " + size + ", seed " + seed);
            }
        }
        Vector<Double> means = GROWING.map(size -> mean(Generators.gradients(NETWORK), size, Gradients::norm));
        assertTrue(means.sliding(2).forAll(w -> w.get(1) > w.get(0)), means::toString);
        assertTrue(mean(Generators.gradients(NETWORK), Property.MAX_SIZE, GeneratorSizesTest::largestEntry) > 0.5);
        assertHonoursSeed(Generators.gradients(NETWORK));
    }

    @Test
    void datasetsHaveOneRowOfOneFeatureAndOneTargetAtSize1AndGrowWithTheSize() {
        ToDoubleFunction<Dataset> entries = d -> d.size() * (d.features().columns() + d.targets().columns());
        assertHonoursSize(Generators.datasets(), entries, 2);
        assertHonoursSize(Generators.datasets().classification().outputs(2, 5), entries, 3);
        assertHonoursSeed(Generators.datasets());
    }

    @Test
    void keysHaveSeedsMinusOneZeroOrOneAtSize1AndLargerSeedsWithTheSize() {
        assertHonoursSize(Generators.keys(), k -> Math.abs(k.state()) <= 1 ? 0 : 1 + Math.log(Math.abs(
                (double) k.state())), 0);
        assertHonoursSeed(Generators.keys());
    }

    @Test
    void optimizersAreSgdAtSize1AndIncludeMoreNamesWithTheSize() {
        Vector<String> names = Vector.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
        assertHonoursSize(Generators.optimizers(), o -> names.indexOf(o.name()), 0);
        assertEquals(names.toSet(), Vector.range(0, SEEDS).map(s -> Generators.sample(Generators.optimizers(), s, 50)
                .name()).toSet(), "every name occurs from size 50 on");
        assertHonoursSeed(Generators.optimizers());
    }

    @Test
    void problemsHaveTheSmallestNetworkAndBatchAtSize1AndGrowWithTheSize() {
        assertHonoursSize(Generators.problems(), p -> p.network().parameterCount() * p.batch(), 2);
        assertHonoursSeed(Generators.problems());
    }

    @Test
    void trainingStatesStartAtStep0OfTheSmallestRunAtSize1AndGrowWithTheSize() {
        assertHonoursSize(Generators.trainings(), t -> t.steps() + t.network().parameterCount() * t.data().size(), 2);
        assertHonoursSeed(Generators.trainings());
    }
}
