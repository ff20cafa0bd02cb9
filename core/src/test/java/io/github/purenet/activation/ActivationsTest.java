package io.github.purenet.activation;

import static io.github.purenet.Checks.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The built-in activations against hand-derived values, independent formulas and finite differences. */
class ActivationsTest {

    private static final double[] ZS = {-7.5, -2.0, -0.5, -1e-3, 1e-3, 0.25, 1.0, 3.0, 9.0};

    /** Rows of varied logits; no entry is at a kink of relu. */
    private static final Matrix Z = Matrix.of(new double[][] {{-2.0, 0.5, 1.5}, {3.0, -0.25, 0.75}, {0.1, 0.2, -4.0}});
    private static final Matrix G = Matrix.of(new double[][] {{0.3, -1.2, 0.7}, {-0.4, 0.9, 2.0}, {1.0, 1.0, -0.5}});

    private static double at(Activation f, double z) {
        return f.apply(Matrix.row(z)).get(0, 0);
    }

    /** f'(z) as the built-in computes it, by backward with an upstream gradient of 1. */
    private static double slope(Activation f, double z) {
        Matrix m = Matrix.row(z);
        return f.backward(m, f.apply(m), Matrix.row(1.0)).get(0, 0);
    }


    @Test
    void sigmoidIsOneHalfAtZeroAndExactlyOneAndZeroFarOut() {
        assertEquals(0.5, Activations.sigmoid(0.0));
        assertEquals(1.0, Activations.sigmoid(1000.0));
        double low = Activations.sigmoid(-1000.0);
        assertTrue(Double.isFinite(low) && low >= 0.0 && low < 1e-300, "sigmoid(-1000) = " + low);
        Matrix extremes = Activations.sigmoid().apply(Matrix.row(-1000, 0, 1000));
        assertEquals(Matrix.row(low, 0.5, 1.0), extremes);
        Matrix slopes = Activations.sigmoid().backward(Matrix.row(-1000, 1000), Matrix.row(low, 1.0), Matrix.row(1, 1));
        assertTrue(slopes.firstNonFinite().isEmpty(), "slopes at ±1000 are finite");
    }

    @Test
    void sigmoidMatchesTheTextbookFormulaAndIsOddAroundOneHalf() {
        for (double z : ZS) {
            assertEquals(1.0 / (1.0 + Math.exp(-z)), at(Activations.sigmoid(), z), 1e-15, "z = " + z);
            assertEquals(1.0 - Activations.sigmoid(z), Activations.sigmoid(-z), 1e-15, "z = " + z);
            double e = Math.exp(-z);
            assertEquals(e / ((1 + e) * (1 + e)), slope(Activations.sigmoid(), z), 1e-15, "z = " + z);
        }
    }

    @Test
    void tanhAndItsSlopeMatchExponentialFormulas() {
        assertEquals(0.0, at(Activations.tanh(), 0.0));
        assertEquals(0.7615941559557649, at(Activations.tanh(), 1.0), 1e-16);
        for (double z : ZS) {
            double e2 = Math.exp(2 * z);
            assertEquals((e2 - 1) / (e2 + 1), at(Activations.tanh(), z), 1e-14, "z = " + z);
            double sech = 2 / (Math.exp(z) + Math.exp(-z));
            assertEquals(sech * sech, slope(Activations.tanh(), z), 1e-14, "z = " + z);
        }
    }

    @Test
    void reluAndLeakyReluHaveTheirPiecewiseValuesAndSlopesWithTheKinkTakenFromTheLeft() {
        Activation relu = Activations.relu();
        Activation leaky = Activations.leakyRelu(0.1);
        assertEquals(Matrix.row(0, 0, 0, 3), relu.apply(Matrix.row(-2, -0.0, 0, 3)));
        assertEquals(Matrix.row(0, 0, 1),
                relu.backward(Matrix.row(-2, 0, 3), Matrix.row(0, 0, 3), Matrix.row(1, 1, 1)));
        assertEquals(Matrix.row(-0.2, 0.0, 3), leaky.apply(Matrix.row(-2, 0, 3)));
        assertEquals(Matrix.row(0.1, 0.1, 1), leaky.backward(Matrix.row(-2, 0, 3), leaky.apply(Matrix.row(-2, 0, 3)),
                Matrix.row(1, 1, 1)));
        close(Matrix.row(-0.5, 2.0), leaky.backward(Matrix.row(-1, 1), Matrix.row(-0.1, 1), Matrix.row(-5, 2)), 1e-15);
        assertEquals("leaky_relu(0.1)", leaky.name());
        assertEquals(Matrix.row(-2, 0, 3), Activations.identity().apply(Matrix.row(-2, 0, 3)));
    }

    @Test
    void everyElementwiseBackwardIsTheSlopeTimesTheUpstreamGradient() {
        List<Activation> all = List.of(Activations.identity(), Activations.sigmoid(), Activations.tanh(),
                Activations.relu(), Activations.leakyRelu(0.2));
        List<DoubleUnaryOperator> slopes = List.of(z -> 1.0,
                z -> Math.exp(-z) / Math.pow(1 + Math.exp(-z), 2),
                z -> 1 / Math.pow(Math.cosh(z), 2),
                z -> z > 0 ? 1.0 : 0.0,
                z -> z > 0 ? 1.0 : 0.2);
        for (int k = 0; k < all.size(); k++) {
            Activation f = all.get(k);
            Matrix expected = Z.map(slopes.get(k)).hadamard(G);
            close(expected, f.backward(Z, f.apply(Z), G), 1e-14);
        }
    }

