package io.github.purenet.bench;

import java.util.SplittableRandom;

/**
 * A multilayer perceptron written the way people write one by hand: mutable {@code double[][]}
 * arrays, plain loops, every buffer allocated once and overwritten in place. ReLU hidden layers, a
 * softmax output, mean cross-entropy over the batch, plain SGD. It shares nothing with purenet (no
 * import of {@code io.github.purenet}), and is the baseline of {@link HandWrittenBench}.
 *
 * <p>Weights are stored {@code [in][out]}, so that the forward product {@code z = a·W + b} and the
 * weight gradient {@code dW = aᵀ·δ} are plain i-k-j loops whose innermost loop runs along rows
 * ({@code z[i][j] += a[i][k] * w[k][j]}), the form that C2 vectorises. The gradient of a layer's
 * input, {@code δ·Wᵀ}, is then a dot product of two rows, as it is usually written.
 *
 * <p>One {@link #step} does the same arithmetic as purenet's {@code Backprop.lossAndGradients}
 * followed by {@code Backprop.step}: forward, softmax, loss, backward (without the gradient of the
 * network's input), and the update {@code θ ← θ - η·g}.
 */
final class HandWrittenMlp {

    /** {@code w[l][k][j]}: the weight from input {@code k} to output {@code j} of layer {@code l}. */
    final double[][][] w;
    /** {@code b[l][j]}: the bias of output {@code j} of layer {@code l}. */
    final double[][] b;
    /** {@code a[0]} is the batch's inputs; {@code a[l + 1]} the activations of layer {@code l}. */
    final double[][][] a;
    /** {@code delta[l]}: the gradient of the loss with respect to layer {@code l}'s pre-activations. */
    final double[][][] delta;
    /** Scratch for the weight gradient of each layer. */
    final double[][][] dw;
    /** Scratch for the bias gradient of each layer. */
    final double[][] db;
    /** The label of each example of the batch. */
    final int[] labels;

    /**
     * A network with the given weights and biases and one batch.
     *
     * @param w weights {@code [layer][in][out]}, used as they are (not copied)
     * @param b biases {@code [layer][out]}, used as they are
     * @param inputs the batch's inputs {@code [example][in]}, used as they are
     * @param labels the label of each example
     */
    HandWrittenMlp(double[][][] w, double[][] b, double[][] inputs, int[] labels) {
        int layers = w.length;
        int batch = inputs.length;
        this.w = w;
        this.b = b;
        this.labels = labels;
        a = new double[layers + 1][][];
        delta = new double[layers][][];
        dw = new double[layers][][];
        db = new double[layers][];
        a[0] = inputs;
        for (int l = 0; l < layers; l++) {
            int in = w[l].length;
            int out = w[l][0].length;
            a[l + 1] = zeros(batch, out);
            delta[l] = zeros(batch, out);
            dw[l] = zeros(in, out);
            db[l] = new double[out];
        }
    }

