package io.github.purenet;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.activation.Activations;
import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Every entry point refuses bad input at once, with a message that names the value or both shapes. */
class BadInputTest {

    private static final Matrix A = Matrix.filled(2, 3, 1.0);
    private static final Matrix B = Matrix.filled(4, 5, 1.0);

    /** A 2-3-2 network, relu then softmax, with distinct weights. */
    private static Network classifier() {
        return Network.of(
                new Dense(Matrix.of(3, 2, (i, j) -> 0.1 * (i + 1) - 0.2 * j), Matrix.row(0.1, -0.1, 0.05),
                        Activations.relu()),
                new Dense(Matrix.of(2, 3, (i, j) -> 0.3 * (j - i)), Matrix.row(0.0, 0.2), Activations.softmax()));
    }

    /** A 2-3-1 regression network ending in the identity. */
    private static Network regressor(double scale) {
        return Network.of(
                new Dense(Matrix.of(3, 2, (i, j) -> scale * (i - j)), Matrix.row(0.1, 0.2, 0.3), Activations.tanh()),
                new Dense(Matrix.of(1, 3, (i, j) -> scale * (j + 1)), Matrix.row(0.5), Activations.identity()));
    }



    @Test
    void matrixOfArraysRefusesNoRowsEmptyRowsRaggedRowsAndNulls() {
        assertAll(
                () -> refuses(() -> Matrix.of(new double[0][]), "at least one row", "got 0"),
                () -> refuses(() -> Matrix.of(new double[][] {{}}), "row 0", "0 columns"),
                () -> refuses(() -> Matrix.of(new double[][] {{1, 2}, {3, 4, 5}}), "row 1", "3 columns", "expected 2"),
                () -> refuses(() -> Matrix.of(new double[][] {{1, 2}, {}}), "row 1", "0 columns", "expected 2"),
                () -> refuses(() -> Matrix.row(), "0 columns"),
                () -> fails(NullPointerException.class, () -> Matrix.of((double[][]) null), "values"),
                () -> fails(NullPointerException.class, () -> Matrix.of(new double[][] {{1}, null}), "row 1", "null"),
                () -> fails(NullPointerException.class, () -> Matrix.row((double[]) null), "values"));
    }

    @Test
    void sizedFactoriesRefuseZeroAndNegativeSizesNamingThem() {
        assertAll(
                () -> refuses(() -> Matrix.of(0, 3, (i, j) -> 1), "0x3"),
                () -> refuses(() -> Matrix.of(2, -1, (i, j) -> 1), "2x-1"),
                () -> refuses(() -> Matrix.filled(-4, 2, 0.0), "-4x2"),
                () -> refuses(() -> Matrix.filled(3, 0, 0.0), "3x0"),
                () -> fails(NullPointerException.class, () -> Matrix.of(2, 2, null), "entries"));
    }

    @Test
    void getOutsideTheMatrixNamesThePositionAndTheShape() {
        assertAll(
                () -> fails(IndexOutOfBoundsException.class, () -> A.get(2, 0), "(2, 0)", "2x3"),
                () -> fails(IndexOutOfBoundsException.class, () -> A.get(0, 3), "(0, 3)", "2x3"),
                () -> fails(IndexOutOfBoundsException.class, () -> A.get(-1, 0), "(-1, 0)", "2x3"),
                () -> fails(IndexOutOfBoundsException.class, () -> A.get(0, -1), "(0, -1)", "2x3"));
    }

    @Test
    void everyBinaryOperationNamesItselfAndBothShapesOnAMismatch() {
        assertAll(
                () -> refuses(() -> A.times(B), "times", "2x3", "4x5"),
                () -> refuses(() -> A.transposeTimes(B), "transposeTimes", "2x3", "4x5"),
                () -> refuses(() -> A.timesTranspose(B), "timesTranspose", "2x3", "4x5"),
                () -> refuses(() -> A.plus(B), "plus", "2x3", "4x5"),
                () -> refuses(() -> A.minus(B), "minus", "2x3", "4x5"),
                () -> refuses(() -> A.hadamard(B), "hadamard", "2x3", "4x5"),
                () -> refuses(() -> A.zipWith(B, Double::sum), "zipWith", "2x3", "4x5"),
                () -> refuses(() -> A.plusRow(B), "plusRow", "2x3", "4x5"),
                () -> refuses(() -> A.plusRow(Matrix.filled(1, 2, 0)), "plusRow", "2x3", "1x2"),
                () -> refuses(() -> A.zipWithColumn(B, Double::sum), "zipWithColumn", "2x3", "4x5"),
                () -> refuses(() -> A.zipWithColumn(Matrix.filled(3, 1, 0), Double::sum), "zipWithColumn", "3x1"));
    }

