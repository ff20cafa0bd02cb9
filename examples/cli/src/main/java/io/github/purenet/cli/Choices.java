package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Initializer;
import io.github.purenet.network.Initializers;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedule;
import io.github.purenet.optim.Schedules;
import io.vavr.collection.Vector;

/**
 * The names the command line accepts for activations, normalisations, optimizers and learning-rate
 * schedules, and the library's values they stand for ({@link Architecture} builds the
 * normalisation layers).
 *
 * <p>Optimizers take the schedule of the learning rate: each is the library's {@link Optimizers}
 * overload that takes a {@link Schedule}, so that with the constant schedule each is bit for bit
 * its named optimizer with a constant rate (a test checks it).
 */
public final class Choices {

    /** The hidden-layer activations. */
    public static final Vector<String> ACTIVATIONS = Vector.of("relu", "tanh", "sigmoid", "leaky-relu");

    /** The normalisations of the hidden layers: none, layer normalisation, batch normalisation. */
    public static final Vector<String> NORMS = Vector.of("none", "layer", "batch");

    /** The optimizers. */
    public static final Vector<String> OPTIMIZERS = Vector.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop",
            "adam", "adamw");

    /** The learning-rate schedules. */
    public static final Vector<String> SCHEDULES = Vector.of("constant", "linear", "cosine", "warmup-cosine");

    private Choices() {
    }

    /**
     * @param name one of {@link #ACTIVATIONS}
     * @return the activation; {@code leaky-relu} has slope 0.01 below zero
     */
    public static Activation activation(String name) {
        switch (name) {
            case "relu":
                return Activations.relu();
            case "tanh":
                return Activations.tanh();
            case "sigmoid":
                return Activations.sigmoid();
            case "leaky-relu":
                return Activations.leakyRelu(0.01);
            default:
                throw unknown("--activation", "activation", name, ACTIVATIONS);
        }
    }

    /**
     * The initializer that suits an activation: He (Kaiming) uniform for the ReLUs, Glorot (Xavier)
     * uniform otherwise.
     *
     * @param name one of {@link #ACTIVATIONS}
     * @return the initializer of the weights
     */
    public static Initializer initializer(String name) {
        return name.equals("relu") || name.equals("leaky-relu") ? Initializers.heUniform()
                : Initializers.glorotUniform();
    }

    /**
     * A learning-rate schedule over a run of {@code steps} steps:
     * <ul>
     *   <li>{@code constant}: {@code lr} at every step;</li>
     *   <li>{@code linear}: from {@code lr} down to 0 at the last step;</li>
     *   <li>{@code cosine}: cosine decay from {@code lr} to 0 at the last step;</li>
     *   <li>{@code warmup-cosine}: a linear warm-up from 0 to {@code lr} over the first 5% of the
     *       steps (at least one), then cosine decay to 0 at the last step.</li>
     * </ul>
     *
     * @param name one of {@link #SCHEDULES}
     * @param learningRate the learning rate, finite and {@code >= 0}
     * @param steps the number of steps the decay spans, at least 2; after them the rate stays at 0
     * @return the schedule
     */
    public static Schedule schedule(String name, double learningRate, long steps) {
        switch (name) {
            case "constant":
                return Schedules.constant(learningRate);
            case "linear":
                return Schedules.linear(learningRate, 0.0, steps);
            case "cosine":
                return Schedules.cosineDecay(learningRate, steps, 0.0);
            case "warmup-cosine":
                return Schedules.warmupCosineDecay(0.0, learningRate, Math.max(1, steps / 20), Math.max(2, steps), 0.0);
            default:
                throw unknown("--schedule", "schedule", name, SCHEDULES);
        }
    }

    /**
     * An optimizer with a learning-rate schedule.
     *
     * @param name one of {@link #OPTIMIZERS}
     * @param learningRate the schedule of the learning rate
     * @return the optimizer
     */
    public static Optimizer<?> optimizer(String name, Schedule learningRate) {
        switch (name) {
            case "sgd":
                return Optimizers.sgd(learningRate);
            case "momentum":
                return Optimizers.momentum(learningRate);
            case "nesterov":
                return Optimizers.nesterov(learningRate);
            case "adagrad":
                return Optimizers.adagrad(learningRate);
            case "rmsprop":
                return Optimizers.rmsprop(learningRate);
            case "adam":
                return Optimizers.adam(learningRate);
            case "adamw":
                return Optimizers.adamw(learningRate);
            default:
                throw unknown("--optimizer", "optimizer", name, OPTIMIZERS);
        }
    }

    /**
     * Refuses a name that is not one of the choices.
     *
     * @param option the option, such as {@code --optimizer}
     * @param what what the name names, such as {@code optimizer}
     * @param name the name given
     * @param choices the names accepted
     * @return the exception to throw (usage), naming the value and the choices
     */
    static CliException unknown(String option, String what, String name, Vector<String> choices) {
        return CliException.usage(option + ": unknown " + what + " '" + Echo.of(name) + "'; expected one of "
                + choices.mkString(", "));
    }
}
