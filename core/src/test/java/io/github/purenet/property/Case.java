package io.github.purenet.property;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Random;

/**
 * A network, a batch and its targets, built from a small {@link Spec}: {@link CaseGenerator}
 * generates and shrinks specs, and {@link #of} rebuilds the numbers from the spec's value seed.
 *
 * <p>Weights, biases and inputs are uniform in {@code [-1, 1]} and never {@code -0.0}. Targets fit
 * the loss: uniform in {@code [-1, 1]} for the squared errors, one-hot or probability rows for
 * softmax cross-entropy, in {@code [0, 1]} (sometimes exactly 0 or 1) for binary cross-entropy.
 *
 * @param spec what the case is made of
 * @param network the network
 * @param inputs {@code spec.batch() x spec.inputs()} inputs
 * @param targets targets shaped like the network's output
 */
public record Case(Spec spec, Network network, Matrix inputs, Matrix targets) {

    /**
     * The description of a case, on which shrinking works.
     *
     * @param inputs the number of inputs, 1 to 8
     * @param widths the outputs of each layer, 1 to 8 each; 1 to 4 layers
     * @param activations each layer's activation; the last one accepted by the loss
     * @param loss the loss
     * @param batch the number of examples, 1 to 5
     * @param values the seed from which the numbers are drawn
     */
    public record Spec(int inputs, List<Integer> widths, List<ActivationKind> activations, LossKind loss, int batch,
            long values) {

        /** Checks the sizes and that the loss accepts the last activation. */
        public Spec {
            widths = List.copyOf(widths);
            activations = List.copyOf(activations);
            if (inputs < 1 || batch < 1 || widths.isEmpty() || widths.size() != activations.size()
                    || widths.stream().anyMatch(w -> w < 1)) {
                throw new IllegalArgumentException("Spec: bad sizes " + inputs + ", " + widths + ", " + activations
                        + ", batch " + batch);
            }
            if (!loss.accepts(activations.get(activations.size() - 1))) {
                throw new IllegalArgumentException("Spec: " + loss + " does not accept last activation " + activations);
            }
        }

        /** @return the number of layers */
        public int layers() {
            return widths.size();
        }

        /** @return a measure that every shrink candidate makes strictly smaller */
        int complexity() {
            return 100 * layers() + widths.stream().mapToInt(w -> w).sum() + inputs + batch
                    + activations.stream().mapToInt(Enum::ordinal).sum() + loss.ordinal() + (values == 0 ? 0 : 1);
        }

        @Override
        public String toString() {
            StringBuilder sizes = new StringBuilder().append(inputs);
            widths.forEach(w -> sizes.append('-').append(w));
            return "Spec[" + sizes + " " + activations + " " + loss + ", batch " + batch + ", values " + values + "]";
        }
    }

    /**
     * Builds the case a spec describes; the same spec always gives the same numbers.
     *
     * @param spec the spec
     * @return the case
     */
    public static Case of(Spec spec) {
        Random random = new Random(spec.values());
        Vector<Dense> layers = Vector.empty();
        int in = spec.inputs();
        for (int l = 0; l < spec.layers(); l++) {
            int out = spec.widths().get(l);
            layers = layers.append(new Dense(uniform(random, out, in), uniform(random, 1, out),
                    spec.activations().get(l).activation()));
            in = out;
        }
        Network network = new Network(layers);
        Matrix inputs = uniform(random, spec.batch(), spec.inputs());
        return new Case(spec, network, inputs, targets(random, spec.loss(), spec.batch(), network.outputs()));
    }

    /** @return the loss of the spec */
    public Loss loss() {
        return spec.loss().loss();
    }

    private static Matrix targets(Random random, LossKind loss, int rows, int columns) {
        return switch (loss) {
            case SQUARED_ERROR, MEAN_SQUARED_ERROR -> uniform(random, rows, columns);
            case BINARY_CROSS_ENTROPY -> Matrix.of(rows, columns, (i, j) -> switch (random.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                default -> random.nextDouble();
            });
            case SOFTMAX_CROSS_ENTROPY -> random.nextBoolean() ? oneHot(random, rows, columns)
                    : probabilities(random, rows, columns);
        };
    }

    /** Rows of positive numbers divided by their sum. */
    private static Matrix probabilities(Random random, int rows, int columns) {
        double[][] p = new double[rows][columns];
        for (double[] row : p) {
            double sum = 0.0;
            for (int j = 0; j < columns; j++) {
                row[j] = 1.0 - random.nextDouble(); // in (0, 1]
                sum += row[j];
            }
            for (int j = 0; j < columns; j++) {
                row[j] /= sum;
            }
        }
        return Matrix.of(p);
    }

    private static Matrix oneHot(Random random, int rows, int columns) {
        int[] hot = random.ints(rows, 0, columns).toArray();
        return Matrix.of(rows, columns, (i, j) -> j == hot[i] ? 1.0 : 0.0);
    }

    /** Uniform in [-1, 1); {@code x + 0.0} turns a -0.0 into +0.0, though {@code 2u - 1} never gives -0.0. */
    private static Matrix uniform(Random random, int rows, int columns) {
        return Matrix.of(rows, columns, (i, j) -> (2.0 * random.nextDouble() - 1.0) + 0.0);
    }

    @Override
    public String toString() {
        return "Case[" + network + " " + spec.loss().loss().name() + ", batch " + spec.batch() + "; " + spec + "]";
    }
}
