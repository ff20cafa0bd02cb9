package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedule;
import io.github.purenet.optim.Schedules;
import io.github.purenet.optim.Selection;
import io.github.purenet.optim.Transforms;
import io.github.purenet.optim.Wrappers;
import io.github.purenet.random.Key;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hyperparameter of every named optimizer, transform, wrapper and schedule, changed one at a
 * time: a training state written under the optimizer is refused under the changed one, at the
 * hyperparameter's place in the document (written here by hand, from the format), naming both
 * values; and the same optimizer built twice reads the state back.
 */
class OptimizerRecordTest {

    private static final Network NETWORK = Fixtures.seedNetwork(); // two layers, for the layer selections
    private static final Vector<Boolean> FIRST = Vector.of(true, false);
    private static final Vector<Boolean> SECOND = Vector.of(false, true);

    /**
     * An optimizer made of its hyperparameters.
     *
     * @param name what it is
     * @param make the optimizer of a list of hyperparameters
     * @param values the hyperparameters written
     * @param others another value of each, the one given when decoding
     * @param paths where each is in the document, under {@code $.train_state.optimizer}
     * @param shown each value as the message shows it, then each other value
     */
    record Knobs(String name, Function<Vector<Object>, Optimizer<?>> make, Vector<Object> values,
            Vector<Object> others, Vector<String> paths, Vector<String> shown) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Knobs knobs(String name, Function<Vector<Object>, Optimizer<?>> make, Object... triples) {
        Vector<Object> t = Vector.of(triples);
        Vector<Integer> at = Vector.range(0, t.size() / 3);
        return new Knobs(name, make, at.map(i -> t.get(3 * i + 1)), at.map(i -> t.get(3 * i + 2)),
                at.map(i -> (String) t.get(3 * i)), at.map(i -> shown(t.get(3 * i + 1)))
                        .appendAll(at.map(i -> shown(t.get(3 * i + 2)))));
    }

    /** A value as the message shows it, written independently of the library's printing. */
    private static String shown(Object value) {
        if (value instanceof Vector<?> v) { // flags of layers are a selection, printed as a quoted string
            String list = v.mkString("[", ", ", "]");
            return v.head() instanceof Boolean ? "\"" + list + "\"" : list;
        }
        if (value instanceof Selection selection) { // written as a string: what it prints
            return "\"" + selection + "\"";
        }
        return String.valueOf(value);
    }

    private static double d(Vector<Object> v, int i) {
        return (Double) v.get(i);
    }

    private static long l(Vector<Object> v, int i) {
        return (Long) v.get(i);
    }

    private static boolean b(Vector<Object> v, int i) {
        return (Boolean) v.get(i);
    }

    @SuppressWarnings("unchecked")
    private static Vector<Long> longs(Vector<Object> v, int i) {
        return (Vector<Long>) v.get(i);
    }

    @SuppressWarnings("unchecked")
    private static Vector<Boolean> flags(Vector<Object> v, int i) {
        return (Vector<Boolean>) v.get(i);
    }

