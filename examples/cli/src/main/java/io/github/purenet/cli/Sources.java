package io.github.purenet.cli;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the data a {@link DataSpec} names: the shipped data sets from the class path, MNIST's IDX
 * files from a directory, a CSV file. This is where files are opened; parsing is {@link Csv} and
 * {@link Idx}. A file whose name ends in {@code .gz} is decompressed as it is read.
 *
 * <p>Every problem becomes a {@link CliException} naming the file: missing, unreadable, a
 * directory, not gzip, not UTF-8 text, or malformed as {@link Csv} and {@link Idx} describe.
 */
public final class Sources {

    /** The four files of MNIST, in the order training images, training labels, test images, test labels. */
    public static final Vector<String> MNIST_FILES = Vector.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private static final String SHIPPED = "/io/github/purenet/examples/data/";

    private Sources() {
    }

    /**
     * Examples read from their source: the training examples, and the test examples when the
     * source has a test set of its own.
     *
     * @param train the examples to train on, or all of them when there is no test set
     * @param test the source's own test examples, if it has them
     */
    public record Loaded(Labelled train, Option<Labelled> test) {
    }

    /**
     * Reads the data a specification names.
     *
     * @param spec the data
     * @param labelColumn the label's column of a CSV file (a name or a number from 1), none for the last
     * @return the examples
     * @throws CliException naming the file and the problem
     */
    public static Loaded load(DataSpec spec, Option<String> labelColumn) {
        switch (spec.kind()) {
            case IRIS:
                // scikit-learn's iris.csv: line 1 is "150,4,setosa,versicolor,virginica", read as a header
                return new Loaded(shipped("iris.csv", true, 1.0), Option.none());
            case DIGITS:
                // 64 pixels in 0..16, scaled to [0, 1], then the digit; no header
                return new Loaded(shipped("digits.csv.gz", false, 1.0 / 16.0), Option.none());
            case MNIST:
                return mnist(spec.path().get());
            default:
                Path file = spec.path().get();
                return new Loaded(csv(file, labelColumn), Option.none());
        }
    }

    private static Labelled shipped(String name, boolean header, double scale) {
        InputStream in = Sources.class.getResourceAsStream(SHIPPED + name);
        if (in == null) {
            throw CliException.data(name + ": missing from the program's class path");
        }
        try (BufferedReader reader = reader(name.endsWith(".gz") ? new GZIPInputStream(in) : in)) {
            return Csv.parse(name, reader.lines().iterator(), header, Option.none(), scale);
        } catch (IOException e) {
            throw CliException.data(name + ": cannot read the shipped data: " + e.getMessage(), e);
        }
    }

    private static Labelled csv(Path file, Option<String> labelColumn) {
        try (BufferedReader reader = reader(open(file))) {
            return Csv.parse(file.toString(), reader.lines().iterator(), true, labelColumn, 1.0);
        } catch (UncheckedIOException e) {
            throw failure(file, e.getCause());
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static Loaded mnist(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw CliException.data("mnist:" + directory + ": " + (Files.exists(directory) ? "not a directory"
                    : "no such directory") + "; it should hold " + MNIST_FILES.mkString(", ") + " (each raw or .gz)");
        }
        Vector<Path> files = MNIST_FILES.map(name -> find(directory, name));
        return new Loaded(pair(files.get(0), files.get(1)), Option.some(pair(files.get(2), files.get(3))));
    }

    private static Labelled pair(Path imagesFile, Path labelsFile) {
        Matrix images = Idx.images(imagesFile.toString(), bytes(imagesFile));
        Vector<Integer> labels = Idx.labels(labelsFile.toString(), bytes(labelsFile));
        if (images.rows() != labels.size()) {
            throw CliException.data(imagesFile + " has " + images.rows() + " images but " + labelsFile + " has "
                    + labels.size() + " labels");
        }
        return new Labelled(labelsFile.toString(), images, labels, i -> "item " + i + " (from 0)");
    }

    private static Path find(Path directory, String name) {
        Path raw = directory.resolve(name);
        Path gzip = directory.resolve(name + ".gz");
        if (Files.exists(raw)) {
            return raw;
        }
        if (Files.exists(gzip)) {
            return gzip;
        }
        throw CliException.data("mnist:" + directory + ": missing " + name + " (or " + name + ".gz); MNIST's four files are "
                + MNIST_FILES.mkString(", "));
    }

    private static byte[] bytes(Path file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Opens a file, decompressing it when its name ends in {@code .gz}. */
    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw CliException.data(file + ": is a directory, expected a file");
        }
        InputStream in = Files.newInputStream(file);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** A file error as one line that names the file. */
    static CliException failure(Path file, IOException e) {
        return CliException.data(file + ": " + AtomicFiles.reason(e).getOrElse(() -> "cannot read: " + e.getMessage()), e);
    }
}
