package io.github.purenet.examples;

import io.github.purenet.data.Dataset;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The data sets shipped with the examples, read from the class path: files are read here, in the
 * examples, never in the library. Attribution and licences are in {@code data/README.md} beside
 * them.
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
        try (BufferedReader reader = open("data/iris.csv", false)) {
            String[] header = reader.readLine().split(",");
            return labelled(reader, Integer.parseInt(header[1]), header.length - 2, 1.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UCI handwritten digits, 8x8: 1797 rows of 64 pixels scaled from 0..16 to 0..1, one-hot
     * targets of 10 classes.
     *
     * @return the data set
     */
    static Dataset digits() {
        try (BufferedReader reader = open("data/digits.csv.gz", true)) {
            return labelled(reader, 64, 10, 1.0 / 16.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String resource, boolean gzip) throws IOException {
        InputStream in = ExampleData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is missing from the class path");
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }

    /** Lines of {@code columns} features then an integer label; features multiplied by {@code scale}. */
    private static Dataset labelled(BufferedReader reader, int columns, int classes, double scale) {
        double[][] rows = reader.lines()
                .filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        Matrix features = Matrix.of(rows.length, columns, (i, j) -> scale * rows[i][j]);
        Vector<Integer> labels = Vector.of(rows).map(r -> (int) r[columns]);
        return Dataset.classification(features, labels, classes);
    }
}
