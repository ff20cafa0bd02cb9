package io.github.purenet.cli;

import static io.github.purenet.cli.TrainCommand.given;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code purenet resume}: continues a run from its checkpoint, with the configuration the
 * checkpoint holds (its sharding too). The states that follow are those of a run that never stopped, bit for bit.
 */
@Command(name = "resume", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Continue a run from its checkpoint; the states are identical to those of a run that never "
                + "stopped. New checkpoints go to the checkpoint's directory.")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Purenet parent;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A checkpoint written by train --checkpoint-dir (DIR/checkpoint.json).")
    Path checkpoint;

    @Option(names = "--epochs", paramLabel = "N",
            description = "The total number of epochs of the run, counted from its start (default: the run's own). "
                    + "The learning-rate schedule keeps the span it was given when the run started. A run that stops "
                    + "early goes on from its last state to exactly N epochs, without stopping early, and keeps its "
                    + "last network.")
    Integer epochs;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "The run's data at another place (default: where the run read it); it must be the same "
                    + "data.")
    String data;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "At the end, write a PNG of the loss and accuracy of every epoch of the run.")
    Path plot;

    @Option(names = "--save", paramLabel = "FILE",
            description = "At the end, write the model (network, standardisation, class names, held-out part) for "
                    + "evaluate.")
    Path save;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Console console = reportOptions.console(spec);
        if (epochs != null) {
            RunConfig.requireEpochs(epochs);
        }
        io.vavr.control.Option<DataSpec> dataSpec = given(data).map(DataSpec::parse);
        Path directory = checkpoint.toAbsolutePath().normalize().getParent();
        Runs.Outputs outputs = new Runs.Outputs(given(save), given(plot), given(directory), "--checkpoint", console);
        return Runs.resume(checkpoint, given(epochs), dataSpec, outputs, parent.engine());
    }
}
