package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.LastBatch;
import io.github.purenet.data.Standardization;
import io.github.purenet.data.Table;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Trace;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.TrainingCase;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.junit.jupiter.api.Test;

/**
 * A dataset stored compactly (levels, floats, one-hot targets as labels, standardised when read)
 * gives the batches, the training states and the evaluations of the same dataset held as matrices
 * of doubles, bit for bit; and evaluation in blocks gives what one forward pass over all the
 * examples gives, computed here as {@code Evaluation.of} computed it before it evaluated in blocks.
 */
class CompactDataTest {

    /** The features as levels (quarters), floats or doubles, so that each storage is used. */
    private static Matrix quantised(Matrix x, int kind) {
        return switch (kind) {
            case 0 -> x.map(v -> Math.round(v * 4) / 4.0);
            case 1 -> x.map(v -> (double) (float) (v * 1e3));
            default -> x;
        };
    }

    /** The same examples stored compactly: one-hot targets as labels, anything else compacted. */
    private static Dataset compact(Matrix x, Matrix y) {
        Table features = Table.compact(x);
        return y.columns() >= 2 && Datasets.oneHot(Datasets.labels(y), y.columns()).equals(y)
                ? Dataset.classification(features, Datasets.labels(y), y.columns())
                : Dataset.of(features, Table.compact(y));
    }

    @Test
    void compactAndDoubleStorageGiveTheSameBatchesForEveryBatching() {
        Property.forAll(Generators.pairs(Generators.datasets().classification(), Generators.keys())).trials(200)
                .check(p -> {
                    for (int kind = 0; kind < 3; kind++) {
                        Matrix x = quantised(p._1.features().matrix(), kind);
                        Matrix y = p._1.targets().matrix();
                        Dataset doubles = new Dataset(x, y);
                        Standardization s = Standardization.fit(x);
                        for (Dataset[] pair : new Dataset[][] {{doubles, compact(x, y)},
                                {s.apply(doubles), s.apply(compact(x, y))}}) {
                            int n = x.rows();
                            for (Batching b : Vector.of(Batching.fullBatch(), Batching.miniBatches(1),
                                    Batching.miniBatches(Math.max(1, n / 3)), Batching.miniBatches(n + 1).withShuffle(false),
                                    Batching.miniBatches(Math.max(1, n / 2)).withLastBatch(LastBatch.DROP))) {
                                for (long epoch = 0; epoch < 2; epoch++) {
                                    for (int k = 0; k < b.batchesPerEpoch(n); k++) {
                                        assertEquals(b.batch(pair[0], p._2, epoch, k), b.batch(pair[1], p._2, epoch, k),
                                                b + " epoch " + epoch + " batch " + k);
                                    }
                                }
                            }
                            assertEquals(pair[0], pair[1]);
                        }
                    }
                });
    }

    @Test
    void compactAndDoubleStorageGiveTheSameTrainingStatesAndEvaluations() {
        Property.forAll(Generators.trainings()).trials(100).check(t -> {
            for (int kind = 0; kind < 3; kind++) {
                Matrix x = quantised(t.data().features().matrix(), kind);
                Matrix y = t.data().targets().matrix();
                TrainingCase<?> doubles = TrainingCase.of(t.network(), new Dataset(x, y), t.loss(), t.batching(),
                        t.optimizer(), t.key(), t.steps());
                TrainingCase<?> compact = TrainingCase.of(t.network(), compact(x, y), t.loss(), t.batching(),
                        t.optimizer(), t.key(), t.steps());
                assertEquals(doubles.state(), compact.state(), "kind " + kind);
                Network trained = doubles.state().network();
                assertEquals(Try.of(() -> Evaluation.of(trained, doubles.data(), t.loss())).toOption(),
                        Try.of(() -> Evaluation.of(trained, compact.data(), t.loss())).toOption());
            }
        });
    }

    /** Evaluation as one forward pass over all the examples: Evaluation.of as it was before blocks. */
    private static Evaluation onePass(Network network, Matrix x, Matrix y, Loss loss) {
        Trace trace = Backprop.forward(network, x, Mode.evaluation());
        double value = Backprop.loss(network, trace, y, loss);
        Matrix outputs = trace.output();
        int classes = Math.max(2, outputs.columns());
        Vector<Integer> actual = Evaluation.classesOf(y);
        ConfusionMatrix confusion = ConfusionMatrix.of(actual, Evaluation.classesOf(outputs), classes);
        Option<Double> logLoss = network.outputsProbabilities() ? Option.some(Metrics.logLoss(outputs, actual)) : Option.none();
        Option<Double> rocAuc = classes == 2
                ? Metrics.rocAuc(Vector.range(0, outputs.rows()).map(i -> outputs.get(i, outputs.columns() - 1)), actual)
                : Option.none();
        return new Evaluation(value, confusion, logLoss, rocAuc);
    }

    @Test
    void evaluationInBlocksGivesTheBitsOfOnePassOverAllTheExamples() {
        Property.forAll(Generators.pairs(Generators.architectures(), Generators.keys())).trials(25).check(p -> {
            Network network = p._1;
            Vector<Key> keys = p._2.split(3);
            int rows = Blocks.ROWS + 1 + (int) (keys.get(0).uniform().value() * 1500);
            int outputs = network.outputs();
            Matrix x = quantised(keys.get(1).uniform(rows, network.inputs(), -2, 2).value(), rows % 2);
            Vector<Integer> labels = Vector.range(0, rows).map(i -> (int) (keys.get(2).uniformAt(i) * Math.max(2, outputs)));
            Matrix y = outputs == 1 ? Matrix.of(rows, 1, (i, j) -> labels.get(i)) : Datasets.oneHot(labels, outputs);
            FusedLoss fused = outputs == 1 ? Losses.binaryCrossEntropy() : Losses.softmaxCrossEntropy();
            Loss loss = network.finalActivation().contains(fused.activation()) ? fused : Losses.squaredError();
            Evaluation expected = onePass(network, x, y, loss);
            assertEquals(expected, Evaluation.of(network, new Dataset(x, y), loss));
            assertEquals(expected, Evaluation.of(network, compact(x, y), loss));
        });
    }
}
