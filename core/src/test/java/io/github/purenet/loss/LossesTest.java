package io.github.purenet.loss;

import static io.github.purenet.Checks.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The built-in losses against hand-derived values, naive formulas and central finite differences. */
class LossesTest {

    private static final Matrix LOGITS = Matrix.of(new double[][] {{1.0, 2.0, 3.0}, {0.5, -1.0, 2.0}});
    private static final Matrix ONE_HOT = Matrix.of(new double[][] {{0, 0, 1}, {1, 0, 0}});
    private static final Matrix SOFT = Matrix.of(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.1, 0.3}});
    private static final Matrix BINARY_LOGITS = Matrix.of(new double[][] {{-3.0, -0.5}, {0.0, 2.0}, {1.25, -0.1}});
    private static final Matrix BINARY_TARGETS = Matrix.of(new double[][] {{0, 1}, {1, 0.3}, {1, 0}});

    /** A user's own loss: the fourth power of the error, summed over outputs and averaged over rows. */
    private record Quartic() implements Loss {
        @Override
        public String name() {
            return "quartic";
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            return prediction.zipWith(target, (p, y) -> Math.pow(p - y, 4)).sum() / prediction.rows();
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            return prediction.zipWith(target, (p, y) -> 4 * Math.pow(p - y, 3) / prediction.rows());
        }
    }

    /** A plain loss with the value and gradient of a fused one, so backprop goes through the activation. */
    private static Loss unfused(Loss fused) {
        return new Loss() {
            @Override
            public String name() {
                return "unfused " + fused.name();
            }

            @Override
            public double value(Matrix prediction, Matrix target) {
                return fused.value(prediction, target);
            }

            @Override
            public Matrix gradient(Matrix prediction, Matrix target) {
                return fused.gradient(prediction, target);
            }
        };
    }

    private static Matrix numericGradient(ToDoubleFunction<Matrix> f, Matrix at) {
        double h = 1e-6;
        return Matrix.of(at.rows(), at.columns(), (i, j) -> {
            Matrix up = Matrix.of(at.rows(), at.columns(), (r, c) -> at.get(r, c) + (r == i && c == j ? h : 0));
            Matrix down = Matrix.of(at.rows(), at.columns(), (r, c) -> at.get(r, c) - (r == i && c == j ? h : 0));
            return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
        });
    }

    private static Matrix softmaxByHand(Matrix z) {
        return Matrix.of(z.rows(), z.columns(), (i, j) -> {
            double total = 0;
            for (int k = 0; k < z.columns(); k++) {
                total += Math.exp(z.get(i, k));
            }
            return Math.exp(z.get(i, j)) / total;
        });
    }


    @Test
    void squaredErrorOfOneOutputIsTheSquareOfTheDifferenceAsInTheSeeds() {
        Loss loss = Losses.squaredError();
        assertEquals(36.0, loss.value(Matrix.row(6), Matrix.row(0)));
        assertEquals(Matrix.row(12.0), loss.gradient(Matrix.row(6), Matrix.row(0)));
        assertEquals(0.5625, loss.value(Matrix.row(0.25), Matrix.row(1)));
    }

    @Test
    void squaredErrorSumsOverOutputsWhileMeanSquaredErrorAlsoDividesByThem() {
        Matrix p = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix y = Matrix.of(new double[][] {{0, 1}, {5, 4}});
        // differences [[1, 1], [-2, 0]]: squares sum to 6 over 2 rows and 2 outputs
        assertEquals(3.0, Losses.squaredError().value(p, y));
        assertEquals(1.5, Losses.meanSquaredError().value(p, y));
        assertEquals(Matrix.of(new double[][] {{1, 1}, {-2, 0}}), Losses.squaredError().gradient(p, y));
        assertEquals(Matrix.of(new double[][] {{0.5, 0.5}, {-1, 0}}), Losses.meanSquaredError().gradient(p, y));
    }

    @Test
    void softmaxCrossEntropyAtTheLogitsEqualsItsValueAtTheSoftmaxForModerateLogits() {
        FusedLoss loss = Losses.softmaxCrossEntropy();
        for (Matrix y : List.of(ONE_HOT, SOFT)) {
            double naive = loss.value(Activations.softmax().apply(LOGITS), y);
            assertEquals(naive, loss.valueAtLogits(LOGITS, y), 1e-14 * naive);
        }
        // one-hot rows pick -log p: -(log p(0, 2) + log p(1, 0)) / 2
        Matrix p = softmaxByHand(LOGITS);
        assertEquals(-(Math.log(p.get(0, 2)) + Math.log(p.get(1, 0))) / 2, loss.valueAtLogits(LOGITS, ONE_HOT), 1e-14);
    }

    @Test
    void softmaxCrossEntropyStaysFiniteForLogitsAThousandApart() {
        FusedLoss loss = Losses.softmaxCrossEntropy();
        Matrix z = Matrix.row(0, 1000);
        Matrix y = Matrix.row(1, 0);
        assertEquals(Double.POSITIVE_INFINITY, loss.value(Activations.softmax().apply(z), y), "the naive value");
        assertEquals(1000.0, loss.valueAtLogits(z, y), 1e-9);
        assertEquals(0.0, loss.valueAtLogits(Matrix.row(1000, 0), y), 1e-300);
        assertEquals(Matrix.row(-1.0, 1.0), loss.gradientAtLogits(z, Activations.softmax().apply(z), y));
    }

    @Test
    void softmaxCrossEntropyGradientAtTheLogitsIsPredictionMinusTargetOverRows() {
        FusedLoss loss = Losses.softmaxCrossEntropy();
        Matrix p = softmaxByHand(LOGITS);
        Matrix expected = p.zipWith(ONE_HOT, (a, y) -> (a - y) / 2);
        close(expected, loss.gradientAtLogits(LOGITS, Activations.softmax().apply(LOGITS), ONE_HOT), 1e-15);
    }

    @Test
    void fusedGradientsAtTheLogitsAgreeWithFiniteDifferencesOfTheValueAtTheLogits() {
        FusedLoss softmax = Losses.softmaxCrossEntropy();
        for (Matrix y : List.of(ONE_HOT, SOFT, ONE_HOT.scale(2))) {
            close(numericGradient(z -> softmax.valueAtLogits(z, y), LOGITS),
                    softmax.gradientAtLogits(LOGITS, Activations.softmax().apply(LOGITS), y), 1e-8);
        }
        FusedLoss binary = Losses.binaryCrossEntropy();
        close(numericGradient(z -> binary.valueAtLogits(z, BINARY_TARGETS), BINARY_LOGITS),
                binary.gradientAtLogits(BINARY_LOGITS, Activations.sigmoid().apply(BINARY_LOGITS), BINARY_TARGETS),
                1e-8);
    }

    @Test
    void binaryCrossEntropyAtTheLogitsEqualsItsValueAtTheSigmoidForModerateLogits() {
        FusedLoss loss = Losses.binaryCrossEntropy();
        double byHand = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double p = 1 / (1 + Math.exp(-BINARY_LOGITS.get(i, j)));
                double y = BINARY_TARGETS.get(i, j);
                byHand -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            }
        }
        assertEquals(byHand / 3, loss.valueAtLogits(BINARY_LOGITS, BINARY_TARGETS), 1e-14);
        assertEquals(loss.value(Activations.sigmoid().apply(BINARY_LOGITS), BINARY_TARGETS),
                loss.valueAtLogits(BINARY_LOGITS, BINARY_TARGETS), 1e-14);
        Matrix expected = BINARY_LOGITS.zipWith(BINARY_TARGETS, (z, y) -> (1 / (1 + Math.exp(-z)) - y) / 3);
        close(expected, loss.gradientAtLogits(BINARY_LOGITS, Activations.sigmoid().apply(BINARY_LOGITS),
                BINARY_TARGETS), 1e-15);
    }

    @Test
    void binaryCrossEntropyStaysFiniteAtLogitsOfPlusOrMinusAThousand() {
        FusedLoss loss = Losses.binaryCrossEntropy();
        Matrix z = Matrix.of(new double[][] {{1000}, {-1000}});
        Matrix wrong = Matrix.of(new double[][] {{0}, {1}});
        Matrix right = Matrix.of(new double[][] {{1}, {0}});
        assertEquals(Double.POSITIVE_INFINITY, loss.value(Activations.sigmoid().apply(z), wrong), "the naive value");
        assertEquals(1000.0, loss.valueAtLogits(z, wrong));
        assertEquals(0.0, loss.valueAtLogits(z, right), 1e-300);
        Matrix g = loss.gradientAtLogits(z, Activations.sigmoid().apply(z), wrong);
        assertEquals(Matrix.of(new double[][] {{0.5}, {-0.5}}), g);
    }

    @Test
    void gradientsWithRespectToThePredictionAgreeWithFiniteDifferences() {
        Matrix p = Matrix.of(new double[][] {{0.2, 0.7, 0.4}, {0.9, 0.05, 0.5}});
        Matrix y = Matrix.of(new double[][] {{0.0, 1.0, 0.25}, {1.0, 0.0, 0.5}});
        for (Loss loss : List.of(Losses.squaredError(), Losses.meanSquaredError(), Losses.softmaxCrossEntropy(),
                Losses.binaryCrossEntropy(), new Quartic())) {
            Matrix analytic = loss.gradient(p, y);
            Matrix numeric = numericGradient(q -> loss.value(q, y), p);
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.columns(); j++) {
                    double e = numeric.get(i, j);
                    assertEquals(e, analytic.get(i, j), 1e-7 * Math.max(1, Math.abs(e)),
                            loss.name() + " at (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void theFusedShortcutGivesTheGradientsOfTheFullChainRule() {
        Matrix x = Matrix.of(new double[][] {{0.5, -1.0}, {2.0, 0.25}});
        for (FusedLoss loss : List.of(Losses.softmaxCrossEntropy(), Losses.binaryCrossEntropy())) {
            Network network = Network.of(
                    new Dense(Matrix.of(3, 2, (i, j) -> 0.3 * i - 0.4 * j + 0.1), Matrix.row(0.1, 0, -0.1),
                            Activations.tanh()),
                    new Dense(Matrix.of(2, 3, (i, j) -> 0.5 * (i - j) + 0.2), Matrix.row(0.3, -0.2),
                            loss.activation()));
            Matrix y = loss.activation().equals(Activations.softmax()) ? Matrix.of(new double[][] {{1, 0}, {0, 1}})
                    : Matrix.of(new double[][] {{1, 0.2}, {0, 1}});
            LossAndGradients fused = Backprop.lossAndGradients(network, x, y, loss);
            LossAndGradients chain = Backprop.lossAndGradients(network, x, y, unfused(loss));
            assertEquals(chain.loss(), fused.loss(), 1e-14);
            for (int l = 0; l < 2; l++) {
                Stacks.Pair f = Stacks.layers(fused.gradients()).get(l);
                Stacks.Pair c = Stacks.layers(chain.gradients()).get(l);
                close(c.weights(), f.weights(), 1e-13);
                close(c.bias(), f.bias(), 1e-13);
            }
        }
    }

    @Test
    void aUsersOwnLossTrainsThroughBackprop() {
        double w1 = 0.5;
        double w2 = -1.5;
        double b = 0.25;
        Network network = Network.of(new Dense(Matrix.row(w1, w2), Matrix.row(b), Activations.identity()));
        Matrix x = Matrix.of(new double[][] {{1, 2}, {-1, 0.5}});
        Matrix y = Matrix.of(new double[][] {{0}, {1}});
        LossAndGradients lg = Backprop.lossAndGradients(network, x, y, new Quartic());
        // by hand: p_i = w·x_i + b, L = Σ (p_i - y_i)^4 / 2, dL/dw_k = Σ 2 (p_i - y_i)^3 x_ik
        double e0 = w1 * 1 + w2 * 2 + b - 0;
        double e1 = w1 * -1 + w2 * 0.5 + b - 1;
        assertEquals((Math.pow(e0, 4) + Math.pow(e1, 4)) / 2, lg.loss(), 1e-12);
        double d0 = 2 * Math.pow(e0, 3);
        double d1 = 2 * Math.pow(e1, 3);
        close(Matrix.row(d0 * 1 + d1 * -1, d0 * 2 + d1 * 0.5), lg.gradients().get("layers[0].weights"), 1e-13);
        close(Matrix.row(d0 + d1), lg.gradients().get("layers[0].bias"), 1e-13);
        Network next = Backprop.step(network, lg.gradients(), 1e-3);
        assertTrue(Backprop.loss(next, x, y, new Quartic()) < lg.loss(), "a small step lowers the user's loss");
    }
}
