package io.github.purenet.train;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Applied;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.random.Key;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Training as a fold of pure stages. The transition of one step is
 * <pre>{@code
 * select(data, batching)          TrainState -> Selected   the batch at the state's position
 *   .andThen(differentiate(loss)) Selected   -> Step       loss and gradients on that batch
 *   .andThen(stage)               Step       -> Step       your own stages: clipping, masking, ...
 *   .andThen(update(optimizer))   Step       -> TrainState the optimizer's step; step + 1
 *   .andThen(advance(data, b))    TrainState -> TrainState the next batch, and the next epoch's order
 * }</pre>
 * wrapped so that a {@link TrainState#diverged() diverged} state is left as it is. The stages are
 * public, so a pipeline of your own is an ordinary composition of functions.
 *
 * <pre>{@code
 * Dataset data = ...;
 * Batching batching = Batching.miniBatches(16);
 * Optimizer<Count> sgd = Optimizers.sgd(0.1);
 * TrainState<Count> initial = Training.init(network, sgd, Key.of(42), data, batching);
 * Run<Count> run = Training.run(initial, Training.transition(data, batching, Losses.squaredError(), sgd));
 * TrainState<Count> last = run.take(2_001)                          // 2000 steps, computed once
 *         .observe(500, s -> System.out.println(s.step() + " " + s.lossOrNaN()))  // steps 0, 500, ..., 2000
 *         .last();
 * Network trained = last.network();
 * }</pre>
 *
 * <p>A {@link Run} replays from its first state on every call, so watch a run with
 * {@link Run#observe} and keep its end with {@link Run#last} in the same pass: printing the run
 * and then asking for {@code run.get(2_000)} would train twice. To validate at the end of each
 * epoch and stop when the validation loss no longer improves, keeping the best network:
 * <pre>{@code
 * EarlyStopped<Count> stopped = EarlyStopping.of(5, 200)             // patience 5, at most 200 epochs
 *         .apply(run, s -> Evaluation.of(s.network(), validation, Losses.squaredError()).loss());
 * Network best = stopped.best().get().network();
 * }</pre>
 */
public final class Training {

    private Training() {
    }

    /**
     * The first state of a run: step 0, at the first batch of epoch 0.
     *
     * @param <S> the type of the optimizer's state
     * @param network the network to train
     * @param optimizer the optimizer, whose {@code init} gives the first optimizer state
     * @param key the run's key, from which each epoch's order of examples is derived
     * @param data the training data, whose features and targets fit the network
     * @param batching how the data is cut into batches
     * @return the state
     * @throws IllegalArgumentException if the data do not fit the network or the batching
     */
    public static <S> TrainState<S> init(Network network, Optimizer<S> optimizer, Key key, Dataset data,
            Batching batching) {
        return init(network, optimizer, key, data, batching, Sharding.NONE);
    }

    /**
     * The first state of a sharded run: each batch's gradient is computed in {@code sharding}'s
     * shards, with the bits of that sharding on any number of threads or machines.
     *
     * @param <S> the type of the optimizer's state
     * @param network the network to train, without non-trainable state if there is more than one shard
     * @param optimizer the optimizer, whose {@code init} gives the first optimizer state
     * @param key the run's key, from which each epoch's order of examples is derived
     * @param data the training data, whose features and targets fit the network
     * @param batching how the data is cut into batches, with at least as many rows in a batch as shards
     * @param sharding the sharding
     * @return the state
     * @throws IllegalArgumentException if the data do not fit the network or the batching, a batch has
     *     fewer rows than shards, or the network has state that shards cannot compute
     */
    public static <S> TrainState<S> init(Network network, Optimizer<S> optimizer, Key key, Dataset data,
            Batching batching, Sharding sharding) {
        Objects.requireNonNull(sharding, "sharding is null");
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(batching, "batching is null");
        requireFits("init", network, data);
        batching.batchesPerEpoch(data.size());
        int rows = Math.min(batching.size(), data.size());
        if (sharding.shards() > rows) {
            throw new IllegalArgumentException("init: " + sharding.shards() + " shards for batches of " + rows
                    + " rows: a sharding cannot have more shards than a batch has rows");
        }
        return new TrainState<>(network, optimizer.init(network), 0, 0, 0, batching.order(key, 0, data.size()), key,
                Option.none(), sharding);
    }

    /**
     * Refuses data whose features and targets do not have the network's input and output columns.
     *
     * @param operation the operation, which the message starts with
     * @param network the network
     * @param data the data
     * @throws IllegalArgumentException naming both shapes and the network
     */
    public static void requireFits(String operation, Network network, Dataset data) {
        if (data.features().columns() != network.inputs() || data.targets().columns() != network.outputs()) {
            throw new IllegalArgumentException(operation + ": data with features " + data.features().shape()
                    + " and targets " + data.targets().shape() + " do not fit network " + network + " (expected "
                    + network.inputs() + " feature and " + network.outputs() + " target columns)");
        }
    }

    /**
     * The whole transition of one step, without stages of your own.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training data
     * @param batching how the data is cut into batches
     * @param loss the loss
     * @param optimizer the optimizer
     * @return the transition
     */
    public static <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, Batching batching, Loss loss,
            Optimizer<S> optimizer) {
        return transition(data, batching, loss, UnaryOperator.identity(), optimizer);
    }

    /**
     * The whole transition of one step, with a stage of your own between the gradients and the
     * update.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training data
     * @param batching how the data is cut into batches
     * @param loss the loss
     * @param stage a pure function of the step, such as {@code step -> step.mapGradients(clip)}
     * @param optimizer the optimizer
     * @return the transition
     */
    public static <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, Batching batching, Loss loss,
            UnaryOperator<Step<S>> stage, Optimizer<S> optimizer) {
        return transition(data, batching, differentiate(loss), stage, optimizer);
    }

    /**
     * The whole transition of one step with a differentiate stage of your own, such as one that
     * computes the shards of each batch on a cluster: every other stage is Training's.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training data
     * @param batching how the data is cut into batches
     * @param differentiate the stage that gives the loss and gradients of the selected batch, as
     *     {@link #differentiate(Loss)} does
     * @param stage a pure function of the step, such as {@code step -> step.mapGradients(clip)}
     * @param optimizer the optimizer
     * @return the transition
     */
    public static <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, Batching batching,
            Function<Selected<S>, Step<S>> differentiate, UnaryOperator<Step<S>> stage, Optimizer<S> optimizer) {
        Objects.requireNonNull(differentiate, "differentiate is null");
        Objects.requireNonNull(stage, "stage is null");
        Function<TrainState<S>, TrainState<S>> step = Training.<S>select(data, batching)
                .andThen(differentiate)
                .andThen(stage)
                .andThen(update(optimizer))
                .andThen(advance(data, batching));
        return state -> state.diverged() ? state : step.apply(state);
    }

    /**
     * The run from a state on: the lazy sequence of states of the fold.
     *
     * @param <S> the type of the optimizer's state
     * @param initial the first state
     * @param transition the transition of one step
     * @return the run
     */
    public static <S> Run<S> run(TrainState<S> initial, Function<TrainState<S>, TrainState<S>> transition) {
        return Run.of(initial, transition);
    }

    /**
     * The stage that picks the batch at a state's position: a pure function of the run's key, the
     * epoch and the index of the batch.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training data
     * @param batching how the data is cut into batches
     * @return the stage
     */
    public static <S> Function<TrainState<S>, Selected<S>> select(Dataset data, Batching batching) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(batching, "batching is null");
        return state -> new Selected<>(state, batching.batch(data, state.order(), state.epoch(), state.batch()));
    }

    /**
     * The stage that computes the loss and gradients of the state's network on the batch, and the
     * network's non-trainable state after the pass. A network with mode-dependent layers runs in
     * training mode with the key of the step (see {@link Mode}): dropout's masks are a pure function
     * of the run's key, the step, the layer's path and the row in the batch, and batch normalisation
     * uses the batch's statistics and updates its running ones. With the state's
     * {@link TrainState#sharding() sharding} of more than one shard, the shards run on the common
     * pool's threads and their sums are added in the sharding's tree ({@link Sharding}): this is the
     * reference a cluster's run with the same sharding equals, bit for bit.
     *
     * @param <S> the type of the optimizer's state
     * @param loss the loss
     * @return the stage
     */
    public static <S> Function<Selected<S>, Step<S>> differentiate(Loss loss) {
        Objects.requireNonNull(loss, "loss is null");
        return selected -> {
            TrainState<S> s = selected.state();
            LossAndGradients lg = s.sharding().lossAndGradients(s.network(), selected.batch().inputs(),
                    selected.batch().targets(), loss, mode(s));
            return new Step<>(s, selected.batch(), lg.loss(), lg.gradients(), lg.state());
        };
    }

    /**
     * The mode of a state's training pass: {@link Mode#training} with the key of its step,
     * {@code key.foldIn(Mode.DROPOUT_STREAM).foldIn(step)}, for a network with mode-dependent
     * layers; evaluation, which computes the same, for any other network. A differentiate stage of
     * your own (see {@link #transition(Dataset, Batching, Function, UnaryOperator, Optimizer)})
     * passes it, as {@link #differentiate(Loss)} does.
     *
     * @param state the state
     * @return the mode of its step
     */
    public static Mode mode(TrainState<?> state) {
        return state.network().modeDependentLayers().isEmpty() ? Mode.evaluation()
                : Mode.training(state.key().foldIn(Mode.DROPOUT_STREAM).foldIn(state.step()));
    }

    /**
     * The stage that applies the optimizer: the new network, optimizer state, step count and loss.
     * The position in the data is left to {@link #advance}.
     *
     * @param <S> the type of the optimizer's state
     * @param optimizer the optimizer
     * @return the stage
     */
    public static <S> Function<Step<S>, TrainState<S>> update(Optimizer<S> optimizer) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        return step -> {
            TrainState<S> s = step.state();
            Applied<S> u = optimizer.apply(step.gradients(), s.optimizerState(), s.network());
            Network updated = u.network().withState(step.networkState());
            return new TrainState<>(updated, u.state(), s.step() + 1,
                    s.epoch(), s.batch(), s.order(), s.key(), Option.some(step.loss()), s.sharding());
        };
    }

    /**
     * The stage that moves to the next batch, and at the end of an epoch to the first batch of the
     * next epoch, with that epoch's order of examples.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training data
     * @param batching how the data is cut into batches
     * @return the stage
     */
    public static <S> UnaryOperator<TrainState<S>> advance(Dataset data, Batching batching) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(batching, "batching is null");
        int batches = batching.batchesPerEpoch(data.size());
        return s -> s.batch() + 1 < batches
                ? new TrainState<>(s.network(), s.optimizerState(), s.step(), s.epoch(), s.batch() + 1, s.order(),
                        s.key(), s.loss(), s.sharding())
                : new TrainState<>(s.network(), s.optimizerState(), s.step(), s.epoch() + 1, 0,
                        batching.order(s.key(), s.epoch() + 1, data.size()), s.key(), s.loss(), s.sharding());
    }
}
