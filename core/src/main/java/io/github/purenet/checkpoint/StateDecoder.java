package io.github.purenet.checkpoint;

import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.TrainState;

/**
 * Training states from JSON: the network first, then the optimizer state checked against the
 * optimizer's initial state for that network.
 *
 * @param decoder the decoder of the parts
 */
record StateDecoder(Decoder decoder) {

    @SuppressWarnings("unchecked") // sound: the decoded state has the structure of optimizer.init's
    <S> TrainState<S> trainState(At at, Optimizer<S> optimizer) {
        at.fields("network", "optimizer_state", "step", "epoch", "batch", "order", "key", "loss");
        Network network = decoder.network(at.field("network"));
        S template = Decoder.build(at.field("optimizer_state"), () -> optimizer.init(network));
        S state = (S) decoder.state(at.field("optimizer_state"), template, network);
        long step = at.field("step").integer(0, Long.MAX_VALUE);
        long epoch = at.field("epoch").integer(0, Long.MAX_VALUE);
        int batch = (int) at.field("batch").integer(0, Integer.MAX_VALUE);
        return new TrainState<>(network, state, step, epoch, batch, decoder.order(at.field("order")),
                decoder.key(at.field("key")), decoder.loss(at.field("loss")));
    }
}
