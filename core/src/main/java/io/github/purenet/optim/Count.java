package io.github.purenet.optim;

/**
 * The state of {@link Transforms#scaleByLearningRate}: how many updates it has made, the step
 * count its {@link Schedule} is evaluated at.
 *
 * @param steps the number of updates made, from 0
 */
public record Count(long steps) {

    /**
     * Checks the count.
     *
     * @param steps the number of updates made, not negative
     */
    public Count {
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected a count >= 0, got " + steps);
        }
    }
}