    @Test
    void nullArgumentsThrowNullPointerExceptionsNamingTheArgument() {
        assertAll(
                () -> fails(NullPointerException.class, () -> A.times(null), "times", "other"),
                () -> fails(NullPointerException.class, () -> A.transposeTimes(null), "transposeTimes", "other"),
                () -> fails(NullPointerException.class, () -> A.timesTranspose(null), "timesTranspose", "other"),
                () -> fails(NullPointerException.class, () -> A.plus(null), "plus", "other"),
                () -> fails(NullPointerException.class, () -> A.minus(null), "minus", "other"),
                () -> fails(NullPointerException.class, () -> A.hadamard(null), "hadamard", "other"),
                () -> fails(NullPointerException.class, () -> A.zipWith(null, Double::sum), "zipWith", "other"),
                () -> fails(NullPointerException.class, () -> A.zipWith(A, null), "f"),
                () -> fails(NullPointerException.class, () -> A.plusRow(null), "plusRow", "other"),
                () -> fails(NullPointerException.class, () -> A.zipWithColumn(null, Double::sum), "zipWithColumn"),
                () -> fails(NullPointerException.class, () -> A.map(null), "f"),
                () -> fails(NullPointerException.class, () -> new Dense(null, A, Activations.relu()), "weights"),
                () -> fails(NullPointerException.class, () -> new Dense(A, null, Activations.relu()), "bias"),
                () -> fails(NullPointerException.class, () -> new Dense(A, Matrix.filled(1, 2, 0), null), "activation"),
                () -> fails(NullPointerException.class, () -> Network.of((Dense[]) null), "layers"),
                () -> fails(NullPointerException.class, () -> Network.of(classifier().dense(0), null),
                        "layer 1"),
                () -> fails(NullPointerException.class, () -> Backprop.forward(null, A), "network"),
                () -> fails(NullPointerException.class, () -> Backprop.forward(classifier(), null), "inputs"),
                () -> fails(NullPointerException.class,
                        () -> Backprop.step(classifier(), null, 0.1), "gradients"),
                () -> fails(NullPointerException.class, () -> Losses.squaredError().value(null, A), "prediction"),
                () -> fails(NullPointerException.class, () -> Losses.squaredError().gradient(A, null), "target"),
                () -> fails(NullPointerException.class,
                        () -> Activations.elementwise(null, z -> z, (z, a) -> 1), "name"));
    }

    @Test
    void denseRefusesABiasThatDoesNotFitItsWeights() {
        Matrix weights = Matrix.filled(3, 2, 0.5);
        assertAll(
                () -> refuses(() -> new Dense(weights, Matrix.filled(1, 2, 0), Activations.relu()), "1x2", "3x2"),
                () -> refuses(() -> new Dense(weights, Matrix.filled(3, 1, 0), Activations.relu()), "3x1", "3x2"),
                () -> refuses(() -> new Dense(weights, Matrix.filled(2, 3, 0), Activations.relu()), "2x3", "3x2"));
    }

    @Test
    void networkRefusesNoLayersAndConsecutiveLayersThatDoNotFit() {
        Dense first = new Dense(Matrix.filled(3, 2, 0.5), Matrix.filled(1, 3, 0), Activations.relu());
        Dense second = new Dense(Matrix.filled(1, 4, 0.5), Matrix.filled(1, 1, 0), Activations.identity());
        assertAll(
                () -> refuses(Network::of, "at least one layer"),
                () -> refuses(() -> Network.of(first, second), "layers[1]", "expected input shape 4, got 3"));
    }

