package io.github.purenet.train;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import java.util.function.Function;

/**
 * A run that diverges within a few dozen steps: one identity neuron, one example {@code 1e3} with
 * target 0, full batches, plain gradient descent with rate 10, so that each step multiplies the
 * weight by about {@code 1 - 2e7}. With one example in a full batch, every step ends an epoch.
 *
 * @param initial the first state
 * @param transition the transition of one step
 */
record Diverging(TrainState<Count> initial, Function<TrainState<Count>, TrainState<Count>> transition) {

    static Diverging of() {
        Network network = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Dataset data = new Dataset(Matrix.row(1e3), Matrix.row(0.0));
        var sgd = Optimizers.sgd(10.0);
        return new Diverging(Training.init(network, sgd, Key.of(0), data, Batching.fullBatch()),
                Training.transition(data, Batching.fullBatch(), Losses.squaredError(), sgd));
    }

    Run<Count> run() {
        return Training.run(initial, transition);
    }
}
