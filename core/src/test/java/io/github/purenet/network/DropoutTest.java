package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * {@link Dropout}: its mask follows the documented rule exactly, keeps a fraction {@code 1 - rate}
 * of units within statistical bounds, scales kept units by exactly {@code 1 / (1 - rate)}, does not
 * depend on how a batch is split or on anything but the key, the path, the row and the unit; the
 * backward pass applies the same mask; evaluation and rate 0 are the identity.
 */
class DropoutTest {

    private static final Key KEY = Key.of(20240615);

    /** A dense layer that passes its input on: weights I, bias 0, the identity activation. */
    private static Dense identity(int n) {
        return new Dense(Matrix.of(n, n, (i, j) -> i == j ? 1.0 : 0.0), Matrix.filled(1, n, 0.0),
                Activations.identity());
    }

    /** The mask of a trace's layer at {@code layers[i]} of the root, as the forward pass saved it. */
    private static Matrix mask(Trace trace, int i) {
        return trace.root().child(i).saved(0);
    }

    private static Trace training(Network network, Matrix x, Key key, long firstRow) {
        return Backprop.forward(network, x, Mode.training(key, firstRow));
    }

    /** The rule of Dropout's javadoc, written out: the key folded with the path, then the row, then draw u. */
    private static Matrix rule(Key pathKey, long firstRow, int rows, int units, double rate) {
        return Matrix.of(rows, units,
                (r, u) -> pathKey.foldIn(firstRow + r).uniformAt(u) >= rate ? 1.0 / (1.0 - rate) : 0.0);
    }

    @Test
    void aPartOfABatchFromRowFDrawsTheMasksOfThoseRowsInTheWholeBatch() {
        Network net = Network.of(Shape.of(3), Dropout.of(0.5));
        Matrix x = Matrix.of(10, 3, (r, c) -> 1.0 + r + c);
        Key key = Key.of(11);
        Matrix whole = training(net, x, key, 2).output();
        Mode part = Mode.training(key, 2).fromRow(4);
        assertEquals(Mode.training(key, 6), part);
        assertEquals(whole.selectRows(Vector.range(4, 10)),
                Backprop.forward(net, x.selectRows(Vector.range(4, 10)), part).output());
        assertSame(Mode.evaluation(), Mode.evaluation().fromRow(4));
        assertThrows(IllegalArgumentException.class, () -> Mode.training(key).fromRow(-1));
    }

    @Test
    void theMaskIsTheDocumentedFunctionOfTheKeyThePathTheRowAndTheUnit() {
        Network top = Network.of(Shape.of(7), Dropout.of(0.3));
        Matrix x = KEY.uniform(5, 7, -1, 1).value();
        Key atTop = KEY.foldIn("layers[0]".hashCode());
        assertEquals(rule(atTop, 0, 5, 7, 0.3), mask(training(top, x, KEY, 0), 0));
        assertEquals(rule(atTop, 40, 5, 7, 0.3), mask(training(top, x, KEY, 40), 0));
        // nested: layers[1].inner.layers[0]
        Network nested = Network.of(Shape.of(7), identity(7), Residual.of(Sequential.of(Dropout.of(0.6),
                new Dense(Matrix.filled(7, 7, 0.1), Matrix.filled(1, 7, 0.0), Activations.tanh()))));
        Key deep = KEY.foldIn("layers[1]".hashCode()).foldIn("inner".hashCode()).foldIn("layers[0]".hashCode());
        Node dropout = training(nested, x, KEY, 3).root().child(1).child(0).child(0);
        assertEquals(rule(deep, 3, 5, 7, 0.6), dropout.saved(0));
    }

    /**
     * Over {@code N} independent draws each kept with probability {@code q = 1 - rate}, the count
     * kept is binomial, of mean {@code N q} and standard deviation {@code √(N q (1 - q))}; a bound of
     * 5 standard deviations fails by chance with probability below 6e-7 per check.
     */
    private static void assertWithinFiveDeviations(long kept, long draws, double q, String what) {
        double deviation = Math.sqrt(draws * q * (1 - q));
        assertTrue(Math.abs(kept - draws * q) <= 5 * deviation,
                () -> what + ": kept " + kept + " of " + draws + ", expected " + draws * q + " ± " + 5 * deviation);
    }

    @Test
    void theKeptFractionIsOneMinusTheRateWithinFiveStandardDeviationsOverallPerUnitAndForPairs() {
        int rows = 400;
        int units = 250;
        for (double rate : new double[] {0.05, 0.3, 0.5, 0.9}) {
            double q = 1 - rate;
            Matrix m = mask(training(Network.of(Shape.of(units), Dropout.of(rate)), Matrix.filled(rows, units, 1.0),
                    KEY.foldIn(Double.doubleToLongBits(rate)), 0), 0);
            long kept = 0;
            long bothKept = 0;
            for (int u = 0; u < units; u++) {
                long keptOfUnit = 0;
                for (int r = 0; r < rows; r++) {
                    keptOfUnit += m.get(r, u) != 0 ? 1 : 0;
                    bothKept += u + 1 < units && m.get(r, u) != 0 && m.get(r, u + 1) != 0 ? 1 : 0;
                }
                assertWithinFiveDeviations(keptOfUnit, rows, q, "rate " + rate + ", unit " + u);
                kept += keptOfUnit;
            }
            assertWithinFiveDeviations(kept, (long) rows * units, q, "rate " + rate);
            // neighbours are independent: both kept with probability q²
            assertWithinFiveDeviations(bothKept, (long) rows * (units - 1), q * q, "rate " + rate + ", pairs");
        }
    }

