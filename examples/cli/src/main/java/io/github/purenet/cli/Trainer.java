package io.github.purenet.cli;

import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.nio.file.Path;

/**
 * Runs the library's fold of training states to the end of the run and observes it: the progress
 * bar, an evaluation and a report line after each epoch, checkpoints. The states come from
 * {@link Training#run}; this class only looks at them, and reads the clock.
 */
final class Trainer {

    private Trainer() {
    }

    /** Writes a checkpoint of a state and the results so far, and says where. */
    @FunctionalInterface
    interface Checkpointer {
        /**
         * @param state the state
         * @param history the results of the epochs so far
         * @return the file written
         */
        Path write(TrainState<?> state, Vector<EpochResult> history);
    }

    /**
     * The end of a run.
     *
     * @param <S> the type of the optimizer's state
     * @param last the last state: the end of the run, or the first state that diverged
     * @param history the results of every epoch, those before a resume included
     * @param seconds the wall-clock time of the loop
     * @param samplesPerSecond training examples per second of the steps (0 if none were taken)
     * @param checkpoint the last checkpoint written, if any
     */
    record Outcome<S>(TrainState<S> last, Vector<EpochResult> history, double seconds, double samplesPerSecond,
            Option<Path> checkpoint) {
    }

    /**
     * Trains from a state to the end of the run.
     *
     * @param <S> the type of the optimizer's state
     * @param e the run
     * @param optimizer its optimizer
     * @param start the state to start from: the run's first, or one read from a checkpoint
     * @param history the results of the epochs before {@code start}
     * @param checkpoints where to write checkpoints, if anywhere: at the end of every epoch, and
     *     every {@code checkpointEvery} steps of the run's configuration
     * @param console where to report
     * @return the last state and the results
     */
    static <S> Outcome<S> run(Experiment e, Optimizer<S> optimizer, TrainState<S> start, Vector<EpochResult> history,
            Option<Checkpointer> checkpoints, Console console) {
        Option<Long> every = e.config().checkpointEvery();
        long total = e.totalSteps();
        int perEpoch = e.stepsPerEpoch();
        int epochs = e.config().epochs();
        int rows = e.train().size();
        int batch = e.config().batch();
        Iterator<TrainState<S>> states = Iterator.ofAll(Training.run(start,
                Training.transition(e.train(), e.batching(), e.loss(), optimizer)).take(total - start.step() + 1));
        TrainState<S> state = states.next();
        Option<Path> written = Option.none();
        long begin = System.nanoTime();
        long stepNanos = 0;
        long samples = 0;
        long epochNanos = 0;
        long epochSamples = 0;
        double lossSum = 0;
        int lossCount = 0;
        try (Progress progress = Progress.of(console.progress())) {
            if (state.step() < total) {
                progress.startEpoch(state.epoch() + 1, epochs, state.batch(), perEpoch);
            }
            long t = System.nanoTime();
            while (states.hasNext()) { // the run computes the next state in hasNext
                TrainState<S> next = states.next();
                long nanos = System.nanoTime() - t;
                long size = Math.min(batch, rows - (long) state.batch() * batch); // the batch that made next
                stepNanos += nanos;
                epochNanos += nanos;
                samples += size;
                epochSamples += size;
                if (next.diverged()) {
                    state = next;
                    break;
                }
                lossSum += next.loss().get();
                lossCount++;
                boolean epochEnd = next.epoch() > state.epoch();
                state = next;
                progress.step(epochEnd ? perEpoch : state.batch(), state.step(), lossSum / lossCount,
                        rate(epochSamples, epochNanos));
                if (epochEnd) {
                    progress.endEpoch();
                    EpochResult r = evaluate(e, state, rate(epochSamples, epochNanos));
                    history = history.append(r);
                    console.text(Report.epochLine(r, epochs));
                    epochNanos = 0;
                    epochSamples = 0;
                    lossSum = 0;
                    lossCount = 0;
                    if (state.step() < total) {
                        progress.startEpoch(state.epoch() + 1, epochs, 0, perEpoch);
                    }
                }
                long step = state.step();
                if (checkpoints.isDefined() && (epochEnd || every.exists(k -> step % k == 0))) {
                    written = Option.some(checkpoints.get().write(state, history));
                }
                t = System.nanoTime(); // evaluations and checkpoints are not training
            }
        }
        return new Outcome<>(state, history, (System.nanoTime() - begin) / 1e9, rate(samples, stepNanos), written);
    }

    /**
     * The results of a state: its network evaluated on the test part and on the training sample.
     *
     * @param e the run
     * @param state a state at the end of an epoch
     * @param samplesPerSecond the speed of the epoch
     * @return the results
     */
    static EpochResult evaluate(Experiment e, TrainState<?> state, double samplesPerSecond) {
        Evaluation train = Evaluation.of(state.network(), e.trainSample(), e.loss());
        Evaluation test = Evaluation.of(state.network(), e.test(), e.loss());
        return new EpochResult(state.epoch(), state.step(), train.loss(), train.accuracy(), test.loss(),
                test.accuracy(), samplesPerSecond);
    }

    private static double rate(long samples, long nanos) {
        return nanos == 0 ? 0.0 : samples / (nanos / 1e9);
    }
}
