package io.github.purenet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of how a command reports, shared by the commands: {@code --report},
 * {@code --summary} and {@code --progress}. Picocli fills the fields; {@link #console} turns them into a value.
 */
final class ReportOptions {

    @Option(names = "--report", paramLabel = "text|json",
            description = "The report on standard output: text lines (the default), or json: one JSON object as "
                    + "the last line.")
    String report = "text";

    @Option(names = "--summary",
            description = "Show the network's layers as a table (path, kind, output shape, parameters, and state "
                    + "for batch normalisation) before the results; in a JSON report, as the field summary.")
    boolean summary;

    @Option(names = "--progress", negatable = true,
            description = "Draw a progress bar on standard error. By default, only when the output is a terminal.")
    Boolean progress;

    /**
     * @param spec the command, whose out and err streams are used
     * @return where and how the command reports
     * @throws CliException (usage) if the report is neither text nor json
     */
    Console console(CommandSpec spec) {
        if (!report.equals("text") && !report.equals("json")) {
            throw CliException.usage("--report: unknown report '" + report + "'; expected text or json");
        }
        boolean bar = progress != null ? progress : terminal();
        return new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), report.equals("json"), bar,
                summary);
    }

    /**
     * Whether the program runs on a terminal: a console exists (standard input and output are a
     * terminal), and on JDK 22 and later, whose console may also stand for redirected streams,
     * {@code Console.isTerminal()} says so too.
     */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console is a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
