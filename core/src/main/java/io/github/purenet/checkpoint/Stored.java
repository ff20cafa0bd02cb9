package io.github.purenet.checkpoint;

import io.github.purenet.data.Fingerprint;
import io.github.purenet.optim.Description;
import io.github.purenet.train.TrainState;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A training state as its document holds it: the state, and what the run was made of, when the
 * document records it (documents written before these records were added hold neither).
 *
 * @param <S> the type of the optimizer's state
 * @param state the training state
 * @param optimizer the description of the run's optimizer
 * @param data the fingerprint of the run's data
 */
record Stored<S>(TrainState<S> state, Option<Description> optimizer, Option<Fingerprint> data) {

    Stored {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(data, "data is null");
    }
}
