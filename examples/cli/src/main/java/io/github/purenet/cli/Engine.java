package io.github.purenet.cli;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Where the commands {@code train} and {@code resume} compute their steps: the one point at which
 * another module runs the same command line with the gradients computed elsewhere, such as on a
 * Spark cluster ({@code io.github.purenet.spark.Submit}), through
 * {@link Purenet#execute(String[], java.io.PrintWriter, java.io.PrintWriter, Engine)}.
 *
 * <p>Everything else stays the command line's: the options and their checks, the data, the split,
 * the initial network, the evaluations, early stopping, checkpoints, the files written and the
 * report. An engine whose transition has the bits of {@link Training#transition} for the state's
 * sharding (as a Spark trainer has for any number of tasks) writes the same files, byte for byte, as
 * {@link #local()}.
 *
 * <pre>{@code
 * Engine engine = new Engine() {
 *     public <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, TrainState<S> start,
 *             Batching batching, Loss loss, Optimizer<S> optimizer) {
 *         return trainer.transition(batching, loss, UnaryOperator.identity(), optimizer);
 *     }
 * };
 * int exitCode = Purenet.execute(args, out, err, engine);
 * }</pre>
 */
public interface Engine {

    /**
     * The transition of one step of a run, made once for each run that a command trains.
     *
     * @param <S> the type of the optimizer's state
     * @param data the training examples, as prepared (split, standardised); the states' batches index them
     * @param start the first state this process trains from: the run's first, or one read from a
     *     checkpoint; its network has the structure of every state's, and {@link TrainState#sharding()}
     *     the run's sharding
     * @param batching how the examples are cut into batches
     * @param loss the loss
     * @param optimizer the optimizer
     * @return the transition, which must have the bits of {@link Training#transition} for the same
     *     sharding for the command's files to be those of the local run
     */
    <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, TrainState<S> start, Batching batching,
            Loss loss, Optimizer<S> optimizer);

    /**
     * A line to print in the text report after each epoch's line, such as the times of the epoch's
     * steps; none by default.
     *
     * @param epoch the epoch just reported, from 1
     * @return the line, or none
     */
    default Option<String> afterEpoch(long epoch) {
        return Option.none();
    }

    /**
     * @return the engine of {@code purenet} itself: {@link Training#transition}, on this machine's cores
     */
    static Engine local() {
        return LocalEngine.ENGINE;
    }
}
