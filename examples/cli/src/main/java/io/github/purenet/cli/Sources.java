package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.io.Idx;
import io.github.purenet.io.ImageShape;
import io.github.purenet.io.LabelledData;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
                // 64 pixels in 0..16, scaled to [0, 1], then the digit; no header; each an 8x8 image, row by row
                LabelledData digits = shipped("digits.csv.gz", CsvOptions.of().withHeader(false).withScale(1.0 / 16.0));
                return new Loaded(new LabelledData(digits.source(), digits.features(), digits.labels(),
                        digits.classNames(), digits.featureNames(), digits.lines(), Option.some(new ImageShape(8, 8))),
                        Option.none());
            case MNIST:
                return mnist(spec.path().get());
            default:
                CsvOptions options = labelColumn.map(CsvOptions.of()::withLabelColumn).getOrElse(CsvOptions.of());
                return new Loaded(Csv.read(spec.path().get(), options), Option.none());
        }
    }

    /**
     * Reads the data a specification names, as {@link #load}, saying what was being read if the
     * memory runs out.
     *
     * @param spec the data
     * @param labelColumn the label's column of a CSV file, none for the last
     * @return the examples
     * @throws CliException {@code "out of memory while reading the data (csv:FILE)"} if the memory ran out
     */
    static Loaded read(DataSpec spec, Option<String> labelColumn) {
        return Heap.during("reading the data (" + spec + ")", () -> load(spec, labelColumn));
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
        // the test files are read on a thread of their own while this one reads the training files;
        // a problem with the training files is still the one reported when both have one
        CompletableFuture<LabelledData> test = CompletableFuture.supplyAsync(() -> Idx.read(files.get(2), files.get(3)),
                task -> {
                    Thread t = new Thread(task, "purenet-read-test");
                    t.setDaemon(true);
                    t.start();
                });
        LabelledData train;
        try {
            train = Idx.read(files.get(0), files.get(1));
        } finally {
            test.exceptionally(e -> null).join(); // finished either way before this returns
        }
        return new Loaded(train, Option.some(joined(test)));
    }

    /** The value of a finished task, or what it threw, as it threw it. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
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
     * @param classes a number of classes
     * @return the names of classes that are numbers: {@code "0"} to {@code classes - 1}
     */
    static Vector<String> numbers(int classes) {
        return Vector.range(0, classes).map(String::valueOf);
    }

    /**
     * The examples with their classes numbered as another's: a model's, or the training data's.
     * Classes are matched by name, so a file with only some of a model's named classes, in any
     * order, gets the model's numbers; class numbers match themselves.
     *
     * @param data the examples as read
     * @param classNames the classes to number them by
     * @param whose whose classes they are, such as {@code "the model"}
     * @return the examples, each label the number of its class among {@code classNames}
     * @throws CliException (data) naming the file, the place and the first label that is not one
     *     of the classes
     */
    static LabelledData inClassesOf(LabelledData data, Vector<String> classNames, String whose) {
        Vector<Integer> number = data.classNames().map(classNames::indexOf);
        int i = data.labels().indexWhere(l -> number.get(l) < 0);
        if (i >= 0) {
            String label = data.classNames().get(data.labels().get(i));
            boolean numbers = classNames.equals(numbers(classNames.size()));
            throw CliException.data(data.source() + " " + data.place(i) + ": label " + (numbers ? Echo.of(label)
                    + " is out of range: " + whose + " has classes 0.." + (classNames.size() - 1)
                    : "'" + Echo.of(label) + "' is not a class of " + whose + ": " + Echo.list(classNames)));
        }
        return new LabelledData(data.source(), data.features(), data.labels().map(number::get), classNames,
                data.featureNames(), data.lines(), data.imageShape());
    }
}
