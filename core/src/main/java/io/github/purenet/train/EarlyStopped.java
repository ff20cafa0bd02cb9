package io.github.purenet.train;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The outcome of {@link EarlyStopping#apply}: the best state, its score, every epoch's score, why
 * the run stopped and where.
 *
 * @param <S> the type of the optimizer's state
 * @param best the epoch-end state with the best score (the earliest of equal ones, and only
 *     improvements by more than {@link EarlyStopping#minDelta()} count); none if no epoch ended with
 *     a finite score
 * @param bestScore the best state's score; {@code NaN} if there is no best state
 * @param scores the score of each epoch's end, in order, including a last {@code NaN} or infinite
 *     score that stopped the run
 * @param reason why the run stopped
 * @param last the state where it stopped: the epoch end that exhausted the patience or reached the
 *     cap, the diverged state, or the last state of the run
 */
public record EarlyStopped<S>(Option<TrainState<S>> best, double bestScore, Vector<Double> scores,
        StopReason reason, TrainState<S> last) {

    /**
     * Checks that every component is present, and that the best score is finite exactly when
     * there is a best state.
     *
     * @param best the epoch-end state with the best score, if any
     * @param bestScore its score, or {@code NaN}
     * @param scores the score of each epoch's end
     * @param reason why the run stopped
     * @param last the state where it stopped
     */
    public EarlyStopped {
        Objects.requireNonNull(best, "best is null");
        Objects.requireNonNull(scores, "scores is null");
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(last, "last is null");
        if (best.isDefined() ? !Double.isFinite(bestScore) : !Double.isNaN(bestScore)) {
            throw new IllegalArgumentException("bestScore: expected a finite score with a best state and NaN without, got "
                    + bestScore + " with " + (best.isDefined() ? "a best state" : "none"));
        }
    }

    /** @return the number of epochs whose end was scored: the size of {@link #scores()} */
    public int epochs() {
        return scores.size();
    }

    /** @return the reason, the number of epochs, the best step and score, such as {@code EarlyStopped[PATIENCE after 6 epochs, best at step 40: 3.0]} */
    @Override
    public String toString() {
        return "EarlyStopped[" + reason + " after " + epochs() + (epochs() == 1 ? " epoch" : " epochs")
                + best.map(b -> ", best at step " + b.step() + ": " + bestScore).getOrElse(", no best state")
                + ", stopped at step " + last.step() + "]";
    }
}
