package io.github.purenet.examples;

import io.github.purenet.cli.DataSpec;
import io.github.purenet.cli.Labelled;
import io.github.purenet.cli.Sources;
import io.github.purenet.data.Dataset;
import io.vavr.control.Option;

/**
 * The data sets shipped with the examples, read from the class path by the command line's
 * {@link Sources}, so that the examples and {@code --data iris} or {@code --data digits} read the
 * same values: files are read in the examples module, never in the library. Attribution and
 * licences are in {@code data/README.md} beside them.
 */
final class ExampleData {

    private ExampleData() {
    }

    /**
     * Fisher's Iris data: 150 rows of 4 features, one-hot targets of 3 classes.
     *
     * @return the data set
     */
    static Dataset iris() {
        return shipped(DataSpec.Kind.IRIS, 3);
    }

    /**
     * The UCI handwritten digits, 8x8: 1797 rows of 64 pixels scaled from 0..16 to 0..1, one-hot
     * targets of 10 classes.
     *
     * @return the data set
     */
    static Dataset digits() {
        return shipped(DataSpec.Kind.DIGITS, 10);
    }

    private static Dataset shipped(DataSpec.Kind kind, int classes) {
        Labelled examples = Sources.load(new DataSpec(kind, Option.none()), Option.none()).train();
        return Dataset.classification(examples.features(), examples.labels(), classes);
    }
}
