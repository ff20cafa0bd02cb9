package io.github.purenet.loss;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.tensor.Matrix;
import io.vavr.control.Option;
import io.vavr.Tuple2;
import java.util.Objects;

/**
 * The built-in losses. For a batch of {@code n} examples with {@code m} outputs each, prediction
 * {@code p} and target {@code y}:
 *
 * <table>
 *   <caption>Built-in losses, their values and gradients</caption>
 *   <tr><th>loss</th><th>value</th><th>gradient</th></tr>
 *   <tr><td>{@link #squaredError()}</td><td>{@code (1/n) Σ_i Σ_j (p - y)²}</td>
 *       <td>{@code 2 (p - y) / n}</td></tr>
 *   <tr><td>{@link #meanSquaredError()}</td><td>{@code (1/n) Σ_i (1/m) Σ_j (p - y)²}</td>
 *       <td>{@code 2 (p - y) / (n m)}</td></tr>
 *   <tr><td>{@link #softmaxCrossEntropy()}, targets {@code >= 0}</td><td>{@code -(1/n) Σ_i Σ_j y log p}</td>
 *       <td>at the logits: {@code (p Σ_j y - y) / n}, which is {@code (p - y) / n} for one-hot y</td></tr>
 *   <tr><td>{@link #binaryCrossEntropy()}, targets in {@code [0, 1]}</td>
 *       <td>{@code -(1/n) Σ_i Σ_j [y log p + (1 - y) log(1 - p)]}</td>
 *       <td>at the logits: {@code (p - y) / n}</td></tr>
 * </table>
 *
 * <p>Squared error is summed over outputs, as the seed tutorials use it: for one output it is
 * {@code (p - y)²}. The cross-entropies take {@code 0 log 0 = 0}; fused with their activation they
 * are computed from the logits (log-sum-exp and softplus), finite for logits of any size.
 *
 * <p>Each can be split by rows for a sharded run ({@link Loss#shard}).
 */
public final class Losses {

    private static final SquaredError SQUARED_ERROR = new SquaredError(0);
    private static final MeanSquaredError MEAN_SQUARED_ERROR = new MeanSquaredError(0);
    private static final SoftmaxCrossEntropy SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy(0);
    private static final BinaryCrossEntropy BINARY_CROSS_ENTROPY = new BinaryCrossEntropy(0);

    private Losses() {
    }

    /** @return the squared error summed over outputs, averaged over examples */
    public static Loss squaredError() {
        return SQUARED_ERROR;
    }

    /** @return the squared error averaged over outputs and over examples */
    public static Loss meanSquaredError() {
        return MEAN_SQUARED_ERROR;
    }

    /** @return cross-entropy of targets that are probability rows, fused with softmax */
    public static FusedLoss softmaxCrossEntropy() {
        return SOFTMAX_CROSS_ENTROPY;
    }

    /** @return binary cross-entropy of targets in {@code [0, 1]}, fused with sigmoid */
    public static FusedLoss binaryCrossEntropy() {
        return BINARY_CROSS_ENTROPY;
    }

    static void requireSameShape(String loss, Matrix prediction, Matrix target) {
        requireSameShape(loss, "prediction", prediction, target);
    }

    private static void requireSameShape(String loss, String name, Matrix first, Matrix target) {
        if (first == null) {
            throw new NullPointerException(loss + ": " + name + " is null");
        }
        if (target == null) {
            throw new NullPointerException(loss + ": target is null");
        }
        if (first.rows() != target.rows() || first.columns() != target.columns()) {
            throw new IllegalArgumentException(loss + ": " + name + " " + first.shape()
                    + " and target " + target.shape() + " differ in shape");
        }
    }

    /** Checks that every target is in {@code [low, high]}, naming the first that is not. */
    private static void requireTargetsIn(String loss, Matrix target, double low, double high) {
        for (Tuple2<Integer, Integer> at : target.firstOutside(low, high)) {
            throw new IllegalArgumentException(loss + ": target (" + at._1 + ", " + at._2 + ") is "
                    + target.get(at._1, at._2) + ", expected a number in [" + low + ", " + high + "]");
        }
    }

    /** The rows a batch's sum is divided by: {@code rows}, or the matrix's own when {@code rows} is 0. */
    private static double divisor(int rows, Matrix m) {
        return rows == 0 ? m.rows() : rows;
    }