    /** Each optimizer's knobs: its name, how it is made, then for each hyperparameter its path, its value and another. */
    static Stream<Knobs> optimizers() {
        String lr = ".second.learning_rate.value";
        return Stream.of(
                knobs("sgd", v -> Optimizers.sgd(d(v, 0)), ".learning_rate.value", 0.1, 0.5),
                knobs("momentum", v -> Optimizers.momentum(d(v, 0), d(v, 1)), lr, 0.1, 0.2, ".first.beta", 0.9, 0.8),
                knobs("nesterov or momentum", v -> b(v, 1) ? Optimizers.nesterov(d(v, 0)) : Optimizers.momentum(d(v, 0)),
                        lr, 0.1, 0.3, ".first.nesterov", true, false),
                knobs("adagrad", v -> Optimizers.adagrad(d(v, 0)), lr, 0.01, 0.02),
                knobs("rmsprop", v -> Optimizers.rmsprop(d(v, 0)), lr, 0.01, 0.011),
                knobs("adam", v -> Optimizers.adam(d(v, 0)), lr, 0.001, 0.0010000000000000002),
                knobs("adamw", v -> Optimizers.adamw(d(v, 0), d(v, 1)), lr, 0.001, 0.002, ".first.second.decay", 0.01,
                        0.0),
                knobs("adamw with a selection", v -> Optimizers.adamw(Schedules.constant(d(v, 0)), d(v, 1),
                        (Selection) v.get(2)), lr, 0.001, 0.003, ".first.second.decay", 0.01, 0.02,
                        ".first.second.selection", Selection.decayable(), Selection.named("bias")),
                knobs("scale", v -> Transforms.scale(d(v, 0)), ".factor", -0.1, -0.2),
                knobs("scaleByLearningRate", v -> Transforms.scaleByLearningRate(d(v, 0)), ".learning_rate.value",
                        0.1, 0.25),
                knobs("momentum transform", v -> Transforms.momentum(d(v, 0), b(v, 1)), ".beta", 0.9, 0.5,
                        ".nesterov", false, true),
                knobs("scaleByAdam", v -> Transforms.scaleByAdam(d(v, 0), d(v, 1), d(v, 2)), ".beta1", 0.9, 0.95,
                        ".beta2", 0.999, 0.99, ".epsilon", 1e-8, 1e-7),
                knobs("scaleByRms", v -> Transforms.scaleByRms(d(v, 0), d(v, 1)), ".decay", 0.9, 0.99, ".epsilon",
                        1e-8, 1e-6),
                knobs("scaleByAdagrad", v -> Transforms.scaleByAdagrad(d(v, 0), d(v, 1)), ".initial_accumulator", 0.0,
                        0.1, ".epsilon", 1e-10, 1e-7),
                knobs("addDecayedWeights", v -> Transforms.addDecayedWeights(d(v, 0)), ".decay", 0.01, 0.001),
                knobs("addDecayedWeights with a selection", v -> Transforms.addDecayedWeights(d(v, 0),
                        Selection.layers(flags(v, 1))), ".decay", 0.01, 0.5, ".selection", FIRST, SECOND),
                knobs("clip", v -> Transforms.clip(d(v, 0)), ".max", 1.0, 2.0),
                knobs("clipByGlobalNorm", v -> Transforms.clipByGlobalNorm(d(v, 0)), ".max", 1.0, 0.5),
                new Knobs("setToZero or clip", v -> b(v, 0) ? Transforms.setToZero() : Transforms.clip(1.0),
                        Vector.of(true), Vector.of(false), Vector.of(""), Vector.of("set_to_zero()", "clip(max=1.0)")),
                knobs("chain", v -> Transforms.chain(Transforms.clip(d(v, 0)), Transforms.scale(d(v, 1))),
                        ".first.max", 3.0, 4.0, ".second.factor", 2.0, 1.0),
                knobs("partition", v -> Wrappers.partition(flags(v, 0), Transforms.scale(d(v, 1)),
                        Transforms.clip(d(v, 2))), ".selected", FIRST, SECOND, ".for_selected.factor", 1.5, 2.5,
                        ".for_others.max", 1.0, 9.0),
                knobs("freeze", v -> Wrappers.freeze(flags(v, 0), Optimizers.sgd(d(v, 1))), ".selected", FIRST,
                        SECOND, ".for_others.learning_rate.value", 0.1, 0.7),
                knobs("accumulate", v -> Wrappers.accumulate((int) l(v, 0), Optimizers.sgd(d(v, 1))), ".k", 4L, 3L,
                        ".inner.learning_rate.value", 0.1, 0.2));
    }

