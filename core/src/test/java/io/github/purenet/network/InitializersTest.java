package io.github.purenet.network;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.random.Draw;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Initializers}: shapes, the formulas of each initializer (limits reached and respected,
 * standard deviations within a few standard errors), and {@link Initializers#network}: determinism,
 * the independence of each layer's draws, and bad input.
 *
 * <p>Statistical checks use fixed keys, so they pass or fail for ever; bounds of five standard
 * errors make a pass evidence for the formula and a failure a fault rather than bad luck.
 */
class InitializersTest {

    private static final Key KEY = Key.of(2015);
    private static final Vector<Initializer> ALL = Vector.of(Initializers.zeros(), Initializers.uniform(-0.5, 0.25),
            Initializers.normal(0.1, 0.2), Initializers.glorotUniform(), Initializers.glorotNormal(),
            Initializers.heUniform(), Initializers.heNormal());
    private static final Activation RELU = Activations.relu();
    private static final Activation SOFTMAX = Activations.softmax();

    // ---- the initializers --------------------------------------------------------------------

    @Test
    void everyInitializerGivesOutputsByInputsWeights() {
        for (Initializer init : ALL) {
            Matrix w = init.weights(KEY, 3, 5).value();
            assertEquals("5x3", w.shape(), init.toString());
            assertEquals("1x1", init.weights(KEY, 1, 1).value().shape(), init.toString());
        }
    }

    @Test
    void zerosAreZerosAndDrawNothing() {
        Draw<Matrix> draw = Initializers.zeros().weights(KEY, 4, 6);
        assertEquals(Matrix.filled(6, 4, 0.0), draw.value());
        assertEquals(KEY, draw.next(), "the next key is the key given");
    }

    /** The built-ins are the key's own draws with the documented parameters: an exact oracle. */
    @Test
    void eachInitializerDrawsTheKeysDistributionWithItsFormula() {
        int in = 7;
        int out = 3;
        assertAll(
                () -> assertEquals(KEY.uniform(out, in, -0.5, 0.25), Initializers.uniform(-0.5, 0.25).weights(KEY, in, out)),
                () -> assertEquals(KEY.normal(out, in, 0.1, 0.2), Initializers.normal(0.1, 0.2).weights(KEY, in, out)),
                () -> assertEquals(KEY.uniform(out, in, -Math.sqrt(0.6), Math.sqrt(0.6)),
                        Initializers.glorotUniform().weights(KEY, in, out), "sqrt(6 / (7 + 3))"),
                () -> assertEquals(KEY.normal(out, in, 0.0, Math.sqrt(0.2)),
                        Initializers.glorotNormal().weights(KEY, in, out), "sqrt(2 / (7 + 3))"),
                () -> assertEquals(KEY.uniform(out, in, -Math.sqrt(6.0 / 7), Math.sqrt(6.0 / 7)),
                        Initializers.heUniform().weights(KEY, in, out), "sqrt(6 / 7)"),
                () -> assertEquals(KEY.normal(out, in, 0.0, Math.sqrt(2.0 / 7)),
                        Initializers.heNormal().weights(KEY, in, out), "sqrt(2 / 7)"));
    }

    /**
     * Every entry lies in [-limit, limit), and with 160,000 entries the largest magnitude is
     * within 0.1% of the limit (the chance that all miss that band is 0.999^160000 ≈ e^-160), so
     * the limit is the formula's and not a smaller one. Shapes are not square, so that swapping
     * inputs and outputs would change He's limit.
     */
    @Test
    void uniformVariantsRespectAndReachTheirLimits() {
        int in = 200;
        int out = 800;
        assertLimit(Initializers.glorotUniform(), in, out, Math.sqrt(6.0 / (in + out)));
        assertLimit(Initializers.heUniform(), in, out, Math.sqrt(6.0 / in));
        double[] w = entries(Initializers.uniform(-0.5, 0.25).weights(KEY, in, out).value());
        assertTrue(Arrays.stream(w).allMatch(x -> x >= -0.5 && x < 0.25), "uniform(-0.5, 0.25) within its bounds");
        assertEquals(-0.5, Arrays.stream(w).min().orElseThrow(), 0.75e-3, "reaches its low bound");
        assertEquals(0.25, Arrays.stream(w).max().orElseThrow(), 0.75e-3, "reaches its high bound");
    }

    private static void assertLimit(Initializer init, int in, int out, double limit) {
        double[] w = entries(init.weights(KEY, in, out).value());
        assertTrue(Arrays.stream(w).allMatch(x -> x >= -limit && x < limit), init + ": every entry within ±" + limit);
        double largest = Arrays.stream(w).map(Math::abs).max().orElseThrow();
        assertTrue(largest > 0.999 * limit, init + ": the largest magnitude " + largest + " is far below " + limit);
    }

    /**
     * The sample standard deviation s of n normal draws has standard error about σ / sqrt(2n), so
     * s / σ lies within 5 / sqrt(2n) of 1 (0.88% for n = 160,000), and the mean within 5σ / sqrt(n).
     * The uniform variants have standard deviation limit / sqrt(3), and the relative standard error
     * of s is then sqrt((9/5 - 1) / (4n)) = sqrt(1 / (5n)), smaller than the normal's.
     * He's shape is not square: its deviation with inputs and outputs swapped would be half.
     */
    @Test
    void sampleStandardDeviationsMatchTheFormulas() {
        assertSpread(Initializers.glorotNormal(), 400, 400, Math.sqrt(2.0 / 800));
        assertSpread(Initializers.glorotNormal(), 320, 480, Math.sqrt(2.0 / 800));
        assertSpread(Initializers.heNormal(), 200, 800, Math.sqrt(2.0 / 200));
        assertSpread(Initializers.glorotUniform(), 320, 480, Math.sqrt(6.0 / 800) / Math.sqrt(3));
        assertSpread(Initializers.heUniform(), 200, 800, Math.sqrt(6.0 / 200) / Math.sqrt(3));
        assertSpread(Initializers.normal(0.0, 0.3), 400, 400, 0.3);
    }

    private static void assertSpread(Initializer init, int in, int out, double sigma) {
        double[] w = entries(init.weights(KEY, in, out).value());
        int n = w.length;
        double mean = Arrays.stream(w).sum() / n;
        double sd = Math.sqrt(Arrays.stream(w).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        assertEquals(0.0, mean, 5 * sigma / Math.sqrt(n), init + ": mean");
        assertEquals(1.0, sd / sigma, 5 / Math.sqrt(2.0 * n), init + ": sample sd " + sd + " against " + sigma);
    }

    // ---- networks ----------------------------------------------------------------------------

    @Test
    void networkHasTheSizesAndActivationsAndZeroBiases() {
        Network network = Initializers.network(KEY, Initializers.glorotUniform(), Vector.of(4, 8, 6, 3),
                Vector.of(RELU, Activations.tanh(), SOFTMAX));
        assertEquals("Network[4-8-6-3 relu,tanh,softmax]", network.toString());
        assertEquals(Vector.of("8x4", "6x8", "3x6"), Stacks.layers(network).map(l -> l.weights().shape()));
        assertEquals(Vector.of(Matrix.filled(1, 8, 0.0), Matrix.filled(1, 6, 0.0), Matrix.filled(1, 3, 0.0)),
                Stacks.layers(network).map(Dense::bias));
        assertEquals(Vector.of(RELU, Activations.tanh(), SOFTMAX), Stacks.layers(network).map(Dense::activation));
    }

    /** Layer i's weights are the initializer's draw from the i-th key of key.split(layers). */
    @Test
    void eachLayerDrawsFromItsOwnSplitKey() {
        Network network = Initializers.network(KEY, Initializers.heNormal(), Vector.of(4, 8, 6, 3),
                Vector.of(RELU, RELU, SOFTMAX));
        Vector<Key> keys = KEY.split(3);
        assertEquals(Initializers.heNormal().weights(keys.get(0), 4, 8).value(), network.dense(0).weights());
        assertEquals(Initializers.heNormal().weights(keys.get(1), 8, 6).value(), network.dense(1).weights());
        assertEquals(Initializers.heNormal().weights(keys.get(2), 6, 3).value(), network.dense(2).weights());
    }

    @Test
    void theSameKeyGivesAnEqualNetworkAndDifferentKeysDifferentOnes() {
        Vector<Integer> sizes = Vector.of(3, 5, 2);
        Vector<Activation> activations = Vector.of(RELU, SOFTMAX);
        Network a = Initializers.network(KEY, Initializers.glorotNormal(), sizes, activations);
        Network b = Initializers.network(Key.of(2015), Initializers.glorotNormal(), sizes, activations);
        Network c = Initializers.network(Key.of(2016), Initializers.glorotNormal(), sizes, activations);
        Network d = Initializers.network(KEY.split()._1, Initializers.glorotNormal(), sizes, activations);
        assertEquals(a, b);
        assertNotEquals(a.dense(0).weights(), c.dense(0).weights());
        assertNotEquals(a.dense(1).weights(), c.dense(1).weights());
        assertNotEquals(a.dense(0).weights(), d.dense(0).weights());
    }

    /**
     * Changing size 2 of [3, 5, 4, 6, 2] to 9 changes layers 1 (5 -> 4) and 2 (4 -> 6) only: layers
     * 0 and 3 keep their exact weights, even with Glorot's scale, which depends on both sizes of a
     * layer. Appending a layer changes none before it.
     */
    @Test
    void changingOneSizeChangesOnlyTheLayersThatTouchIt() {
        Vector<Activation> activations = Vector.of(RELU, RELU, RELU, SOFTMAX);
        for (Initializer init : Vector.of(Initializers.glorotUniform(), Initializers.heNormal(),
                Initializers.uniform(-1, 1))) {
            Network before = Initializers.network(KEY, init, Vector.of(3, 5, 4, 6, 2), activations);
            Network after = Initializers.network(KEY, init, Vector.of(3, 5, 9, 6, 2), activations);
            assertEquals(before.layers().get(0), after.layers().get(0), init + ": layer 0");
            assertEquals(before.layers().get(3), after.layers().get(3), init + ": layer 3");
            assertNotEquals(before.layers().get(1), after.layers().get(1), init + ": layer 1");
            assertNotEquals(before.layers().get(2), after.layers().get(2), init + ": layer 2");
            Network longer = Initializers.network(KEY, init, Vector.of(3, 5, 4, 6, 2, 7), activations.append(RELU));
            assertEquals(before.layers(), longer.layers().init(), init + ": appending a layer");
        }
    }

    @Test
    void aUsersOwnInitializerIsALambda() {
        Initializer lecunNormal = (key, inputs, outputs) -> key.normal(outputs, inputs, 0.0, Math.sqrt(1.0 / inputs));
        Network network = Initializers.network(KEY, lecunNormal, Vector.of(4, 16, 3), Vector.of(RELU, SOFTMAX));
        assertEquals(KEY.split(2).get(1).normal(3, 16, 0.0, 0.25).value(), network.dense(1).weights());
    }

    @Test
    void initializersPrintTheirNames() {
        assertEquals(Vector.of("zeros", "uniform(-0.5, 0.25)", "normal(0.1, 0.2)", "glorot_uniform", "glorot_normal",
                "he_uniform", "he_normal"), ALL.map(Object::toString));
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void badHyperparametersAreRefusedNamingTheValue() {
        assertAll(
                () -> refuses(() -> Initializers.uniform(1.0, 1.0), "uniform", "1.0, 1.0"),
                () -> refuses(() -> Initializers.uniform(2.0, -1.0), "uniform", "2.0, -1.0"),
                () -> refuses(() -> Initializers.uniform(Double.NaN, 1.0), "uniform", "NaN"),
                () -> refuses(() -> Initializers.uniform(0.0, Double.POSITIVE_INFINITY), "uniform", "Infinity"),
                () -> refuses(() -> Initializers.normal(Double.NaN, 1.0), "mean", "NaN"),
                () -> refuses(() -> Initializers.normal(Double.NEGATIVE_INFINITY, 1.0), "mean", "-Infinity"),
                () -> refuses(() -> Initializers.normal(0.0, -0.1), "standardDeviation", "-0.1"),
                () -> refuses(() -> Initializers.normal(0.0, Double.NaN), "standardDeviation", "NaN"),
                () -> refuses(() -> Initializers.normal(0.0, Double.POSITIVE_INFINITY), "standardDeviation", "Infinity"));
    }

    @Test
    void badSizesAreRefusedByEveryInitializer() {
        for (Initializer init : ALL) {
            assertAll(init.toString(),
                    () -> refuses(() -> init.weights(KEY, 0, 3), "inputs", "got 0"),
                    () -> refuses(() -> init.weights(KEY, 3, -2), "outputs", "-2"),
                    () -> fails(NullPointerException.class, () -> init.weights(null, 3, 3), "key"));
        }
    }

    @Test
    void badNetworkArgumentsAreRefusedNamingTheValueOrBothCounts() {
        Initializer init = Initializers.glorotUniform();
        assertAll(
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3), Vector.empty()), "sizes", "got 1", "[3]"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.empty(), Vector.empty()), "sizes", "got 0"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3, 0, 2), Vector.of(RELU, SOFTMAX)),
                        "size 1 is 0", "[3, 0, 2]"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3, 4, -5), Vector.of(RELU, SOFTMAX)),
                        "size 2 is -5"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3, null, 2), Vector.of(RELU, SOFTMAX)),
                        "size 1 is null"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3, 4, 2), Vector.of(RELU)),
                        "activations", "2 for 3 sizes", "got 1"),
                () -> refuses(() -> Initializers.network(KEY, init, Vector.of(3, 4, 2), Vector.of(RELU, RELU, SOFTMAX)),
                        "activations", "2 for 3 sizes", "got 3"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(KEY, init, Vector.of(3, 4, 2), Vector.of(RELU, null)), "activation 1"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(null, init, Vector.of(3, 2), Vector.of(RELU)), "key"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(KEY, null, Vector.of(3, 2), Vector.of(RELU)), "init"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(KEY, init, null, Vector.of(RELU)), "sizes"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(KEY, init, Vector.of(3, 2), null), "activations"));
    }

    @Test
    void aUsersInitializerThatMisbehavesIsCaught() {
        Initializer transposed = (key, inputs, outputs) -> key.uniform(inputs, outputs, 0.0, 1.0);
        Initializer notFinite = (key, inputs, outputs) -> new Draw<>(Matrix.filled(outputs, inputs, Double.NaN), key);
        Initializer nothing = (key, inputs, outputs) -> null;
        assertAll(
                () -> refuses(() -> Initializers.network(KEY, transposed, Vector.of(3, 4), Vector.of(RELU)),
                        "layer 0", "3x4", "expected 4x3"),
                () -> refuses(() -> Initializers.network(KEY, notFinite, Vector.of(3, 4), Vector.of(RELU)),
                        "layer 0", "NaN"),
                () -> fails(NullPointerException.class,
                        () -> Initializers.network(KEY, nothing, Vector.of(3, 4), Vector.of(RELU)), "layer 0", "null"));
    }

    // ---- helpers -----------------------------------------------------------------------------



    private static double[] entries(Matrix m) {
        return Arrays.stream(m.toArray()).flatMapToDouble(Arrays::stream).toArray();
    }
}