    @Test
    void everyBackwardAgreesWithCentralFiniteDifferences() {
        for (Activation f : List.of(Activations.identity(), Activations.sigmoid(), Activations.tanh(),
                Activations.relu(), Activations.leakyRelu(0.05), Activations.softmax())) {
            // d/dz of sum(G ⊙ f(z)) is backward(z, f(z), G)
            Matrix numeric = Matrix.of(Z.rows(), Z.columns(), (i, j) -> {
                double h = 1e-6;
                Matrix up = Matrix.of(Z.rows(), Z.columns(), (r, c) -> Z.get(r, c) + (r == i && c == j ? h : 0));
                Matrix down = Matrix.of(Z.rows(), Z.columns(), (r, c) -> Z.get(r, c) - (r == i && c == j ? h : 0));
                return (f.apply(up).hadamard(G).sum() - f.apply(down).hadamard(G).sum()) / (2 * h);
            });
            close(numeric, f.backward(Z, f.apply(Z), G), 1e-7);
        }
    }

    @Test
    void softmaxRowsArePositiveAndSumToOneAndMatchTheExponentialFormula() {
        Matrix a = Activations.softmax().apply(Z);
        for (int i = 0; i < Z.rows(); i++) {
            double total = 0.0;
            for (int j = 0; j < Z.columns(); j++) {
                total += Math.exp(Z.get(i, j));
            }
            for (int j = 0; j < Z.columns(); j++) {
                assertEquals(Math.exp(Z.get(i, j)) / total, a.get(i, j), 1e-15);
                assertTrue(a.get(i, j) > 0);
            }
        }
        close(Matrix.filled(3, 1, 1.0), a.rowSums(), 1e-15);
        close(Matrix.row(0.09003057317038046, 0.24472847105479767, 0.6652409557748219),
                Activations.softmax().apply(Matrix.row(1, 2, 3)), 1e-15);
    }

    @Test
    void softmaxStaysFiniteForHugeLogits() {
        Activation softmax = Activations.softmax();
        assertEquals(Matrix.row(0.0, 1.0), softmax.apply(Matrix.row(0, 1000)));
        assertEquals(Matrix.row(1.0 / 3, 1.0 / 3, 1.0 / 3), softmax.apply(Matrix.row(1000, 1000, 1000)));
        assertEquals(Matrix.row(1.0 / 3, 1.0 / 3, 1.0 / 3), softmax.apply(Matrix.row(-1000, -1000, -1000)));
        assertTrue(softmax.apply(Matrix.row(-1e300, 0, 1e300)).firstNonFinite().isEmpty());
    }

    @Test
    void softmaxIsUnchangedByAddingAConstantToARow() {
        Activation softmax = Activations.softmax();
        Matrix a = softmax.apply(Z);
        for (double c : new double[] {-3.0, 0.5, 100.0, 700.0}) {
            close(a, softmax.apply(Z.map(z -> z + c)), 1e-12);
        }
    }

    @Test
    void softmaxBackwardIsTheExplicitJacobianTimesTheUpstreamGradient() {
        Activation softmax = Activations.softmax();
        Matrix a = softmax.apply(Z);
        // J_ij = da_i/dz_j = a_i (δ_ij - a_j), so (dL/dz)_j = Σ_i J_ij g_i
        Matrix expected = Matrix.of(Z.rows(), Z.columns(), (r, j) -> {
            double s = 0.0;
            for (int i = 0; i < Z.columns(); i++) {
                double jacobian = (i == j ? a.get(r, i) : 0.0) - a.get(r, i) * a.get(r, j);
                s += jacobian * G.get(r, i);
            }
            return s;
        });
        close(expected, softmax.backward(Z, a, G), 1e-14);
    }

    @Test
    void aUsersElementwiseActivationTrainsThroughBackprop() {
        Activation softplus = Activations.elementwise("softplus",
                z -> Math.log1p(Math.exp(z)), (z, a) -> 1.0 / (1.0 + Math.exp(-z)));
        double w1 = 0.4;
        double w2 = -0.3;
        double b = 0.2;
        double x1 = 1.5;
        double x2 = 2.0;
        double y = 3.0;
        Network network = Network.of(new Dense(Matrix.row(w1, w2), Matrix.row(b), softplus));
        LossAndGradients lg = Backprop.lossAndGradients(network, Matrix.row(x1, x2), Matrix.row(y),
                Losses.squaredError());
        // by hand: z = w·x + b, a = log(1 + e^z), L = (a - y)², dL/dw_k = 2 (a - y) σ(z) x_k
        double z = w1 * x1 + w2 * x2 + b;
        double a = Math.log(1 + Math.exp(z));
        double dz = 2 * (a - y) / (1 + Math.exp(-z));
        assertEquals((a - y) * (a - y), lg.loss(), 1e-14);
        close(Matrix.row(dz * x1, dz * x2), lg.gradients().get("layers[0].weights"), 1e-14);
        close(Matrix.row(dz), lg.gradients().get("layers[0].bias"), 1e-14);
        assertEquals("Network[2-1 softplus]", network.toString());
    }
}
