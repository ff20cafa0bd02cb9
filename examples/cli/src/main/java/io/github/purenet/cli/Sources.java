package io.github.purenet.cli;

import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.io.Idx;
import io.github.purenet.io.LabelledData;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the data a {@link DataSpec} names, through the library's readers ({@code purenet-io}): the
 * shipped data sets from the class path, MNIST's IDX files from a directory, a CSV file.
 *
 * <p>A problem with a file is the library's {@link io.github.purenet.io.DataException}, naming the
 * file, line, column and value; {@link Purenet} reports it as a data error (exit code 1). Only the
 * problems of the command line's own making (a missing MNIST directory or file) are
 * {@link CliException}s here.
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
    public record Loaded(LabelledData train, Option<LabelledData> test) {
    }

    /**
     * Reads the data a specification names.
     *
     * @param spec the data
     * @param labelColumn the label's column of a CSV file (a name or a number from 1), none for the last
     * @return the examples
     * @throws io.github.purenet.io.DataException naming the file and the problem
     * @throws CliException naming the MNIST directory and the file it lacks
     */
    public static Loaded load(DataSpec spec, Option<String> labelColumn) {
        switch (spec.kind()) {
            case IRIS:
                // scikit-learn's iris.csv: line 1 is "150,4,setosa,versicolor,virginica", read as a header
                return new Loaded(shipped("iris.csv", CsvOptions.of()), Option.none());
            case DIGITS:
                // 64 pixels in 0..16, scaled to [0, 1], then the digit; no header
                return new Loaded(shipped("digits.csv.gz", CsvOptions.of().withHeader(false).withScale(1.0 / 16.0)),
                        Option.none());
            case MNIST:
                return mnist(spec.path().get());
            default:
                CsvOptions options = labelColumn.map(CsvOptions.of()::withLabelColumn).getOrElse(CsvOptions.of());
                return new Loaded(Csv.read(spec.path().get(), options), Option.none());
        }
    }

    private static LabelledData shipped(String name, CsvOptions options) {
        InputStream in = Sources.class.getResourceAsStream(SHIPPED + name);
        if (in == null) {
            throw CliException.data(name + ": missing from the program's class path");
        }
        return Csv.read(in, name, options);
    }

    private static Loaded mnist(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw CliException.data("mnist:" + directory + ": " + (Files.exists(directory) ? "not a directory"
                    : "no such directory") + "; it should hold " + MNIST_FILES.mkString(", ") + " (each raw or .gz)");
        }
        Vector<Path> files = MNIST_FILES.map(name -> find(directory, name));
        return new Loaded(Idx.read(files.get(0), files.get(1)), Option.some(Idx.read(files.get(2), files.get(3))));
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

    /**
     * Refuses an example whose class is not one of the first {@code classes}, naming the file, the
     * place and the label.
     *
     * @param data the examples
     * @param classes the number of classes; valid labels are {@code 0 .. classes - 1}
     * @param whose whose classes they are, such as {@code "the model"}
     * @return the examples
     * @throws CliException (data) naming the first example outside the range
     */
    static LabelledData requireLabelsBelow(LabelledData data, int classes, String whose) {
        int i = data.labels().indexWhere(l -> l >= classes);
        if (i >= 0) {
            throw CliException.data(data.source() + " " + data.place(i) + ": label "
                    + data.classNames().get(data.labels().get(i)) + " is out of range: " + whose + " has classes 0.."
                    + (classes - 1));
        }
        return data;
    }
}