    /** Each schedule's knobs, as the learning rate of {@code sgd}. */
    static Stream<Knobs> schedules() {
        String at = ".learning_rate";
        return Stream.of(
                sgd("constant", v -> Schedules.constant(d(v, 0)), at + ".value", 0.1, 0.2),
                sgd("linear", v -> Schedules.linear(d(v, 0), d(v, 1), l(v, 2)), at + ".initial", 0.0, 0.01,
                        at + ".end", 0.1, 0.2, at + ".steps", 100L, 101L),
                sgd("piecewiseConstant", v -> Schedules.piecewiseConstant(d(v, 0), Vector.of(100L, l(v, 1)),
                        Vector.of(0.01, d(v, 2))), at + ".initial", 0.1, 0.05, at + ".boundaries[1]", 200L, 300L,
                        at + ".values[1]", 0.001, 0.002),
                sgd("piecewiseConstant of another length", v -> Schedules.piecewiseConstant(0.1, longs(v, 0),
                        longs(v, 0).map(x -> 0.01)), at + ".boundaries", Vector.of(100L), Vector.of(100L, 200L)),
                sgd("exponentialDecay", v -> Schedules.exponentialDecay(d(v, 0), d(v, 1), l(v, 2), b(v, 3)),
                        at + ".initial", 0.1, 0.3, at + ".rate", 0.5, 0.25, at + ".decay_steps", 1000L, 10L,
                        at + ".staircase", true, false),
                sgd("cosineDecay", v -> Schedules.cosineDecay(d(v, 0), l(v, 1), d(v, 2)), at + ".initial", 0.01, 0.5,
                        at + ".decay_steps", 1000L, 999L, at + ".alpha", 0.0, 0.1),
                sgd("warmupCosineDecay", v -> Schedules.warmupCosineDecay(d(v, 0), d(v, 1), l(v, 2), l(v, 3),
                        d(v, 4)), at + ".initial", 0.0, 1e-4, at + ".peak", 0.1, 0.2, at + ".warmup_steps", 500L, 0L,
                        at + ".decay_steps", 10_000L, 20_000L, at + ".end", 0.001, 0.0),
                sgd("join", v -> Schedules.join(Vector.of(Schedules.constant(d(v, 0)),
                        Schedules.linear(0.1, 0.0, l(v, 1))), Vector.of(l(v, 2))), at + ".schedules[0].value", 0.1,
                        0.2, at + ".schedules[1].steps", 10L, 20L, at + ".boundaries[0]", 5L, 6L));
    }

    private static Knobs sgd(String name, Function<Vector<Object>, Schedule> schedule, Object... triples) {
        return knobs(name, v -> Optimizers.sgd(schedule.apply(v)), triples);
    }

    static Stream<Knobs> all() {
        return Stream.concat(optimizers(), schedules());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void eachHyperparameterChangedAloneIsRefusedAtItsPathNamingBothValues(Knobs k) {
        String json = CODEC.encode(state(k.make().apply(k.values())), cast(k.make().apply(k.values())));
        for (int i = 0; i < k.values().size(); i++) {
            Optimizer<Object> changed = cast(k.make().apply(k.values().update(i, k.others().get(i))));
            String path = "$.train_state.optimizer" + k.paths().get(i);
            CheckpointException e = refused(() -> CODEC.decodeTrainState(json, changed), path,
                    "the document has ", ", the optimizer given has ");
            String message = e.getMessage();
            String recorded = message.substring(message.indexOf("the document has ") + 17,
                    message.indexOf(", the optimizer given has "));
            String given = message.substring(message.indexOf(", the optimizer given has ") + 26,
                    message.lastIndexOf(": the stored run"));
            assertTrue(recorded.contains(k.shown().get(i)), message);
            assertTrue(given.contains(k.shown().get(k.values().size() + i)), message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void theSameOptimizerBuiltTwiceReadsTheStateBack(Knobs k) {
        TrainState<Object> state = state(k.make().apply(k.values()));
        String json = CODEC.encode(state, cast(k.make().apply(k.values())));
        assertEquals(state, CODEC.decodeTrainState(json, cast(k.make().apply(k.values()))));
        assertEquals(k.make().apply(k.values()).description(), k.make().apply(k.values()).description());
    }

    @SuppressWarnings("unchecked") // the optimizers of one list of knobs share their state's type
    private static Optimizer<Object> cast(Optimizer<?> optimizer) {
        return (Optimizer<Object>) optimizer;
    }

    private static TrainState<Object> state(Optimizer<?> optimizer) {
        return new TrainState<>(NETWORK, optimizer.init(NETWORK), 3, 1, 0, Vector.of(1, 0, 2), Key.of(5),
                Option.some(0.5));
    }
}
