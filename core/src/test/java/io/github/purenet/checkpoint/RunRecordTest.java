package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.EmptyState;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedules;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Update;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * What a training state's document records of its run: the optimizer (refused under another, the
 * issue's example among them; a user's optimizers and schedules by their names; an unnamed one not
 * recorded at all) and the data (refused with other data); and documents written without them.
 */
class RunRecordTest {

    private static final Network NETWORK = Fixtures.seedNetwork();
    private static final Dataset DATA = new Dataset(Matrix.of(new double[][] {{2, 3}, {1, -1}, {0.5, 0.25}}),
            Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));

    private static <S> TrainState<S> state(Optimizer<S> optimizer) {
        return new TrainState<>(NETWORK, optimizer.init(NETWORK), 7, 2, 1, Vector.of(2, 0, 1), Key.of(9),
                Option.some(0.125));
    }

    @Test
    void clipAndAdamUnderACosineScheduleIsRefusedUnderClipAndAdamOfAnotherConstantRate() {
        Optimizer<Chain<EmptyState, Chain<Moments, Count>>> stored = Transforms.chain(Transforms.clipByGlobalNorm(1.0),
                Optimizers.adam(Schedules.cosineDecay(0.01, 1000, 0.0)));
        String json = CODEC.encode(state(stored), stored);
        Optimizer<Chain<EmptyState, Chain<Moments, Count>>> other = Transforms.chain(Transforms.clipByGlobalNorm(1.0),
                Optimizers.adam(0.5));
        CheckpointException e = refused(() -> CODEC.decodeTrainState(json, other),
                "$.train_state.optimizer.second.second.learning_rate");
        assertEquals("at $.train_state.optimizer.second.second.learning_rate: the document has cosine_decay("
                + "initial=0.01, decay_steps=1000, alpha=0.0), the optimizer given has constant(value=0.5): the stored "
                + "run used another optimizer, and would not resume as it ran", e.getMessage());
        Optimizer<Chain<EmptyState, Chain<Moments, Count>>> sameAgain = Transforms.chain(
                Transforms.clipByGlobalNorm(1.0), Optimizers.adam(Schedules.cosineDecay(0.01, 1000, 0.0)));
        assertEquals(state(stored), CODEC.decodeTrainState(json, sameAgain));
        refused(() -> CODEC.decodeTrainState(json, Transforms.chain(Transforms.clipByGlobalNorm(1.0),
                Optimizers.adam(Schedules.cosineDecay(0.5, 1000, 0.0)))),
                "$.train_state.optimizer.second.second.learning_rate.initial",
                "the document has 0.01, the optimizer given has 0.5");
    }

    @Test
    void theDocumentRecordsTheOptimizerAsItsFormatSays() {
        String json = CODEC.encode(state(Optimizers.sgd(Schedules.cosineDecay(0.01, 1000, 0.0))),
                Optimizers.sgd(Schedules.cosineDecay(0.01, 1000, 0.0)));
        assertEquals(Documents.tree("{\"kind\": \"scale_by_learning_rate\", \"learning_rate\": {\"kind\": "
                + "\"cosine_decay\", \"initial\": 0.01, \"decay_steps\": 1000, \"alpha\": 0.0}}"),
                Documents.tree(json).get("train_state").get("optimizer"));
        assertTrue(json.indexOf("\"network\"") < json.indexOf("\"optimizer\"")
                && json.indexOf("\"optimizer\"") < json.indexOf("\"optimizer_state\""), json);
    }

    @Test
    void aUsersOptimizerOrScheduleIsIdentifiedByItsName() {
        Optimizer<EmptyState> mine = Optimizer.stateless("halve", (g, network) -> g.scale(-0.5));
        String json = CODEC.encode(state(mine), mine);
        assertEquals(state(mine), CODEC.decodeTrainState(json, Optimizer.stateless("halve", (g, n) -> g.scale(-0.5))));
        refused(() -> CODEC.decodeTrainState(json, Optimizer.stateless("third", (g, n) -> g.scale(-0.3))),
                "$.train_state.optimizer.name", "the document has \"halve\", the optimizer given has \"third\"");
        refused(() -> CODEC.decodeTrainState(json, Transforms.scale(-0.5)), "$.train_state.optimizer",
                "the document has custom(name=\"halve\"), the optimizer given has scale(factor=-0.5)");

        Optimizer<Count> sqrt = Optimizers.sgd(Schedules.named("inverse_sqrt(0.1)", t -> 0.1 / StrictMath.sqrt(t + 1.0)));
        String scheduled = CODEC.encode(state(sqrt), sqrt);
        assertEquals(state(sqrt), CODEC.decodeTrainState(scheduled,
                Optimizers.sgd(Schedules.named("inverse_sqrt(0.1)", t -> 0.1 / StrictMath.sqrt(t + 1.0)))));
        refused(() -> CODEC.decodeTrainState(scheduled,
                Optimizers.sgd(Schedules.named("inverse_sqrt(0.2)", t -> 0.2 / StrictMath.sqrt(t + 1.0)))),
                "$.train_state.optimizer.learning_rate.name",
                "the document has \"inverse_sqrt(0.1)\", the optimizer given has \"inverse_sqrt(0.2)\"");
    }

    @Test
    void anUnnamedScheduleOrOptimizerIsRefusedWhenEncodedNamingWhereItIs() {
        Optimizer<Count> lambda = Optimizers.sgd(t -> 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encode(state(lambda), lambda));
        assertTrue(e.getMessage().startsWith("encode: optimizer.learning_rate is unnamed"), e.getMessage());
        assertTrue(e.getMessage().contains("Schedules.named("), e.getMessage());
        Optimizer<Count> joined = Optimizers.sgd(Schedules.join(Vector.of(Schedules.constant(0.1), t -> 0.05),
                Vector.of(10L)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CODEC.encode(state(joined), joined))
                .getMessage().startsWith("encode: optimizer.learning_rate.schedules[1] is unnamed"));
        Optimizer<EmptyState> bare = new Optimizer<>() {
            @Override
            public EmptyState init(Network network) {
                return EmptyState.INSTANCE;
            }

            @Override
            public Update<EmptyState> update(Gradients gradients, EmptyState state, Network network) {
                return new Update<>(gradients, state);
            }
        };
        Optimizer<Chain<EmptyState, Count>> chained = Transforms.chain(bare, Optimizers.sgd(0.1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CODEC.encode(state(chained), chained))
                .getMessage().startsWith("encode: optimizer.first is unnamed"));
    }

    @Test
    void otherDataAreRefusedNamingBothSizesAndDigestsAndTheSameDataAreAccepted() {
        Optimizer<Count> sgd = Optimizers.sgd(0.1);
        String json = CODEC.encode(state(sgd), sgd, Fingerprint.of(DATA));
        assertEquals(state(sgd), CODEC.decodeTrainState(json, sgd, Fingerprint.of(DATA)));
        assertEquals(state(sgd), CODEC.decodeTrainState(json, sgd), "without data, the data are not checked");
        Dataset oneUlp = new Dataset(DATA.features().matrix().map(x -> x == 0.25 ? Math.nextUp(x) : x),
                DATA.targets().matrix());
        Dataset fewer = new Dataset(Matrix.of(new double[][] {{2, 3}, {1, -1}}),
                Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}}));
        for (Dataset other : Vector.of(oneUlp, fewer)) {
            refused(() -> CODEC.decodeTrainState(json, sgd, Fingerprint.of(other)), "$.train_state.data",
                    "the document's run trained on 3 examples of 2 inputs and 3 outputs, SHA-256 "
                            + Fingerprint.of(DATA).sha256(),
                    "the data given are " + other.features().rows() + " examples of 2 inputs and 3 outputs, SHA-256 "
                            + Fingerprint.of(other).sha256(), "not the same data");
        }
        assertEquals(Documents.tree("{\"examples\": 3, \"inputs\": 2, \"outputs\": 3, \"sha256\": \""
                + Fingerprint.of(DATA).sha256() + "\"}"), Documents.tree(json).get("train_state").get("data"));
    }

    @Test
    void aFingerprintIsTheHeldOutDigestWithTheSizes() {
        Fingerprint f = Fingerprint.of(DATA);
        assertEquals(new Fingerprint(3, 2, 3, io.github.purenet.model.HeldOut.sha256(DATA)), f);
        assertEquals(f, Fingerprint.of(Dataset.of(DATA.features(), DATA.targets())), "a pure function of the bits");
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint(3, 2, 3, "ABC"));
    }

    @Test
    void documentsWrittenWithoutTheRecordsAreReadUnchecked() {
        Optimizer<Count> sgd = Optimizers.sgd(0.1);
        String json = CODEC.encode(state(sgd), sgd);
        String bare = Documents.remove(Fixtures.withoutSha(json), "$.train_state.optimizer");
        assertEquals(state(sgd), CODEC.decodeTrainState(bare, Optimizers.sgd(0.5), Fingerprint.of(DATA)),
                "neither the optimizer nor the data are recorded, so neither is checked");
        refused(() -> CODEC.decodeTrainState(json, Optimizers.sgd(0.5)), "$.train_state.optimizer.learning_rate.value",
                "the document has 0.1, the optimizer given has 0.5");
        // a description written by hand: another type of number is another value
        String integral = Documents.set(Fixtures.withoutSha(json), "$.train_state.optimizer.learning_rate.value", "1");
        refused(() -> CODEC.decodeTrainState(integral, Optimizers.sgd(1.0)),
                "$.train_state.optimizer.learning_rate.value", "the document has 1, the optimizer given has 1.0");
        TrainState<Chain<Moments, Count>> v1 = CODEC.decodeTrainState(Documents.V1_TRAIN, Optimizers.adam(0.5));
        assertEquals(Documents.V1_TRAIN_STATE, v1, "a version-1 document records no optimizer");
    }
}
