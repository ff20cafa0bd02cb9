package io.github.purenet.train;

import io.github.purenet.data.Batch;
import io.github.purenet.network.Gradients;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A step in the making: a state, its batch, and the batch's loss and gradients. Stages of your own,
 * such as clipping, are functions from {@code Step} to {@code Step} placed between
 * {@link Training#differentiate} and {@link Training#update}.
 *
 * @param <S> the type of the optimizer's state
 * @param state the state before the step
 * @param batch the batch the step trains on
 * @param loss the batch's loss
 * @param gradients the gradients the optimizer will use
 */
public record Step<S>(TrainState<S> state, Batch batch, double loss, Gradients gradients) {

    /**
     * Checks that every component is present.
     *
     * @param state the state before the step
     * @param batch the batch the step trains on
     * @param loss the batch's loss
     * @param gradients the gradients the optimizer will use
     */
    public Step {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(batch, "batch is null");
        Objects.requireNonNull(gradients, "gradients is null");
    }

    /**
     * @param f a function of the gradients, such as clipping
     * @return this step with {@code f(gradients)}
     */
    public Step<S> mapGradients(UnaryOperator<Gradients> f) {
        Objects.requireNonNull(f, "f is null");
        return new Step<>(state, batch, loss, f.apply(gradients));
    }
}
