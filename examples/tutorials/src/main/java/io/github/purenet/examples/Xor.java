package io.github.purenet.examples;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Count;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.Locale;

/**
 * A 2-4-1 network (tanh, then sigmoid) learns XOR: 2,000 steps of full-batch gradient descent on
 * binary cross-entropy, from the seed 42. The run is a lazy sequence of states; this program
 * observes every 250th.
 */
public final class Xor {

    /** The four inputs of XOR. */
    static final Matrix INPUTS = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    /** Their targets. */
    static final Matrix TARGETS = Matrix.of(new double[][] {{0}, {1}, {1}, {0}});
    /** The number of steps. */
    static final long STEPS = 2_000;

    private Xor() {
    }

    /**
     * The run of the example, from a seed.
     *
     * @param seed the seed of the initial weights and of the run
     * @return the run, unbounded
     */
    static Run<Count> run(long seed) {
        Tuple2<Key, Key> keys = Key.of(seed).split();
        Network network = Initializers.network(keys._1, Initializers.glorotUniform(), Vector.of(2, 4, 1),
                Vector.of(Activations.tanh(), Activations.sigmoid()));
        Dataset data = new Dataset(INPUTS, TARGETS);
        Batching batching = Batching.fullBatch();
        Optimizer<Count> sgd = Optimizers.sgd(0.5);
        Loss loss = Losses.binaryCrossEntropy();
        return Training.run(Training.init(network, sgd, keys._2, data, batching),
                Training.transition(data, batching, loss, sgd));
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        TrainState<Count> last = run(42).take(STEPS + 1) // one pass: printing every 250th state, keeping the last
                .observe(250, s -> {
                    if (s.step() > 0) {
                        System.out.printf(Locale.ROOT, "step %4d  loss %.6f%n", s.step(), s.lossOrNaN());
                    }
                })
                .last();
        Matrix outputs = Backprop.forward(last.network(), INPUTS).output();
        for (int i = 0; i < INPUTS.rows(); i++) {
            System.out.printf(Locale.ROOT, "%.0f xor %.0f -> %.4f%n", INPUTS.get(i, 0), INPUTS.get(i, 1), outputs.get(i, 0));
        }
        Evaluation evaluation = Evaluation.of(last.network(), new Dataset(INPUTS, TARGETS), Losses.binaryCrossEntropy());
        System.out.printf(Locale.ROOT, "accuracy %.0f%%%n", 100 * evaluation.accuracy());
    }
}
