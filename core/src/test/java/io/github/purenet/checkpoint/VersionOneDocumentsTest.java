package io.github.purenet.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Documents of format version 1, written by the codec of that version and kept as test resources
 * ({@code v1/network.json}, {@code v1/train-state.json}, {@code v1/model.json}), decode to the values
 * that the same computation gives today, bit for bit: a later version of the format must go on
 * reading them. The values are a 3-5-2 network drawn from a key, the state after 7 steps of Adam on
 * six examples in batches of 4 (epoch 3 from 0, its second batch, a mid-epoch order), and a model with a
 * standardisation, class names and a held-out part.
 */
class VersionOneDocumentsTest {

    static final Optimizer<Chain<Moments, Count>> ADAM = Optimizers.adam(0.01);

    static Network network() {
        return Initializers.network(Key.of(7), Initializers.glorotUniform(), Vector.of(3, 5, 2),
                Vector.of(Activations.tanh(), Activations.softmax()));
    }

    static Dataset data() {
        return Dataset.classification(Matrix.of(6, 3, (i, j) -> StrictMath.sin(1.0 + 3 * i + j)),
                Vector.of(0, 1, 1, 0, 1, 0), 2);
    }

    static TrainState<Chain<Moments, Count>> state() {
        Batching batching = Batching.miniBatches(4);
        return Training.run(Training.init(network(), ADAM, Key.of(11), data(), batching),
                Training.transition(data(), batching, Losses.softmaxCrossEntropy(), ADAM)).get(7);
    }

    static Model model() {
        Dataset data = data();
        return Model.of(state().network())
                .withStandardization(io.github.purenet.data.Standardization.fit(data.features()))
                .withClassNames(Vector.of("no", "yes"))
                .withHeldOut(HeldOut.stratified(data, Key.of(3), 0.5));
    }

    private static String resource(String name) {
        try (InputStream in = VersionOneDocumentsTest.class.getResourceAsStream("v1/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aVersionOneNetworkDecodesToTheSameNetwork() {
        assertEquals(network(), Codec.standard().decodeNetwork(resource("network.json")));
    }

    @Test
    void aVersionOneTrainingStateDecodesToTheSameStateAndContinuesAsTheRunDoes() {
        TrainState<Chain<Moments, Count>> decoded = Codec.standard().decodeTrainState(resource("train-state.json"), ADAM);
        assertEquals(state(), decoded);
        assertEquals(7, decoded.step());
        assertEquals(3, decoded.epoch());
        assertEquals(1, decoded.batch());
    }

    @Test
    void aVersionOneModelDecodesToTheSameModel() {
        assertEquals(model(), Codec.standard().decodeModel(resource("model.json")));
    }
}
