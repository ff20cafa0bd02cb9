package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** {@link Metrics#logLoss}: the mean of {@code -log p(actual class)}, by hand, and its clipping. */
class LogLossTest {

    @Test
    void theLossIsTheMeanNegativeLogProbabilityOfTheActualClass() {
        // scikit-learn's documented example: log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
        Matrix p = Matrix.of(new double[][] {{.1, .9}, {.9, .1}, {.8, .2}, {.35, .65}});
        double byHand = -(Math.log(0.9) + Math.log(0.9) + Math.log(0.8) + Math.log(0.65)) / 4;
        double logLoss = Metrics.logLoss(p, Vector.of(1, 0, 0, 1));
        assertEquals(byHand, logLoss, 1e-16);
        assertEquals(0.21616187468057912, logLoss, 1e-16); // scikit-learn 1.9 prints this value
    }

    @Test
    void oneColumnIsTheProbabilityOfClassOne() {
        // class 1 with 0.9, class 0 with 1 - 0.25, class 0 with 1 - 0.5
        double byHand = -(Math.log(0.9) + Math.log(0.75) + Math.log(0.5)) / 3;
        assertEquals(byHand, Metrics.logLoss(Matrix.of(3, 1, (i, j) -> new double[] {0.9, 0.25, 0.5}[i]),
                Vector.of(1, 0, 0)), 1e-16);
    }

    @Test
    void threeClassesReadTheColumnOfTheActualClass() {
        Matrix p = Matrix.of(new double[][] {{0.5, 0.25, 0.25}, {0.125, 0.125, 0.75}});
        assertEquals(-(Math.log(0.25) + Math.log(0.75)) / 2, Metrics.logLoss(p, Vector.of(1, 2)), 1e-16);
    }

    @Test
    void probabilitiesAreClippedToEpsilonAndOneMinusEpsilon() {
        assertEquals(Math.ulp(1.0), Metrics.EPSILON);
        double ln2 = 0.6931471805599453;
        // a probability of 0 for the actual class costs -log(2^-52) = 52 ln 2
        assertEquals(52 * ln2, Metrics.logLoss(Matrix.row(0.0, 1.0), Vector.of(0)), 1e-13);
        assertEquals(52 * ln2, Metrics.logLoss(Matrix.row(0.0), Vector.of(1)), 1e-13);
        assertEquals(52 * ln2, Metrics.logLoss(Matrix.row(1.0), Vector.of(0)), 1e-13);
        // a probability of 1 costs -log(1 - 2^-52), about 2^-52: not 0
        double certain = Metrics.logLoss(Matrix.row(0.0, 1.0), Vector.of(1));
        assertEquals(Math.ulp(1.0), certain, 1e-30);
        assertEquals(certain, Metrics.logLoss(Matrix.row(1.0), Vector.of(1)));
        // the mean of both: (52 ln 2 + 2^-52) / 2
        assertEquals(26 * ln2, Metrics.logLoss(Matrix.of(new double[][] {{0.0, 1.0}, {0.0, 1.0}}), Vector.of(0, 1)), 1e-13);
    }

    @Test
    void badProbabilitiesAndClassesAreRefusedWithTheirPlace() {
        refuses("entry (1, 0) of 2x2 is 1.5", Matrix.of(new double[][] {{0.5, 0.5}, {1.5, -0.5}}), Vector.of(0, 0));
        refuses("entry (0, 1) of 1x2 is NaN", Matrix.row(0.5, Double.NaN), Vector.of(0));
        refuses("entry (0, 0) of 1x1 is -0.25", Matrix.row(-0.25), Vector.of(0));
        refuses("classes[1] is 2, expected a class in [0, 2)", Matrix.of(2, 1, (i, j) -> 0.5), Vector.of(1, 2));
        refuses("classes[0] is 3, expected a class in [0, 3)", Matrix.row(0.2, 0.3, 0.5), Vector.of(3));
        refuses("1 classes for probabilities 2x2", Matrix.of(2, 2, (i, j) -> 0.5), Vector.of(0));
    }

    private static void refuses(String message, Matrix probabilities, Vector<Integer> classes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.logLoss(probabilities, classes));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
