package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.data.Dataset;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link Dataset}s: features uniform in a range and targets of a {@link TargetKind},
 * with numbers of rows, feature columns and target columns in configured ranges; made by
 * {@link Generators#datasets()}.
 *
 * <pre>{@code
 * Generators.datasets().rows(10, 100).inputs(4, 4).classification().outputs(3, 3);  // 3 classes, one-hot
 * Generators.datasets().fitting(network);                                           // data for this network
 * }</pre>
 *
 * <p>By default: 1 to 16 rows, 1 to 8 feature columns, 1 to 4 target columns, features in
 * {@code [-1, 1]}, {@link TargetKind#REAL} targets. The generation size bounds the numbers of rows
 * and columns: at size 1 each is the least allowed. Shrinking keeps the first rows and columns
 * (the least number, then one fewer), then makes features and targets simpler (see
 * {@link TargetKind}).
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class DatasetGenerator extends Generator<Dataset> {

    private final int minRows;
    private final int maxRows;
    private final int minInputs;
    private final int maxInputs;
    private final int minOutputs;
    private final int maxOutputs;
    private final double low;
    private final double high;
    private final TargetKind targets;

    DatasetGenerator(int minRows, int maxRows, int minInputs, int maxInputs, int minOutputs, int maxOutputs,
            double low, double high, TargetKind targets) {
        super(Dataset.class);
        Values.requireRange("rows", minRows, maxRows, 1);
        Values.requireRange("inputs", minInputs, maxInputs, 1);
        Values.requireRange("outputs", minOutputs, maxOutputs, 1);
        Values.requireRange("values", low, high);
        this.minRows = minRows;
        this.maxRows = maxRows;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
        this.low = low;
        this.high = high;
        this.targets = Objects.requireNonNull(targets, "targets is null");
    }

    /**
     * @param min the least number of rows (examples), at least 1
     * @param max the most rows
     * @return this generator with that many rows
     */
    public DatasetGenerator rows(int min, int max) {
        return new DatasetGenerator(min, max, minInputs, maxInputs, minOutputs, maxOutputs, low, high, targets);
    }

    /**
     * @param min the least number of feature columns, at least 1
     * @param max the most feature columns
     * @return this generator with that many feature columns
     */
    public DatasetGenerator inputs(int min, int max) {
        return new DatasetGenerator(minRows, maxRows, min, max, minOutputs, maxOutputs, low, high, targets);
    }

    /**
     * @param min the least number of target columns (classes, for one-hot targets), at least 1
     * @param max the most target columns
     * @return this generator with that many target columns
     */
    public DatasetGenerator outputs(int min, int max) {
        return new DatasetGenerator(minRows, maxRows, minInputs, maxInputs, min, max, low, high, targets);
    }

    /**
     * @param network a network
     * @return this generator with exactly the network's inputs and outputs as feature and target columns
     */
    public DatasetGenerator fitting(Network network) {
        Objects.requireNonNull(network, "network is null");
        return inputs(network.inputs(), network.inputs()).outputs(network.outputs(), network.outputs());
    }

    /**
     * @param low the least feature, finite
     * @param high the bound of the features, at least {@code low}
     * @return this generator with features uniform in {@code [low, high)}
     */
    public DatasetGenerator values(double low, double high) {
        return new DatasetGenerator(minRows, maxRows, minInputs, maxInputs, minOutputs, maxOutputs, low, high, targets);
    }

    /**
     * @param kind the kind of the targets
     * @return this generator with targets of that kind
     */
    public DatasetGenerator targets(TargetKind kind) {
        return new DatasetGenerator(minRows, maxRows, minInputs, maxInputs, minOutputs, maxOutputs, low, high, kind);
    }

    /** @return this generator with one-hot targets, one column per class: {@code targets(TargetKind.ONE_HOT)} */
    public DatasetGenerator classification() {
        return targets(TargetKind.ONE_HOT);
    }

    @Override
    public Dataset generate(SourceOfRandomness random, GenerationStatus status) {
        int rows = Values.count(random, minRows, maxRows, status.size());
        int inputs = Values.count(random, minInputs, maxInputs, status.size());
        int outputs = Values.count(random, minOutputs, maxOutputs, status.size());
        return new Dataset(Values.uniform(random, rows, inputs, low, high), targets.draw(random, rows, outputs));
    }

    @Override
    public List<Dataset> doShrink(SourceOfRandomness random, Dataset larger) {
        Vector<Dataset> candidates = Vector.empty();
        int rows = larger.size();
        if (rows > minRows) {
            candidates = candidates.append(larger.rows(Vector.range(0, minRows)))
                    .append(larger.rows(Vector.range(0, rows - 1)));
        }
        int inputs = larger.features().matrix().columns();
        if (inputs > minInputs) {
            candidates = candidates.append(new Dataset(Values.firstColumns(larger.features().matrix(), minInputs),
                    larger.targets().matrix())).append(new Dataset(Values.firstColumns(larger.features().matrix(), inputs - 1),
                    larger.targets().matrix()));
        }
        int outputs = larger.targets().matrix().columns();
        if (outputs > minOutputs) {
            candidates = candidates.append(new Dataset(larger.features().matrix(), targets.firstColumns(larger.targets().matrix(),
                    minOutputs))).append(new Dataset(larger.features().matrix(), targets.firstColumns(larger.targets().matrix(),
                    outputs - 1)));
        }
        candidates = candidates
                .appendAll(Values.simpler(larger.features().matrix(), low, high).map(x -> new Dataset(x, larger.targets().matrix())))
                .appendAll(targets.simpler(larger.targets().matrix()).map(y -> new Dataset(larger.features().matrix(), y)));
        return candidates.distinct().filter(d -> !d.equals(larger)).toJavaList();
    }

    @Override
    public String toString() {
        return "datasets().rows(" + minRows + ", " + maxRows + ").inputs(" + minInputs + ", " + maxInputs
                + ").outputs(" + minOutputs + ", " + maxOutputs + ").values(" + low + ", " + high + ").targets("
                + targets + ")";
    }
}
