package io.github.purenet.cli;

import io.github.purenet.train.BlowUp;
import io.github.purenet.train.EarlyStopped;
import io.vavr.control.Option;
import java.nio.file.Path;

/**
 * The result of {@code train} or {@code resume}, as the report shows it.
 *
 * @param command {@code train} or {@code resume}
 * @param experiment the run
 * @param last the results of the network the run keeps: after the last step, or with early
 *     stopping the best epoch's; its epoch and step are those of that network
 * @param seconds the wall-clock time of training in this process: steps, evaluations after each
 *     epoch and checkpoints
 * @param samplesPerSecond training examples per second of the steps taken in this process (0 if
 *     none were)
 * @param checkpoint the last checkpoint written, if any
 * @param model the file of {@code --save}, if any
 * @param plot the file of {@code --plot}, if any
 * @param stopped how early stopping ended the run: why, after how many epochs and steps, and the
 *     best state; none for a run of a fixed number of epochs
 * @param blowUp where the training loss blew up in this process, if it did
 */
record Summary(String command, Experiment experiment, EpochResult last, double seconds, double samplesPerSecond,
        Option<Path> checkpoint, Option<Path> model, Option<Path> plot, Option<EarlyStopped<?>> stopped,
        Option<BlowUp> blowUp) {
}
