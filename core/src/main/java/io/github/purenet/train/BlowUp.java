package io.github.purenet.train;

/**
 * Where a run's training loss blew up, as {@link BlowUps#find} reports it: the first epoch whose
 * end had a loss more than {@link BlowUps#FACTOR} (or the factor given) times the run's first loss,
 * or a loss that is {@code NaN} or infinite.
 *
 * @param epoch the number of epochs completed at that end, from 1 (the state's {@link TrainState#epoch()})
 * @param step the step of the state at that end
 * @param firstLoss the run's first loss: the loss of the first batch of the states given (for a run
 *     from its start, the loss of the untrained network on its first batch)
 * @param loss the training loss at that end: for {@link BlowUps#find}, the loss of the batch that
 *     ended the epoch; a caller of {@link BlowUps#blewUp} may use the loss on the whole training set
 */
public record BlowUp(long epoch, long step, double firstLoss, double loss) {

    /**
     * Checks the counts.
     *
     * @param epoch the number of epochs completed, at least 1
     * @param step the step, at least 1
     * @param firstLoss the run's first loss
     * @param loss the loss at the epoch's end
     */
    public BlowUp {
        if (epoch < 1 || step < 1) {
            throw new IllegalArgumentException("BlowUp: epoch and step must be >= 1, got " + epoch + " and " + step);
        }
    }

    /** @return {@code loss / firstLoss}: how many times the first loss the epoch's end had */
    public double ratio() {
        return loss / firstLoss;
    }

    /** @return the epoch, the step and both losses, such as {@code BlowUp[epoch 1, step 8: loss 338649.58 after a first loss of 1.1]} */
    @Override
    public String toString() {
        return "BlowUp[epoch " + epoch + ", step " + step + ": loss " + loss + " after a first loss of " + firstLoss + "]";
    }
}
