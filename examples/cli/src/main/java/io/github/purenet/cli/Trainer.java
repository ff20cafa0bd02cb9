package io.github.purenet.cli;

import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.BlowUp;
import io.github.purenet.train.BlowUps;
import io.github.purenet.train.EarlyStopped;
import io.github.purenet.train.EarlyStopping;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;

/**
 * Runs the library's fold of training states to the end of the run and observes it: the progress
 * bar, an evaluation and a report line after each epoch, checkpoints. The states come from
 * {@link Training#run}, and with early stopping from the library's {@link EarlyStopping#scan} of
 * that run, which scores each epoch's end on the validation part and says where to stop; this
 * class only looks at them, and reads the clock.
 */
final class Trainer {

    private Trainer() {
    }

    /**
     * Writes a checkpoint of a state, the results so far and the progress of early stopping, and says where.
     *
     * @param <S> the type of the optimizer's state
     */
    @FunctionalInterface
    interface Checkpointer<S> {
        /**
         * @param state the state
         * @param history the results of the epochs so far
         * @param progress the progress of early stopping at the state, if the run stops early
         * @return the file written
         */
        Path write(TrainState<S> state, Vector<EpochResult> history,
                Option<? extends EarlyStopping.Progress<S>> progress);
    }

    /**
     * The end of a run.
     *
     * @param <S> the type of the optimizer's state
     * @param last the last state: the end of the run, where early stopping stopped it, or the first
     *     state that diverged
     * @param history the results of every epoch, those before a resume included
     * @param seconds the wall-clock time of the loop
     * @param samplesPerSecond training examples per second of the steps (0 if none were taken)
     * @param checkpoint the last checkpoint written, if any
     * @param stopped the outcome of early stopping, with the best state; none for a run of a fixed
     *     number of epochs
     * @param blowUp the first epoch end of this process whose training loss (of the epoch's
     *     {@link EpochResult}) blew up: not finite, or more than {@link BlowUps#FACTOR} times the loss
     *     of the first batch of this process; none if none did
     */
    record Outcome<S>(TrainState<S> last, Vector<EpochResult> history, double seconds, double samplesPerSecond,
            Option<Path> checkpoint, Option<EarlyStopped<S>> stopped, Option<BlowUp> blowUp) {
    }

    /** A state of the run, with the progress of early stopping after it if the run stops early. */
    private record Point<S>(TrainState<S> state, Option<EarlyStopping.Progress<S>> progress) {
    }

