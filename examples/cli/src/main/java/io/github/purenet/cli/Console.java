package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.network.Network;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a command writes: standard output for results, standard error for the progress bar, and
 * how: text lines, or one JSON object as the last line of standard output.
 *
 * @param out standard output
 * @param err standard error
 * @param json whether the report is one JSON object ({@code --report json}) rather than text lines
 * @param progress whether to draw a progress bar (on a terminal, or with {@code --progress})
 * @param summary whether to show the network's summary table ({@code --summary})
 */
record Console(PrintWriter out, PrintWriter err, boolean json, boolean progress, boolean summary) {

    Console {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(err, "err is null");
    }

    /**
     * Prints a line of the text report; nothing in JSON mode.
     *
     * @param line the line
     */
    void text(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * Prints a warning on standard error, in text and JSON mode alike: one line
     * {@code purenet: warning: <what>}.
     *
     * @param what the warning, without the prefix
     */
    void warning(String what) {
        err.println("purenet: warning: " + what);
        err.flush();
    }

    /**
     * Prints a network's summary table in the text report, with {@code --summary} only.
     *
     * @param network the network
     */
    void summary(Network network) {
        if (summary) {
            text(network.summary().toString());
        }
    }

    /**
     * Prints the JSON report, in JSON mode only; with {@code --summary}, with the network's
     * summary as the field {@code summary}.
     *
     * @param report the one-line JSON object
     * @param network the network it reports on
     */
    void report(ObjectNode report, Network network) {
        if (summary) {
            report.set("summary", Report.summaryJson(network.summary()));
        }
        report(Json.line(report));
    }

    /**
     * Prints the JSON report, in JSON mode only.
     *
     * @param line the one-line JSON object
     */
    void report(String line) {
        if (json) {
            out.println(line);
            out.flush();
        }
    }
}
