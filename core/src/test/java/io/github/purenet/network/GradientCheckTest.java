package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activation;
import io.github.purenet.loss.Loss;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.NetworkGenerator;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.ProblemGenerator;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

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
     * their side. The generator draws no problem with one nearer ({@link ProblemGenerator#awayFromKinks}).
     * Because that bound is not a proof for every network, {@link #numericDerivative} also compares
     * the sides of all kinked pre-activations at the perturbed points and discards the case if any
     * moved.
     */
    private static final double KINK_MARGIN = 1e-4;

    private static final ProblemGenerator PROBLEMS = Generators.problems().awayFromKinks(KINK_MARGIN);

    @Test
    void backwardAgreesWithCentralDifferencesOfLossOnRandomNetworks() {
        Property.Result result = Property.forAll(PROBLEMS).trials(400)
                .check(GradientCheckTest::assertGradientsMatchFiniteDifferences);
        assertEquals(400, result.trials());
        // the generator keeps pre-activations away from kinks, so none is discarded with the fixed
        // seed; a tenth discarded would mean the check covers too little
        assertTrue(result.discarded() < 40, result.discarded() + " cases discarded");
    }

    @Test
    void backwardAgreesWithCentralDifferencesForEveryActivationBeforeEveryLoss() {
        Vector<Activation> activations = NetworkGenerator.builtInActivations();
        for (Loss loss : ProblemGenerator.builtInLosses()) {
            for (Activation hidden : activations) {
                for (Activation last : activations.filter(a -> ProblemGenerator.accepts(loss, a))) {
                    NetworkGenerator twoLayers = Generators.networks().layers(2, 2).inputs(3, 3).widths(4, 4)
                            .outputs(3, 3).hiddenActivations(Vector.of(hidden)).lastActivations(Vector.of(last));
                    Property.forAll(PROBLEMS.loss(loss).networks(twoLayers).batch(3, 3)).trials(3)
                            .check(GradientCheckTest::assertGradientsMatchFiniteDifferences);
                    NetworkGenerator oneLayer = Generators.networks().layers(1, 1).inputs(2, 2).outputs(3, 3)
                            .lastActivations(Vector.of(last));
                    Property.forAll(PROBLEMS.loss(loss).networks(oneLayer).batch(2, 2)).trials(2)
                            .check(GradientCheckTest::assertGradientsMatchFiniteDifferences);
                }
            }
        }
    }

    @Test
    void backwardReportsExactlyTheLossThatLossComputes() {
        Property.forAll(Generators.problems()).trials(200).check(c -> {
            double fromBackward = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).loss();
            double fromLoss = Backprop.loss(c.network(), c.inputs(), c.targets(), c.loss());
            assertEquals(Double.doubleToRawLongBits(fromLoss), Double.doubleToRawLongBits(fromBackward),
                    () -> "backward's loss " + fromBackward + " differs from loss " + fromLoss);
        });
    }

    static void assertGradientsMatchFiniteDifferences(Problem c) {
        Worst worst = worstError(c);
        assertTrue(worst.error() < TOLERANCE, () -> "worst relative error " + worst.error() + " at " + worst.where()
                + " in " + c);
    }

    /** The largest relative error over all parameters, and where it is. */
    record Worst(double error, String where) {
    }

    /** Compares every parameter's gradient with its central difference; discards a case near a kink. */
    static Worst worstError(Problem c) {
        Property.assume(!c.nearKink(KINK_MARGIN), "a pre-activation is near a kink");
        List<Matrix> sides = kinkSides(c, c.network());
        Gradients analytic = Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss()).gradients();
        Worst worst = new Worst(-1.0, "");
        for (int l = 0; l < c.network().layers().size(); l++) {
            Stacks.Pair g = Stacks.layers(analytic).get(l);
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
    private static double numericDerivative(Problem c, List<Matrix> sides, int layer, boolean bias, int row, int col) {
        Dense d = c.network().dense(layer);
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
        Dense d = network.dense(layer);
        Matrix m = bias ? d.bias() : d.weights();
        Matrix changed = Matrix.of(m.rows(), m.columns(), (i, j) -> i == row && j == col ? value : m.get(i, j));
        Dense next = bias ? new Dense(d.weights(), changed, d.activation()) : new Dense(changed, d.bias(), d.activation());
        return Stacks.network(Stacks.layers(network).update(layer, next));
    }

    /** For each kinked pre-activation of the network on the problem's batch, 1 where it is right of the kink, else 0. */
    private static List<Matrix> kinkSides(Problem c, Network network) {
        return new Problem(network, c.inputs(), c.targets(), c.loss()).kinkedPreActivations()
                .map(z -> z.map(x -> x > 0.0 ? 1.0 : 0.0)).toJavaList();
    }
}
