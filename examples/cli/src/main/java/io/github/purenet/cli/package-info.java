/**
 * The purenet command line: {@code purenet train|evaluate|resume}, built into
 * {@code examples/target/purenet.jar} with the launcher scripts {@code examples/target/purenet}
 * and {@code purenet.cmd} beside it, which run the jar with the vector API.
 *
 * <p>The pure parts turn text into values: {@link io.github.purenet.cli.DataSpec} and the commands'
 * options into a {@link io.github.purenet.cli.RunConfig}, whose
 * {@link io.github.purenet.cli.Architecture} builds the network (dense layers, dropout,
 * normalisation, residual blocks); the readers of {@code purenet-io} parse data with errors that
 * name the file, line and value; {@link io.github.purenet.cli.Experiment} makes a run ready with
 * the library (split, standardisation, initial network, optimizer); {@link io.github.purenet.cli.Checkpoint} and
 * {@link io.github.purenet.cli.ModelFile} are the files of checkpoints and models. The effects are
 * kept apart: {@link io.github.purenet.cli.Sources} reads files, {@code Runs} and
 * {@code Trainer} run the library's fold of states while drawing the progress bar, reporting,
 * writing checkpoints and writing the model and the plot atomically at the end.
 *
 * <p>Every problem the user can fix is a {@link io.github.purenet.cli.CliException}, printed by
 * {@link io.github.purenet.cli.Purenet} as one line on standard error with exit code 2 (command
 * line) or 1 (files and data), and found before any file is written.
 */
package io.github.purenet.cli;
