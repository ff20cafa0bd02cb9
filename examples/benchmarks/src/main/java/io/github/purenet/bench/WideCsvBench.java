package io.github.purenet.bench;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.data.Standardization;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.io.LabelledData;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.io.StringReader;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The phases of {@code train --data csv:FILE} on wide data, each on its own, at two widths, so that
 * a phase whose time grows faster than the data shows as a ratio above the ratio of the widths:
 *
 * <ul>
 *   <li>{@code read}: {@link Csv#read} of the text (parsing, checks, the matrix);</li>
 *   <li>{@code prepare}: what the command line does before training: the stratified test split
 *       (20%), the stratified validation split (10% of the rest), {@link Standardization#fit} on
 *       the examples to train on, and its {@code apply} to the three parts;</li>
 *   <li>{@code epoch}: one epoch through the fold ({@link Training}), as the command line's
 *       {@code csv:} defaults train: a {@code width-32-3} network (ReLU, softmax), Adam 0.001,
 *       batches of 32.</li>
 * </ul>
 *
 * <p>The data: {@value #ROWS} rows of {@code width} features, each {@code %.3f} of a uniform number
 * from a fixed seed, and a label {@code row % 3}, with a header; about 12 MB of text per 1,000
 * columns. Run it as the other benchmarks: {@code java -jar examples/target/benchmarks.jar WideCsvBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class WideCsvBench {

    /** Rows of the file. */
    static final int ROWS = 2000;

    /** Creates the benchmark; JMH calls it. */
    public WideCsvBench() {
    }

    /** The text of the file, the examples read from it and the prepared training part. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Features per row. */
        @Param({"1000", "10000"})
        public int width;
        /** The CSV text. */
        String text;
        /** The examples as read. */
        LabelledData read;
        /** The standardised examples to train on. */
        Dataset train;

        /** Creates the state; JMH calls it. */
        public Data() {
        }

        /** Writes the text, reads it and prepares the training part. */
        @Setup(Level.Trial)
        public void setUp() {
            text = csv(ROWS, width);
            read = Csv.read(new StringReader(text), "wide.csv", CsvOptions.of());
            train = prepare(read).get(0);
        }
    }

    /**
     * The text of a file of {@code rows} rows of {@code width} features and a label.
     *
     * @param rows the rows after the header
     * @param width the features per row
     * @return the text
     */
    static String csv(int rows, int width) {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder(rows * (width * 6 + 3));
        for (int j = 0; j < width; j++) {
            text.append('x').append(j).append(',');
        }
        text.append("y\n");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                text.append(String.format(Locale.ROOT, "%.3f", random.nextDouble())).append(',');
            }
            text.append(i % 3).append('\n');
        }
        return text.toString();
    }

    /** The command line's preparation: the parts to train on, to validate on and to test on. */
    static Vector<Dataset> prepare(LabelledData data) {
        Split split = Datasets.stratifiedSplit(data.dataset(), data.labels(), Key.of(1), 0.2);
        Split held = Datasets.stratifiedSplit(split.train(), Evaluation.classesOf(split.train().targets()), Key.of(2), 0.1);
        Standardization s = Standardization.fit(held.train().features());
        return Vector.of(s.apply(held.train()), s.apply(held.test()), s.apply(split.test()));
    }

    /**
     * Reads the file.
     *
     * @param d the data
     * @return the examples
     */
    @Benchmark
    public LabelledData read(Data d) {
        return Csv.read(new StringReader(d.text), "wide.csv", CsvOptions.of());
    }

    /**
     * Splits and standardises the examples read.
     *
     * @param d the data
     * @return the three parts
     */
    @Benchmark
    public Vector<Dataset> prepare(Data d) {
        return prepare(d.read);
    }

    /**
     * Trains one epoch from a fresh network.
     *
     * @param d the data
     * @return the state after the epoch
     */
    @Benchmark
    public TrainState<?> epoch(Data d) {
        Network network = Network.of(Shape.of(d.width), Vector.of(
                Initializers.dense(Key.of(3), Initializers.heUniform(), d.width, 32, Activations.relu()),
                Initializers.dense(Key.of(4), Initializers.glorotUniform(), 32, 3, Activations.softmax())));
        Batching batching = Batching.miniBatches(32);
        var adam = Optimizers.adam(0.001);
        var initial = Training.init(network, adam, Key.of(5), d.train, batching);
        var transition = Training.transition(d.train, batching, Losses.softmaxCrossEntropy(), adam);
        int steps = (d.train.size() + 31) / 32;
        var state = initial;
        for (int k = 0; k < steps; k++) {
            state = transition.apply(state);
        }
        return state;
    }
}
