package io.github.purenet.train;

import java.util.function.Consumer;

/**
 * One observer of a {@link Run}: an action called with every {@code every}-th state and with the
 * run's last state, as the run's iteration computes them.
 *
 * @param <S> the type of the optimizer's state
 * @param every the period, in steps: states whose {@code step % every == 0} are observed
 * @param action the caller's side effect
 */
record Observation<S>(long every, Consumer<? super TrainState<S>> action) {

    /**
     * Calls the action with a state that the iteration has just computed, if its step is a
     * multiple of the period; or with the run's last state, found when the iteration reached the
     * end, if its step is not (so that no state is observed twice).
     *
     * @param state the state
     * @param end whether the iteration has found that {@code state} is the run's last
     */
    void see(TrainState<S> state, boolean end) {
        if ((state.step() % every == 0) != end) {
            action.accept(state);
        }
    }
}
