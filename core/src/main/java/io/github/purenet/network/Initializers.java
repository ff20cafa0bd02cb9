package io.github.purenet.network;

import io.github.purenet.activation.Activation;
import io.github.purenet.random.Draw;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The built-in weight initializers, and {@link #network} that builds a network with one of them.
 *
 * <pre>{@code
 * Network network = Initializers.network(Key.of(42), Initializers.heNormal(),
 *         Vector.of(784, 128, 10), Vector.of(Activations.relu(), Activations.softmax()));
 * }</pre>
 *
 * <p>In the formulas, {@code in} and {@code out} are a layer's numbers of inputs and outputs (its
 * fan-in and fan-out). The scaled initializers draw from the plain distributions, as PyTorch's
 * {@code xavier_*_} and {@code kaiming_*_} do (fan-in mode); Keras's normal variants truncate at two
 * standard deviations instead. Each initializer prints as its name, such as {@code glorot_uniform}.
 */
public final class Initializers {

    private Initializers() {
    }

    /**
     * All weights zero. Every unit of a layer then computes the same function and receives the same
     * gradient, so zeros suit single-layer models (and tests), not hidden layers.
     *
     * @return the initializer; it draws nothing, and its next key is the key it was given
     */
    public static Initializer zeros() {
        return new Zeros();
    }

