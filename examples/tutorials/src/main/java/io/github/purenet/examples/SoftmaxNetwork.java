package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;

/**
 * Seed 001, section 4.4: a 2-3-3 network (ReLU hidden layer, softmax output) takes one step of
 * gradient descent, lr 0.01, on the input {@code [2, 3]} with the one-hot target {@code [1, 0, 0]}.
 *
 * <p>Softmax with cross-entropy is fused: the gradient at the output layer's logits is prediction
 * minus target, as in the seed. Prints the adjusted weights and biases as numpy prints them; they
 * equal the seed's printed values to all eight decimals.
 */
public final class SoftmaxNetwork {

    private SoftmaxNetwork() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Network network = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
        Matrix input = Matrix.row(2.0, 3.0);
        Matrix target = Matrix.row(1.0, 0.0, 0.0);

        Trace trace = Backprop.forward(network, input);
        Gradients gradients = Backprop.backward(network, trace, target, Losses.softmaxCrossEntropy()).gradients();
        Network adjusted = Backprop.step(network, gradients, 0.01);

        Dense hidden = adjusted.dense(0);
        Dense output = adjusted.dense(1);
        System.out.println("Prediction before the step:\n " + Numpy.format(trace.output()));
        System.out.println("Adjusted hidden layer weights:\n " + Numpy.format(hidden.weights()));
        System.out.println("Adjusted hidden layer biases:\n " + Numpy.format(hidden.bias()));
        System.out.println("Adjusted output layer weights:\n " + Numpy.format(output.weights()));
        System.out.println("Adjusted output layer biases:\n " + Numpy.format(output.bias()));
    }
}
