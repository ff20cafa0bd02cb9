package io.github.purenet.testing;

import io.github.purenet.Stacks;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Independent measures of how complex a generated value is, for the tests of shrinking: each is a
 * vector of counts compared lexicographically (the earlier count decides), written from the
 * generators' documentation rather than from their code. Decimals are counted on the shortest
 * decimal form of a double ({@link Double#toString}), not with the kit's rounding.
 */
final class Measures {

    private Measures() {
    }

    /** The decimals of the shortest decimal form of {@code x}: 0 for 0.0 and integers, 2 for 0.25. */
    static int decimals(double x) {
        return x == 0.0 ? 0 : Math.max(0, BigDecimal.valueOf(x).stripTrailingZeros().scale());
    }

    /** The entries of a matrix: how many are not 0, and their decimals. */
    static Vector<Integer> entries(Matrix m) {
        int nonZero = 0;
        int decimals = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                nonZero += m.get(i, j) == 0.0 ? 0 : 1;
                decimals += decimals(m.get(i, j));
            }
        }
        return Vector.of(nonZero, decimals);
    }

    /** The sum of the column indices of a matrix's non-zero entries: 0 when every 1 of one-hot rows is in column 0. */
    static int columnsInUse(Matrix m) {
        int sum = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                sum += m.get(i, j) == 0.0 ? 0 : j;
            }
        }
        return sum;
    }

    /** A matrix: rows plus columns, then its entries. */
    static Vector<Integer> matrix(Matrix m) {
        return Vector.of(m.rows() + m.columns()).appendAll(entries(m));
    }

    /** Targets: their entries, then the columns their non-zero entries use. */
    static Vector<Integer> targets(Matrix m) {
        return entries(m).append(columnsInUse(m));
    }

    /**
     * A network: layers; the sum of the widths of all layers; inputs; the sum of the positions of
     * the activations in {@link NetworkGenerator#builtInActivations()}; then its weights and biases.
     */
    static Vector<Integer> network(Network n) {
        Vector<Integer> nonZeroAndDecimals = Stacks.layers(n).map(d -> entries(d.weights()).zipWith(entries(d.bias()),
                Integer::sum)).fold(Vector.of(0, 0), (a, b) -> a.zipWith(b, Integer::sum));
        return Vector.of(n.layers().size(), Stacks.layers(n).map(Dense::outputs).sum().intValue(), n.inputs(),
                Stacks.layers(n).map(d -> NetworkGenerator.builtInActivations().indexOf(d.activation())).sum().intValue())
                .appendAll(nonZeroAndDecimals);
    }

    /**
     * A network of any architecture: its layers, blocks and projections counted; the sum of the
     * widths of its dense layers; inputs; the sum of the positions of the activations (of dense,
     * activation and convolution layers) in {@link NetworkGenerator#builtInActivations()}; then its numbers: how
     * many parameters, dropout rates and running means are not 0 and running variances not 1, and
     * the decimals of all of them and of the momenta.
     */
    static Vector<Integer> architecture(Network n) {
        Vector<Layer> all = n.layers().flatMap(Measures::nodes);
        int widths = 0;
        int activations = 0;
        Vector<Integer> numbers = Vector.of(0, 0);
        for (Layer l : all) {
            if (l instanceof Dense d) {
                widths += d.outputs();
                activations += NetworkGenerator.builtInActivations().indexOf(d.activation());
            } else if (l instanceof ActivationLayer a) {
                activations += NetworkGenerator.builtInActivations().indexOf(a.activation());
            } else if (l instanceof Conv2D c) {
                activations += NetworkGenerator.builtInActivations().indexOf(c.activation());
            } else if (l instanceof Dropout d) {
                numbers = numbers.zipWith(entries(Matrix.row(d.rate())), Integer::sum);
            } else if (l instanceof BatchNorm b) {
                int awayFromOne = (int) b.variance().map(v -> v == 1.0 ? 0 : 1).sum();
                int decimals = (int) b.variance().map(Measures::decimals).sum() + decimals(b.momentum());
                numbers = numbers.zipWith(entries(b.mean()), Integer::sum)
                        .zipWith(Vector.of(awayFromOne, decimals), Integer::sum);
            }
            for (Matrix m : l instanceof Sequential || l instanceof Residual ? Vector.<Matrix>empty() : l.parameters()) {
                numbers = numbers.zipWith(entries(m), Integer::sum);
            }
        }
        return Vector.of(all.size(), widths, n.inputs(), activations).appendAll(numbers);
    }

    /** Every layer of a tree, blocks included. */
    static Vector<Layer> nodes(Layer l) {
        if (l instanceof Sequential s) {
            return Vector.of(l).appendAll(s.layers().flatMap(Measures::nodes));
        }
        if (l instanceof Residual r) {
            return Vector.of(l).appendAll(nodes(r.inner())).appendAll(r.projection().toVector().flatMap(Measures::nodes));
        }
        return Vector.of(l);
    }

    /** A problem whose network may be of any architecture, measured as {@link #problem} does. */
    static Vector<Integer> architectureProblem(Problem p) {
        return architecture(p.network()).append(p.batch())
                .append(ProblemGenerator.builtInLosses().indexOf(p.loss()))
                .appendAll(entries(p.inputs())).appendAll(targets(p.targets()));
    }

    /** Gradients: their entries. */
    static Vector<Integer> gradients(Gradients g) {
        return Stacks.layers(g).map(d -> entries(d.weights()).zipWith(entries(d.bias()), Integer::sum))
                .fold(Vector.of(0, 0), (a, b) -> a.zipWith(b, Integer::sum));
    }

    /** A dataset: rows; feature plus target columns; the features' entries; the targets. */
    static Vector<Integer> dataset(Dataset d) {
        return Vector.of(d.size(), d.features().columns() + d.targets().columns()).appendAll(entries(d.features().matrix()))
                .appendAll(targets(d.targets().matrix()));
    }

    /** A problem: its network, batch, position of its loss among the built-ins, inputs' entries, targets. */
    static Vector<Integer> problem(Problem p) {
        return network(p.network()).append(p.batch())
                .append(ProblemGenerator.builtInLosses().indexOf(p.loss()))
                .appendAll(entries(p.inputs())).appendAll(targets(p.targets()));
    }

    /** An optimizer: position of its name, hyperparameters away from their defaults, significant digits of its rate. */
    static Vector<Integer> optimizer(OptimizerCase<?> o) {
        Vector<String> names = Vector.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
        long changed = OptimizerCase.defaults(o.name()).count(t -> !o.hyperparameters().get(t._1).contains(t._2));
        return Vector.of(names.indexOf(o.name()), (int) changed, BigDecimal.valueOf(o.hyperparameters()
                .get("learningRate").get()).stripTrailingZeros().precision());
    }

    /** A key made by {@code Key.of(seed)}: the magnitude of its seed, as four 16-bit digits, most significant first. */
    static Vector<Integer> key(Key k) {
        BigInteger magnitude = BigInteger.valueOf(k.state()).abs();
        return Vector.of(48, 32, 16, 0).map(shift -> magnitude.shiftRight(shift).intValue() & 0xFFFF);
    }

    /** A batching: not full, shuffled, dropping its last batch, then its size when not full. */
    static Vector<Integer> batching(Batching b) {
        boolean full = b.size() == Integer.MAX_VALUE;
        return Vector.of(full ? 0 : 1, b.shuffle() ? 1 : 0, b.lastBatch() == LastBatch.DROP ? 1 : 0, full ? 0 : b.size());
    }

    /** Whether {@code a} comes strictly before {@code b} in lexicographic order. */
    static boolean less(Vector<Integer> a, Vector<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return a.get(i) < b.get(i);
            }
        }
        return a.size() < b.size();
    }

    /** Whether {@code a} is at most {@code b} in lexicographic order. */
    static boolean atMost(Vector<Integer> a, Vector<Integer> b) {
        return a.equals(b) || less(a, b);
    }
}
