package io.github.purenet.testing;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Update;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * A named optimizer of {@link Optimizers} with its hyperparameters, and the optimizer they make;
 * made by {@link Generators#optimizers()}, or by {@link #of} from a failure's description.
 *
 * <pre>{@code
 * OptimizerCase<?> adam = OptimizerCase.of("adam", LinkedHashMap.of("learningRate", 0.01, "beta1", 0.8));
 * adam.description();                                    // adam(learningRate=0.01, beta1=0.8, beta2=0.999)
 * Object state = adam.stateAfter(network, Vector.of(g1, g2, g3));   // the state after three updates
 * }</pre>
 *
 * <p>The names and hyperparameters, with the defaults that a missing one takes: {@code sgd},
 * {@code adagrad} (learning rate only); {@code momentum}, {@code nesterov} ({@code beta} 0.9);
 * {@code rmsprop} ({@code decay} 0.9); {@code adam} ({@code beta1} 0.9, {@code beta2} 0.999);
 * {@code adamw} (as adam, and {@code weightDecay} 0.01). Every learning-rate is required. The
 * epsilons are the papers' (see {@link Optimizers}). Each optimizer is the composition of
 * {@link Transforms} that its namesake in {@link Optimizers} is, with these hyperparameters.
 *
 * <p>Two cases are equal when their names and hyperparameters are: those determine the
 * optimizer, which as a pair of functions has no equality of its own. A case's state type
 * {@code S} is known only as a wildcard after generation; to use the optimizer and its states
 * together, pass the case to a generic method: {@code <S> void check(OptimizerCase<S> c)}.
 *
 * @param <S> the type of the optimizer's state
 * @param name the name of the optimizer, such as {@code "adam"}
 * @param hyperparameters its hyperparameters by name, the learning rate first
 * @param optimizer the optimizer they make
 */
public record OptimizerCase<S>(String name, Map<String, Double> hyperparameters, Optimizer<S> optimizer) {

    /** @return the names that {@link #of} knows, simplest first */
    static Vector<String> names() {
        return Vector.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
    }

    /** The name of the learning rate, the hyperparameter every name has. */
    static final String LEARNING_RATE = "learningRate";

    /**
     * Checks that every component is present.
     *
     * @param name the name of the optimizer
     * @param hyperparameters its hyperparameters by name
     * @param optimizer the optimizer they make
     */
    public OptimizerCase {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(hyperparameters, "hyperparameters is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
    }

    /**
     * The optimizer of a name and hyperparameters.
     *
     * @param name one of {@code sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw}
     * @param hyperparameters {@code learningRate} and any of the others of that name; the missing
     *     ones take their defaults
     * @return the case, whose hyperparameters list every one of the name, the learning rate first
     * @throws IllegalArgumentException for an unknown name or hyperparameter, a missing learning
     *     rate, or a value the optimizer refuses
     */
    public static OptimizerCase<?> of(String name, Map<String, Double> hyperparameters) {
        Objects.requireNonNull(hyperparameters, "hyperparameters is null");
        Map<String, Double> defaults = defaults(Objects.requireNonNull(name, "name is null"));
        for (String key : hyperparameters.keySet()) {
            if (!key.equals(LEARNING_RATE) && !defaults.containsKey(key)) {
                throw new IllegalArgumentException("hyperparameters: " + name + " has no " + key + "; it has "
                        + defaults.keySet().toVector().prepend(LEARNING_RATE).mkString(", "));
            }
        }
        double lr = hyperparameters.get(LEARNING_RATE).getOrElseThrow(() -> new IllegalArgumentException(
                "hyperparameters: expected a " + LEARNING_RATE + " for " + name + ", got " + hyperparameters));
        Map<String, Double> h = LinkedHashMap.of(LEARNING_RATE, lr)
                .merge(defaults.map((k, v) -> Tuple.of(k, hyperparameters.get(k).getOrElse(v))));
        String description = describe(name, h);
        return switch (name) {
            case "sgd" -> named(name, h, description, Optimizers.sgd(lr));
            case "adagrad" -> named(name, h, description, Optimizers.adagrad(lr));
            case "momentum", "nesterov" -> named(name, h, description, Transforms.chain(
                    Transforms.momentum(h.get("beta").get(), name.equals("nesterov")),
                    Transforms.scaleByLearningRate(lr)));
            case "rmsprop" -> named(name, h, description, Transforms.chain(
                    Transforms.scaleByRms(h.get("decay").get(), 1e-8), Transforms.scaleByLearningRate(lr)));
            case "adam" -> named(name, h, description, Transforms.chain(
                    Transforms.scaleByAdam(h.get("beta1").get(), h.get("beta2").get(), 1e-8),
                    Transforms.scaleByLearningRate(lr)));
            default -> named(name, h, description, Transforms.chain(Transforms.chain(
                    Transforms.scaleByAdam(h.get("beta1").get(), h.get("beta2").get(), 1e-8),
                    Transforms.addDecayedWeights(h.get("weightDecay").get())), Transforms.scaleByLearningRate(lr)));
        };
    }

    /** The hyperparameters of a name other than the learning rate, with their defaults, in order. */
    static Map<String, Double> defaults(String name) {
        return switch (name) {
            case "sgd", "adagrad" -> LinkedHashMap.empty();
            case "momentum", "nesterov" -> LinkedHashMap.of("beta", 0.9);
            case "rmsprop" -> LinkedHashMap.of("decay", 0.9);
            case "adam" -> LinkedHashMap.of("beta1", 0.9, "beta2", 0.999);
            case "adamw" -> LinkedHashMap.of("beta1", 0.9, "beta2", 0.999, "weightDecay", 0.01);
            default -> throw new IllegalArgumentException("name: expected one of " + names().mkString(", ") + ", got "
                    + name);
        };
    }

    private static <S> OptimizerCase<S> named(String name, Map<String, Double> h, String description,
            Optimizer<S> composition) {
        return new OptimizerCase<>(name, h, Optimizer.of(description, composition::init, composition::update));
    }

    private static String describe(String name, Map<String, Double> h) {
        return name + h.map(t -> t._1 + "=" + t._2).mkString("(", ", ", ")");
    }

    /** @return the name and hyperparameters, such as {@code adam(learningRate=0.01, beta1=0.8, beta2=0.999)} */
    public String description() {
        return describe(name, hyperparameters);
    }

    /**
     * The state after the optimizer's {@code init} on a network and one update per gradients, each
     * applied to the network before the next.
     *
     * @param network the network before the first update
     * @param gradients the gradients of each update, shaped like the network
     * @return the optimizer's state after them ({@code init(network)} when there are none)
     */
    public S stateAfter(Network network, Seq<Gradients> gradients) {
        return descend(network, gradients)._2;
    }

    /**
     * The network after the optimizer's updates, as {@link #stateAfter} computes them.
     *
     * @param network the network before the first update
     * @param gradients the gradients of each update, shaped like the network
     * @return the network after them
     */
    public Network networkAfter(Network network, Seq<Gradients> gradients) {
        return descend(network, gradients)._1;
    }

    private Tuple2<Network, S> descend(Network network, Seq<Gradients> gradients) {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(gradients, "gradients is null");
        Tuple2<Network, S> current = Tuple.of(network, optimizer.init(network));
        for (Gradients g : Vector.ofAll(gradients)) {
            Update<S> u = optimizer.update(g, current._2, current._1);
            current = Tuple.of(Optimizer.applyUpdates(current._1, u.updates()), u.state());
        }
        return current;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerCase<?> other && name.equals(other.name)
                && hyperparameters.equals(other.hyperparameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hyperparameters);
    }

    @Override
    public String toString() {
        return description();
    }
}
