package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Schedules;
import io.github.purenet.train.Training;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The command line's optimizers, built with a schedule, are the library's named optimizers: with
 * the constant schedule, 40 steps of each give the same training state, bit for bit, as its
 * {@link Optimizers} counterpart.
 */
class ChoicesTest {

    private static final Map<String, DoubleFunction<Optimizer<?>>> NAMED = LinkedHashMap.of(
            "sgd", Optimizers::sgd,
            "momentum", Optimizers::momentum,
            "nesterov", Optimizers::nesterov,
            "adagrad", Optimizers::adagrad,
            "rmsprop", Optimizers::rmsprop,
            "adam", Optimizers::adam,
            "adamw", Optimizers::adamw);

    private static final Experiment IRIS = Experiment.of(irisDefaults(),
            Sources.load(DataSpec.parse("iris"), Option.none()));

    @Test
    void withTheConstantScheduleEachOptimizerIsItsNamedOptimizerBitForBit() {
        assertEquals(Choices.OPTIMIZERS.toList(), NAMED.keySet().toList());
        for (String name : Choices.OPTIMIZERS) {
            String viaSchedule = sha256After40Steps(Choices.optimizer(name, Schedules.constant(0.05)));
            String named = sha256After40Steps(NAMED.get(name).get().apply(0.05));
            assertEquals(named, viaSchedule, name);
        }
        assertNotEquals(sha256After40Steps(Choices.optimizer("adam", Schedules.constant(0.05))),
                sha256After40Steps(Choices.optimizer("adam", Schedules.constant(0.04))));
    }

    private static <S> String sha256After40Steps(Optimizer<S> optimizer) {
        var state = Training.run(Training.init(IRIS.initial(), optimizer, IRIS.runKey(), IRIS.train(), IRIS.batching()),
                Training.transition(IRIS.train(), IRIS.batching(), IRIS.loss(), optimizer)).get(40);
        return Codec.standard().sha256(state);
    }

    /** The configuration of {@code train --data iris}, through the command's own defaults. */
    private static RunConfig irisDefaults() {
        TrainCommand command = new TrainCommand();
        command.data = "iris";
        return command.config();
    }
}
