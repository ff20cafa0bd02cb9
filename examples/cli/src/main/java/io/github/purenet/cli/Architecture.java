package io.github.purenet.cli;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.io.Echo;
import io.github.purenet.io.ImageShape;
import io.github.purenet.network.ActivationLayer;
import io.github.purenet.network.BatchNorm;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Initializer;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Layer;
import io.github.purenet.network.LayerNorm;
import io.github.purenet.network.Network;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The hidden layers of a run's network, as {@code --layers}, {@code --activation},
 * {@code --dropout}, {@code --norm} and {@code --residual} give them. Each hidden layer is a block
 * <pre>
 * dense → activation → dropout                          (--norm none)
 * dense (identity) → normalisation → activation → dropout   (--norm layer or batch)
 * </pre>
 * (dropout only with a rate above 0), followed by a dense softmax layer of one unit per class. The
 * normalisation comes between the dense map and the activation, as Ioffe and Szegedy place batch
 * normalisation, so that the activation sees normalised values; dropout comes after the
 * activation, as Srivastava et al. place it. With {@code --residual} every hidden block after the
 * first is a residual block {@code y = x + f(x)}, {@code f} the block, so the hidden layers must
 * all have one width: the first block maps the input to that width.
 *
 * <p>Without dropout, normalisation or residual blocks the network is exactly the stack of dense
 * layers of {@link Initializers#network}. With them, the dense layers have the same weights: dense
 * layer {@code i} draws from the {@code i}-th key of {@code key.split(layers + 1)}, as there.
 *
 * <p>With {@code --model} the hidden layers are those of a {@link ModelSpec} instead (convolutions,
 * pooling, dropout and dense layers over the data's images), laid out by {@link ModelPlan}; then
 * {@code layers} is empty, {@code dropout} is 0, {@code norm} is {@code none} and {@code residual}
 * is false, since the spec says all of it.
 *
 * @param layers the sizes of the hidden layers, at least one, each positive
 * @param activation the hidden layers' activation, one of {@link Choices#ACTIVATIONS}
 * @param dropout the probability of dropping a hidden unit in training, in {@code [0, 1)}; 0 for
 *     no dropout layers
 * @param norm the normalisation of the hidden layers, one of {@link Choices#NORMS}
 * @param residual whether the hidden blocks after the first are residual blocks
 * @param model the hidden layers of {@code --model}, which replace the options above; none without it
 */
public record Architecture(Vector<Integer> layers, String activation, double dropout, String norm,
        boolean residual, Option<ModelSpec> model) {

    /**
     * Checks every value and their combination, naming the option and the value in the message.
     *
     * @param layers the sizes of the hidden layers
     * @param activation the hidden layers' activation
     * @param dropout the dropout rate
     * @param norm the normalisation
     * @param residual whether the hidden blocks after the first are residual blocks
     * @param model the hidden layers of {@code --model}, if given
     */
    public Architecture {
        Objects.requireNonNull(layers, "layers is null");
        Objects.requireNonNull(activation, "activation is null");
        Objects.requireNonNull(norm, "norm is null");
        Objects.requireNonNull(model, "model is null");
        if (model.isDefined() && (!layers.isEmpty() || dropout != 0.0 || !norm.equals("none") || residual)) {
            throw CliException.usage("--model: describes every hidden layer, so it takes none of --layers, --dropout,"
                    + " --norm or --residual (put dropout:RATE items in the model), got --layers "
                    + Echo.of(layers.mkString(",")) + " --dropout " + dropout + " --norm " + norm + " --residual "
                    + residual);
        }
        if (model.isEmpty() && layers.isEmpty() || layers.exists(size -> size == null || size < 1)) {
            throw CliException.usage("--layers: expected hidden-layer sizes >= 1 such as 128 or 256,128, got "
                    + Echo.of(layers.mkString(",")));
        }
        if (!Choices.ACTIVATIONS.contains(activation)) {
            throw Choices.unknown("--activation", "activation", activation, Choices.ACTIVATIONS);
        }
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw CliException.usage("--dropout: expected a rate from 0 (included) to 1 (excluded), got " + dropout);
        }
        if (!Choices.NORMS.contains(norm)) {
            throw Choices.unknown("--norm", "normalisation", norm, Choices.NORMS);
        }
        if (residual && (layers.size() < 2 || layers.distinct().size() > 1)) {
            throw CliException.usage("--residual: needs two or more hidden layers of one width, such as --layers "
                    + layers.head() + "," + layers.head() + " (each after the first becomes y = x + f(x)), got --layers "
                    + Echo.of(layers.mkString(",")));
        }
    }

    /**
     * The hidden layers of the options {@code --layers}, {@code --dropout}, {@code --norm} and
     * {@code --residual}, without {@code --model}.
     *
     * @param layers the sizes of the hidden layers
     * @param activation the hidden layers' activation
     * @param dropout the dropout rate
     * @param norm the normalisation
     * @param residual whether the hidden blocks after the first are residual blocks
     */
    public Architecture(Vector<Integer> layers, String activation, double dropout, String norm, boolean residual) {
        this(layers, activation, dropout, norm, residual, Option.none());
    }

    /**
     * @param model the hidden layers of {@code --model}
     * @param activation the activation of its convolutions and dense layers
     * @return the architecture of {@code --model}
     */
    public static Architecture of(ModelSpec model, String activation) {
        Objects.requireNonNull(model, "model is null");
        return new Architecture(Vector.empty(), activation, 0.0, "none", false, Option.some(model));
    }

    /**
     * @param layers the sizes of the hidden layers
     * @param activation their activation
     * @return a stack of dense layers: no dropout, no normalisation, no residual blocks
     */
    public static Architecture dense(Vector<Integer> layers, String activation) {
        return new Architecture(layers, activation, 0.0, "none", false);
    }

    /** @return whether the network is a plain stack of dense layers, as before these options existed */
    public boolean plain() {
        return dropout == 0.0 && norm.equals("none") && !residual && model.isEmpty();
    }

    /** @return whether the network acts differently in training and in evaluation (dropout, batch normalisation) */
    public boolean modeDependent() {
        return dropout > 0.0 || norm.equals("batch") || model.exists(ModelSpec::dropout);
    }

    /**
     * The shape of one example that the network takes: for {@code --model}, the data's images
     * ({@code rows x columns x 1}) when the data have them; otherwise flat.
     *
     * @param features the features of an example, at least 1
     * @param image the rows and columns of the image that an example is, if it is one
     * @return the shape
     */
    public Shape input(int features, Option<ImageShape> image) {
        Objects.requireNonNull(image, "image is null");
        return model.isDefined() && image.isDefined() ? Shape.of(image.get().rows(), image.get().columns(), 1)
                : Shape.of(features);
    }

    /**
     * The layers of {@code --model} over an input, checked against its shape.
     *
     * @param input the shape of one example
     * @param data the data, for messages
     * @return the plan of the layers
     * @throws IllegalStateException without {@code --model}
     * @throws CliException (usage) naming the item that does not fit its input
     */
    ModelPlan plan(Shape input, String data) {
        return ModelPlan.of(model.getOrElseThrow(() -> new IllegalStateException("plan: no --model")), input, data);
    }

    /**
     * The network in a few words, for the title of a plot: for a stack of dense layers its text
     * without {@code Network[...]}, such as {@code 64-128-10 relu,softmax}; otherwise the sizes,
     * the activation and the options, such as
     * {@code 64-128-128-10 relu, layer norm, dropout 0.1, residual}.
     *
     * @param network the network of this architecture
     * @return the words
     */
    public String brief(Network network) {
        if (model.isDefined()) {
            return network.input() + " " + model.get() + " " + activation + ", softmax " + network.outputs();
        }
        if (plain()) {
            return network.toString().replaceAll("^Network\\[|\\]$", "");
        }
        return network.inputs() + "-" + layers.mkString("-") + "-" + network.outputs() + " " + activation
                + (norm.equals("none") ? "" : ", " + norm + " norm") + (dropout > 0.0 ? ", dropout " + dropout : "")
                + (residual ? ", residual" : "");
    }

    /**
     * The trainable parameters of {@link #network(Key, int, int)}, counted exactly without building
     * it: each dense layer's weights and biases, each normalisation's scale and shift.
     *
     * @param inputs the features of an example, at least 1
     * @param classes the classes, at least 1
     * @return the parameters
     * @throws IllegalArgumentException if {@code inputs} or {@code classes} is below 1
     */
    public long parameters(int inputs, int classes) {
        return parameters(Shape.of(inputs), classes);
    }

    /**
     * The trainable parameters of {@link #network(Key, Shape, int)}, counted exactly without
     * building it.
     *
     * @param input the shape of one example
     * @param classes the classes, at least 1
     * @return the parameters
     * @throws IllegalArgumentException if {@code classes} is below 1
     * @throws CliException (usage) if a layer of {@code --model} does not fit its input
     */
    public long parameters(Shape input, int classes) {
        Objects.requireNonNull(input, "input is null");
        if (classes < 1) {
            throw new IllegalArgumentException("parameters: expected classes >= 1, got " + classes);
        }
        if (model.isDefined()) {
            return plan(input, "given").parameters(classes);
        }
        int inputs = input.size();
        long total = 0;
        long width = inputs;
        for (int size : layers) {
            long normalisation = norm.equals("none") ? 0 : 2L * size;
            total = Math.addExact(total, Math.addExact(Math.multiplyExact(width, size), size + normalisation));
            width = size;
        }
        return Math.addExact(total, Math.multiplyExact(width, classes) + classes); // below 2^31 · 2^16: exact
    }

    /**
     * The initial network: the hidden blocks, then a dense softmax layer over the classes, with
     * weights drawn as {@link Initializers#network} draws them (He uniform for the ReLUs, Glorot
     * uniform otherwise, zero biases).
     *
     * @param key the key of the initial weights
     * @param inputs the number of features of an example
     * @param classes the number of classes
     * @return the network
     */
    public Network network(Key key, int inputs, int classes) {
        return network(key, Shape.of(inputs), classes);
    }

    /**
     * The initial network over examples of a shape: the hidden layers of {@code --model} as
     * {@link ModelPlan} lays them out, or those of the other options (then {@code input} is flat),
     * then a dense softmax layer over the classes.
     *
     * @param key the key of the initial weights
     * @param input the shape of one example
     * @param classes the number of classes
     * @return the network
     * @throws CliException (usage) if a layer of {@code --model} does not fit its input
     */
    public Network network(Key key, Shape input, int classes) {
        Objects.requireNonNull(input, "input is null");
        if (model.isDefined()) {
            return plan(input, "given").network(key, Choices.initializer(activation), Choices.activation(activation),
                    classes);
        }
        int inputs = input.size();
        Vector<Key> keys = key.split(layers.size() + 1);
        Initializer init = Choices.initializer(activation);
        Vector<Layer> network = Vector.empty();
        int width = inputs;
        for (int i = 0; i < layers.size(); i++) {
            Vector<Layer> block = block(keys.get(i), init, width, layers.get(i));
            if (residual && i > 0) {
                network = network.append(Residual.of(block.size() == 1 ? block.head() : Sequential.of(block)));
            } else {
                network = network.appendAll(block);
            }
            width = layers.get(i);
        }
        return Network.of(Shape.of(inputs), network.append(Initializers.dense(keys.last(), init, width, classes,
                Activations.softmax())));
    }

    /** One hidden block: dense, then normalisation and the activation, then dropout. */
    private Vector<Layer> block(Key key, Initializer init, int inputs, int outputs) {
        Activation f = Choices.activation(activation);
        Vector<Layer> block = norm.equals("none") ? Vector.of(Initializers.dense(key, init, inputs, outputs, f))
                : Vector.of(Initializers.dense(key, init, inputs, outputs, Activations.identity()),
                        norm.equals("layer") ? LayerNorm.of(outputs) : BatchNorm.of(outputs), ActivationLayer.of(f));
        return dropout > 0.0 ? block.append(Dropout.of(dropout)) : block;
    }
}
