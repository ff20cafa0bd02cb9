package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.CheckpointException;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Threads;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.ProblemGenerator;
import io.github.purenet.testing.Property;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sharded gradients: the rows of each shard, the tree that adds the shards' sums (against a
 * padded tree written here), the same bits for any number of threads and any way of sharing the
 * shards out, one shard as the unsharded run, many shards near it, and the bad input.
 */
class ShardingTest {

    private static final Generator<Tuple2<Problem, Key>> STATELESS = Generators.pairs(Generators.problems()
            .networks(Generators.architectures()).batch(1, 24), Generators.keys());

    @Test
    void theShardsCutEveryBatchIntoContiguousRunsOfAlmostEqualSize() {
        for (int shards = 1; shards <= 20; shards++) {
            Sharding sharding = Sharding.of(shards);
            for (int n = 0; n <= 50; n++) {
                assertEquals(0, sharding.from(0, n));
                assertEquals(n, sharding.from(shards, n));
                for (int s = 0; s < shards; s++) {
                    int size = sharding.from(s + 1, n) - sharding.from(s, n);
                    assertTrue(size == n / shards || size == n / shards + 1, shards + " shards of " + n + ": " + size);
                    assertEquals((int) Math.floor((double) s * n / shards), sharding.from(s, n));
                }
            }
        }
    }

    /** The tree written out here: leaves padded with -0.0 to a power of two, then halved level by level. */
    private static double paddedTree(double[] leaves) {
        int width = 1;
        while (width < leaves.length) {
            width *= 2;
        }
        double[] level = new double[width];
        java.util.Arrays.fill(level, -0.0);
        System.arraycopy(leaves, 0, level, 0, leaves.length);
        while (width > 1) {
            width /= 2;
            for (int i = 0; i < width; i++) {
                level[i] = level[2 * i] + level[2 * i + 1];
            }
        }
        return level[0];
    }

