package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.network.Layer;
import io.github.purenet.network.Network;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Generates networks of random architecture within bounds: the number of layers, the inputs, the
 * widths of the hidden layers, the outputs, the kinds of layers and how deep blocks nest, each
 * layer's activation, and weights and biases uniform in a range; made by
 * {@link Generators#networks()} (stacks of dense layers) and {@link Generators#architectures()}
 * (every built-in kind of layer).
 *
 * <pre>{@code
 * Property.forAll(Generators.networks().layers(1, 3).widths(1, 16).inputs(4, 4).outputs(3, 3))
 *         .check(n -> assertEquals(3, Backprop.forward(n, x).output().columns()));
 * Generators.networks().smooth();     // no ReLU kinks: finite differences are derivatives everywhere
 * Generators.architectures().modeFree();                          // no dropout, no batch normalisation
 * Generators.networks().kinds(Vector.of("dense", "layer_norm", "residual")).depth(1);
 * }</pre>
 *
 * <p>By default: 1 to 4 layers, 1 to 8 inputs, hidden widths and outputs, weights and biases in
 * {@code [-1, 1]}, and every built-in activation in every layer, simplest first: identity, sigmoid,
 * tanh, ReLU, leaky ReLU with slope 0.01, and softmax. The generation size bounds the shape: at
 * size 1 the network has the least layers, inputs, widths and outputs, and the bounds grow to the
 * configured maxima at size 50.
 *
 * <h2>Kinds of layers</h2>
 * A network is a sequence of top-level layers ({@link #layers(int, int)} of them) whose last is
 * always a dense layer with an activation of {@link #lastActivations}; the layers before it are of
 * the {@link #kinds} listed, each drawn with equal chance ({@code dense} only, by default):
 * <ul>
 * <li>{@code dense}: a hidden width, an activation of {@link #hiddenActivations};</li>
 * <li>{@code activation}: an {@link io.github.purenet.network.ActivationLayer} of a hidden activation;</li>
 * <li>{@code dropout}: a rate uniform in {@code [0, 0.5)};</li>
 * <li>{@code layer_norm}: scale and offset uniform in the weights' range, the default {@code eps};</li>
 * <li>{@code batch_norm}: scale, offset and running mean uniform in the weights' range, running
 * variance uniform in {@code [0.5, 1.5)}, momentum uniform in {@code [0, 1)}, the default {@code eps};</li>
 * <li>{@code sequential}: a block of 1 to 3 layers drawn in the same way, one level deeper;</li>
 * <li>{@code residual}: an inner block of 1 to 3 layers one level deeper, with a projection (a dense
 * layer with the identity activation to the inner block's width) half of the time; without one, a
 * block that changes the width ends in a dense layer back to its input's width (of a hidden
 * activation, and as wide as the block's input, whatever the widths' bounds);</li>
 * <li>a kind of your own, added by {@link #withLayer}: the layer its maker gives for the width,
 * with parameters uniform in the weights' range.</li>
 * </ul>
 * Blocks nest at most {@link #depth} levels (2 by default; a residual block's inner sequence is part
 * of the block); at the deepest level only the listed kinds that are not blocks are drawn (dense
 * if there are none). A generator of dense layers only draws exactly the networks it drew before
 * kinds existed.
 *
 * <h2>Images</h2>
 * When the kinds list an image kind ({@code conv2d}, {@code max_pool2d}, {@code avg_pool2d},
 * {@code global_average_pool}, {@code flatten}), half of the networks of two layers or more take
 * images: the inputs arranged as {@code height x width x channels} (channels up to 3 and a divisor
 * of the inputs, then rows a divisor of the rest), and a stem of 2 or 3 top-level layers (1 when
 * at most two layers are allowed; the network grows to hold the stem and the last layer, within
 * the layers' bounds): the listed convolutions and pools, half of the time instead an activation,
 * a dropout or a batch normalisation over channels when those are listed, then a {@code flatten}
 * or a {@code global_average_pool} (a {@code flatten} when neither is listed). A convolution has 1
 * to 3 filters, a kernel up to 3x3 that fits the image, stride 1 or 2, valid or same padding, a
 * hidden activation that is not softmax (the identity if there is none), weights and bias in the
 * weights' range; a pool has a window up to 2x2 that fits the image and stride 1 or 2. The layers
 * after the stem are drawn as for flat examples of the stem's output width. Other examples are
 * flat ({@code Shape.of(inputs)}).
 *
 * <h2>Shrinking</h2>
 * Shrinking keeps the inputs and outputs while it removes layers: a layer or a whole block goes
 * (and the layer after it takes its inputs, keeping its first weights, padded with the weight
 * nearest 0 that the range allows), a block is unwrapped (a sequence's layers take its place, a
 * residual block's inner layers take the block's, or the block loses its projection), or the last
 * layer goes and the dense layer before it, if its activation may end the network, takes the
 * outputs. Then it narrows hidden dense layers (a residual block's width with the layer that sets
 * it), then outputs and inputs (keeping the first units), turns activations of the lists into the
 * first of their list (the identity by default), then makes the numbers simpler: every parameter
 * at the origin of the weights' range, running means there and running variances 1, dropout rates
 * and momenta 0; then every parameter but the weights at the origin; then all, rates and momenta
 * too, rounded to 0, 1 and 2 decimals.
 * A network of images also drops its stem (the layers after it taking the image's entries as flat
 * inputs) or one of the stem's layers before its exit, loses the last rows of its image (to one, or
 * one fewer) where every kernel and window still fits, and turns its convolutions' activations into
 * the first of the list (unless that is softmax); the layers after each change are fitted to the
 * shapes that follow.
 * A shrunk network has valid shapes, stays within the generator's bounds, and keeps the inputs and
 * outputs of a generator that fixes them.
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class NetworkGenerator extends Generator<Network> {

    final int minLayers;
    final int maxLayers;
    final int minInputs;
    final int maxInputs;
    final int minWidth;
    final int maxWidth;
    final int minOutputs;
    final int maxOutputs;
    final Vector<Activation> hidden;
    final Vector<Activation> last;
    final double low;
    final double high;
    final Kinds kinds;

    NetworkGenerator(int minLayers, int maxLayers, int minInputs, int maxInputs, int minWidth, int maxWidth,
            int minOutputs, int maxOutputs, Vector<Activation> hidden, Vector<Activation> last, double low,
            double high, Kinds kinds) {
        super(Network.class);
        Values.requireRange("layers", minLayers, maxLayers, 1);
        Values.requireRange("inputs", minInputs, maxInputs, 1);
        Values.requireRange("widths", minWidth, maxWidth, 1);
        Values.requireRange("outputs", minOutputs, maxOutputs, 1);
        Values.requireRange("weights", low, high);
        this.minLayers = minLayers;
        this.maxLayers = maxLayers;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.minWidth = minWidth;
        this.maxWidth = maxWidth;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
        this.hidden = requireActivations("activations", hidden);
        this.last = requireActivations("lastActivations", last);
        this.low = low;
        this.high = high;
        this.kinds = Objects.requireNonNull(kinds, "kinds is null");
    }

    /**
     * Every built-in activation, simplest first, as networks use them by default: identity,
     * sigmoid, tanh, ReLU, leaky ReLU with slope 0.01, softmax.
     *
     * @return the activations
     */
    public static Vector<Activation> builtInActivations() {
        return Vector.of(Activations.identity(), Activations.sigmoid(), Activations.tanh(), Activations.relu(),
                Activations.leakyRelu(0.01), Activations.softmax());
    }

    /**
     * Whether an activation has a kink, a point where it has no derivative and a finite
     * difference that straddles it is not one: ReLU and leaky ReLU, at 0.
     *
     * @param activation an activation
     * @return whether it is ReLU or a leaky ReLU
     */
    public static boolean kinked(Activation activation) {
        return activation instanceof LeakyRelu || activation.name().equals("relu");
    }

    /**
     * @param min the least number of layers, at least 1
     * @param max the most layers
     * @return this generator with that many layers
     */
    public NetworkGenerator layers(int min, int max) {
        return new NetworkGenerator(min, max, minInputs, maxInputs, minWidth, maxWidth, minOutputs, maxOutputs,
                hidden, last, low, high, kinds);
    }

    /**
     * @param min the least number of inputs, at least 1
     * @param max the most inputs
     * @return this generator with that many inputs
     */
    public NetworkGenerator inputs(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, min, max, minWidth, maxWidth, minOutputs, maxOutputs,
                hidden, last, low, high, kinds);
    }

    /**
     * @param min the least width (number of outputs) of a hidden layer, at least 1
     * @param max the largest width of a hidden layer
     * @return this generator with hidden layers of those widths
     */
    public NetworkGenerator widths(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, min, max, minOutputs, maxOutputs,
                hidden, last, low, high, kinds);
    }

    /**
     * @param min the least number of outputs of the network (of its last layer), at least 1
     * @param max the most outputs
     * @return this generator with that many outputs
     */
    public NetworkGenerator outputs(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, min, max,
                hidden, last, low, high, kinds);
    }

    /**
     * @param low the least weight or bias, finite
     * @param high the bound of the weights and biases, at least {@code low}
     * @return this generator with weights and biases uniform in {@code [low, high)}
     */
    public NetworkGenerator weights(double low, double high) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, last, low, high, kinds);
    }

    /**
     * @param activations the activations of every layer, at least one, simplest first (shrinking
     *     turns an activation into the first)
     * @return this generator with those activations in the hidden layers and the last layer
     */
    public NetworkGenerator activations(Seq<? extends Activation> activations) {
        return hiddenActivations(activations).lastActivations(activations);
    }

    /**
     * @param activations the activations of the hidden layers, at least one, simplest first
     * @return this generator with those activations before the last layer
     */
    public NetworkGenerator hiddenActivations(Seq<? extends Activation> activations) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, Vector.<Activation>ofAll(requireSeq(activations)), last, low, high, kinds);
    }

    /**
     * @param activations the activations of the last layer, at least one, simplest first
     * @return this generator with those activations in the last layer
     */
    public NetworkGenerator lastActivations(Seq<? extends Activation> activations) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, Vector.<Activation>ofAll(requireSeq(activations)), low, high, kinds);
    }

    /**
     * Only activations without a kink, so that central finite differences are derivatives at every
     * point: this removes ReLU and leaky ReLU ({@link #kinked}) from both lists.
     *
     * @return this generator without kinked activations
     * @throws IllegalArgumentException if a list would be left empty
     */
    public NetworkGenerator smooth() {
        return hiddenActivations(hidden.filter(a -> !kinked(a))).lastActivations(last.filter(a -> !kinked(a)));
    }

    /**
     * @param kinds the kinds of the layers before the last, by {@link io.github.purenet.network.Layer#kind()}
     *     name, at least one of {@link #builtInKinds()}
     * @return this generator with layers of those kinds
     */
    public NetworkGenerator kinds(Seq<String> kinds) {
        Objects.requireNonNull(kinds, "kinds is null");
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, last, low, high, this.kinds.withNames(Vector.ofAll(kinds)));
    }

    /**
     * @param max the most levels of blocks ({@code sequential}, {@code residual}) inside one another,
     *     not negative; 0 leaves only layers that are not blocks
     * @return this generator with blocks nested that deep at most
     */
    public NetworkGenerator depth(int max) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, last, low, high, kinds.withDepth(max));
    }

    /**
     * Adds a kind of layer of your own, such as a {@link io.github.purenet.network.CustomLayer}, to
     * the kinds: {@code make.apply(width)} gives one that takes {@code width} features (flat
     * examples of that width); the generator draws its parameters uniform in the weights' range,
     * and shrinking, when the width before it changes, makes it again for the new width and keeps
     * the first entries of its parameters. It may change the width.
     *
     * <pre>{@code
     * Generators.architectures().withLayer("scale", width -> new Scale(Matrix.filled(1, width, 1.0)));
     * }</pre>
     *
     * @param kind the layer's {@link Layer#kind()}, not that of a built-in kind
     * @param make gives a layer of that kind for a width, at least 1
     * @return this generator with that kind too
     */
    public NetworkGenerator withLayer(String kind, IntFunction<? extends Layer> make) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, last, low, high, kinds.withLayer(kind, make));
    }

    /**
     * Only layers that act alike in training and evaluation, so that the networks need no
     * {@link io.github.purenet.network.Mode}: this removes {@code dropout} and {@code batch_norm}
     * from the kinds.
     *
     * @return this generator without mode-dependent kinds
     * @throws IllegalArgumentException if no kind would be left
     */
    public NetworkGenerator modeFree() {
        return kinds(kinds.names().removeAll(Vector.of("dropout", "batch_norm")));
    }

    /**
     * Every built-in kind of layer, as {@link Generators#architectures()} uses them: {@code dense},
     * {@code activation}, {@code dropout}, {@code layer_norm}, {@code batch_norm}, {@code sequential},
     * {@code residual}, {@code conv2d}, {@code max_pool2d}, {@code avg_pool2d},
     * {@code global_average_pool} and {@code flatten}.
     *
     * @return the kinds
     */
    public static Vector<String> builtInKinds() {
        return Architectures.kinds();
    }

    @Override
    public Network generate(SourceOfRandomness random, GenerationStatus status) {
        return Architectures.generate(this, random, status.size());
    }

    @Override
    public List<Network> doShrink(SourceOfRandomness random, Network larger) {
        return NetworkShrinks.of(this, larger).toJavaList();
    }

    @Override
    public String toString() {
        return "networks().layers(" + minLayers + ", " + maxLayers + ").inputs(" + minInputs + ", " + maxInputs
                + ").widths(" + minWidth + ", " + maxWidth + ").outputs(" + minOutputs + ", " + maxOutputs
                + ").hiddenActivations(" + hidden.map(Activation::name).mkString(", ") + ").lastActivations("
                + last.map(Activation::name).mkString(", ") + ").weights(" + low + ", " + high + ")"
                + kinds;
    }

    private static <T> Seq<T> requireSeq(Seq<T> activations) {
        return Objects.requireNonNull(activations, "activations is null");
    }

    private static Vector<Activation> requireActivations(String name, Vector<Activation> activations) {
        if (activations.isEmpty() || activations.contains(null)) {
            throw new IllegalArgumentException(name + ": expected at least one activation and no null, got "
                    + activations);
        }
        return activations;
    }
}
