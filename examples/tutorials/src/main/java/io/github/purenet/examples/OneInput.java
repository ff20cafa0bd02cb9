package io.github.purenet.examples;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Seed 000: one input, one sigmoid neuron, no bias. With {@code x = 0.1}, target 0.3, starting
 * weight 0.5 (the seed draws it at random) and lr 0.5, the prediction approaches 0.3 in 10,000
 * iterations of gradient descent on the squared error.
 *
 * <p><b>The seed's mistake.</b> Its backward pass calls {@code activation_sop_deriv(predicted)}:
 * it passes the prediction {@code σ(wx)}, not the weighted sum {@code wx}, to the sigmoid's
 * derivative, computing {@code σ(σ(wx)) (1 - σ(σ(wx)))} where the chain rule asks for
 * {@code σ(wx) (1 - σ(wx))}. The gradient keeps its sign, so the seed still converges, but at the
 * wrong speed. This example trains with the chain rule, and then, for comparison, with the seed's
 * derivative, written as a user-defined activation.
 *
 * <p>The seed's neuron has no bias; purenet's dense layer has one, so a pipeline stage sets the
 * bias's gradient to zero before each step and the bias stays 0.
 */
public final class OneInput {

    private OneInput() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("With the chain rule, dE/dw = 2 (p - t) σ'(wx) x:");
        double correct = train(Activations.sigmoid());
        Activation seeds = Activations.elementwise("sigmoid with the seed's derivative",
                Activations::sigmoid,
                (z, a) -> Activations.sigmoid(a) * (1.0 - Activations.sigmoid(a))); // σ'(σ(z)): the seed's slip
        System.out.println();
        System.out.println("With the seed's derivative, σ'(σ(wx)) in place of σ'(wx):");
        double seed = train(seeds);
        System.out.printf(Locale.ROOT, "%nTarget 0.3: the chain rule ends at %.6f, the seed's derivative at %.6f.%n",
                correct, seed);
    }

    private static double train(Activation sigmoid) {
        Matrix x = Matrix.row(0.1);
        Matrix target = Matrix.row(0.3);
        UnaryOperator<Gradients> noBias = g -> new Gradients(g.paths(),
                g.paths().zipWith(g.values(), (path, m) -> path.endsWith(".bias") ? m.scale(0.0) : m));
        Network network = Network.of(new Dense(Matrix.row(0.5), Matrix.row(0.0), sigmoid));
        for (int iteration = 1; iteration <= 10_000; iteration++) {
            Gradients g = Backprop.lossAndGradients(network, x, target, Losses.squaredError()).gradients();
            network = Backprop.step(network, noBias.apply(g), 0.5);
            if (iteration == 1 || iteration % 1_000 == 0) {
                System.out.printf(Locale.ROOT, "Iteration %5d, prediction %.6f, weight %.6f%n", iteration,
                        Backprop.forward(network, x).output().get(0, 0), network.dense(0).weights().get(0, 0));
            }
        }
        return Backprop.forward(network, x).output().get(0, 0);
    }
}
