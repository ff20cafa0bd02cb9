package io.github.purenet.cli;

import io.vavr.control.Option;

/**
 * How a run stood at the end of an epoch: the network evaluated on the test part and on the
 * training part (all of it, or an evenly spaced sample of {@link Experiment#SAMPLE} examples when
 * it is larger), its loss on the validation part if the run has one, and the training speed during
 * the epoch.
 *
 * @param epoch the number of epochs completed, from 1
 * @param step the number of steps taken
 * @param trainLoss the mean loss on the training part (or its sample)
 * @param trainAccuracy the accuracy on the training part (or its sample)
 * @param testLoss the mean loss on the test part
 * @param testAccuracy the accuracy on the test part
 * @param samplesPerSecond training examples per second of the epoch's steps (0 when unknown, as for
 *     an epoch that a resumed run finished)
 * @param validationLoss the mean loss on the validation part, which early stopping watches; none
 *     for a run without a validation part
 */
public record EpochResult(long epoch, long step, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, double samplesPerSecond, Option<Double> validationLoss) {
}
