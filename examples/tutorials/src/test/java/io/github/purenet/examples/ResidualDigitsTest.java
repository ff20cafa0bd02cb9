package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.random.Key;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The residual network starts from the plain MLP's dense weights, and the example prints the
 * figures of seed 42: the residual network with layer normalisation and dropout reaches 98.61% test
 * accuracy where the plain MLP of the same depth reaches 95.54%.
 */
class ResidualDigitsTest {

    @Test
    void bothNetworksStartFromTheSameDenseWeights() {
        Network plain = ResidualDigits.plain(Key.of(3));
        Network residual = ResidualDigits.residual(Key.of(3));
        assertEquals(ResidualDigits.DEPTH + 1, plain.layers().size());
        assertEquals(ResidualDigits.DEPTH + 1, residual.layers().size());
        for (int i = 0; i < ResidualDigits.DEPTH; i++) {
            Sequential block = (Sequential) (i == 0 ? residual.layers().get(0)
                    : ((Residual) residual.layers().get(i)).inner());
            assertEquals(plain.dense(i).weights(), ((Dense) block.layers().get(0)).weights(), "hidden layer " + i);
        }
        assertEquals(plain.dense(ResidualDigits.DEPTH), residual.dense(ResidualDigits.DEPTH));
        // the dense layers' weights and biases, and a scale and an offset of 64 per layer normalisation
        int dense = ResidualDigits.DEPTH * (64 * 64 + 64) + 64 * 10 + 10;
        assertEquals(dense, plain.parameterCount());
        assertEquals(dense + ResidualDigits.DEPTH * 2 * 64, residual.parameterCount());
    }

    @Test
    void printsBothAccuraciesOfSeed42() {
        List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> ExamplesTest.run(ResidualDigits::main));
        assertEquals("digits 8x8, Adam lr 0.003, 10 epochs of mini-batches of 32 (450 steps), seed 42", lines.get(0));
        assertEquals("plain MLP: Network[64-64-64-64-64-64-64-10 relu,relu,relu,relu,relu,relu,softmax]", lines.get(1));
        assertEquals("  25,610 parameters; training loss 0.0429, test accuracy 95.54% (343 of 359)", lines.get(2));
        assertEquals("residual network with layer normalisation and dropout: its summary below", lines.get(3));
        assertEquals("  26,378 parameters; training loss 0.0239, test accuracy 98.61% (354 of 359)", lines.get(4));
        assertEquals("layer                      kind             output  parameters", lines.get(6));
        assertTrue(lines.get(lines.size() - 1).matches("total +26,378"), lines.get(lines.size() - 1));
    }
}
