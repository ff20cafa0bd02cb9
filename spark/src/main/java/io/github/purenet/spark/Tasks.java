package io.github.purenet.spark;

import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Sharding;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The executors' side of {@link SparkTrainer}: what a step sends them, what a task computes, and
 * what it returns.
 */
final class Tasks {

    private Tasks() {
    }

    /** One task's work: the sums of the tree's nodes that its shards fill, and the time it took. */
    static Result compute(Shared shared, StepInput in, int[] range) {
        long start = System.nanoTime();
        Network network = shared.network().withParameters(matrices(in.parameters())).withState(matrices(in.state()));
        Sharding sharding = Sharding.of(in.shards());
        int n = in.rows().length;
        Mode mode = in.training() ? Mode.training(new Key(in.keyState(), in.keyGamma())) : Mode.evaluation();
        Loss loss = in.loss().get();
        List<Part> parts = new ArrayList<>();
        for (Sharding.Node node : sharding.nodes(range[0], range[1])) {
            Option<LossAndGradients> sum = sharding.sum(node, s -> {
                Vector<Integer> rows = sharding.rows(s, n).map(r -> in.rows()[r]);
                if (rows.isEmpty()) {
                    return Option.none();
                }
                Dataset d = shared.data().rows(rows);
                return Option.some(sharding.partial(s, n, network, d.features().matrix(), d.targets().matrix(), loss,
                        mode));
            }, Sharding::plus);
            parts.add(Part.of(node, sum));
        }
        return new Result(parts, System.nanoTime() - start);
    }

    static double[][][] arrays(Vector<Matrix> matrices) {
        return matrices.map(Matrix::toArray).toJavaArray(double[][][]::new);
    }

    private static Vector<Matrix> matrices(double[][][] arrays) {
        return Vector.of(arrays).map(Matrix::of);
    }

    /**
     * What a step sends: the parameters and state, the batch's rows in the data, the sharding, the
     * mode's key and the loss.
     */
    record StepInput(double[][][] parameters, double[][][] state, int[] rows, int shards, boolean training,
            long keyState, long keyGamma, SentLoss loss) implements Serializable {
    }

    /** A loss as it travels: a serializable loss itself, or a built-in loss by its name. */
    record SentLoss(Loss loss, String builtIn) implements Serializable {

        private static final Vector<Loss> BUILT_IN = Vector.of(Losses.squaredError(), Losses.meanSquaredError(),
                Losses.softmaxCrossEntropy(), Losses.binaryCrossEntropy());

        static SentLoss of(Loss loss) {
            if (loss instanceof Serializable) {
                return new SentLoss(loss, null);
            }
            if (BUILT_IN.contains(loss)) {
                return new SentLoss(null, loss.name());
            }
            throw new IllegalArgumentException("SparkTrainer: the loss " + loss.name() + " (" + loss.getClass().getName()
                    + ") is not Serializable, so it cannot be sent to the executors; implement java.io.Serializable");
        }

        Loss get() {
            return loss != null ? loss : BUILT_IN.find(l -> l.name().equals(builtIn)).get();
        }
    }

    /** What a task returns: the sum of each of its nodes, and the time its computation took. */
    record Result(List<Part> parts, long nanos) implements Serializable {
    }

    /** A node's sum, if any shard in it was not empty. */
    record Part(int from, int to, boolean present, double loss, double[][][] gradients, double[][][] state)
            implements Serializable {

        static Part of(Sharding.Node node, Option<LossAndGradients> sum) {
            return sum.map(s -> new Part(node.from(), node.to(), true, s.loss(), arrays(s.gradients().values()),
                    arrays(s.state()))).getOrElse(new Part(node.from(), node.to(), false, 0, null, null));
        }

        Option<LossAndGradients> value(Vector<String> paths) {
            return present ? Option.some(new LossAndGradients(loss, new Gradients(paths, matrices(gradients)),
                    matrices(state))) : Option.none();
        }
    }
}