    /**
     * A network of the given sizes with He uniform weights and zero biases, and a batch of inputs
     * uniform in [0, 1) with labels {@code i % 10}, all drawn from {@code random}.
     *
     * @param random the source of the weights and inputs
     * @param batch the number of examples
     * @param sizes the number of inputs, then the outputs of each layer
     * @return the network
     */
    static HandWrittenMlp random(SplittableRandom random, int batch, int... sizes) {
        int layers = sizes.length - 1;
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            double limit = Math.sqrt(6.0 / sizes[l]);
            w[l] = new double[sizes[l]][sizes[l + 1]];
            for (double[] row : w[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble(-limit, limit);
                }
            }
            b[l] = new double[sizes[l + 1]];
        }
        double[][] inputs = new double[batch][sizes[0]];
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < sizes[0]; k++) {
                inputs[i][k] = random.nextDouble();
            }
            labels[i] = i % 10;
        }
        return new HandWrittenMlp(w, b, inputs, labels);
    }

    /**
     * A new {@code rows x columns} array, allocated row by row: {@code new double[rows][columns]}
     * calls into the JVM's runtime, which costs more than the rows themselves for small arrays.
     */
    private static double[][] zeros(int rows, int columns) {
        double[][] z = new double[rows][];
        for (int i = 0; i < rows; i++) {
            z[i] = new double[columns];
        }
        return z;
    }

    /** A network and the loss of the step that made it. */
    record Stepped(double loss, HandWrittenMlp network) {
    }

    /**
     * {@link #step} written as a pure function: the stepped weights and biases go into new arrays,
     * with new buffers for the pass, and this network is left as it was. It is the floor of a step
     * that returns a new network: the same loops as {@link #step}, plus the allocation that a value
     * needs and nothing else (no checks, no records of matrices, no copies of the batch).
     *
     * @param learningRate the learning rate
     * @return the loss before the step and the new network
     */
    Stepped stepped(double learningRate) {
        double[][][] w2 = new double[w.length][][];
        double[][] b2 = new double[b.length][];
        for (int l = 0; l < w.length; l++) {
            w2[l] = new double[w[l].length][];
            for (int k = 0; k < w[l].length; k++) {
                w2[l][k] = w[l][k].clone();
            }
            b2[l] = b[l].clone();
        }
        HandWrittenMlp next = new HandWrittenMlp(w2, b2, a[0], labels);
        return new Stepped(next.step(learningRate), next);
    }

    /**
     * One step of SGD on the batch, in place.
     *
     * @param learningRate the learning rate
     * @return the mean cross-entropy of the batch before the step
     */
    double step(double learningRate) {
        int layers = w.length;
        int batch = labels.length;
        // forward: z = a·W + b, then ReLU (hidden layers) or softmax (the last one), in place
        for (int l = 0; l < layers; l++) {
            double[][] in = a[l];
            double[][] out = a[l + 1];
            double[][] wl = w[l];
            double[] bl = b[l];
            for (int i = 0; i < batch; i++) {
                double[] ai = in[i];
                double[] zi = out[i];
                System.arraycopy(bl, 0, zi, 0, zi.length);
                for (int k = 0; k < ai.length; k++) {
                    double aik = ai[k];
                    double[] wk = wl[k];
                    for (int j = 0; j < zi.length; j++) {
                        zi[j] += aik * wk[j];
                    }
                }
                if (l < layers - 1) {
                    for (int j = 0; j < zi.length; j++) {
                        zi[j] = Math.max(zi[j], 0.0);
                    }
                }
            }
        }
        // softmax, loss and the gradient at the logits: (p - y) / batch
        double loss = 0.0;
        double[][] p = a[layers];
        double[][] dLast = delta[layers - 1];
        for (int i = 0; i < batch; i++) {
            double[] pi = p[i];
            double max = pi[0];
            for (int j = 1; j < pi.length; j++) {
                max = Math.max(max, pi[j]);
            }
            double zLabel = pi[labels[i]];
            double sum = 0.0;
            for (int j = 0; j < pi.length; j++) {
                pi[j] = Math.exp(pi[j] - max);
                sum += pi[j];
            }
            loss += max + Math.log(sum) - zLabel;
            double[] di = dLast[i];
            for (int j = 0; j < pi.length; j++) {
                pi[j] /= sum;
                di[j] = (pi[j] - (j == labels[i] ? 1.0 : 0.0)) / batch;
            }
        }
        // backward, updating each layer once its weights have given the gradient below it
        for (int l = layers - 1; l >= 0; l--) {
            double[][] in = a[l];
            double[][] d = delta[l];
            double[][] dwl = dw[l];
            double[] dbl = db[l];
            for (double[] row : dwl) {
                java.util.Arrays.fill(row, 0.0);
            }
            java.util.Arrays.fill(dbl, 0.0);
            for (int i = 0; i < batch; i++) {
                double[] ai = in[i];
                double[] di = d[i];
                for (int k = 0; k < ai.length; k++) {
                    double aik = ai[k];
                    double[] dwk = dwl[k];
                    for (int j = 0; j < di.length; j++) {
                        dwk[j] += aik * di[j];
                    }
                }
                for (int j = 0; j < di.length; j++) {
                    dbl[j] += di[j];
                }
            }
            double[][] wl = w[l];
            if (l > 0) {
                double[][] below = delta[l - 1];
                for (int i = 0; i < batch; i++) {
                    double[] di = d[i];
                    double[] ai = in[i];
                    double[] bi = below[i];
                    for (int k = 0; k < bi.length; k++) {
                        double[] wk = wl[k];
                        double s = 0.0;
                        for (int j = 0; j < di.length; j++) {
                            s += di[j] * wk[j];
                        }
                        bi[k] = ai[k] > 0.0 ? s : 0.0;
                    }
                }
            }
            for (int k = 0; k < wl.length; k++) {
                double[] wk = wl[k];
                double[] dwk = dwl[k];
                for (int j = 0; j < wk.length; j++) {
                    wk[j] -= learningRate * dwk[j];
                }
            }
            double[] bl = b[l];
            for (int j = 0; j < bl.length; j++) {
                bl[j] -= learningRate * dbl[j];
            }
        }
        return loss / batch;
    }
}