    @Test
    void forwardRefusesInputsOfTheWrongWidthNamingBothShapes() {
        refuses(() -> Backprop.forward(classifier(), Matrix.filled(5, 3, 0)), "5x3", "5x2", "Network[2-3-2");
    }

    @Test
    void forwardRefusesNanAndInfiniteInputsNamingTheValueAndItsPosition() {
        Network network = classifier();
        assertAll(
                () -> refuses(() -> Backprop.forward(network, Matrix.of(new double[][] {{1, 2}, {3, Double.NaN}})),
                        "inputs", "(1, 1)", "NaN"),
                () -> refuses(() -> Backprop.forward(network, Matrix.row(Double.POSITIVE_INFINITY, 0)),
                        "inputs", "(0, 0)", "Infinity"),
                () -> refuses(() -> Backprop.forward(network, Matrix.row(0, Double.NEGATIVE_INFINITY)),
                        "inputs", "(0, 1)", "-Infinity"));
    }

    @Test
    void backwardRefusesTargetsOfTheWrongShapeAndNanTargets() {
        Network network = classifier();
        Trace trace = Backprop.forward(network, Matrix.filled(3, 2, 0.5));
        Loss loss = Losses.softmaxCrossEntropy();
        assertAll(
                () -> refuses(() -> Backprop.backward(network, trace, Matrix.filled(3, 3, 0), loss), "3x3", "3x2"),
                () -> refuses(() -> Backprop.backward(network, trace, Matrix.filled(2, 2, 0), loss), "2x2", "3x2"),
                () -> refuses(() -> Backprop.backward(network, trace,
                        Matrix.of(3, 2, (i, j) -> i == 2 && j == 0 ? Double.NaN : 0.5), loss),
                        "targets", "(2, 0)", "NaN"),
                () -> refuses(() -> Backprop.loss(network, Matrix.filled(3, 2, 0.5), Matrix.filled(1, 2, 0), loss),
                        "1x2", "3x2"));
    }

    @Test
    void backwardRefusesATraceMadeByANetworkOfAnotherShape() {
        Network network = regressor(0.1);
        Network wider = Network.of(
                new Dense(Matrix.filled(4, 2, 0.1), Matrix.filled(1, 4, 0), Activations.tanh()),
                new Dense(Matrix.filled(1, 4, 0.1), Matrix.filled(1, 1, 0), Activations.identity()));
        Network deeper = Stacks.network(Stacks.layers(network).append(
                new Dense(Matrix.filled(1, 1, 2), Matrix.filled(1, 1, 0), Activations.identity())));
        Matrix x = Matrix.filled(2, 2, 0.5);
        Matrix y = Matrix.filled(2, 1, 0.0);
        assertAll(
                () -> refuses(() -> Backprop.backward(network, Backprop.forward(wider, x), y, Losses.squaredError()),
                        "not made by", network.toString()),
                () -> refuses(() -> Backprop.backward(network, Backprop.forward(deeper, x), y, Losses.squaredError()),
                        "not made by", network.toString(), "Network[2-3-1-1 tanh,identity,identity]"));
    }

    @Test
    void backwardRefusesAFusedLossAfterAnotherOutputActivation() {
        Network relu = Network.of(new Dense(Matrix.filled(2, 2, 0.5), Matrix.filled(1, 2, 0), Activations.relu()));
        Network softmax = Network.of(new Dense(Matrix.filled(2, 2, 0.5), Matrix.filled(1, 2, 0),
                Activations.softmax()));
        Matrix x = Matrix.row(1, 2);
        Matrix y = Matrix.row(0, 1);
        assertAll(
                () -> refuses(() -> Backprop.lossAndGradients(relu, x, y, Losses.softmaxCrossEntropy()),
                        "softmax_cross_entropy", "softmax", "relu"),
                () -> refuses(() -> Backprop.lossAndGradients(softmax, x, y, Losses.binaryCrossEntropy()),
                        "binary_cross_entropy", "sigmoid", "softmax"),
                () -> refuses(() -> Backprop.loss(relu, x, y, Losses.softmaxCrossEntropy()),
                        "softmax_cross_entropy", "relu"));
    }

