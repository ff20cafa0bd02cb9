package io.github.purenet.train;

import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Early stopping, as a pure operation over a {@link Run}: score the state at the end of each
 * epoch ({@link TrainState#atEpochEnd()}), and stop once {@code patience} epochs in a row have not
 * improved on the best score, or after {@code maxEpochs} epochs; keep the best state.
 *
 * <pre>{@code
 * EarlyStopped<Count> stopped = EarlyStopping.of(5, 200)          // patience 5, at most 200 epochs
 *         .apply(run, s -> Evaluation.of(s.network(), validation, loss).loss());
 * Network network = stopped.best().get().network();
 * }</pre>
 *
 * <p>A score improves on the best when it is lower by more than {@code minDelta}
 * ({@code best - score > minDelta}), or, with {@link #maximizing()}, higher by more than
 * {@code minDelta} ({@code score - best > minDelta}), as in Keras' and PyTorch Lightning's
 * {@code EarlyStopping}. The first epoch's score is the first best. The best state is the last
 * that improved: so the earliest of equal scores, and with {@code minDelta > 0} a later score that
 * is better by at most {@code minDelta} does not replace it.
 *
 * <p>The run is computed once, one state at a time, up to the state where it stops and not one
 * step further; only the best state, the current state and the scores are kept. The run stops
 * ({@link StopReason}), after scoring an epoch's end, when the patience is exhausted
 * ({@link StopReason#PATIENCE}, which wins when the same epoch also reaches the cap), when
 * {@code maxEpochs} epochs are scored ({@link StopReason#MAX_EPOCHS}); at a diverged state, which
 * is not scored, or a {@code NaN} or infinite score ({@link StopReason#DIVERGED}); or when the run
 * ends ({@link StopReason#RUN_ENDED}). The epochs are counted in this run, whose first state is an
 * epoch's end if the run was resumed from one.
 *
 * <p>The score must be a pure function of the state (usually a loss on validation data, which
 * {@link Evaluation#of} gives); then applying the same settings to the same run gives the same
 * result, bit for bit.
 *
 * <p>{@link #scan} gives the same early stopping as a lazy sequence of its {@link Progress}, one
 * per state, for a program that reports each epoch or writes checkpoints on the way; a progress
 * stored with its state lets {@link #apply(Run, ToDoubleFunction, Progress)} finish the early
 * stopping later, with the result of one pass.
 *
 * @param patience how many epochs in a row without improvement stop the run, at least 1
 * @param minDelta by how much a score must beat the best to count as an improvement, finite and
 *     not negative
 * @param maxEpochs the most epochs to score, at least 1
 * @param maximize whether higher scores are better (an accuracy), not lower (a loss)
 */
public record EarlyStopping(int patience, double minDelta, int maxEpochs, boolean maximize) {

    /**
     * Checks the settings.
     *
     * @param patience how many epochs in a row without improvement stop the run
     * @param minDelta by how much a score must beat the best to count as an improvement
     * @param maxEpochs the most epochs to score
     * @param maximize whether higher scores are better
     */
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("patience: expected a number of epochs >= 1, got " + patience);
        }
        if (!(minDelta >= 0) || minDelta == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("minDelta: expected a finite number >= 0, got " + minDelta);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs: expected a number of epochs >= 1, got " + maxEpochs);
        }
    }

    /**
     * Early stopping of lower scores (losses), with no minimal improvement.
     *
     * @param patience how many epochs in a row without improvement stop the run, at least 1
     * @param maxEpochs the most epochs to score, at least 1
     * @return the settings
     */
    public static EarlyStopping of(int patience, int maxEpochs) {
        return new EarlyStopping(patience, 0.0, maxEpochs, false);
    }

    /**
     * @param minDelta by how much a score must beat the best to count as an improvement, finite
     *     and not negative
     * @return these settings with that minimal improvement
     */
    public EarlyStopping withMinDelta(double minDelta) {
        return new EarlyStopping(patience, minDelta, maxEpochs, maximize);
    }

    /** @return these settings for a score where higher is better, such as an accuracy */
    public EarlyStopping maximizing() {
        return new EarlyStopping(patience, minDelta, maxEpochs, true);
    }

    /**
     * Runs until the stopping rule stops it, scoring each epoch's end.
     *
     * @param <S> the type of the optimizer's state
     * @param run the run, with at least one state; if it is {@link Run#observe observed}, its
     *     actions are called as its states are computed (the state where early stopping stops is
     *     the run's last, for its observers, only if the run itself ends there)
     * @param score a pure function of an epoch-end state, such as its loss on validation data
     * @return the best state, the scores, and why and where the run stopped
     * @throws IllegalArgumentException if the run is empty
     */
    public <S> EarlyStopped<S> apply(Run<S> run, ToDoubleFunction<? super TrainState<S>> score) {
        return outcome(last(scan(run, score), run));
    }

    /**
     * Continues early stopping from where it stood, as {@link #apply(Run, ToDoubleFunction)} would
     * have gone on: for a run that starts at {@code from.state()}, the result is that of one pass
     * from the start of the run that {@code from} was taken from, bit for bit. So a checkpoint that
     * stores the progress with its state lets a stopped program finish the same early stopping.
     *
     * @param <S> the type of the optimizer's state
     * @param run the run from {@code from.state()} on (its first state must equal it), which is
     *     not scored again
     * @param score the same pure function of an epoch-end state as before
     * @param from the progress at the run's first state, an element of {@link #scan}
     * @return the best state, the scores, and why and where the run stopped; at once if
     *     {@code from} is already where this rule stops
     * @throws IllegalArgumentException if the run is empty or does not start at {@code from.state()}
     */
    public <S> EarlyStopped<S> apply(Run<S> run, ToDoubleFunction<? super TrainState<S>> score, Progress<S> from) {
        return outcome(last(scan(run, score, from), run));
    }

    /**
     * Early stopping as a lazy sequence: the progress after each state of the run, from its first
     * state to the state where the rule stops it (or the run's last). Each element's scores include
     * its state's, if it ends an epoch; {@link #reason} tells whether it is where the rule stops, and
     * {@link #outcome} of the last element is what {@link #apply(Run, ToDoubleFunction)} returns.
     * A program that reports each epoch or writes checkpoints iterates this sequence instead of
     * calling {@code apply}, and stores the progress of a state with the state.
     *
     * <p>The iterator computes the run's states one at a time as it advances, each once and none
     * after the stop, and keeps only the current state, the best one and the scores.
     *
     * @param <S> the type of the optimizer's state
     * @param run the run
     * @param score a pure function of an epoch-end state, such as its loss on validation data
     * @return a fresh iterator over the progress after each state; empty only if the run is
     */
    public <S> Iterator<Progress<S>> scan(Run<S> run, ToDoubleFunction<? super TrainState<S>> score) {
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(score, "score is null");
        return scan(run.iterator(), score, null);
    }

    /**
     * The lazy sequence of {@link #scan(Run, ToDoubleFunction)} continued from a progress: its
     * first element is {@code from} (whose state is the run's first, not scored again), then the
     * progress after each later state, as the one pass would have gone on.
     *
     * @param <S> the type of the optimizer's state
     * @param run the run from {@code from.state()} on
     * @param score the same pure function of an epoch-end state as before
     * @param from the progress at the run's first state
     * @return a fresh iterator over the progress after each state, from {@code from}; when it
     *     looks for its first element, it throws {@link IllegalArgumentException} if the run does not
     *     start at {@code from.state()}
     */
    public <S> Iterator<Progress<S>> scan(Run<S> run, ToDoubleFunction<? super TrainState<S>> score,
            Progress<S> from) {
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(score, "score is null");
        Objects.requireNonNull(from, "from is null");
        return scan(run.iterator(), score, from);
    }

    private <S> Iterator<Progress<S>> scan(Iterator<TrainState<S>> states,
            ToDoubleFunction<? super TrainState<S>> score, Progress<S> from) {
        // nothing is seen before the first element is asked for; the next state only while the rule goes on
        return Iterator.of(states).filter(Iterator::hasNext).flatMap(first -> Iterator
                .iterate(start(first.next(), score, from), p -> reason(p).isEmpty() && states.hasNext()
                        ? see(p, states.next(), score) : null)
                .takeWhile(Objects::nonNull));
    }

    /** The progress at a run's first state: {@code from}, if it is at that state, or the first state seen. */
    private <S> Progress<S> start(TrainState<S> state, ToDoubleFunction<? super TrainState<S>> score,
            Progress<S> from) {
        if (from == null) {
            return see(null, state, score);
        }
        if (!state.equals(from.state())) {
            throw new IllegalArgumentException("from: the run starts at " + state + ", not at the progress's state "
                    + from.state());
        }
        return from;
    }

    /** The progress after one more state; {@code previous} is null for a run's first state. */
    private <S> Progress<S> see(Progress<S> previous, TrainState<S> state,
            ToDoubleFunction<? super TrainState<S>> score) {
        Option<TrainState<S>> best = previous == null ? Option.none() : previous.best();
        double bestScore = previous == null ? Double.NaN : previous.bestScore();
        Vector<Double> scores = previous == null ? Vector.empty() : previous.scores();
        int waited = previous == null ? 0 : previous.waited();
        if (state.diverged() || !state.atEpochEnd()) {
            return new Progress<>(state, best, bestScore, scores, waited);
        }
        double x = score.applyAsDouble(state);
        if (!Double.isFinite(x)) {
            return new Progress<>(state, best, bestScore, scores.append(x), waited);
        }
        return best.isEmpty() || improves(x, bestScore)
                ? new Progress<>(state, Option.some(state), x, scores.append(x), 0)
                : new Progress<>(state, best, bestScore, scores.append(x), waited + 1);
    }

    /**
     * Whether, and why, this rule stops a run at a progress: its state {@link TrainState#diverged()
     * diverged} or its last score is {@code NaN} or infinite ({@link StopReason#DIVERGED}); the
     * patience is exhausted ({@link StopReason#PATIENCE}); or {@code maxEpochs} epochs are scored
     * ({@link StopReason#MAX_EPOCHS}). It is a function of the progress, so a progress read back
     * from a checkpoint stops where the one pass stopped.
     *
     * @param <S> the type of the optimizer's state
     * @param progress a progress of this rule
     * @return the reason to stop there, or none to go on
     */
    public <S> Option<StopReason> reason(Progress<S> progress) {
        Objects.requireNonNull(progress, "progress is null");
        if (progress.state().diverged() || progress.scores().lastOption().exists(x -> !Double.isFinite(x))) {
            return Option.some(StopReason.DIVERGED);
        }
        if (progress.waited() >= patience) {
            return Option.some(StopReason.PATIENCE);
        }
        if (progress.scores().size() >= maxEpochs) {
            return Option.some(StopReason.MAX_EPOCHS);
        }
        return Option.none();
    }

    /**
     * The outcome of a {@link #scan} that ended at a progress: the progress's best state, score and
     * scores, the {@link #reason} it stopped, or {@link StopReason#RUN_ENDED} if the run ended first.
     *
     * @param <S> the type of the optimizer's state
     * @param last the last element of a scan
     * @return the outcome, as {@link #apply(Run, ToDoubleFunction)} returns it
     */
    public <S> EarlyStopped<S> outcome(Progress<S> last) {
        Objects.requireNonNull(last, "last is null");
        return new EarlyStopped<>(last.best(), last.bestScore(), last.scores(),
                reason(last).getOrElse(StopReason.RUN_ENDED), last.state());
    }

    private static <S> Progress<S> last(Iterator<Progress<S>> progress, Run<S> run) {
        if (!progress.hasNext()) {
            throw new IllegalArgumentException("run: expected at least one state, got an empty run: " + run);
        }
        return progress.last();
    }

    /**
     * Where early stopping stands after a state of a run: the state, the best epoch-end state so far
     * and its score, the scores of the epochs' ends so far, and how many epochs have ended since
     * the best one. The elements of {@link #scan} are progresses; a progress is a value, so a
     * program can store it with its state (in a checkpoint) and {@link #apply(Run, ToDoubleFunction,
     * Progress) continue} from it.
     *
     * @param <S> the type of the optimizer's state
     * @param state the last state seen, scored if it ends an epoch
     * @param best the epoch-end state with the best score so far; none if no epoch has ended with
     *     a finite score
     * @param bestScore the best state's score; {@code NaN} if there is no best state
     * @param scores the score of each epoch's end so far, in order
     * @param waited how many epochs in a row have ended without improving on the best, since it;
     *     0 without a best state
     */
    public record Progress<S>(TrainState<S> state, Option<TrainState<S>> best, double bestScore,
            Vector<Double> scores, int waited) {

        /**
         * Checks that every component is present, that the best score is finite exactly when there
         * is a best state, and that the epochs waited are among those scored after the best.
         *
         * @param state the last state seen
         * @param best the epoch-end state with the best score so far, if any
         * @param bestScore its score, or {@code NaN}
         * @param scores the score of each epoch's end so far
         * @param waited how many epochs have ended since the best without improving on it
         */
        public Progress {
            Objects.requireNonNull(state, "state is null");
            Objects.requireNonNull(best, "best is null");
            Objects.requireNonNull(scores, "scores is null");
            if (best.isDefined() ? !Double.isFinite(bestScore) : !Double.isNaN(bestScore)) {
                throw new IllegalArgumentException("bestScore: expected a finite score with a best state and NaN "
                        + "without, got " + bestScore + " with " + (best.isDefined() ? "a best state" : "none"));
            }
            int most = best.isDefined() ? scores.size() - 1 : 0;
            if (waited < 0 || waited > most) {
                throw new IllegalArgumentException("waited: expected a number of epochs in [0, " + most + "] with "
                        + scores.size() + " scores and " + (best.isDefined() ? "a best state" : "none") + ", got "
                        + waited);
            }
        }

        /** @return the step, the number of scores, the best score and the epochs waited, without the networks */
        @Override
        public String toString() {
            return "Progress[step " + state.step() + ", " + scores.size() + (scores.size() == 1 ? " score" : " scores")
                    + best.map(b -> ", best at step " + b.step() + ": " + bestScore).getOrElse(", no best state")
                    + ", waited " + waited + "]";
        }
    }

    private boolean improves(double score, double best) {
        return maximize ? score - best > minDelta : best - score > minDelta;
    }
}
