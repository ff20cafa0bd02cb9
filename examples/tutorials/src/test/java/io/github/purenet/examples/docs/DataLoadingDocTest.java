package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.io.Idx;
import io.github.purenet.io.LabelledData;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/data-loading.md's second snippet: the shipped Iris and digits read from the class path, and
 * MNIST's training set from its directory when the data sets are beside the repository
 * (shared/data/mnist, as the command line's MNIST test reads them).
 */
class DataLoadingDocTest {

    /** Where the MNIST files are when the data sets are beside the repository. */
    private static final Path MNIST = Path.of("../../../shared/data/mnist");

    /** Where the shipped data sets are on the class path. */
    private static final String DATA = "/io/github/purenet/examples/data/";

    /** Stands for a class of the reader's own, beside whose resources the data are. */
    private static final class Example {
    }

    @Test
    void theShippedDataReadFromStreamsAndMnistFromItsFiles() throws IOException {
        try (InputStream in = Example.class.getResourceAsStream(DATA + "digits.csv.gz")) {
            Vector<LabelledData> read = read(in, Files.exists(MNIST.resolve("train-images-idx3-ubyte.gz")) ? MNIST : null);
            assertEquals(150, read.get(0).size());
            assertEquals(Vector.of("0", "1", "2"), read.get(0).classNames()); // scikit-learn's file numbers its classes
            assertEquals(1797, read.get(1).size());
            assertEquals(64, read.get(1).features().columns());
            assertTrue(read.get(1).features().matrix().firstOutside(0.0, 1.0).isEmpty(), "digits scaled to [0, 1]");
            if (read.size() == 3) {
                assertEquals(60_000, read.get(2).size());
                assertEquals(784, read.get(2).features().columns());
            }
        }
    }

    private static Vector<LabelledData> read(InputStream in, Path dir) {
        // snippet:streams
        LabelledData iris = Csv.read(Example.class.getResourceAsStream(DATA + "iris.csv"), "iris.csv", CsvOptions.of());
        LabelledData digits = Csv.read(in, "digits.csv.gz", CsvOptions.of().withHeader(false).withScale(1.0 / 16));
        // end:streams
        if (dir == null) {
            return Vector.of(iris, digits);
        }
        // snippet:mnist
        LabelledData mnist = Idx.read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        mnist.imageShape();   // Some(28x28): pixel (r, c) is feature 28 r + c
        // end:mnist
        assertEquals("Some(28x28)", mnist.imageShape().toString());
        return Vector.of(iris, digits, mnist);
    }
}
