package io.github.purenet.testing;

import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks that a training pipeline replays: a run recomputed from any of its states gives the same
 * states, and a second run from the same first state gives them too. A stage with hidden state
 * (a counter, a clock, a random generator of its own) fails it.
 *
 * <pre>{@code
 * ReplayCheck.verify(initial, myTransition, 20);   // throws an AssertionError naming the first difference
 * }</pre>
 *
 * <p>For {@code n} steps this takes about {@code n² / 2} transitions.
 */
public final class ReplayCheck {

    private ReplayCheck() {
    }

    /**
     * Runs {@code steps} steps, then recomputes the run from each of its states and once more from
     * the start.
     *
     * @param <S> the type of the optimizer's state
     * @param initial the first state
     * @param transition the transition under test
     * @param steps how many steps, at least 1
     * @return a description of the first difference, or none if the run replays
     */
    public static <S> Option<String> check(TrainState<S> initial, Function<TrainState<S>, TrainState<S>> transition,
            int steps) {
        Objects.requireNonNull(initial, "initial is null");
        Objects.requireNonNull(transition, "transition is null");
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, got " + steps);
        }
        Vector<TrainState<S>> states = Vector.ofAll(Run.of(initial, transition).take(steps + 1L));
        Vector<TrainState<S>> again = Vector.ofAll(Run.of(initial, transition).take(steps + 1L));
        for (int k = 0; k < states.size(); k++) {
            if (!states.get(k).equals(again.get(k))) {
                return Option.some("a second run from the same first state differs at step " + k + ": "
                        + states.get(k) + " then " + again.get(k));
            }
        }
        for (int j = 1; j < states.size(); j++) {
            Vector<TrainState<S>> replayed = Vector.ofAll(Run.of(states.get(j), transition).take(states.size() - j));
            for (int k = 0; k < replayed.size(); k++) {
                if (!replayed.get(k).equals(states.get(j + k))) {
                    return Option.some("the run recomputed from its state at step " + j + " differs at step "
                            + (j + k) + ": " + states.get(j + k) + " then " + replayed.get(k));
                }
            }
        }
        return Option.none();
    }

    /**
     * As {@link #check}, failing when the run does not replay.
     *
     * @param <S> the type of the optimizer's state
     * @param initial the first state
     * @param transition the transition under test
     * @param steps how many steps, at least 1
     * @throws AssertionError naming the first difference
     */
    public static <S> void verify(TrainState<S> initial, Function<TrainState<S>, TrainState<S>> transition, int steps) {
        for (String difference : check(initial, transition, steps)) {
            throw new AssertionError("not replayable: " + difference);
        }
    }
}
