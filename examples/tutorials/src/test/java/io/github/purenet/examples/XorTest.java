package io.github.purenet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * XOR is learnt, and the run is bit-identical on every JVM: the SHA-256 of the network's exact
 * doubles after 2,000 steps from seed 42 is pinned here, and the build checks it on JDK 17 and on
 * JDK 25.
 */
class XorTest {

    /** SHA-256 of the network after 2,000 steps from seed 42 (see {@link #sha256}). */
    private static final String PINNED = "33c0fe17be3e4c7ff1a6a011f05c55dc621e6932a8b6f84772e4114ed589b3bb";

    /**
     * SHA-256 over every parameter as the 8 big-endian bytes of its IEEE 754 bits, in the order of
     * Network.parameters() (layer by layer, the weights row by row, then the bias).
     */
    static String sha256(Network network) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(network.parameterCount()) * Double.BYTES);
        for (Matrix m : network.parameters()) {
            for (double[] row : m.toArray()) {
                for (double x : row) {
                    bytes.putLong(Double.doubleToRawLongBits(x));
                }
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }

    @Test
    void learnsXorToFullAccuracy() {
        Network network = Xor.run(42).get(Xor.STEPS).network();
        Evaluation e = Evaluation.of(network, new Dataset(Xor.INPUTS, Xor.TARGETS), Losses.binaryCrossEntropy());
        assertEquals(1.0, e.accuracy());
    }

    @Test
    void theNetworkAfter2000StepsFromSeed42HasThePinnedBitsOnEveryJvm() throws Exception {
        assertEquals(PINNED, sha256(Xor.run(42).get(Xor.STEPS).network()),
                "java " + System.getProperty("java.version") + " on " + System.getProperty("os.arch"));
    }
}