    private static int requireRows(int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("shard: expected a batch of at least 1 row, got " + batchRows);
        }
        return batchRows;
    }

    /** {@code 0 log 0 = 0}: a zero weight cancels the logarithm even where it is infinite. */
    private static double weightedLog(double weight, double x) {
        return weight == 0.0 ? 0.0 : weight * StrictMath.log(x);
    }

    /** @param rows the rows a batch's sum is divided by; 0 for the prediction's own */
    private record SquaredError(int rows) implements Loss {
        @Override
        public Option<Loss> shard(int batchRows) {
            return Option.some(new SquaredError(requireRows(batchRows)));
        }

        @Override
        public String name() {
            return "squared_error";
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            return prediction.minus(target).sumOfSquares() / divisor(rows, prediction);
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            double n = divisor(rows, prediction);
            return prediction.zipWith(target, (p, y) -> 2.0 * (p - y) / n);
        }
    }

    /** @param rows the rows a batch's sum is divided by; 0 for the prediction's own */
    private record MeanSquaredError(int rows) implements Loss {
        @Override
        public Option<Loss> shard(int batchRows) {
            return Option.some(new MeanSquaredError(requireRows(batchRows)));
        }

        @Override
        public String name() {
            return "mean_squared_error";
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            return prediction.minus(target).sumOfSquares() / prediction.columns() / divisor(rows, prediction);
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            double nm = divisor(rows, prediction) * prediction.columns();
            return prediction.zipWith(target, (p, y) -> 2.0 * (p - y) / nm);
        }
    }

    /** @param rows the rows a batch's sum is divided by; 0 for the prediction's own */
    private record SoftmaxCrossEntropy(int rows) implements FusedLoss {
        @Override
        public Option<Loss> shard(int batchRows) {
            return Option.some(new SoftmaxCrossEntropy(requireRows(batchRows)));
        }

        @Override
        public String name() {
            return "softmax_cross_entropy";
        }

        @Override
        public Activation activation() {
            return Activations.softmax();
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            requireTargetsIn(name(), target, 0.0, Double.MAX_VALUE);
            return -prediction.zipWith(target, (p, y) -> weightedLog(y, p)).sum() / divisor(rows, prediction);
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            double n = divisor(rows, prediction);
            return prediction.zipWith(target, (p, y) -> y == 0.0 ? 0.0 : -y / p / n);
        }

        /** Row by row, {@code Σ_j y_j (lse(z) - z_j)} with {@code lse(z) = m + log Σ_k e^(z_k - m)}. */
        @Override
        public double valueAtLogits(Matrix logits, Matrix target) {
            requireSameShape(name(), "logits", logits, target);
            requireTargetsIn(name(), target, 0.0, Double.MAX_VALUE);
            // row by row, with no intermediate matrix; the sum runs over rows, each left to right
            int columns = logits.columns();
            double total = 0.0;
            for (int i = 0; i < logits.rows(); i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < columns; j++) {
                    max = Math.max(max, logits.get(i, j));
                }
                double sum = 0.0;
                for (int j = 0; j < columns; j++) {
                    sum += StrictMath.exp(logits.get(i, j) - max);
                }
                double logSumExp = max + StrictMath.log(sum);
                for (int j = 0; j < columns; j++) {
                    double y = target.get(i, j);
                    total += y == 0.0 ? 0.0 : y * (logits.get(i, j) - logSumExp);
                }
            }
            return -total / divisor(rows, logits);
        }

        @Override
        public Matrix gradientAtLogits(Matrix logits, Matrix prediction, Matrix target) {
            requireSameShape(name(), "logits", logits, target);
            requireSameShape(name(), prediction, target);
            double n = divisor(rows, prediction);
            Matrix totals = target.rowSums();
            return Matrix.of(prediction.rows(), prediction.columns(),
                    (i, j) -> (prediction.get(i, j) * totals.get(i, 0) - target.get(i, j)) / n);
        }
    }

    /** @param rows the rows a batch's sum is divided by; 0 for the prediction's own */
    private record BinaryCrossEntropy(int rows) implements FusedLoss {
        @Override
        public Option<Loss> shard(int batchRows) {
            return Option.some(new BinaryCrossEntropy(requireRows(batchRows)));
        }

        @Override
        public String name() {
            return "binary_cross_entropy";
        }

        @Override
        public Activation activation() {
            return Activations.sigmoid();
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            requireTargetsIn(name(), target, 0.0, 1.0);
            return -prediction.zipWith(target, (p, y) -> weightedLog(y, p) + weightedLog(1.0 - y, 1.0 - p)).sum()
                    / divisor(rows, prediction);
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            requireSameShape(name(), prediction, target);
            double n = divisor(rows, prediction);
            return prediction.zipWith(target, (p, y) -> (p - y) / (p * (1.0 - p)) / n);
        }

        /** Entry by entry, {@code max(z, 0) - z y + log(1 + e^-|z|)}, the stable softplus form. */
        @Override
        public double valueAtLogits(Matrix logits, Matrix target) {
            requireSameShape(name(), "logits", logits, target);
            requireTargetsIn(name(), target, 0.0, 1.0);
            return logits.zipWith(target,
                    (z, y) -> Math.max(z, 0.0) - z * y + StrictMath.log1p(StrictMath.exp(-Math.abs(z)))).sum()
                    / divisor(rows, logits);
        }

        @Override
        public Matrix gradientAtLogits(Matrix logits, Matrix prediction, Matrix target) {
            requireSameShape(name(), "logits", logits, target);
            requireSameShape(name(), prediction, target);
            double n = divisor(rows, prediction);
            return prediction.zipWith(target, (p, y) -> (p - y) / n);
        }
    }
}
