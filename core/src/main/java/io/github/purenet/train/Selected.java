package io.github.purenet.train;

import io.github.purenet.data.Batch;
import java.util.Objects;

/**
 * A state with the batch its next step trains on: the output of {@link Training#select}.
 *
 * @param <S> the type of the optimizer's state
 * @param state the state
 * @param batch the batch at the state's position in the data
 */
public record Selected<S>(TrainState<S> state, Batch batch) {

    /**
     * Checks that both components are present.
     *
     * @param state the state
     * @param batch the batch at the state's position in the data
     */
    public Selected {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(batch, "batch is null");
    }
}
