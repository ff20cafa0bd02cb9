package io.github.purenet.network;

import io.github.purenet.activation.Activations;
import io.github.purenet.activation.Elementwise;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * {@link Backprop#sgdStep} for a small network, in one pass over local arrays: forward, softmax
 * cross-entropy, backward and the update, with no trace, no gradients and no intermediate matrix.
 *
 * <p>It takes the step when every hidden layer is {@link Elementwise}, the network ends in a
 * softmax trained with {@link Losses#softmaxCrossEntropy()}, every argument is valid and the batch
 * is small ({@link #MAX_WORK}); {@link #applies} says when. Every number is computed as the
 * composed functions compute it, in the same order ({@code fma} chains from {@code +0.0} with the
 * inner index ascending, sums over rows in ascending order), so the result has the bits of
 * {@code step(network, lossAndGradients(...).gradients(), η)}. What it saves is representation: a
 * step of seed 001's 2-3-3 network allocates 2.2 KB through the composed functions and 1.3 KB here,
 * and a softmax row's exponentials are taken once for the output and the loss instead of twice.
 *
 * <p>The arrays are local: filled here, copied by the factories of the new matrices, never shared.
 */
final class FusedSgd {

    /**
     * The most multiply-adds of one forward pass (rows of the batch times weights) that the fused
     * step takes; beyond it the products' blocked kernels are faster.
     */
    static final long MAX_WORK = 1 << 12;

    private FusedSgd() {
    }

    /**
     * Whether {@link #step} takes this step: the arguments are present and valid, the network
     * fits the batch, its hidden layers are element-wise, it ends in a softmax, the loss is softmax
     * cross-entropy and the work is at most {@link #MAX_WORK}. Otherwise the composed functions take
     * it, and raise the errors of bad arguments.
     */
    static boolean applies(Network network, Matrix inputs, Matrix targets, Loss loss, double learningRate) {
        if (network == null || inputs == null || targets == null || !Losses.softmaxCrossEntropy().equals(loss)
                || !(learningRate > 0.0 && Double.isFinite(learningRate))
                || !network.layers().forAll(l -> l instanceof Dense)
                || !network.finalActivation().contains(Activations.softmax())
                || inputs.columns() != network.inputs()
                || targets.rows() != inputs.rows() || targets.columns() != network.outputs()) {
            return false;
        }
        long weights = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            Dense layer = (Dense) network.layers().get(l);
            if (l < network.layers().size() - 1 && !(layer.activation() instanceof Elementwise)) {
                return false;
            }
            weights += (long) layer.inputs() * layer.outputs();
        }
        return weights * inputs.rows() <= MAX_WORK && inputs.isFinite()
                && targets.firstOutside(0.0, Double.MAX_VALUE).isEmpty();
    }

    /**
     * The step, for arguments that {@link #applies} accepted.
     *
     * @return the loss before the step and the stepped network
     */
    static LossAndNetwork step(Network network, Matrix inputs, Matrix targets, double learningRate) {
        Vector<Dense> layers = network.layers().map(l -> (Dense) l);
        int depth = layers.size();
        int n = inputs.rows();
        // row-major n x width arrays: z[l] is layer l's pre-activation, a[l + 1] its output, a[0] the inputs
        double[][] z = new double[depth][];
        double[][] a = new double[depth + 1][];
        a[0] = new double[n * inputs.columns()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inputs.columns(); k++) {
                a[0][i * inputs.columns() + k] = inputs.get(i, k);
            }
        }
        for (int l = 0; l < depth; l++) {
            z[l] = affine(a[l], n, layers.get(l));
            a[l + 1] = l < depth - 1 ? map(((Elementwise) layers.get(l).activation()).function(), z[l])
                    : new double[z[l].length];
        }
        double[] delta = new double[z[depth - 1].length];
        double loss = softmaxCrossEntropy(z[depth - 1], a[depth], targets, delta);
        Dense[] stepped = new Dense[depth];
        for (int l = depth - 1; l >= 0; l--) {
            Dense layer = layers.get(l);
            stepped[l] = descend(layer, delta, a[l], n, learningRate);
            if (l > 0) {
                DoubleBinaryOperator derivative = ((Elementwise) layers.get(l - 1).activation()).derivative();
                double[] g = timesWeights(delta, n, layer);
                for (int e = 0; e < g.length; e++) {
                    g[e] = derivative.applyAsDouble(z[l - 1][e], a[l][e]) * g[e];
                }
                delta = g;
            }
        }
        return new LossAndNetwork(loss, network.withSameShapes(Vector.<Layer>of(stepped)));
    }

    /** {@code x · Wᵀ + b}: each entry an fma chain from {@code +0.0}, then the bias added. */
    private static double[] affine(double[] x, int n, Dense layer) {
        int in = layer.inputs();
        int out = layer.outputs();
        double[] z = new double[n * out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double s = 0.0;
                for (int k = 0; k < in; k++) {
                    s = Math.fma(x[i * in + k], layer.weights().get(j, k), s);
                }
                z[i * out + j] = s + layer.bias().get(0, j);
            }
        }
        return z;
    }

    private static double[] map(DoubleUnaryOperator f, double[] z) {
        double[] a = new double[z.length];
        for (int e = 0; e < z.length; e++) {
            a[e] = f.applyAsDouble(z[e]);
        }
        return a;
    }

    /**
     * Fills {@code p} with the softmax of the logits and {@code delta} with the loss's gradient at
     * them, {@code (p · Σ y - y) / n} row by row, and returns the loss, {@code -Σ y (z - lse(z)) / n}
     * over the batch, each row's exponentials and their sum taken once for both.
     */
    private static double softmaxCrossEntropy(double[] logits, double[] p, Matrix targets, double[] delta) {
        int classes = targets.columns();
        double rows = targets.rows();
        double total = 0.0;
        for (int i = 0; i < targets.rows(); i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, logits[o + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < classes; j++) {
                p[o + j] = StrictMath.exp(logits[o + j] - max);
                sum += p[o + j];
            }
            double logSumExp = max + StrictMath.log(sum);
            double mass = 0.0;
            for (int j = 0; j < classes; j++) {
                double y = targets.get(i, j);
                p[o + j] = p[o + j] / sum;
                total += y == 0.0 ? 0.0 : y * (logits[o + j] - logSumExp);
                mass += y;
            }
            for (int j = 0; j < classes; j++) {
                delta[o + j] = (p[o + j] * mass - targets.get(i, j)) / rows;
            }
        }
        return -total / rows;
    }

    /**
     * The layer after the step, {@code θ + (-η) g}, with {@code dW = δᵀ · below} (each entry an fma
     * chain over the examples in ascending order from {@code +0.0}) and {@code db} the column sums
     * of {@code δ}, written into local rows that the new matrices copy. A copy of a few rows costs
     * less than a call of an entry function per entry, which {@link Matrix#of(int, int,
     * Matrix.Entries)} makes through a call site shared by all its callers.
     */
    private static Dense descend(Dense layer, double[] delta, double[] below, int n, double learningRate) {
        int in = layer.inputs();
        int out = layer.outputs();
        double factor = -learningRate;
        double[][] weights = new double[out][];
        double[] bias = new double[out];
        for (int j = 0; j < out; j++) {
            double[] row = new double[in];
            double db = 0.0;
            for (int i = 0; i < n; i++) {
                double d = delta[i * out + j];
                for (int k = 0; k < in; k++) {
                    row[k] = Math.fma(d, below[i * in + k], row[k]);
                }
                db += d;
            }
            for (int k = 0; k < in; k++) {
                row[k] = layer.weights().get(j, k) + factor * row[k];
            }
            weights[j] = row;
            bias[j] = layer.bias().get(0, j) + factor * db;
        }
        return new Dense(Matrix.of(weights), Matrix.row(bias), layer.activation());
    }

    /** {@code δ · W}: each entry an fma chain over the layer's outputs from {@code +0.0}. */
    private static double[] timesWeights(double[] delta, int n, Dense layer) {
        int in = layer.inputs();
        int out = layer.outputs();
        double[] g = new double[n * in];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double d = delta[i * out + j];
                for (int k = 0; k < in; k++) {
                    g[i * in + k] = Math.fma(d, layer.weights().get(j, k), g[i * in + k]);
                }
            }
        }
        return g;
    }
}