    /**
     * Trains from a state to the end of the run, or with early stopping to where it stops.
     *
     * @param <S> the type of the optimizer's state
     * @param e the run
     * @param optimizer its optimizer
     * @param start the state to start from: the run's first, or one read from a checkpoint
     * @param from with early stopping and a {@code start} read from a checkpoint, the progress at it
     * @param history the results of the epochs before {@code start}
     * @param checkpoints where to write checkpoints, if anywhere: at the end of every epoch, and
     *     every {@code checkpointEvery} steps of the run's configuration
     * @param console where to report
     * @param engine computes the steps, and may add a line after each epoch's
     * @return the last state and the results
     */
    static <S> Outcome<S> run(Experiment e, Optimizer<S> optimizer, TrainState<S> start,
            Option<EarlyStopping.Progress<S>> from, Vector<EpochResult> history, Option<Checkpointer<S>> checkpoints,
            Console console, Engine engine) {
        Option<Long> every = e.config().checkpointEvery();
        long total = e.totalSteps();
        int perEpoch = e.stepsPerEpoch();
        int epochs = e.config().epochs();
        int rows = e.train().size();
        int batch = e.config().batch();
        Run<S> run = Training.run(start, engine.transition(e.train(), start, e.batching(), e.loss(), optimizer))
                .take(total - start.step() + 1);
        long[] validating = {0}; // nanoseconds spent on the validation loss, which is not training
        ToDoubleFunction<TrainState<S>> score = s -> {
            long t0 = System.nanoTime();
            double loss = Evaluation.of(s.network(), e.validation().get(), e.loss()).loss();
            validating[0] += System.nanoTime() - t0;
            return loss;
        };
        Option<EarlyStopping> rule = rule(e.config());
        Iterator<Point<S>> points = rule.isEmpty() ? Iterator.ofAll(run).map(s -> new Point<>(s, Option.none()))
                : (from.isDefined() ? rule.get().scan(run, score, from.get()) : rule.get().scan(run, score))
                        .map(p -> new Point<>(p.state(), Option.some(p)));
        Point<S> point = points.next();
        TrainState<S> state = point.state();
        Option<Path> written = Option.none();
        long begin = System.nanoTime();
        long stepNanos = 0;
        long samples = 0;
        long epochNanos = 0;
        long epochSamples = 0;
        double lossSum = 0;
        int lossCount = 0;
        Option<Double> firstLoss = Option.none();
        Option<BlowUp> blowUp = Option.none();
        try (Progress progress = Progress.of(console.progress())) {
            if (state.step() < total && !stopsAt(rule, point)) {
                progress.startEpoch(state.epoch() + 1, epochs, state.batch(), perEpoch);
            }
            long t = System.nanoTime();
            while (points.hasNext()) { // the run computes the next state in hasNext
                point = points.next();
                TrainState<S> next = point.state();
                long nanos = System.nanoTime() - t - validating[0];
                validating[0] = 0;
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
                firstLoss = firstLoss.orElse(next.loss());
                progress.step(epochEnd ? perEpoch : state.batch(), state.step(), lossSum / lossCount,
                        rate(epochSamples, epochNanos));
                if (epochEnd) {
                    progress.endEpoch();
                    EpochResult r = evaluate(e, state, rate(epochSamples, epochNanos),
                            point.progress().map(p -> p.scores().last()));
                    history = history.append(r);
                    if (blowUp.isEmpty() && BlowUps.blewUp(firstLoss.get(), r.trainLoss(), BlowUps.FACTOR)) {
                        blowUp = Option.some(new BlowUp(r.epoch(), r.step(), firstLoss.get(), r.trainLoss()));
                    }
                    console.text(Report.epochLine(r, epochs));
                    engine.afterEpoch(r.epoch()).forEach(console::text);
                    epochNanos = 0;
                    epochSamples = 0;
                    lossSum = 0;
                    lossCount = 0;
                    if (state.step() < total && !stopsAt(rule, point)) {
                        progress.startEpoch(state.epoch() + 1, epochs, 0, perEpoch);
                    }
                }
                long step = state.step();
                if (checkpoints.isDefined() && (epochEnd || every.exists(k -> step % k == 0))) {
                    written = Option.some(checkpoints.get().write(state, history, point.progress()));
                }
                t = System.nanoTime(); // evaluations and checkpoints are not training
            }
        }
        Point<S> end = point;
        return new Outcome<>(state, history, (System.nanoTime() - begin) / 1e9, rate(samples, stepNanos), written,
                rule.map(r -> r.outcome(end.progress().get())), blowUp);
    }

    /**
     * @param config a run's configuration
     * @return its early stopping rule, none for a run of exactly its epochs
     */
    static Option<EarlyStopping> rule(RunConfig config) {
        return config.patience().map(p -> EarlyStopping.of(p, config.epochs()).withMinDelta(Defaults.MIN_DELTA));
    }

    /** Whether early stopping stops the run at a point. */
    private static boolean stopsAt(Option<EarlyStopping> rule, Point<?> point) {
        return rule.exists(r -> point.progress().exists(p -> r.reason(p).isDefined()));
    }

    /**
     * The results of a state: its network evaluated on the test part and on the training sample.
     *
     * @param e the run
     * @param state a state at the end of an epoch
     * @param samplesPerSecond the speed of the epoch
     * @param validationLoss the network's loss on the validation part if it is known (early
     *     stopping has computed it); otherwise it is computed here, if the run has a validation part
     * @return the results
     */
    static EpochResult evaluate(Experiment e, TrainState<?> state, double samplesPerSecond,
            Option<Double> validationLoss) {
        Evaluation train = Evaluation.of(state.network(), e.trainSample(), e.loss());
        Evaluation test = Evaluation.of(state.network(), e.test(), e.loss());
        return new EpochResult(state.epoch(), state.step(), train.loss(), train.accuracy(), test.loss(),
                test.accuracy(), samplesPerSecond, validationLoss.orElse(() -> e.validation()
                        .map(v -> Evaluation.of(state.network(), v, e.loss()).loss())));
    }

    private static double rate(long samples, long nanos) {
        return nanos == 0 ? 0.0 : samples / (nanos / 1e9);
    }
}
