package io.github.purenet.spark;

import io.github.purenet.cli.CliException;
import io.github.purenet.cli.Purenet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;

/**
 * The purenet command line on a Spark cluster: the same commands and options as
 * {@link Purenet} ({@code train}, {@code resume}, {@code evaluate}), with the shards of each step
 * computed as Spark tasks ({@link SparkTrainer}), to the bits of the same command run by
 * {@code purenet} with the same {@code --shards}.
 *
 * <pre>{@code
 * spark-submit --master spark://HOST:7077 --class io.github.purenet.spark.Submit \
 *     purenet-spark-VERSION-all.jar train --data digits --shards 16 --save digits.json
 * }</pre>
 *
 * <p>The context is made from {@code new SparkConf()}, whose master spark-submit sets, with
 * {@code spark.app.name} {@code purenet} and Spark's console progress bar off unless they are set;
 * it is made when the first run starts and stopped at the end. A step runs
 * {@code min(S, defaultParallelism)} tasks. After each epoch's line the report adds one with the
 * mean times of the epoch's steps: on the executors (the longest task), in transfer and
 * scheduling, and on the driver. A master {@code spark://HOST:PORT} that does not answer within
 * {@link #CONNECT_MILLIS} ms is refused before any context is made (exit code 1).
 */
public final class Submit {

    /** How long the check of a {@code spark://} master waits for its port to answer, in milliseconds. */
    public static final int CONNECT_MILLIS = 5_000;

    private Submit() {
    }

    /**
     * Runs the command line on Spark and exits with its exit code.
     *
     * @param args the command line, as {@code purenet} takes it
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        System.exit(execute(args, out, err));
    }

    /**
     * Runs the command line on Spark without exiting.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0, 1 (files, data, or a master that does not answer) or 2 (command line)
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, made -> { });
    }

    /**
     * Runs the command line on Spark without exiting, and says whether it made a context.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @param contextMade told at the end whether a context was made
     * @return the exit code
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Consumer<Boolean> contextMade) {
        SparkConf conf = new SparkConf()
                .setIfMissing("spark.app.name", "purenet")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        Option<String> unreachable = conf.contains("spark.master") ? unreachable(conf.get("spark.master"))
                : Option.none();
        if (unreachable.isDefined()) {
            err.println("purenet: " + unreachable.get());
            err.flush();
            contextMade.accept(false);
            return CliException.DATA;
        }
        try (SparkEngine engine = new SparkEngine(conf)) {
            try {
                return Purenet.execute(args, out, err, engine);
            } finally {
                contextMade.accept(engine.started());
            }
        }
    }

    /**
     * Why a standalone master does not answer: a TCP connection to each of its {@code host:port}s
     * (several for a master with standbys) within {@link #CONNECT_MILLIS}.
     *
     * @param master the master's URL
     * @return none if it is not a {@code spark://} URL or one of its addresses answers; otherwise
     *     the message, naming the URL and each address's cause
     */
    static Option<String> unreachable(String master) {
        if (!master.startsWith("spark://")) {
            return Option.none();
        }
        Vector<String> causes = Vector.empty();
        for (String address : master.substring("spark://".length()).split(",")) {
            Option<String> cause = cause(address);
            if (cause.isEmpty()) {
                return Option.none();
            }
            causes = causes.append(address + ": " + cause.get());
        }
        return Option.some("the Spark master " + master + " does not answer (" + causes.mkString("; ")
                + "); start it, or give spark-submit the --master URL that its web page shows");
    }

    /** Why one {@code host:port} does not take a TCP connection; none if it does. */
    private static Option<String> cause(String address) {
        URI uri;
        try {
            uri = new URI("spark://" + address);
        } catch (URISyntaxException e) {
            return Option.some("not a host:port (" + e.getMessage() + ")");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            return Option.some("not a host:port");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_MILLIS);
            return Option.none();
        } catch (java.net.SocketTimeoutException e) {
            return Option.some("no answer within " + CONNECT_MILLIS + " ms");
        } catch (java.net.UnknownHostException e) {
            return Option.some("unknown host " + uri.getHost());
        } catch (IOException e) {
            return Option.some(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