    @Test
    void stepRefusesGradientsOfAnotherShapeNamingBothShapes() {
        Network network = classifier();
        Gradients other = Gradients.zero(regressor(1.0));
        refuses(() -> Backprop.step(network, other, 0.1), "[3x2, 1x3, 1x3, 1x1]", network.toString(),
                "layers[1].weights is 1x3 against 2x3");
    }

    @Test
    void stepRefusesLearningRatesThatAreNotPositiveAndFinite() {
        Network network = classifier();
        Gradients g = Gradients.zero(network);
        assertAll(
                () -> refuses(() -> Backprop.step(network, g, 0.0), "learningRate", "0.0"),
                () -> refuses(() -> Backprop.step(network, g, -0.1), "learningRate", "-0.1"),
                () -> refuses(() -> Backprop.step(network, g, Double.NaN), "learningRate", "NaN"),
                () -> refuses(() -> Backprop.step(network, g, Double.POSITIVE_INFINITY), "learningRate", "Infinity"));
    }

    @Test
    void gradientsOfDifferentShapesDoNotAddAndTheMessageNamesBothShapes() {
        Gradients a = Gradients.zero(classifier());
        Gradients b = Gradients.zero(regressor(1.0));
        refuses(() -> a.plus(b), "[3x2, 1x3, 2x3, 1x2]", "[3x2, 1x3, 1x3, 1x1]");
        fails(NullPointerException.class, () -> a.plus(null), "other");
    }

    @Test
    void leakyReluRefusesSlopesOutsideZeroToOne() {
        assertAll(
                () -> refuses(() -> new LeakyRelu(-1), "alpha", "-1.0"),
                () -> refuses(() -> Activations.leakyRelu(1), "alpha", "1.0"),
                () -> refuses(() -> Activations.leakyRelu(Double.NaN), "alpha", "NaN"),
                () -> refuses(() -> Activations.leakyRelu(Double.POSITIVE_INFINITY), "alpha", "Infinity"));
    }

    @Test
    void everyLossRefusesPredictionAndTargetOfDifferentShapes() {
        for (Loss loss : new Loss[] {Losses.squaredError(), Losses.meanSquaredError(),
                Losses.softmaxCrossEntropy(), Losses.binaryCrossEntropy()}) {
            for (BiFunction<Matrix, Matrix, ?> f : List.<BiFunction<Matrix, Matrix, ?>>of(
                    loss::value, loss::gradient)) {
                refuses(() -> f.apply(A, B), loss.name(), "2x3", "4x5");
            }
        }
        refuses(() -> Losses.softmaxCrossEntropy().valueAtLogits(A, B), "softmax_cross_entropy", "2x3", "4x5");
        refuses(() -> Losses.binaryCrossEntropy().valueAtLogits(B, A), "binary_cross_entropy", "4x5", "2x3");
    }

    @Test
    void aFailedCallLeavesItsArgumentsAsTheyWere() {
        Network network = classifier();
        Network snapshot = classifier();
        Gradients g = Backprop.lossAndGradients(network, Matrix.filled(2, 2, 0.5), Matrix.of(new double[][] {
                {1, 0}, {0, 1}}), Losses.softmaxCrossEntropy()).gradients();
        assertThrows(IllegalArgumentException.class, () -> Backprop.step(network, g, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Backprop.step(network, Gradients.zero(regressor(1)), 1));
        assertEquals(snapshot, network);

        double[][] ragged = {{1, 2}, {3}};
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(ragged));
        assertArrayEquals(new double[] {1, 2}, ragged[0]);
        assertArrayEquals(new double[] {3}, ragged[1]);

        Matrix inputs = Matrix.of(new double[][] {{1, 2}, {Double.NaN, 4}});
        double[][] before = inputs.toArray();
        assertThrows(IllegalArgumentException.class, () -> Backprop.forward(network, inputs));
        assertArrayEquals(before[0], inputs.toArray()[0]);
        assertEquals(snapshot, network);
    }
}