    /**
     * Weights uniform in {@code [low, high)}.
     *
     * @param low the least value, finite
     * @param high the bound, finite and above {@code low}
     * @return the initializer
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public static Initializer uniform(double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("uniform: expected finite low < high, got [" + low + ", " + high + ")");
        }
        return new Uniform(low, high);
    }

    /**
     * Weights normal with the given mean and standard deviation.
     *
     * @param mean the mean, finite
     * @param standardDeviation the standard deviation, finite and not negative
     * @return the initializer
     * @throws IllegalArgumentException if the mean is not finite, or the standard deviation is
     *     negative or not finite
     */
    public static Initializer normal(double mean, double standardDeviation) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal: mean: expected a finite number, got " + mean);
        }
        if (!(Double.isFinite(standardDeviation) && standardDeviation >= 0.0)) {
            throw new IllegalArgumentException(
                    "normal: standardDeviation: expected a finite number >= 0, got " + standardDeviation);
        }
        return new Normal(mean, standardDeviation);
    }

    /**
     * Glorot (Xavier) uniform: weights uniform in {@code [-limit, limit)} with
     * {@code limit = sqrt(6 / (in + out))}, so that their variance is {@code 2 / (in + out)}. This
     * keeps the variance of activations and of gradients about constant from layer to layer for
     * symmetric activations such as tanh. From X. Glorot and Y. Bengio, "Understanding the
     * difficulty of training deep feedforward neural networks", AISTATS 2010, equation 16.
     *
     * @return the initializer
     */
    public static Initializer glorotUniform() {
        return new Scaled("glorot_uniform", true, true);
    }

    /**
     * Glorot (Xavier) normal: weights {@code N(0, σ²)} with {@code σ = sqrt(2 / (in + out))}. The
     * paper derives the variance {@code 2 / (in + out)} (its equation 12) and draws uniform weights
     * with it ({@link #glorotUniform()}); this is the normal distribution with that variance, as in
     * PyTorch's {@code xavier_normal_}. From X. Glorot and Y. Bengio, "Understanding the difficulty
     * of training deep feedforward neural networks", AISTATS 2010.
     *
     * @return the initializer
     */
    public static Initializer glorotNormal() {
        return new Scaled("glorot_normal", true, false);
    }

    /**
     * He (Kaiming) uniform: weights uniform in {@code [-limit, limit)} with
     * {@code limit = sqrt(6 / in)}, so that their variance is {@code 2 / in}. The paper derives that
     * variance and draws normal weights with it ({@link #heNormal()}); this is the uniform
     * distribution with the same variance, as in PyTorch's {@code kaiming_uniform_} and Keras's
     * {@code he_uniform}. From K. He, X. Zhang, S. Ren and J. Sun, "Delving Deep into Rectifiers: Surpassing
     * Human-Level Performance on ImageNet Classification", ICCV 2015.
     *
     * @return the initializer
     */
    public static Initializer heUniform() {
        return new Scaled("he_uniform", false, true);
    }

    /**
     * He (Kaiming) normal: weights {@code N(0, σ²)} with {@code σ = sqrt(2 / in)}. A ReLU halves the
     * second moment of its input, and the factor 2 restores it, so activations keep their scale
     * through deep ReLU networks. From K. He, X. Zhang, S. Ren and J. Sun, "Delving Deep into
     * Rectifiers: Surpassing Human-Level Performance on ImageNet Classification", ICCV 2015,
     * equation 10.
     *
     * @return the initializer
     */
    public static Initializer heNormal() {
        return new Scaled("he_normal", false, false);
    }

    /**
     * A network of dense layers with weights drawn by an initializer and zero biases.
     *
     * <p>Layer {@code i} maps {@code sizes[i]} inputs to {@code sizes[i + 1]} outputs with
     * {@code activations[i]}. Its weights are drawn from its own key, the {@code i}-th of
     * {@code key.split(layers)}, which depends on {@code i} alone: changing the size of one layer
     * changes the draws of the layers it touches (the one before it and the one after it), not
     * those of any other layer, and appending a layer changes none of the layers before it.
     *
     * <pre>{@code
     * Network network = Initializers.network(Key.of(42), Initializers.glorotUniform(),
     *         Vector.of(2, 3, 3), Vector.of(Activations.relu(), Activations.softmax()));  // Network[2-3-3 relu,softmax]
     * }</pre>
     *
     * @param key the key to draw from; it is used up, so split it first if you need it again
     * @param init the initializer of every layer's weights
     * @param sizes the number of inputs, then the number of outputs of each layer: at least two
     *     sizes, each positive
     * @param activations one activation per layer, {@code sizes.size() - 1} of them
     * @return the network
     * @throws IllegalArgumentException if there are fewer than two sizes, a size is not positive,
     *     the numbers of sizes and activations do not fit, or the initializer returns weights of the
     *     wrong shape or with a value that is not finite
     */
    public static Network network(Key key, Initializer init, Seq<Integer> sizes, Seq<? extends Activation> activations) {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(init, "init is null");
        Objects.requireNonNull(sizes, "sizes is null");
        Objects.requireNonNull(activations, "activations is null");
        Vector<Integer> n = Vector.ofAll(sizes);
        Vector<Activation> f = Vector.<Activation>ofAll(activations);
        if (n.size() < 2) {
            throw new IllegalArgumentException("sizes: expected at least 2 (inputs, then outputs), got " + n.size()
                    + ": " + n.mkString("[", ", ", "]"));
        }
        for (int i = 0; i < n.size(); i++) {
            Integer size = n.get(i);
            if (size == null || size < 1) {
                throw new IllegalArgumentException("sizes: size " + i + " is " + size + ", expected a positive number, in "
                        + n.mkString("[", ", ", "]"));
            }
        }
        if (f.size() != n.size() - 1) {
            throw new IllegalArgumentException("activations: expected one per layer, " + (n.size() - 1) + " for "
                    + n.size() + " sizes " + n.mkString("[", ", ", "]") + ", got " + f.size());
        }
        int missing = f.indexOf(null);
        if (missing >= 0) {
            throw new NullPointerException("activations: activation " + missing + " is null");
        }
        Vector<Key> keys = key.split(f.size());
        return Network.of(Shape.of(n.get(0)), Vector.range(0, f.size()).map(i -> layer(i, keys.get(i), init, n.get(i), n.get(i + 1), f.get(i))));
    }

    /**
     * One dense layer with weights drawn from a key and a zero bias, for networks of other shapes
     * than {@link #network}'s stack: residual blocks, layers between normalisations.
     *
     * <pre>{@code
     * Vector<Key> keys = Key.of(42).split(3);
     * Network network = Network.of(Shape.of(64),
     *         Initializers.dense(keys.get(0), Initializers.heNormal(), 64, 128, Activations.relu()),
     *         Residual.of(Sequential.of(LayerNorm.of(128),
     *                 Initializers.dense(keys.get(1), Initializers.heNormal(), 128, 128, Activations.relu()))),
     *         Initializers.dense(keys.get(2), Initializers.glorotUniform(), 128, 10, Activations.softmax()));
     * }</pre>
     *
     * @param key the key to draw from
     * @param init the initializer of the weights
     * @param inputs the number of inputs, positive
     * @param outputs the number of outputs, positive
     * @param activation the activation
     * @return the layer
     * @throws IllegalArgumentException if a size is not positive or the initializer returns weights
     *     of the wrong shape or with a value that is not finite
     */
    public static Dense dense(Key key, Initializer init, int inputs, int outputs, Activation activation) {
        Objects.requireNonNull(init, "init is null");
        Objects.requireNonNull(activation, "activation is null");
        check(key, inputs, outputs);
        return layer(0, key, init, inputs, outputs, activation);
    }

    /**
     * A convolution with filters drawn by an initializer (fan-in {@code kernelHeight * kernelWidth *
     * channels}, fan-out {@code kernelHeight * kernelWidth * filters}, as PyTorch and Keras count
     * them; see {@link Initializer#weights(Key, int, int, int)}) and a zero bias.
     *
     * @param key the key to draw from; it is used up
     * @param init the initializer of the filters
     * @param input the shape of one input image, {@code height x width x channels}
     * @param filters the number of output channels, positive
     * @param kernelHeight the kernel's rows, positive
     * @param kernelWidth the kernel's columns, positive
     * @param stride the step between two positions of the kernel, positive
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     * @param activation the activation, entry by entry
     * @return the layer
     * @throws IllegalArgumentException if a size is not positive, the input is not an image, the
     *     kernel does not fit it, or the initializer returns weights of the wrong shape or with a
     *     value that is not finite
     */
    public static Conv2D conv2d(Key key, Initializer init, Shape input, int filters, int kernelHeight, int kernelWidth,
            int stride, Padding padding, Activation activation) {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(init, "init is null");
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(padding, "padding is null");
        Objects.requireNonNull(activation, "activation is null");
        if (input.rank() != 3) {
            throw new IllegalArgumentException("input: expected an image height x width x channels, got " + input);
        }
        if (filters < 1 || kernelHeight < 1 || kernelWidth < 1 || stride < 1) {
            throw new IllegalArgumentException("conv2d: filters " + filters + ", kernel " + kernelHeight + "x"
                    + kernelWidth + " and stride " + stride + " must be at least 1");
        }
        padding.window(input, kernelHeight, kernelWidth, stride); // the kernel fits the image
        int patch = Math.multiplyExact(kernelHeight * kernelWidth, input.channels());
        Draw<Matrix> draw = init.weights(key, patch, filters, kernelHeight * kernelWidth);
        if (draw == null) {
            throw new NullPointerException("init: " + init + " returned null");
        }
        Matrix weights = draw.value();
        if (weights.rows() != filters || weights.columns() != patch) {
            throw new IllegalArgumentException("init: " + init + " gave weights " + weights.shape() + ", expected "
                    + filters + "x" + patch + " (filters x patch)");
        }
        weights.requireFinite("init: conv2d weights");
        return new Conv2D(weights, Matrix.filled(1, filters, 0.0), input, kernelHeight, kernelWidth, stride, padding,
                activation);
    }

    /** Layer {@code i}: its weights from its key, checked, and a zero bias. */
    private static Dense layer(int i, Key key, Initializer init, int inputs, int outputs, Activation activation) {
        Draw<Matrix> draw = init.weights(key, inputs, outputs);
        if (draw == null) {
            throw new NullPointerException("init: " + init + " returned null for layer " + i);
        }
        Matrix weights = draw.value();
        if (weights.rows() != outputs || weights.columns() != inputs) {
            throw new IllegalArgumentException("init: " + init + " gave layer " + i + " weights " + weights.shape()
                    + ", expected " + outputs + "x" + inputs + " (outputs x inputs)");
        }
        weights.requireFinite("init: layer " + i + " weights");
        return new Dense(weights, Matrix.filled(1, outputs, 0.0), activation);
    }

    /** Checks the arguments of {@link Initializer#weights}. */
    private static void check(Key key, int inputs, int outputs) {
        Objects.requireNonNull(key, "key is null");
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs: expected a positive number, got " + inputs);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs: expected a positive number, got " + outputs);
        }
    }

    /** All zeros. */
    private record Zeros() implements Initializer {
        @Override
        public Draw<Matrix> weights(Key key, int inputs, int outputs) {
            check(key, inputs, outputs);
            return new Draw<>(Matrix.filled(outputs, inputs, 0.0), key);
        }

        @Override
        public String toString() {
            return "zeros";
        }
    }

    /** Uniform in {@code [low, high)}. */
    private record Uniform(double low, double high) implements Initializer {
        @Override
        public Draw<Matrix> weights(Key key, int inputs, int outputs) {
            check(key, inputs, outputs);
            return key.uniform(outputs, inputs, low, high);
        }

        @Override
        public String toString() {
            return "uniform(" + low + ", " + high + ")";
        }
    }

    /** Normal with a mean and a standard deviation. */
    private record Normal(double mean, double standardDeviation) implements Initializer {
        @Override
        public Draw<Matrix> weights(Key key, int inputs, int outputs) {
            check(key, inputs, outputs);
            return key.normal(outputs, inputs, mean, standardDeviation);
        }

        @Override
        public String toString() {
            return "normal(" + mean + ", " + standardDeviation + ")";
        }
    }

    /**
     * Glorot or He, uniform or normal: with {@code n = in + out} (Glorot) or {@code n = in} (He),
     * uniform in {@code [-sqrt(6 / n), sqrt(6 / n))} or normal with standard deviation
     * {@code sqrt(2 / n)}.
     */
    private record Scaled(String name, boolean glorot, boolean uniform) implements Initializer {
        @Override
        public Draw<Matrix> weights(Key key, int inputs, int outputs) {
            return weights(key, inputs, outputs, 1);
        }

        @Override
        public Draw<Matrix> weights(Key key, int inputs, int outputs, int receptiveField) {
            check(key, inputs, outputs);
            if (receptiveField < 1) {
                throw new IllegalArgumentException("receptiveField: expected a positive number, got " + receptiveField);
            }
            double n = glorot ? (double) inputs + (double) outputs * receptiveField : inputs;
            if (uniform) {
                double limit = StrictMath.sqrt(6.0 / n);
                return key.uniform(outputs, inputs, -limit, limit);
            }
            return key.normal(outputs, inputs, 0.0, StrictMath.sqrt(2.0 / n));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
