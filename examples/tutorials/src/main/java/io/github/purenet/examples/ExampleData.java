package io.github.purenet.examples;

import io.github.purenet.data.Dataset;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import java.io.InputStream;

/**
 * The data sets shipped with the examples, read from the class path by the library's CSV reader
 * ({@code purenet-io}), as {@code --data iris} and {@code --data digits} of the command line read
 * them: files are read in the examples and in {@code purenet-io}, never in the library's core.
 * Attribution and licences are in {@code data/README.md} beside them.
 */
final class ExampleData {

    private static final String SHIPPED = "/io/github/purenet/examples/data/";

    private ExampleData() {
    }

    /**
     * Fisher's Iris data: 150 rows of 4 features, one-hot targets of 3 classes.
     *
     * @return the data set
     */
    static Dataset iris() {
        // scikit-learn's iris.csv: line 1 is "150,4,setosa,versicolor,virginica", read as a header
        return shipped("iris.csv", CsvOptions.of());
    }

    /**
     * The UCI handwritten digits, 8x8: 1797 rows of 64 pixels scaled from 0..16 to 0..1, one-hot
     * targets of 10 classes.
     *
     * @return the data set
     */
    static Dataset digits() {
        return shipped("digits.csv.gz", CsvOptions.of().withHeader(false).withScale(1.0 / 16.0));
    }

    private static Dataset shipped(String name, CsvOptions options) {
        InputStream in = ExampleData.class.getResourceAsStream(SHIPPED + name);
        if (in == null) {
            throw new IllegalStateException(name + ": missing from the class path");
        }
        return Csv.read(in, name, options).dataset();
    }
}
