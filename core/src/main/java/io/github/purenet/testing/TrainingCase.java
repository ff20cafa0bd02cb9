package io.github.purenet.testing;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import java.util.Objects;
import java.util.function.Function;

/**
 * A training run's configuration, and its state after a number of steps, bundled with the
 * transition that continues it; made by {@link Generators#trainings()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.trainings()).check(t -> replays(t));
 *
 * static <S> void replays(TrainingCase<S> t) {
 *     ReplayCheck.verify(t.state(), t.transition(), 10);          // continues from the generated state
 *     Optimizer<S> optimizer = t.optimizer().optimizer();
 *     TrainState<S> back = codec.decodeTrainState(codec.encode(t.state(), optimizer), optimizer);
 *     assertEquals(t.state(), back);
 * }
 * }</pre>
 * A generated case is a {@code TrainingCase<?>}; a generic method, as above, names its state type
 * so that the state and the transition can be used together.
 *
 * <p>Its {@code toString} shows the configuration, with the numbers of the network and the data
 * when they are few, and the state.
 *
 * <p>{@link #state()} is {@code Training.run(initial(), transition()).take(steps + 1).last()}: the
 * state after {@code steps} steps, or the first diverged state if the run ends before. It is
 * computed when asked for, so making a case, as shrinking does for each candidate, trains nothing.
 *
 * @param <S> the type of the optimizer's state
 * @param network the network before the first step
 * @param data the training data, which fits the network
 * @param loss the loss, which accepts the network and the targets
 * @param batching how the data is cut into batches
 * @param optimizer the optimizer
 * @param key the run's key
 * @param steps the number of steps taken to reach {@link #state()}
 */
public record TrainingCase<S>(Network network, Dataset data, Loss loss, Batching batching, OptimizerCase<S> optimizer,
        Key key, int steps) {

    /**
     * Checks that every component is present and the number of steps is not negative.
     *
     * @param network the network before the first step
     * @param data the training data
     * @param loss the loss
     * @param batching how the data is cut into batches
     * @param optimizer the optimizer
     * @param key the run's key
     * @param steps the number of steps taken to reach {@link #state()}
     */
    public TrainingCase {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(loss, "loss is null");
        Objects.requireNonNull(batching, "batching is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(key, "key is null");
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected a number >= 0, got " + steps);
        }
    }

    /**
     * Runs a configuration for a number of steps.
     *
     * @param <S> the type of the optimizer's state
     * @param network the network before the first step
     * @param data the training data, which fits the network
     * @param loss the loss
     * @param batching how the data is cut into batches
     * @param optimizer the optimizer
     * @param key the run's key
     * @param steps the number of steps, not negative
     * @return the case, whose {@link #state()} is the state after those steps
     */
    public static <S> TrainingCase<S> of(Network network, Dataset data, Loss loss, Batching batching,
            OptimizerCase<S> optimizer, Key key, int steps) {
        return new TrainingCase<>(network, data, loss, batching, optimizer, key, steps);
    }

    /** @return the first state of the run: {@code Training.init(network, optimizer, key, data, batching)} */
    public TrainState<S> initial() {
        return Training.init(network, optimizer.optimizer(), key, data, batching);
    }

    /** @return the transition of one step: {@code Training.transition(data, batching, loss, optimizer)} */
    public Function<TrainState<S>, TrainState<S>> transition() {
        return Training.transition(data, batching, loss, optimizer.optimizer());
    }

    /**
     * The state after {@link #steps()} steps, computed on each call.
     *
     * @return {@code Training.run(initial(), transition()).take(steps + 1).last()}: the state after
     *     {@code steps} steps, or the first diverged state if the run ends before
     */
    public TrainState<S> state() {
        return Training.run(initial(), transition()).take(steps + 1L).last();
    }

    /** @return the run that continues from {@link #state()} */
    public Run<S> run() {
        return Training.run(state(), transition());
    }

    @Override
    public String toString() {
        return "TrainingCase[" + Values.show(network) + " " + loss.name() + ", data: features "
                + Values.show(data.features().matrix()) + ", targets " + Values.show(data.targets().matrix()) + ", " + batching + ", "
                + optimizer + ", " + key + ", " + steps + " steps: " + state() + "]";
    }
}
