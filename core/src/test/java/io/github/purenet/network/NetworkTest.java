package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Which networks output the probabilities of classes: softmax over two or more outputs, sigmoid over one. */
class NetworkTest {

    private static boolean probabilities(int outputs, Activation last) {
        Dense hidden = new Dense(Matrix.filled(4, 2, 0.1), Matrix.filled(1, 4, 0.0), Activations.tanh());
        Dense output = new Dense(Matrix.filled(outputs, 4, 0.1), Matrix.filled(1, outputs, 0.0), last);
        return Network.of(hidden, output).outputsProbabilities();
    }

    @Test
    void softmaxOverTwoOrMoreOutputsAndSigmoidOverOneOutputProbabilities() {
        assertEquals(true, probabilities(2, Activations.softmax()));
        assertEquals(true, probabilities(10, Activations.softmax()));
        assertEquals(true, probabilities(1, Activations.sigmoid()));
        assertEquals(false, probabilities(1, Activations.softmax()), "softmax over one output is always 1");
        assertEquals(false, probabilities(3, Activations.sigmoid()), "sigmoids over several outputs need not sum to 1");
        assertEquals(false, probabilities(3, Activations.relu()));
        assertEquals(false, probabilities(1, Activations.identity()));
        assertEquals(false, Network.of(new Dense(Matrix.filled(3, 2, 0.1), Matrix.filled(1, 3, 0.0),
                Activations.tanh())).outputsProbabilities());
    }

    /** Two networks have one structure when only their values differ: kinds, sizes, paths and shapes all count. */
    @Test
    void hasStructureOfComparesEverythingButTheValues() {
        Network net = Network.of(Shape.of(2), Initializers.dense(Key.of(1), Initializers.glorotUniform(), 2, 3,
                Activations.relu()), BatchNorm.of(3));
        Network otherValues = Network.of(Shape.of(2), Initializers.dense(Key.of(2), Initializers.glorotUniform(), 2, 3,
                Activations.relu()), BatchNorm.of(3));
        assertTrue(net.hasStructureOf(otherValues));
        assertTrue(net.hasStructureOf(net.withState(net.state().map(m -> m.scale(2.0)))));
        assertFalse(net.hasStructureOf(Network.of(Shape.of(2), Initializers.dense(Key.of(1),
                Initializers.glorotUniform(), 2, 3, Activations.sigmoid()), BatchNorm.of(3))), "another activation");
        assertFalse(net.hasStructureOf(Network.of(Shape.of(2), Initializers.dense(Key.of(1),
                Initializers.glorotUniform(), 2, 4, Activations.relu()), BatchNorm.of(4))), "other sizes");
        assertFalse(net.hasStructureOf(Network.of(Shape.of(2), Initializers.dense(Key.of(1),
                Initializers.glorotUniform(), 2, 3, Activations.relu()))), "no state");
        assertFalse(net.hasStructureOf(Network.of(Shape.of(2), Initializers.dense(Key.of(1),
                Initializers.glorotUniform(), 2, 3, Activations.relu()), LayerNorm.of(3))), "another layer");
    }
}
