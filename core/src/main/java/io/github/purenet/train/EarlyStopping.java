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
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(score, "score is null");
        Iterator<TrainState<S>> states = run.iterator();
        if (!states.hasNext()) {
            throw new IllegalArgumentException("run: expected at least one state, got an empty run: " + run);
        }
        TrainState<S> best = null;
        double bestScore = Double.NaN;
        Vector<Double> scores = Vector.empty();
        int waited = 0;
        TrainState<S> state = null;
        while (states.hasNext()) {
            state = states.next();
            if (state.diverged()) {
                return new EarlyStopped<>(Option.of(best), bestScore, scores, StopReason.DIVERGED, state);
            }
            if (!state.atEpochEnd()) {
                continue;
            }
            double x = score.applyAsDouble(state);
            scores = scores.append(x);
            if (!Double.isFinite(x)) {
                return new EarlyStopped<>(Option.of(best), bestScore, scores, StopReason.DIVERGED, state);
            }
            if (best == null || improves(x, bestScore)) {
                best = state;
                bestScore = x;
                waited = 0;
            } else {
                waited++;
            }
            if (waited >= patience) {
                return new EarlyStopped<>(Option.of(best), bestScore, scores, StopReason.PATIENCE, state);
            }
            if (scores.size() >= maxEpochs) {
                return new EarlyStopped<>(Option.of(best), bestScore, scores, StopReason.MAX_EPOCHS, state);
            }
        }
        return new EarlyStopped<>(Option.of(best), bestScore, scores, StopReason.RUN_ENDED, state);
    }

    private boolean improves(double score, double best) {
        return maximize ? score - best > minDelta : best - score > minDelta;
    }
}
