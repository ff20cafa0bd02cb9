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
     * Calls the action if the state's step is a multiple of the period.
     *
     * @param state a state that the iteration has just computed
     */
    void atStep(TrainState<S> state) {
        if (state.step() % every == 0) {
            action.accept(state);
        }
    }

    /**
     * Calls the action with the run's last state, unless {@link #atStep} has already done so.
     *
     * @param last the last state of the run, found when the iteration reached the end
     */
    void atEnd(TrainState<S> last) {
        if (last.step() % every != 0) {
            action.accept(last);
        }
    }
}
