package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import java.util.Arrays;

/**
 * Seed 001, section 4.3: one ReLU neuron with weights {@code [-3, -1, 2]} and bias 1 learns to
 * output 0 for the input {@code [1, -2, 3]} by gradient descent on the squared error, lr 0.001.
 *
 * <p>Prints {@code Iteration k, Loss: v} for k = 1..200, then the final weights and bias, as the
 * seed does. The loss printed at iteration k is the loss before that iteration's step.
 */
public final class SingleNeuron {

    private SingleNeuron() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Matrix input = Matrix.row(1.0, -2.0, 3.0);
        Matrix target = Matrix.row(0.0);
        Network network = Network.of(new Dense(Matrix.row(-3.0, -1.0, 2.0), Matrix.row(1.0), Activations.relu()));
        for (int iteration = 1; iteration <= 200; iteration++) {
            LossAndGradients lg = Backprop.lossAndGradients(network, input, target, Losses.squaredError());
            network = Backprop.step(network, lg.gradients(), 0.001);
            System.out.println("Iteration " + iteration + ", Loss: " + lg.loss());
        }
        Dense neuron = network.dense(0);
        System.out.println("Final weights: " + Arrays.toString(neuron.weights().toArray()[0]));
        System.out.println("Final bias: " + neuron.bias().get(0, 0));
    }
}
