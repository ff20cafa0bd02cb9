package io.github.purenet.train;

import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Everything a training run needs to continue: a pure value, so that a stored state replays the
 * rest of its run exactly.
 *
 * @param <S> the type of the optimizer's state
 * @param network the parameters after {@code step} steps
 * @param optimizerState the optimizer's state after {@code step} steps
 * @param step the number of steps taken
 * @param epoch the epoch of the next batch, from 0
 * @param batch the index of the next batch within its epoch, from 0
 * @param order the order of the examples in this epoch, a pure function of (key, epoch), kept so
 *     that it is computed once per epoch
 * @param key the run's key, from which every epoch's order is derived
 * @param loss the loss of the batch that produced this state; none for the first state
 * @param sharding how each batch's gradient is split into shards ({@link Sharding}), part of the
 *     run's configuration: {@link Sharding#NONE} unless the run was started with another
 */
public record TrainState<S>(Network network, S optimizerState, long step, long epoch, int batch,
        Vector<Integer> order, Key key, Option<Double> loss, Sharding sharding) {

    /**
     * Checks that every component is present and every count is not negative.
     *
     * @param network the parameters after {@code step} steps
     * @param optimizerState the optimizer's state after {@code step} steps
     * @param step the number of steps taken
     * @param epoch the epoch of the next batch
     * @param batch the index of the next batch within its epoch
     * @param order the order of the examples in this epoch
     * @param key the run's key
     * @param loss the loss of the batch that produced this state
     * @param sharding how each batch's gradient is split into shards
     * @throws IllegalArgumentException if a count is negative, or the sharding has more than one
     *     shard and the network has non-trainable state
     */
    public TrainState {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(optimizerState, "optimizerState is null");
        Objects.requireNonNull(order, "order is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(loss, "loss is null");
        Objects.requireNonNull(sharding, "sharding is null");
        if (step < 0 || epoch < 0 || batch < 0) {
            throw new IllegalArgumentException("TrainState: step, epoch and batch must be >= 0, got "
                    + step + ", " + epoch + " and " + batch);
        }
        if (sharding.shards() > 1 && !network.statePaths().isEmpty()) {
            throw new IllegalArgumentException("TrainState: " + sharding.shards() + " shards cannot train a network "
                    + "with non-trainable state (" + network.statePaths().mkString(", ") + "): batch normalisation "
                    + "computes its statistics over the whole batch, which no shard sees; train with one shard, or "
                    + "use layer normalisation");
        }
    }

    /**
     * A state of an unsharded run ({@link Sharding#NONE}).
     *
     * @param network the parameters after {@code step} steps
     * @param optimizerState the optimizer's state after {@code step} steps
     * @param step the number of steps taken
     * @param epoch the epoch of the next batch
     * @param batch the index of the next batch within its epoch
     * @param order the order of the examples in this epoch
     * @param key the run's key
     * @param loss the loss of the batch that produced this state
     */
    public TrainState(Network network, S optimizerState, long step, long epoch, int batch, Vector<Integer> order,
            Key key, Option<Double> loss) {
        this(network, optimizerState, step, epoch, batch, order, key, loss, Sharding.NONE);
    }

    /**
     * Whether training has gone wrong: the loss, a parameter or an entry of the non-trainable state
     * (batch normalisation's running statistics) is NaN or infinite. A
     * {@link Run} ends at the first such state, and {@link Training}'s transitions leave it as it is.
     *
     * @return whether the loss, a parameter or a state entry is not finite
     */
    public boolean diverged() {
        return loss.exists(l -> !Double.isFinite(l)) || !allFinite(network.parameters())
                || !allFinite(network.state());
    }

    /** Whether every matrix is finite, by index: called on every step, it builds no iterator. */
    private static boolean allFinite(Vector<Matrix> matrices) {
        for (int i = 0; i < matrices.size(); i++) {
            if (!matrices.get(i).isFinite()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The loss as a plain number, for printing and plotting: {@code loss().getOrElse(Double.NaN)}.
     * It is {@code NaN} for a run's first state, which no batch produced (its {@link #loss()} is
     * none), and for a state whose loss is {@code NaN}; {@link #loss()} and {@link #diverged()}
     * tell the two apart.
     *
     * @return the loss of the batch that produced this state, or {@code NaN} if none did
     */
    public double lossOrNaN() {
        return loss.getOrElse(Double.NaN);
    }

    /**
     * Whether this state is at the end of an epoch: just after the epoch's last batch, so that its
     * next batch is the first of the next epoch ({@code batch == 0}) and at least one step was
     * taken ({@code step > 0}). {@link Run#epochEnds()} gives these states.
     *
     * @return whether {@code batch() == 0 && step() > 0}
     */
    public boolean atEpochEnd() {
        return batch == 0 && step > 0;
    }

    /** @return the counts and the loss, such as {@code TrainState[step 10, epoch 1, batch 3, loss 0.25]} */
    @Override
    public String toString() {
        return "TrainState[step " + step + ", epoch " + epoch + ", batch " + batch + ", loss "
                + loss.map(String::valueOf).getOrElse("none") + (sharding.shards() == 1 ? "" : ", " + sharding.shards()
                        + " shards") + ", " + network + "]";
    }
}
