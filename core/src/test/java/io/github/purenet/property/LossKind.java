package io.github.purenet.property;

import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import java.util.Optional;

/** The built-in losses, simplest first, each with the last activation it needs, if any. */
public enum LossKind {
    SQUARED_ERROR(Losses.squaredError(), null),
    MEAN_SQUARED_ERROR(Losses.meanSquaredError(), null),
    SOFTMAX_CROSS_ENTROPY(Losses.softmaxCrossEntropy(), ActivationKind.SOFTMAX),
    BINARY_CROSS_ENTROPY(Losses.binaryCrossEntropy(), ActivationKind.SIGMOID);

    private final Loss loss;
    private final ActivationKind last;

    LossKind(Loss loss, ActivationKind last) {
        this.loss = loss;
        this.last = last;
    }

    /** @return the loss */
    public Loss loss() {
        return loss;
    }

    /** @return the activation the network must end in, if the loss is fused with one */
    public Optional<ActivationKind> requiredLast() {
        return Optional.ofNullable(last);
    }

    /**
     * @param activation a last activation
     * @return whether a network ending in it may be trained with this loss
     */
    public boolean accepts(ActivationKind activation) {
        return last == null || last == activation;
    }
}
