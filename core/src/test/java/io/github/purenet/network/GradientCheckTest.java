package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.property.ActivationKind;
import io.github.purenet.property.Case;
import io.github.purenet.property.CaseGenerator;
import io.github.purenet.property.LossKind;
import io.github.purenet.property.Property;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The oracle for {@link Backprop#backward}: central finite differences of {@link Backprop#loss},
 * for every weight and bias of random networks, with every activation before every loss.
 */
class GradientCheckTest {

    /**
     * The step. A central difference {@code (L(θ+h) - L(θ-h)) / 2h} errs by about
     * {@code h² |L'''| / 6} (truncation) plus {@code k ε |L| / h} (rounding of the two losses, each
     * off by a few ulps, {@code ε = 2^-52}). These networks have inputs and weights in [-1, 1] and at
     * most 4 layers of width 8, so {@code |L|} and {@code |L'''|} are at most about 10^3: with
     * {@code h = 1e-6} both terms stay near 10^-9 and below, three orders of magnitude under the
     * tolerance, while a wrong gradient (a missing factor, a transposed index) errs by O(1). The
     * optimum {@code (ε |L| / |L'''|)^(1/3)} is about 1e-5, but 1e-6 halves the distance within
     * which a perturbation may cross a kink (see {@link #KINK_MARGIN}) at the same accuracy.
     */
    private static final double H = 1e-6;

    /** The bound on |analytic - numeric| / max(1, |analytic|, |numeric|). */
    private static final double TOLERANCE = 1e-6;

    /**
     * ReLU and leaky ReLU have a kink at 0, where a difference quotient is not a derivative. A
     * perturbation of one parameter by {@code h} moves a pre-activation by {@code |dz/dθ| h}, and
     * here {@code |dz/dθ|} is a product of inputs, weights and slopes of at most 1 summed over at most
     * 8 units, in practice below 10: so pre-activations farther than 1e-4 = 100 h from 0 stay on
     * their side. Cases with one nearer are discarded (rare: 5 of 20,000 generated cases, measured). Because that bound
     * is not a proof for every network, {@link #numericDerivative} also compares the sides of all
     * kinked pre-activations at the perturbed points and discards the case if any moved.
     */
    private static final double KINK_MARGIN = 1e-4;

    @Test
    void backwardAgreesWithCentralDifferencesOfLossOnRandomNetworks() {
        Property.Result result = Property.forAll(new CaseGenerator()).trials(400)
                .check(GradientCheckTest::assertGradientsMatchFiniteDifferences);
        assertEquals(400, result.trials());
    }

    @Test
    void backwardAgreesWithCentralDifferencesForEveryActivationBeforeEveryLoss() {
        for (LossKind loss : LossKind.values()) {
            for (ActivationKind hidden : ActivationKind.values()) {
                for (ActivationKind last : ActivationKind.values()) {
                    if (loss.accepts(last)) {
                        checkSome(new Case.Spec(3, List.of(4, 3), List.of(hidden, last), loss, 3, 0), 3);
                        checkSome(new Case.Spec(2, List.of(3), List.of(last), loss, 2, 0), 2);
                    }
                }
            }
        }
    }

    /** Checks {@code count} cases of a spec with value seeds 1, 2, ..., skipping those near a kink. */
    private static void checkSome(Case.Spec spec, int count) {
        int checked = 0;
        for (long values = 1; checked < count; values++) {
            assertTrue(values <= 10L * count, "too many cases near a kink for " + spec);
            Case c = Case.of(new Case.Spec(spec.inputs(), spec.widths(), spec.activations(), spec.loss(),
                    spec.batch(), values));
            try {
                assertGradientsMatchFiniteDifferences(c);
                checked++;
            } catch (TestAbortedException nearKink) {
                // discarded: try the next value seed
            }
        }
    }

    @Test
    void backwardReportsExactlyTheLossThatLossComputes() {
        Property.forAll(new CaseGenerator()).trials(200).check(c -> {
            double fromBackward = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).loss();
            double fromLoss = Backprop.loss(c.network(), c.inputs(), c.targets(), c.loss());
            assertEquals(Double.doubleToRawLongBits(fromLoss), Double.doubleToRawLongBits(fromBackward),
                    () -> "backward's loss " + fromBackward + " differs from loss " + fromLoss);
        });
    }

    static void assertGradientsMatchFiniteDifferences(Case c) {
        Worst worst = worstError(c);
        assertTrue(worst.error() < TOLERANCE, () -> "worst relative error " + worst.error() + " at " + worst.where()
                + " in " + c);
    }

    /** The largest relative error over all parameters, and where it is. */
    record Worst(double error, String where) {
    }

    /** Compares every parameter's gradient with its central difference; discards a case near a kink. */
    static Worst worstError(Case c) {
        for (Matrix z : kinkedPreActivations(c, c.network())) {
            for (double[] row : z.toArray()) {
                for (double x : row) {
                    Property.assume(Math.abs(x) >= KINK_MARGIN, "a pre-activation " + x + " is near a kink");
                }
            }
        }
        List<Matrix> sides = kinkSides(c, c.network());
        Gradients analytic = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).gradients();
        Worst worst = new Worst(-1.0, "");
        for (int l = 0; l < c.network().layers().size(); l++) {
            DenseGradient g = analytic.layers().get(l);
            for (boolean bias : new boolean[] {false, true}) {
                Matrix a = bias ? g.bias() : g.weights();
                for (int i = 0; i < a.rows(); i++) {
                    for (int j = 0; j < a.columns(); j++) {
                        double numeric = numericDerivative(c, sides, l, bias, i, j);
                        double error = Math.abs(a.get(i, j) - numeric)
                                / Math.max(1.0, Math.max(Math.abs(a.get(i, j)), Math.abs(numeric)));
                        if (!Double.isNaN(worst.error()) && !(error <= worst.error())) { // a NaN error is the worst, and stays
                            worst = new Worst(error, "layer " + l + (bias ? " bias" : " weights") + " (" + i + ", "
                                    + j + "): analytic " + a.get(i, j) + ", numeric " + numeric);
                        }
                    }
                }
            }
        }
        return worst;
    }

    /** The central difference of the loss in one parameter, over the step actually taken. */
    private static double numericDerivative(Case c, List<Matrix> sides, int layer, boolean bias, int row, int col) {
        Dense d = c.network().layers().get(layer);
        double value = (bias ? d.bias() : d.weights()).get(row, col);
        double up = value + H;
        double down = value - H;
        Network plus = perturbed(c.network(), layer, bias, row, col, up);
        Network minus = perturbed(c.network(), layer, bias, row, col, down);
        if (!kinkSides(c, plus).equals(sides) || !kinkSides(c, minus).equals(sides)) {
            Property.discard("perturbing layer " + layer + " (" + row + ", " + col + ") crosses a kink");
        }
        return (Backprop.loss(plus, c.inputs(), c.targets(), c.loss())
                - Backprop.loss(minus, c.inputs(), c.targets(), c.loss())) / (up - down);
    }

    private static Network perturbed(Network network, int layer, boolean bias, int row, int col, double value) {
        Dense d = network.layers().get(layer);
        Matrix m = bias ? d.bias() : d.weights();
        Matrix changed = Matrix.of(m.rows(), m.columns(), (i, j) -> i == row && j == col ? value : m.get(i, j));
        Dense next = bias ? new Dense(d.weights(), changed, d.activation()) : new Dense(changed, d.bias(), d.activation());
        return new Network(network.layers().update(layer, next));
    }

    /** The pre-activations of the layers whose activation has a kink at 0. */
    private static List<Matrix> kinkedPreActivations(Case c, Network network) {
        Vector<Matrix> zs = Backprop.forward(network, c.inputs()).preActivations();
        return Vector.range(0, zs.size()).filter(l -> c.spec().activations().get(l).kinked()).map(zs::get).toJavaList();
    }

    /** For each kinked pre-activation, 1 where it is right of the kink, else 0. */
    private static List<Matrix> kinkSides(Case c, Network network) {
        return kinkedPreActivations(c, network).stream().map(z -> z.map(x -> x > 0.0 ? 1.0 : 0.0)).toList();
    }
}
