package io.github.purenet.train;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * Whether a run's training loss blew up: a pure check over its states that catches what
 * {@link TrainState#diverged()} does not, a loss that grows without ever becoming {@code NaN}
 * (plain SGD with a learning rate of a million on iris ends its first epoch with a loss above
 * 100,000 and never reaches {@code NaN}).
 *
 * <p>The rule: the loss at the end of an epoch (the loss of the batch that ended it, in
 * {@link TrainState#loss()}) blew up when it is {@code NaN}, infinite, or more than {@code factor}
 * times the <em>first loss</em>, the loss of the first batch among the states (for a run from its
 * start, the untrained network's loss, near {@code ln(classes)} for cross-entropy when the
 * network starts close to uniform). The first loss
 * is the baseline rather than the first epoch's end because a learning rate that blows up does so
 * within the first epoch. A first loss of 0 makes any positive loss at an epoch's end a blow-up (it
 * is infinitely many times 0).
 *
 * <pre>{@code
 * Option<BlowUp> blown = BlowUps.find(run.take(steps + 1));
 * }</pre>
 */
public final class BlowUps {

    /**
     * The default factor, 10: training should lower the loss, and a minibatch's loss scatters
     * around the mean by far less than tenfold once training works; an epoch that ends at ten
     * times the untrained network's loss (about 11 nats for three classes and 23 for ten when
     * the untrained network is close to uniform) means the network
     * is confidently wrong, which a learning rate too large for the problem makes it.
     */
    public static final double FACTOR = 10;

    private BlowUps() {
    }

    /**
     * The first epoch end at which the training loss blew up by the default {@link #FACTOR}.
     *
     * @param <S> the type of the optimizer's state
     * @param states the states of a run that ends, in order, such as {@code run.take(steps + 1)}
     * @return where the loss blew up first, or none
     */
    public static <S> Option<BlowUp> find(Iterable<TrainState<S>> states) {
        return find(states, FACTOR);
    }

    /**
     * The first epoch end at which the training loss blew up: it is {@code NaN}, infinite, or more
     * than {@code factor} times the first loss among the states. It reads the states until that
     * end, and all of them when the loss does not blow up (so the states must end).
     *
     * @param <S> the type of the optimizer's state
     * @param states the states of a run that ends, in order, such as {@code run.take(steps + 1)}
     * @param factor how many times the first loss counts as a blow-up: finite and at least 1
     * @return where the loss blew up first, or none (also when no state has a loss)
     * @throws IllegalArgumentException if the factor is not finite or below 1, or the first loss is
     *     negative
     */
    public static <S> Option<BlowUp> find(Iterable<TrainState<S>> states, double factor) {
        Objects.requireNonNull(states, "states is null");
        requireFactor(factor);
        Option<Double> first = Option.none();
        for (TrainState<S> s : states) {
            if (first.isEmpty() && s.loss().isDefined()) {
                first = s.loss();
                requireFirst(first.get());
            }
            if (s.atEpochEnd() && s.loss().isDefined() && blewUp(first.get(), s.loss().get(), factor)) {
                return Option.some(new BlowUp(s.epoch(), s.step(), first.get(), s.loss().get()));
            }
        }
        return Option.none();
    }

    /**
     * Whether one loss at an epoch's end blew up with respect to a first loss: it is {@code NaN},
     * infinite, or more than {@code factor} times {@code firstLoss}.
     *
     * @param firstLoss the run's first loss: at least 0, or {@code NaN} or infinite (then only a
     *     {@code NaN} or infinite {@code loss} counts)
     * @param loss the loss at an epoch's end
     * @param factor how many times the first loss counts as a blow-up: finite and at least 1
     * @return whether {@code loss} is not finite or {@code loss > factor * firstLoss}
     * @throws IllegalArgumentException if the factor is not finite or below 1, or the first loss is
     *     negative
     */
    public static boolean blewUp(double firstLoss, double loss, double factor) {
        requireFactor(factor);
        requireFirst(firstLoss);
        return !Double.isFinite(loss) || (Double.isFinite(firstLoss) && loss > factor * firstLoss);
    }

    private static void requireFactor(double factor) {
        if (!(Double.isFinite(factor) && factor >= 1)) {
            throw new IllegalArgumentException("factor: expected a finite number >= 1, got " + factor);
        }
    }

    private static void requireFirst(double firstLoss) {
        if (firstLoss < 0) {
            throw new IllegalArgumentException("firstLoss: expected a loss >= 0, got " + firstLoss);
        }
    }
}
