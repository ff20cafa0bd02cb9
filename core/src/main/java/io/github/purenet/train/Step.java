package io.github.purenet.train;

import io.github.purenet.data.Batch;
import io.github.purenet.network.Gradients;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A step in the making: a state, its batch, the batch's loss and gradients, and the network's
 * non-trainable state after the forward pass. Stages of your own, such as clipping, are functions
 * from {@code Step} to {@code Step} placed between {@link Training#differentiate} and
 * {@link Training#update}.
 *
 * @param <S> the type of the optimizer's state
 * @param state the state before the step
 * @param batch the batch the step trains on
 * @param loss the batch's loss
 * @param gradients the gradients the optimizer will use
 * @param networkState the network's non-trainable state after the forward pass (batch
 *     normalisation's running statistics), in the order of
 *     {@link io.github.purenet.network.Network#statePaths()}; {@link Training#update} puts it into
 *     the next state's network
 */
public record Step<S>(TrainState<S> state, Batch batch, double loss, Gradients gradients, Vector<Matrix> networkState) {

    /**
     * Checks that every component is present.
     *
     * @param state the state before the step
     * @param batch the batch the step trains on
     * @param loss the batch's loss
     * @param gradients the gradients the optimizer will use
     * @param networkState the network's non-trainable state after the forward pass
     */
    public Step {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(batch, "batch is null");
        Objects.requireNonNull(gradients, "gradients is null");
        Objects.requireNonNull(networkState, "networkState is null");
    }

    /**
     * A step that leaves the network's non-trainable state as it was.
     *
     * @param state the state before the step
     * @param batch the batch the step trains on
     * @param loss the batch's loss
     * @param gradients the gradients the optimizer will use
     */
    public Step(TrainState<S> state, Batch batch, double loss, Gradients gradients) {
        this(state, batch, loss, gradients, Objects.requireNonNull(state, "state is null").network().state());
    }

    /**
     * The same step with other gradients.
     *
     * @param f a pure function of the gradients, such as clipping
     * @return the step with {@code f(gradients)}
     */
    public Step<S> mapGradients(UnaryOperator<Gradients> f) {
        Objects.requireNonNull(f, "f is null");
        return new Step<>(state, batch, loss, f.apply(gradients), networkState);
    }
}