    @Test
    void keptUnitsAreScaledByExactlyOneOverOneMinusTheRateAndDroppedOnesAreZero() {
        double rate = 0.3; // 1 / 0.7 is inexact, so x · (1 / 0.7) and x / 0.7 differ for some x
        double factor = 1.0 / (1.0 - rate);
        Matrix x = KEY.uniform(50, 40, -4, 4).value();
        Matrix y = training(Network.of(Shape.of(40), Dropout.of(rate)), x, KEY, 0).output();
        int kept = 0;
        int differFromDivision = 0;
        for (int r = 0; r < 50; r++) {
            for (int u = 0; u < 40; u++) {
                double v = x.get(r, u);
                double out = y.get(r, u);
                if (out == 0.0) {
                    assertEquals(v * 0.0, out, 0.0);
                } else {
                    kept++;
                    assertEquals(Double.doubleToLongBits(v * factor), Double.doubleToLongBits(out), "at " + r + ", " + u);
                    differFromDivision += v * factor != v / (1.0 - rate) ? 1 : 0;
                }
            }
        }
        assertTrue(kept > 1000, kept + " kept");
        assertTrue(differFromDivision > 0, "the inputs tell x · (1 / (1 - rate)) from x / (1 - rate)");
    }

    @Test
    void theBackwardPassMultipliesTheGradientByTheSameMask() {
        Dropout layer = Dropout.of(0.4);
        Matrix x = KEY.uniform(6, 9, -1, 1).value();
        Matrix g = KEY.foldIn(1).uniform(6, 9, -1, 1).value();
        Mode mode = Mode.training(KEY);
        Node node = Passes.forward(layer, x, mode);
        Matrix dx = Passes.backward(layer, x, node, g, false, true, mode, new Matrix[0], 0);
        Matrix mask = rule(KEY, 0, 6, 9, 0.4);
        assertEquals(Matrix.of(6, 9, (r, u) -> g.get(r, u) * mask.get(r, u)), dx);
    }

    @Test
    void masksDoNotDependOnHowABatchIsSplit() {
        Network network = Network.of(Shape.of(6), Dropout.of(0.5),
                new Dense(KEY.uniform(6, 6, -1, 1).value(), Matrix.filled(1, 6, 0.1), Activations.tanh()),
                Residual.of(Sequential.of(Dropout.of(0.2), identity(6))));
        int n = 11;
        Matrix x = KEY.foldIn(2).uniform(n, 6, -1, 1).value();
        Key key = KEY.foldIn(Mode.DROPOUT_STREAM).foldIn(17);
        Matrix whole = training(network, x, key, 0).output();
        for (int k = 1; k < n; k++) {
            int split = k;
            Matrix first = training(network, x.selectRows(Vector.range(0, split)), key, 0).output();
            Matrix second = training(network, x.selectRows(Vector.range(split, n)), key, split).output();
            for (int r = 0; r < n; r++) {
                for (int u = 0; u < 6; u++) {
                    double part = r < split ? first.get(r, u) : second.get(r - split, u);
                    assertEquals(Double.doubleToLongBits(whole.get(r, u)), Double.doubleToLongBits(part),
                            "split at " + split + ", row " + r + ", unit " + u);
                }
            }
        }
    }

    @Test
    void theSamePathGivesTheSameMaskInAnotherNetworkWhileOtherPathsAndStepsGiveOthers() {
        Matrix x = Matrix.filled(8, 10, 1.0);
        Dense first = new Dense(Matrix.filled(10, 10, 0.3), Matrix.filled(1, 10, 0.5), Activations.sigmoid());
        Dense other = new Dense(Matrix.filled(10, 10, -0.2), Matrix.filled(1, 10, 2.0), Activations.tanh());
        Key key = KEY.foldIn(5);
        Matrix here = mask(training(Network.of(Shape.of(10), first, Dropout.of(0.5)), x, key, 0), 1);
        Matrix there = mask(training(Network.of(Shape.of(10), other, Dropout.of(0.5), Dropout.of(0.5)), x, key, 0), 1);
        assertEquals(here, there, "layers[1] draws the same mask, whatever comes before or after it");
        Network two = Network.of(Shape.of(10), Dropout.of(0.5), Dropout.of(0.5));
        Trace trace = training(two, x, key, 0);
        assertNotEquals(mask(trace, 0), mask(trace, 1), "layers[0] and layers[1]");
        Key step0 = KEY.foldIn(Mode.DROPOUT_STREAM).foldIn(0);
        Key step1 = KEY.foldIn(Mode.DROPOUT_STREAM).foldIn(1);
        assertNotEquals(mask(training(two, x, step0, 0), 0), mask(training(two, x, step1, 0), 0), "steps 0 and 1");
        assertNotEquals(mask(training(two, x, key, 0), 0), mask(training(two, x, key, 1), 0), "first rows 0 and 1");
    }

    @Test
    void evaluationAndRateZeroAreTheIdentityBitForBit() {
        Matrix x = Matrix.of(new double[][] {{-0.0, 1.5, -2.25}, {3, -0.0, 0.0}});
        Network half = Network.of(Shape.of(3), Dropout.of(0.5));
        Trace evaluation = Backprop.forward(half, x, Mode.evaluation());
        assertSame(x, evaluation.output());
        assertEquals(Vector.empty(), evaluation.root().child(0).saved(), "nothing saved");
        Trace zero = training(Network.of(Shape.of(3), Dropout.of(0.0)), x, KEY, 0);
        assertSame(x, zero.output());
        Matrix g = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertSame(g, Passes.backward(Dropout.of(0.5), x, evaluation.root().child(0), g, false, true,
                Mode.evaluation(), new Matrix[0], 0));
        // rate 0 by the rule keeps every unit too: every uniform draw is >= 0
        assertEquals(Matrix.filled(2, 3, 1.0), rule(KEY, 0, 2, 3, 0.0));
    }
}
