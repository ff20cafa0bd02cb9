package io.github.purenet.cli;

import io.vavr.control.Option;
import java.nio.file.Path;

/**
 * The result of {@code train} or {@code resume}, as the report shows it.
 *
 * @param command {@code train} or {@code resume}
 * @param experiment the run
 * @param last the results of the network after the last step, whose epoch and step are the number
 *     of epochs completed and of steps taken
 * @param seconds the wall-clock time of training in this process: steps, evaluations after each
 *     epoch and checkpoints
 * @param samplesPerSecond training examples per second of the steps taken in this process (0 if
 *     none were)
 * @param checkpoint the last checkpoint written, if any
 * @param model the file of {@code --save}, if any
 * @param plot the file of {@code --plot}, if any
 */
record Summary(String command, Experiment experiment, EpochResult last, double seconds, double samplesPerSecond,
        Option<Path> checkpoint, Option<Path> model, Option<Path> plot) {
}
