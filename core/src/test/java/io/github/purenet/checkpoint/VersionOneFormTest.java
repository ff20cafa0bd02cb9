package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.train.TrainState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec keeps version 1's forms of networks and gradients to read version-1 documents and to
 * check their hashes: written out, they give the very text the codec of version 1 wrote (the test
 * resources of {@link VersionOneDocumentsTest}), hash included. A version-1 document read and
 * written again becomes a version-2 document of the same value.
 */
class VersionOneFormTest {

    private static String resource(String name) {
        try (InputStream in = VersionOneFormTest.class.getResourceAsStream("v1/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFormsKeptForVersionOneWriteTheTextOfTheCodecOfVersionOneHashIncluded() {
        assertEquals(resource("network.json").strip(), VersionOneWriter.network(VersionOneDocumentsTest.network()));
        assertEquals(resource("train-state.json").strip(),
                VersionOneWriter.trainState(VersionOneDocumentsTest.state()));
        assertEquals(resource("model.json").strip(), VersionOneWriter.model(VersionOneDocumentsTest.model()));
    }

    @Test
    void aVersionOneDocumentWrittenAgainIsAVersionTwoDocumentOfTheSameValue() {
        Network network = CODEC.decodeNetwork(resource("network.json"));
        String again = CODEC.encode(network);
        assertTrue(again.contains("\"version\" : 2"), again);
        assertEquals(network, CODEC.decodeNetwork(again));
        Model model = CODEC.decodeModel(resource("model.json"));
        assertEquals(model, CODEC.decodeModel(CODEC.encode(model)));
        TrainState<Chain<Moments, Count>> state = CODEC.decodeTrainState(resource("train-state.json"),
                VersionOneDocumentsTest.ADAM);
        assertEquals(state, CODEC.decodeTrainState(CODEC.encode(state, VersionOneDocumentsTest.ADAM), VersionOneDocumentsTest.ADAM));
        assertEquals(CODEC.sha256(state), CODEC.sha256(CODEC.decodeTrainState(CODEC.encode(state, VersionOneDocumentsTest.ADAM),
                VersionOneDocumentsTest.ADAM)));
    }

    @Test
    void versionOneGradientsAndOptimizerStatesAreStillRead() {
        Gradients g = Documents.V1_SPECIAL_GRADIENTS;
        assertEquals(g, CODEC.decodeGradients(VersionOneWriter.gradients(g)));
        TrainState<Chain<Moments, Count>> s = VersionOneDocumentsTest.state();
        assertEquals(s.optimizerState(), CODEC.decodeOptimizerState(VersionOneWriter.optimizerState(
                s.optimizerState()), VersionOneDocumentsTest.ADAM, s.network()));
    }
}
