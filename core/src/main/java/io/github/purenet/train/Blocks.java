package io.github.purenet.train;

import io.github.purenet.data.Dataset;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Summary;
import io.github.purenet.network.Trace;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * A network's outputs and mean loss over a dataset, computed a block of at most {@link #ROWS} examples at a time ({@link #rows}), so
 * that only one block of features is held as doubles: in evaluation every layer acts on each
 * example alone, so a block's output rows have the bits of the same rows of one pass over all of
 * them. The loss is then computed once, over all the outputs (or logits, for a {@link FusedLoss})
 * and all the targets, as {@link Backprop#loss(Network, Trace, Matrix, Loss)} computes it: the same
 * sum in the same order as one pass.
 *
 * @param outputs the {@code n x outputs} outputs of the network
 * @param loss the mean loss over the dataset
 */
record Blocks(Matrix outputs, double loss) {

    /** The most examples evaluated at once: 1,024 rows of 784 features are 6.4 MB of doubles. */
    static final int ROWS = 1024;
    /**
     * The most doubles that one block's forward pass keeps, 64 MB: every layer's output, twice
     * (a layer may keep its pre-activations too), for each example of the block.
     */
    static final long BUDGET = 1L << 23;

    /**
     * The examples evaluated at once: {@link #ROWS}, or fewer when the network's layers make more
     * than {@link #BUDGET} doubles of one block (a small CNN on MNIST keeps about 130,000 per
     * example, so blocks of 64 examples), and at least one.
     */
    static int rows(Network network) {
        long perExample = network.input().size();
        for (Summary.Row row : network.summary().rows()) {
            perExample += 2L * row.outputShape().size();
        }
        return (int) Math.max(1, Math.min(ROWS, BUDGET / perExample));
    }

    static Blocks of(Network network, Dataset data, Loss loss) {
        int n = data.size();
        int rows = rows(network);
        if (n <= rows) {
            Trace trace = Backprop.forward(network, data.features().matrix(), Mode.evaluation());
            return new Blocks(trace.output(), Backprop.loss(network, trace, data.targets().matrix(), loss));
        }
        boolean fused = loss instanceof FusedLoss;
        double[][] outputs = new double[n][]; // local, copied into matrices below
        double[][] logits = new double[fused ? n : 0][];
        for (int from = 0; from < n; from += rows) {
            Dataset block = data.rows(Vector.range(from, Math.min(from + rows, n)));
            Trace trace = Backprop.forward(network, block.features().matrix(), Mode.evaluation());
            if (from == 0) {
                Backprop.loss(network, trace, block.targets().matrix(), loss); // checks that they fit, as one pass does
            }
            System.arraycopy(trace.output().toArray(), 0, outputs, from, block.size());
            if (fused) {
                System.arraycopy(trace.logits().toArray(), 0, logits, from, block.size());
            }
        }
        Matrix all = Matrix.of(outputs);
        Matrix targets = data.targets().matrix();
        double value = fused ? ((FusedLoss) loss).valueAtLogits(Matrix.of(logits), targets) : loss.value(all, targets);
        return new Blocks(all, value);
    }
}
