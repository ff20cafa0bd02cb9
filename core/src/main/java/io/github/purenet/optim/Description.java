package io.github.purenet.optim;

import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * What an optimizer or a schedule is, as data: its kind and its hyperparameters by name, in order.
 * A training state's document records its optimizer's description, and decoding it against an
 * optimizer whose description differs is refused, naming the hyperparameter and both values, so
 * that a run never resumes under another optimizer unnoticed.
 *
 * <pre>{@code
 * Optimizers.adam(0.01).description();
 * // chain(first=scale_by_adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8),
 * //       second=scale_by_learning_rate(learning_rate=constant(value=0.01)))
 * Description.of("inverse_sqrt").with("base", 0.1);   // a schedule or transform of your own
 * }</pre>
 *
 * <p>A value is a {@link Double} (finite), a {@link Long}, a {@link Boolean}, a {@link String}, a
 * nested description (a transform's inner optimizer, a learning-rate schedule), or a {@link Vector}
 * of such values (the boundaries of a piecewise schedule). Descriptions are equal when their kinds
 * and values are, doubles bit for bit ({@link Double#equals}).
 *
 * <p>Every built-in transform, optimizer, wrapper and schedule describes its composition: a named
 * optimizer is the chain of its transforms, so {@code Optimizers.adam(0.01)} has the description of
 * {@code chain(scaleByAdam(0.9, 0.999, 1e-8), scaleByLearningRate(0.01))}, the same computation. An
 * optimizer of one's own made by {@link Optimizer#of} is {@code custom(name=...)}, and a schedule
 * made by {@link Schedules#named} likewise: their names identify them, so a name should tell apart
 * every setting ({@code "inverse_sqrt(0.1)"}). A lambda schedule, or a class implementing
 * {@link Optimizer} or {@link Schedule} without overriding {@code description()}, is
 * {@link #UNNAMED}: such an optimizer cannot be recorded, and encoding its training state is refused.
 *
 * @param kind what it is, such as {@code scale_by_adam} or {@code cosine_decay}: not blank
 * @param values its hyperparameters by name, in order
 */
public record Description(String kind, LinkedHashMap<String, Object> values) {

    /** The description of a schedule or optimizer that has none: a lambda, or a class that does not say. */
    public static final Description UNNAMED = new Description("unnamed", LinkedHashMap.empty());

    /**
     * Checks the kind, the names and the values.
     *
     * @param kind what it is: not blank
     * @param values its hyperparameters by name: names not blank nor {@code kind}, values of the
     *     kinds above
     */
    public Description {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(values, "values is null");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind: expected a name such as \"inverse_sqrt\", got a blank");
        }
        for (Tuple2<String, Object> entry : values) {
            String name = Objects.requireNonNull(entry._1, () -> kind + ": a value's name is null");
            if (name.isBlank() || name.equals("kind")) {
                throw new IllegalArgumentException(kind + ": a value's name must not be blank nor \"kind\", got \""
                        + name + "\"");
            }
            requireValue(kind + "." + name, entry._2);
        }
    }

    /**
     * A description of a kind, without values yet.
     *
     * @param kind what it is, such as {@code "inverse_sqrt"}
     * @return the description
     */
    public static Description of(String kind) {
        return new Description(kind, LinkedHashMap.empty());
    }

    /**
     * The description of an optimizer or schedule of one's own, identified by its name.
     *
     * @param name the name, such as {@code "inverse_sqrt(0.1)"}: not blank
     * @return {@code custom(name=...)}
     */
    public static Description custom(String name) {
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: expected a name that identifies it, such as "
                    + "\"inverse_sqrt(0.1)\", got a blank");
        }
        return of("custom").with("name", name);
    }

    /**
     * This description with one more value, after the others.
     *
     * @param name the value's name, not already present
     * @param value a {@link Double}, {@link Long}, {@link Integer} (kept as a {@link Long}),
     *     {@link Boolean}, {@link String}, {@link Description} or {@link Seq} of such values
     * @return the description
     */
    public Description with(String name, Object value) {
        Objects.requireNonNull(name, "name is null");
        if (values.containsKey(name)) {
            throw new IllegalArgumentException(kind + ": the value \"" + name + "\" is already given");
        }
        return new Description(kind, values.put(name, normal(value)));
    }

    /** @return whether this is {@link #UNNAMED} */
    public boolean isUnnamed() {
        return equals(UNNAMED);
    }

    /** Integers as longs and sequences as vectors, so that equal settings give equal descriptions. */
    private static Object normal(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Seq<?> s && !(value instanceof Vector<?>)) {
            return Vector.ofAll(s).map(Description::normal);
        }
        if (value instanceof Vector<?> v) {
            return v.map(Description::normal);
        }
        return value;
    }

    private static void requireValue(String where, Object value) {
        if (value == null) {
            throw new NullPointerException(where + " is null");
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(where + ": expected a finite number, got " + d);
            }
        } else if (value instanceof Vector<?> v) {
            for (int i = 0; i < v.size(); i++) {
                requireValue(where + "[" + i + "]", v.get(i));
            }
        } else if (!(value instanceof Long || value instanceof Boolean || value instanceof String
                || value instanceof Description)) {
            throw new IllegalArgumentException(where + ": expected a Double, Long, Boolean, String, Description or "
                    + "Vector of them, got " + value.getClass().getName() + " " + value);
        }
    }

    /**
     * @return the kind and the values as a call, such as
     *     {@code cosine_decay(initial=0.01, decay_steps=1000, alpha=0.0)}
     */
    @Override
    public String toString() {
        return kind + values.map(e -> e._1 + "=" + show(e._2)).mkString("(", ", ", ")");
    }

    /**
     * A value as a description prints it: numbers in Java's shortest exact form, strings quoted.
     *
     * @param value a value of a description
     * @return its text, such as {@code 0.01}, {@code "decayable"} or {@code [100, 200]}
     */
    public static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Vector<?> v) {
            return v.map(Description::show).mkString("[", ", ", "]");
        }
        return String.valueOf(value);
    }
}
