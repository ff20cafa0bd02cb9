package io.github.purenet;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;

/** Seed 001's 2-3-3 ReLU/softmax network of section 4.4 and its one example, for the tests. */
public final class Seed001 {

    /** The example's input, {@code [2, 3]}. */
    public static final Matrix INPUT = Matrix.row(2.0, 3.0);
    /** The example's one-hot target, {@code [1, 0, 0]}. */
    public static final Matrix TARGET = Matrix.row(1.0, 0.0, 0.0);

    private Seed001() {
    }

    /** @return the network before training */
    public static Network network() {
        return Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
    }
}
