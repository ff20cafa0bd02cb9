package io.github.purenet.optim;

/**
 * A schedule: the learning rate, or any other hyperparameter, as a function of the step count.
 *
 * <p>A schedule is a pure function of the step count alone: the same step gives the same value,
 * the same bits, every time and on every JVM, whatever was asked before. It keeps no position of
 * its own. The count lives in the optimizer's state ({@link Count}), which is saved and restored
 * with the rest of a run, so a run resumed from a stored state schedules exactly as an
 * uninterrupted one, and asking a schedule for step {@code k} never requires stepping through
 * {@code 0..k-1}.
 *
 * <pre>{@code
 * Schedule lr = Schedules.warmupCosineDecay(0.0, 0.1, 500, 10_000, 0.001);
 * lr.at(0);       // 0.0
 * lr.at(500);     // 0.1, the peak
 * lr.at(10_000);  // 0.001, and so on for ever
 * }</pre>
 *
 * <p>The built-in schedules are in {@link Schedules}; each refuses a negative step and prints as
 * the call that made it, such as {@code cosineDecay(0.1, 1000, 0.0)}. A schedule of one's own is a
 * lambda, {@code step -> 0.1 / StrictMath.sqrt(step + 1.0)}: keep it pure, and use
 * {@link StrictMath} for transcendental functions so that its values are the same bits everywhere.
 * To store a training state whose optimizer uses it, give it a name,
 * {@code Schedules.named("inverse_sqrt(0.1)", step -> ...)}: the state's document records each
 * schedule's {@link #description()}, and a lambda has none.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The value at a step.
     *
     * @param step the number of steps taken so far, from 0
     * @return the value at that step
     */
    double at(long step);

    /**
     * What this schedule is, as data: its kind and its parameters, or the name it was given by
     * {@link Schedules#named}. A lambda, or a class that does not override this method, is
     * {@link Description#UNNAMED}.
     *
     * @return the description
     */
    default Description description() {
        return Description.UNNAMED;
    }
}
