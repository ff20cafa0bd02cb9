package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * Loss, accuracy, confusion matrix, log loss and ROC AUC of a network on a dataset, against counts
 * and values made by hand.
 */
class EvaluationTest {

    /** An identity network over 3 inputs with softmax: it predicts the column of the largest input. */
    private static final Network ARGMAX = Network.of(new Dense(
            Matrix.of(3, 3, (i, j) -> i == j ? 1.0 : 0.0), Matrix.row(0, 0, 0), Activations.softmax()));

    /** Five examples of three classes; ARGMAX predicts 0; 1; 0 for a 1; 2; 1 for a 2. */
    private static final Dataset FIVE = new Dataset(
            Matrix.of(new double[][] {{5, 0, 0}, {0, 5, 0}, {5, 0, 0}, {0, 0, 5}, {0, 5, 0}}),
            Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}}));

    /** One input, one sigmoid output: the identity inside the sigmoid. */
    private static final Network SIGMOID = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.sigmoid()));

    /** Four examples of one feature for SIGMOID, with binary targets. */
    private static final Dataset FOUR = new Dataset(Matrix.of(new double[][] {{-2}, {3}, {0.5}, {-0.1}}),
            Matrix.of(new double[][] {{0}, {1}, {0}, {1}}));

    @Test
    void countsEachExampleByActualAndPredictedClass() {
        Evaluation e = Evaluation.of(ARGMAX, FIVE, Losses.softmaxCrossEntropy());
        // actual 0 -> predicted 0; actual 1 -> 1 and 0; actual 2 -> 2 and 1
        assertEquals(Vector.of(Vector.of(1, 0, 0), Vector.of(1, 1, 0), Vector.of(0, 1, 1)), e.confusion().counts());
        assertEquals(3.0 / 5.0, e.accuracy());
        assertEquals(5, e.confusion().total());
        assertEquals(Backprop.loss(ARGMAX, FIVE.features().matrix(), FIVE.targets().matrix(), Losses.softmaxCrossEntropy()), e.loss());
    }

    @Test
    void oneOutputColumnIsReadAsABinaryClassAtOneHalf() {
        Evaluation e = Evaluation.of(SIGMOID, FOUR, Losses.binaryCrossEntropy());
        assertEquals(Vector.of(Vector.of(1, 1), Vector.of(1, 1)), e.confusion().counts());
        assertEquals(0.5, e.accuracy());
        assertEquals(Vector.of(0, 1, 1, 0), Evaluation.classesOf(Backprop.forward(SIGMOID, FOUR.features().matrix()).output()));
    }

    @Test
    void aSigmoidOutputHasALogLossAndARocAreaFromItsOneColumn() {
        Evaluation e = Evaluation.of(SIGMOID, FOUR, Losses.binaryCrossEntropy());
        // the sigmoid keeps the order of the inputs: positives 3 and -0.1 against negatives -2 and 0.5,
        // 3 beats both, -0.1 beats -2 only: 3 of 4 pairs
        assertEquals(Option.some(0.75), e.rocAuc());
        // -log σ(z) = log(1 + e^-z) for class 1, -log(1 - σ(z)) = log(1 + e^z) for class 0
        double byHand = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-3)) + Math.log1p(Math.exp(0.5))
                + Math.log1p(Math.exp(0.1))) / 4;
        assertEquals(byHand, e.logLoss().get(), 1e-15);
        // with targets 0 and 1, binary cross-entropy from the logits is the same quantity
        assertEquals(e.loss(), e.logLoss().get(), 1e-15);
    }

    @Test
    void twoSoftmaxColumnsScoreEachExampleByTheProbabilityOfClassOne() {
        Network two = Network.of(new Dense(Matrix.of(2, 2, (i, j) -> i == j ? 1.0 : 0.0), Matrix.row(0, 0),
                Activations.softmax()));
        // p(class 1) = σ(x1 - x0): σ(1) and 0.5 for the positives, σ(-1) and 0.5 for the negatives;
        // 1 + 1 + 1 + one half (the tie at 0.5) of 4 pairs. Column 0 would give 0.125.
        Matrix features = Matrix.of(new double[][] {{0, 1}, {1, 0}, {0, 0}, {0, 0}});
        Matrix targets = Matrix.of(new double[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}});
        Evaluation e = Evaluation.of(two, new Dataset(features, targets), Losses.softmaxCrossEntropy());
        assertEquals(Option.some(0.875), e.rocAuc());
        // -log p: log(1 + e^-1) twice, log 2 twice
        assertEquals((2 * Math.log1p(Math.exp(-1)) + 2 * Math.log(2)) / 4, e.logLoss().get(), 1e-15);
    }

    @Test
    void threeClassesHaveALogLossButNoRocArea() {
        Evaluation e = Evaluation.of(ARGMAX, FIVE, Losses.softmaxCrossEntropy());
        assertEquals(Option.none(), e.rocAuc());
        // three examples get e^5 / (e^5 + 2) for their class, two get 1 / (e^5 + 2)
        double byHand = (3 * Math.log((Math.exp(5) + 2) / Math.exp(5)) + 2 * Math.log(Math.exp(5) + 2)) / 5;
        assertEquals(byHand, e.logLoss().get(), 1e-15);
        assertEquals(e.loss(), e.logLoss().get(), 1e-15);
    }

    @Test
    void outputsThatAreNotProbabilitiesHaveNoLogLoss() {
        Network identity = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Evaluation e = Evaluation.of(identity, FOUR, Losses.meanSquaredError());
        assertEquals(Option.none(), e.logLoss());
        assertEquals(Option.some(0.75), e.rocAuc()); // the area needs only an order
        Network relu = Network.of(new Dense(Matrix.of(3, 3, (i, j) -> i == j ? 1.0 : 0.0), Matrix.row(0, 0, 0),
                Activations.relu()));
        Evaluation three = Evaluation.of(relu, new Dataset(Matrix.row(1, 2, 3), Matrix.row(0, 0, 1)),
                Losses.meanSquaredError());
        assertEquals(new Evaluation(three.loss(), three.confusion()), three);
    }

    @Test
    void anEvaluationRefusesALogLossBelowZeroAndAnAreaOutsideZeroToOne() {
        ConfusionMatrix c = ConfusionMatrix.of(Vector.of(0), Vector.of(0), 2);
        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class,
                () -> new Evaluation(0.1, c, Option.some(-0.5), Option.none()));
        assertTrue(loss.getMessage().contains("logLoss Some(-0.5)"), loss.getMessage());
        IllegalArgumentException area = assertThrows(IllegalArgumentException.class,
                () -> new Evaluation(0.1, c, Option.none(), Option.some(Double.NaN)));
        assertTrue(area.getMessage().contains("rocAuc Some(NaN)"), area.getMessage());
    }

    @Test
    void confusionMatrixRefusesLabelsOutsideItsClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Vector.of(0, 3), Vector.of(0, 1), 3));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("[0, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(Vector.of(0), Vector.of(0, 1), 2));
    }

    @Test
    void evaluationRefusesDataThatDoNotFitTheNetwork() {
        Dataset data = new Dataset(Matrix.row(1, 2), Matrix.row(1, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(ARGMAX, data, Losses.softmaxCrossEntropy()));
        assertTrue(e.getMessage().contains("1x2"), e.getMessage());
    }
}