    @Test
    void theTreeIsTheBalancedTreePaddedWithNegativeZerosHoweverTheShardsAreSharedOut() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int shards = 1 + random.nextInt(40);
            Sharding sharding = Sharding.of(shards);
            double[] leaves = new double[shards];
            for (int s = 0; s < shards; s++) { // magnitudes far apart, so that the order of the additions shows
                leaves[s] = random.nextBoolean() ? -0.0 : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30));
            }
            double expected = paddedTree(leaves);
            Option<Double> whole = sharding.sum(new Sharding.Node(0, sharding.leaves()), s -> Option.some(leaves[s]),
                    Double::sum);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(whole.get()), "whole tree");
            // tasks of random contiguous ranges, each adding up its own nodes, the driver the rest
            Map<Sharding.Node, Option<Double>> sums = HashMap.empty();
            int at = 0;
            while (at < shards) {
                int to = Math.min(shards, at + 1 + random.nextInt(shards));
                for (Sharding.Node node : sharding.nodes(at, to)) {
                    assertTrue(node.from() >= at && Math.min(node.to(), shards) <= to, node + " in [" + at + ", " + to + ")");
                    sums = sums.put(node, sharding.sum(node, s -> Option.some(leaves[s]), Double::sum));
                }
                at = to;
            }
            double combined = sharding.combine(sums, Double::sum).get();
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(combined), sums.keySet().toString());
        }
    }

    @Test
    void nodesThatDoNotHoldEveryShardOnceAreRefused() {
        Sharding four = Sharding.of(4);
        Map<Sharding.Node, Option<Double>> missing = HashMap.of(new Sharding.Node(0, 2), Option.some(1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> four.combine(missing, Double::sum)).getMessage()
                .contains("do not hold each of the 4 shards exactly once"));
        Map<Sharding.Node, Option<Double>> twice = HashMap.of(new Sharding.Node(0, 4), Option.some(1.0),
                new Sharding.Node(2, 3), Option.some(1.0));
        assertThrows(IllegalArgumentException.class, () -> four.combine(twice, Double::sum));
        assertThrows(IllegalArgumentException.class, () -> new Sharding.Node(1, 3));
        assertThrows(IllegalArgumentException.class, () -> Sharding.of(0));
    }

    @Test
    void everyBuiltInLossSplitsByRowsWithTheBitsOfTheWholeBatch() {
        SplittableRandom random = new SplittableRandom(5);
        for (Loss loss : Vector.of(Losses.squaredError(), Losses.meanSquaredError(), Losses.softmaxCrossEntropy(),
                Losses.binaryCrossEntropy())) {
            int n = 9;
            Matrix p = Matrix.of(n, 3, (i, j) -> 0.05 + 0.9 * random.nextDouble());
            Matrix y = Matrix.of(n, 3, (i, j) -> random.nextInt(2));
            Loss whole = loss.shard(n).get();
            assertEquals(loss.value(p, y), whole.value(p, y), loss.name());
            assertEquals(loss.gradient(p, y), whole.gradient(p, y), loss.name());
            Vector<Integer> rows = Vector.of(2, 3, 4);
            assertEquals(loss.gradient(p, y).selectRows(rows), whole.gradient(p.selectRows(rows), y.selectRows(rows)),
                    loss.name() + ": a shard's rows of the gradient are the batch's");
            assertEquals(loss.getClass(), whole.getClass(), "a fused loss stays fused");
        }
    }

    /** The run of a problem whose rows are the data, in batches of {@code rows} rows (the last one maybe fewer). */
    private static <S> Vector<TrainState<S>> run(Problem c, int rows, Key key, Optimizer<S> optimizer,
            Sharding sharding, int steps) {
        Dataset data = new Dataset(c.inputs(), c.targets());
        Batching batching = Batching.miniBatches(rows);
        TrainState<S> initial = Training.init(c.network(), optimizer, key, data, batching, sharding);
        return Vector.ofAll(Training.run(initial, Training.transition(data, batching, c.loss(), optimizer)).take(steps));
    }

    @Test
    void oneShardIsTheUnshardedRunBitForBit() {
        Property.forAll(STATELESS).trials(60).check(t -> {
            Problem c = t._1;
            if (!c.network().statePaths().isEmpty()) {
                return; // batch normalisation: refused with more shards, and by batches of one row
            }
            var adam = Optimizers.adam(0.01);
            int rows = c.batch() / 2 + 1;
            assertEquals(run(c, rows, t._2, adam, Sharding.NONE, 8), run(c, rows, t._2, adam, Sharding.of(1), 8));
            Dataset data = new Dataset(c.inputs(), c.targets());
            Batching batching = Batching.miniBatches(rows);
            assertEquals(Vector.ofAll(Training.run(Training.init(c.network(), adam, t._2, data, batching),
                    Training.transition(data, batching, c.loss(), adam)).take(8)),
                    run(c, rows, t._2, adam, Sharding.NONE, 8));
        });
    }

    @Test
    void manyShardsGiveTheSameBitsOnOneTwoAndSixteenThreadsAndStayNearTheUnshardedRun() {
        Property.forAll(STATELESS).trials(40).check(t -> {
            Problem c = t._1;
            if (!c.network().statePaths().isEmpty() || c.batch() < 2) {
                return;
            }
            int shards = 2 + (int) Math.floorMod(t._2.state(), Math.min(7, c.batch() - 1));
            int rows = Math.max(shards, c.batch() * 2 / 3); // a last batch of fewer rows than shards, at times
            var sgd = Optimizers.sgd(0.01);
            Vector<?> one = Threads.in(1, () -> run(c, rows, t._2, sgd, Sharding.of(shards), 6));
            assertEquals(one, Threads.in(2, () -> run(c, rows, t._2, sgd, Sharding.of(shards), 6)));
            assertEquals(one, Threads.in(16, () -> run(c, rows, t._2, sgd, Sharding.of(shards), 6)));
            // a different order of the same additions: near the unsharded run, dropout's masks included
            Vector<?> plain = run(c, rows, t._2, sgd, Sharding.NONE, 6);
            for (int k = 1; k < 6; k++) {
                TrainState<?> a = (TrainState<?>) plain.get(k);
                TrainState<?> b = (TrainState<?>) one.get(k);
                assertNear(a.network().parameters(), b.network().parameters(), a.lossOrNaN(), b.lossOrNaN(),
                        c + ", " + shards + " shards, step " + k);
            }
        });
    }

    private static void assertNear(Vector<Matrix> expected, Vector<Matrix> actual, double expectedLoss, double actualLoss,
            String what) {
        assertEquals(expectedLoss, actualLoss, 1e-10 * (1 + Math.abs(expectedLoss)), what + ": loss");
        for (int m = 0; m < expected.size(); m++) {
            Matrix e = expected.get(m);
            Matrix a = actual.get(m);
            double scale = 1;
            for (int i = 0; i < e.rows(); i++) {
                for (int j = 0; j < e.columns(); j++) {
                    scale = Math.max(scale, 1 + Math.abs(e.get(i, j)));
                }
            }
            for (int i = 0; i < e.rows(); i++) {
                for (int j = 0; j < e.columns(); j++) {
                    assertEquals(e.get(i, j), a.get(i, j), 1e-10 * scale, what + ": parameter " + m);
                }
            }
        }
    }

    /** XOR with a dropout layer: the masks are drawn by the row's number in the whole batch. */
    private static Network dropoutNet() {
        Key k = Key.of(3);
        return Network.of(Shape.of(2), Initializers.dense(k.foldIn(0), Initializers.glorotUniform(), 2, 8, Activations.tanh()), Dropout.of(0.5),
                Initializers.dense(k.foldIn(1), Initializers.glorotUniform(), 8, 1, Activations.sigmoid()));
    }

    @Test
    void dropoutMasksDoNotDependOnTheSharding() {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.of(new double[][] {{0}, {1}, {1}, {0}, {0}, {1}, {1}, {0}});
        Problem c = new Problem(dropoutNet(), x, y, Losses.binaryCrossEntropy());
        var sgd = Optimizers.sgd(0.5);
        Vector<? extends TrainState<?>> plain = run(c, 8, Key.of(9), sgd, Sharding.NONE, 50);
        for (int shards : new int[] {2, 3, 4}) {
            Vector<? extends TrainState<?>> sharded = run(c, 8, Key.of(9), sgd, Sharding.of(shards), 50);
            assertNear(plain.last().network().parameters(), sharded.last().network().parameters(),
                    plain.last().lossOrNaN(), sharded.last().lossOrNaN(), shards + " shards");
            assertNotEquals(plain.last(), sharded.last(), "other sums, other bits");
        }
    }

    @Test
    void badShardingsAreRefusedWhereTheRunStarts() {
        Dataset data = new Dataset(Matrix.of(4, 2, (i, j) -> i + j), Matrix.of(4, 1, (i, j) -> i % 2));
        var sgd = Optimizers.sgd(0.1);
        Network net = Network.of(Initializers.dense(Key.of(1), Initializers.glorotUniform(), 2, 1, Activations.sigmoid()));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Training.init(net, sgd, Key.of(1), data, Batching.miniBatches(3), Sharding.of(4)));
        assertEquals("init: 4 shards for batches of 3 rows: a sharding cannot have more shards than a batch has rows",
                tooMany.getMessage());
        Network normalised = Network.of(Shape.of(2), Initializers.dense(Key.of(1), Initializers.glorotUniform(), 2, 3, Activations.relu()), BatchNorm.of(3),
                Initializers.dense(Key.of(2), Initializers.glorotUniform(), 3, 1, Activations.sigmoid()));
        String message = assertThrows(IllegalArgumentException.class,
                () -> Training.init(normalised, sgd, Key.of(1), data, Batching.miniBatches(4), Sharding.of(2)))
                .getMessage();
        assertTrue(message.contains("2 shards cannot train a network with non-trainable state (layers[1]."), message);
        assertTrue(message.contains("batch normalisation"), message);
        Loss own = new Loss() {
            @Override
            public String name() {
                return "own";
            }

            @Override
            public double value(Matrix prediction, Matrix target) {
                return Losses.squaredError().value(prediction, target);
            }

            @Override
            public Matrix gradient(Matrix prediction, Matrix target) {
                return Losses.squaredError().gradient(prediction, target);
            }
        };
        TrainState<?> initial = Training.init(net, sgd, Key.of(1), data, Batching.miniBatches(4), Sharding.of(2));
        Function<TrainState<Object>, TrainState<Object>> step = castTransition(data, own, sgd);
        String refused = assertThrows(IllegalArgumentException.class, () -> step.apply(cast(initial))).getMessage();
        assertTrue(refused.startsWith("sharding: the loss own cannot be split into shards of a batch: implement "
                + "Loss.shard(int)"), refused);
        TrainState<?> unsharded = Training.init(net, sgd, Key.of(1), data, Batching.miniBatches(4));
        assertEquals(1, step.apply(cast(unsharded)).step(), "one shard never asks the loss to split");
    }

    @SuppressWarnings("unchecked")
    private static Function<TrainState<Object>, TrainState<Object>> castTransition(Dataset data, Loss loss,
            Optimizer<?> optimizer) {
        return Training.transition(data, Batching.miniBatches(4), loss, (Optimizer<Object>) optimizer);
    }

    @SuppressWarnings("unchecked")
    private static TrainState<Object> cast(TrainState<?> state) {
        return (TrainState<Object>) state;
    }

    @Test
    void aCheckpointKeepsTheShardingAndResumesToTheSameBits() {
        Matrix x = Matrix.of(12, 2, (i, j) -> Math.sin(i + 3 * j));
        Matrix y = Matrix.of(12, 1, (i, j) -> i % 3 == 0 ? 1 : 0);
        Problem c = new Problem(dropoutNet(), x, y, Losses.binaryCrossEntropy());
        var adam = Optimizers.adam(0.05);
        Vector<? extends TrainState<?>> straight = run(c, 5, Key.of(4), adam, Sharding.of(3), 30);
        Codec codec = Codec.standard();
        TrainState<?> middle = straight.get(11);
        String document = encode(codec, middle, adam);
        assertTrue(document.contains("\"shards\" : 3"), "the document records the sharding");
        TrainState<?> decoded = decode(codec, document, adam);
        assertEquals(middle, decoded);
        assertEquals(Sharding.of(3), decoded.sharding());
        Dataset data = new Dataset(x, y);
        Batching batching = Batching.miniBatches(5);
        TrainState<?> resumed = resume(decoded, data, batching, c.loss(), adam, 30 - 1 - 11);
        assertEquals(straight.last(), resumed);
        assertTrue(!encode(codec, run(c, 5, Key.of(4), adam, Sharding.NONE, 2).get(1), adam).contains("shards"),
                "one shard is not written");
        CheckpointException one = assertThrows(CheckpointException.class,
                () -> decode(codec, document.replace("\"shards\" : 3", "\"shards\" : 1"), adam));
        assertTrue(one.getMessage().contains("shards"), one.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static String encode(Codec codec, TrainState<?> state, Optimizer<?> optimizer) {
        return codec.encode((TrainState<Object>) state, (Optimizer<Object>) optimizer);
    }

    @SuppressWarnings("unchecked")
    private static TrainState<?> decode(Codec codec, String document, Optimizer<?> optimizer) {
        return codec.decodeTrainState(document, (Optimizer<Object>) optimizer);
    }

    @SuppressWarnings("unchecked")
    private static TrainState<?> resume(TrainState<?> state, Dataset data, Batching batching, Loss loss,
            Optimizer<?> optimizer, int steps) {
        Optimizer<Object> o = (Optimizer<Object>) optimizer;
        return Training.run((TrainState<Object>) state, Training.transition(data, batching, loss, o)).get(steps);
    }
}
