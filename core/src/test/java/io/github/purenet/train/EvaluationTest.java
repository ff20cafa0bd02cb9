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
import org.junit.jupiter.api.Test;

/** Loss, accuracy and confusion matrix of a network on a dataset, against counts made by hand. */
class EvaluationTest {

    /** An identity network over 3 inputs with softmax: it predicts the column of the largest input. */
    private static final Network ARGMAX = Network.of(new Dense(
            Matrix.of(3, 3, (i, j) -> i == j ? 1.0 : 0.0), Matrix.row(0, 0, 0), Activations.softmax()));

    @Test
    void countsEachExampleByActualAndPredictedClass() {
        Matrix features = Matrix.of(new double[][] {{5, 0, 0}, {0, 5, 0}, {5, 0, 0}, {0, 0, 5}, {0, 5, 0}});
        Matrix targets = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        Evaluation e = Evaluation.of(ARGMAX, new Dataset(features, targets), Losses.softmaxCrossEntropy());
        // actual 0 -> predicted 0; actual 1 -> 1 and 0; actual 2 -> 2 and 1
        assertEquals(Vector.of(Vector.of(1, 0, 0), Vector.of(1, 1, 0), Vector.of(0, 1, 1)), e.confusion().counts());
        assertEquals(3.0 / 5.0, e.accuracy());
        assertEquals(5, e.confusion().total());
        assertEquals(Backprop.loss(ARGMAX, features, targets, Losses.softmaxCrossEntropy()), e.loss());
    }

    @Test
    void oneOutputColumnIsReadAsABinaryClassAtOneHalf() {
        Network sigmoid = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.sigmoid()));
        Matrix features = Matrix.of(new double[][] {{-2}, {3}, {0.5}, {-0.1}});
        Matrix targets = Matrix.of(new double[][] {{0}, {1}, {0}, {1}});
        Evaluation e = Evaluation.of(sigmoid, new Dataset(features, targets), Losses.binaryCrossEntropy());
        assertEquals(Vector.of(Vector.of(1, 1), Vector.of(1, 1)), e.confusion().counts());
        assertEquals(0.5, e.accuracy());
        assertEquals(Vector.of(0, 1, 1, 0), Evaluation.classesOf(Backprop.forward(sigmoid, features).output()));
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
