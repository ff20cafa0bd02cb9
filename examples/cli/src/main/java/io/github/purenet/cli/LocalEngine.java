package io.github.purenet.cli;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Loss;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import java.util.Objects;
import java.util.function.Function;

/** {@link Engine#local()}: the library's {@link Training#transition}. */
final class LocalEngine implements Engine {

    static final Engine ENGINE = new LocalEngine();

    private LocalEngine() {
    }

    @Override
    public <S> Function<TrainState<S>, TrainState<S>> transition(Dataset data, TrainState<S> start,
            Batching batching, Loss loss, Optimizer<S> optimizer) {
        Objects.requireNonNull(start, "start is null");
        return Training.transition(data, batching, loss, optimizer);
    }

    @Override
    public String toString() {
        return "Engine.local()";
    }
}
