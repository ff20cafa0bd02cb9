package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;

/**
 * Generates networks of random architecture within bounds: the number of layers, the inputs, the
 * widths of the hidden layers, the outputs, each layer's activation, and weights and biases
 * uniform in a range; made by {@link Generators#networks()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.networks().layers(1, 3).widths(1, 16).inputs(4, 4).outputs(3, 3))
 *         .check(n -> assertEquals(3, Backprop.forward(n, x).output().columns()));
 * Generators.networks().smooth();     // no ReLU kinks: finite differences are derivatives everywhere
 * }</pre>
 *
 * <p>By default: 1 to 4 layers, 1 to 8 inputs, hidden widths and outputs, weights and biases in
 * {@code [-1, 1]}, and every built-in activation in every layer, simplest first: identity, sigmoid,
 * tanh, ReLU, leaky ReLU with slope 0.01, and softmax. The generation size bounds the shape: at
 * size 1 the network has the least layers, inputs, widths and outputs, and the bounds grow to the
 * configured maxima at size 50.
 *
 * <p>Shrinking removes layers while keeping the inputs and outputs (a hidden layer, whose inputs
 * the next layer takes; or the last layer, whose outputs the layer before takes when its
 * activation may end the network; weights are kept, or padded with the weight nearest 0 that the
 * range allows), narrows hidden layers, then outputs and inputs (keeping the first units),
 * turns activations into the first of their list (the identity by default), then makes the
 * weights and biases simpler: zero, then rounded to 0, 1 and 2 decimals. A shrunk network stays
 * within the generator's bounds, and a generator whose inputs and outputs are fixed keeps them.
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

    NetworkGenerator(int minLayers, int maxLayers, int minInputs, int maxInputs, int minWidth, int maxWidth,
            int minOutputs, int maxOutputs, Vector<Activation> hidden, Vector<Activation> last, double low,
            double high) {
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
                hidden, last, low, high);
    }

    /**
     * @param min the least number of inputs, at least 1
     * @param max the most inputs
     * @return this generator with that many inputs
     */
    public NetworkGenerator inputs(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, min, max, minWidth, maxWidth, minOutputs, maxOutputs,
                hidden, last, low, high);
    }

    /**
     * @param min the least width (number of outputs) of a hidden layer, at least 1
     * @param max the largest width of a hidden layer
     * @return this generator with hidden layers of those widths
     */
    public NetworkGenerator widths(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, min, max, minOutputs, maxOutputs,
                hidden, last, low, high);
    }

    /**
     * @param min the least number of outputs of the network (of its last layer), at least 1
     * @param max the most outputs
     * @return this generator with that many outputs
     */
    public NetworkGenerator outputs(int min, int max) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, min, max,
                hidden, last, low, high);
    }

    /**
     * @param low the least weight or bias, finite
     * @param high the bound of the weights and biases, at least {@code low}
     * @return this generator with weights and biases uniform in {@code [low, high)}
     */
    public NetworkGenerator weights(double low, double high) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, last, low, high);
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
                maxOutputs, Vector.<Activation>ofAll(requireSeq(activations)), last, low, high);
    }

    /**
     * @param activations the activations of the last layer, at least one, simplest first
     * @return this generator with those activations in the last layer
     */
    public NetworkGenerator lastActivations(Seq<? extends Activation> activations) {
        return new NetworkGenerator(minLayers, maxLayers, minInputs, maxInputs, minWidth, maxWidth, minOutputs,
                maxOutputs, hidden, Vector.<Activation>ofAll(requireSeq(activations)), low, high);
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

    @Override
    public Network generate(SourceOfRandomness random, GenerationStatus status) {
        int size = status.size();
        int layers = Values.count(random, minLayers, maxLayers, size);
        int in = Values.count(random, minInputs, maxInputs, size);
        Vector<Dense> dense = Vector.empty();
        for (int l = 0; l < layers; l++) {
            boolean isLast = l == layers - 1;
            int out = isLast ? Values.count(random, minOutputs, maxOutputs, size)
                    : Values.count(random, minWidth, maxWidth, size);
            Vector<Activation> choices = isLast ? last : hidden;
            Activation activation = choices.get(random.nextInt(0, choices.size() - 1));
            dense = dense.append(new Dense(Values.uniform(random, out, in, low, high),
                    Values.uniform(random, 1, out, low, high), activation));
            in = out;
        }
        return Network.of(dense.toJavaArray(Dense[]::new));
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
                + last.map(Activation::name).mkString(", ") + ").weights(" + low + ", " + high + ")";
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
