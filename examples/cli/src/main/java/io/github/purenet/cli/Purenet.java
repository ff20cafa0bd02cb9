package io.github.purenet.cli;

import io.github.purenet.io.DataException;
import io.github.purenet.tensor.Matrix;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The purenet command line: {@code purenet train|evaluate|resume ...}.
 *
 * <pre>{@code
 * examples/target/purenet train --data digits --plot loss.png --save digits.json
 * examples/target/purenet evaluate --model digits.json --data digits --test-split 0.2
 * examples/target/purenet resume --checkpoint runs/checkpoint.json --epochs 30
 * }</pre>
 *
 * <p>{@code examples/target/purenet} (and {@code purenet.cmd} on Windows) is a launcher script
 * beside the jar that runs {@code java --add-modules jdk.incubator.vector -jar purenet.jar ...},
 * so that matrix products take the vector kernels; {@code java -jar purenet.jar ...} runs the same
 * program with the plain kernels, to the same bits. {@code --version} says which.
 *
 * <p>Exit codes: 0 on success, 2 for a bad command line (an unknown option, a bad value), 1 for a
 * problem with files or data (missing, unreadable, malformed, out of range) and for a run that
 * diverged. A problem is reported as one line on standard error, {@code purenet: <what, where>},
 * never with a stack trace.
 */
@Command(name = "purenet", mixinStandardHelpOptions = true, versionProvider = Purenet.Version.class,
        subcommands = {TrainCommand.class, EvaluateCommand.class, ResumeCommand.class},
        description = "Train, evaluate and resume neural-network classifiers with purenet.")
public final class Purenet implements Runnable {

    @Spec
    CommandSpec spec;

    private final Engine engine;

    /** The command, whose subcommands train with an engine. */
    private Purenet(Engine engine) {
        this.engine = engine;
    }

    /**
     * Runs the program and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        System.exit(execute(args, out, err));
    }

    /**
     * Runs the program without exiting, as the tests do.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, 1 (files and data) or 2 (command line)
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Engine.local());
    }

    /**
     * Runs the program without exiting, with the steps of {@code train} and {@code resume} computed
     * by an engine: the entry of a module that trains elsewhere, such as on a Spark cluster.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @param engine computes the steps of the runs
     * @return the exit code: 0, 1 (files and data) or 2 (command line)
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Engine engine) {
        Objects.requireNonNull(args, "args is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(err, "err is null");
        Objects.requireNonNull(engine, "engine is null");
        System.setProperty("java.awt.headless", "true"); // before AWT loads, for the plot
        CommandLine commandLine = new CommandLine(new Purenet(engine))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, arguments) -> {
                    CommandLine command = e.getCommandLine();
                    command.getErr().println("purenet: " + oneLine(Suggestions.message(e)) + " (see "
                            + command.getCommandSpec().qualifiedName() + " --help)");
                    command.getErr().flush();
                    return CliException.USAGE;
                })
                .setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command.getErr()));
        commandLine.getSubcommands().get("train").getCommandSpec().usageMessage().footer(trainDefaults());
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("purenet: " + Heap.outOfMemory(""));
            err.flush();
            return CliException.DATA;
        }
    }

    /** @return the engine that computes the steps of the runs */
    Engine engine() {
        return engine;
    }

    /** Without a command: says which commands there are. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: expected train, evaluate or resume");
    }

    private static int failure(Exception e, PrintWriter err) {
        // a problem the user can fix: the command line's own, the data readers' (naming the file, line,
        // column and value), or the library's checks of arguments (naming the bad value)
        if (e instanceof CliException || e instanceof DataException || e instanceof IllegalArgumentException) {
            err.println("purenet: " + oneLine(e.getMessage()));
            err.flush();
            return e instanceof CliException ? ((CliException) e).exitCode() : CliException.DATA;
        }
        err.println("purenet: internal error, please report it: " + e);
        e.printStackTrace(err);
        err.flush();
        return 3;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String[] trainDefaults() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("");
        lines.add("Defaults for each kind of data (an option given overrides its default):");
        for (DataSpec.Kind kind : DataSpec.Kind.values()) {
            io.vavr.collection.Vector<String> d = Defaults.of(kind).describe();
            String name = kind.prefix() + (kind == DataSpec.Kind.MNIST ? ":DIR" : kind == DataSpec.Kind.CSV ? ":FILE" : "");
            lines.add(String.format("  %-10s %s", name, d.get(0)));
            d.tail().forEach(line -> lines.add(String.format("  %-10s %s", "", line)));
        }
        lines.add("and for all: --seed " + Defaults.SEED + ", --dropout 0 --norm none (no --residual), and");
        lines.add("--test-split " + Defaults.TEST_SPLIT + " for data without a test set.");
        lines.add("");
        lines.add("Without --epochs, train holds out a validation part of the training part");
        lines.add("(--validation-split, per class), stops once its loss has not improved for");
        lines.add("--patience epochs in a row, or after --max-epochs epochs, and keeps the network");
        lines.add("of the epoch with the lowest validation loss; the learning-rate schedule spans");
        lines.add("--max-epochs. --epochs N trains exactly N epochs instead and keeps the last");
        lines.add("network, with no validation part unless --validation-split is given.");
        lines.add("");
        lines.add("Exit codes: 0 done, 1 a problem with files or data, 2 a bad command line.");
        return lines.toArray(String[]::new);
    }

    /**
     * The version, from the jar's manifest, and the kernels that this JVM's matrix products run:
     * the vector ones when it started with the vector API (as the launcher script starts it).
     */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Purenet.class.getPackage().getImplementationVersion();
            return new String[] {"purenet " + (version == null ? "(development build)" : version),
                    Matrix.vectorKernels() ? "kernels: vector (jdk.incubator.vector)"
                            : "kernels: plain (the vector ones need --add-modules jdk.incubator.vector and the "
                                    + "JIT's C2)"};
        }
    }
}
