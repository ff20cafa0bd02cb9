package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which data to use, as written after {@code --data}: {@code iris}, {@code digits} (both shipped
 * inside the program), {@code mnist:DIR} (a directory holding the four IDX files of MNIST, or of any
 * data set in that format) or {@code csv:FILE} (a header row, then numeric features and a class
 * number or name per row; see {@link io.github.purenet.io.Csv}).
 *
 * <pre>{@code
 * DataSpec.parse("digits");            // shipped with the program
 * DataSpec.parse("csv:flowers.csv");   // prints as csv:flowers.csv
 * DataSpec.parse("cvs:flowers.csv");   // a usage error: unknown data 'cvs:flowers.csv'; expected ...
 * }</pre>
 *
 * @param kind the kind of data
 * @param path the directory (MNIST) or file (CSV); none for the shipped data sets
 */
public record DataSpec(Kind kind, Option<Path> path) {

    /** The kinds of data, each with the prefix that names it. */
    public enum Kind {
        /** Fisher's Iris data, shipped: 150 flowers, 4 features, 3 classes. */
        IRIS("iris"),
        /** The UCI 8x8 handwritten digits, shipped: 1797 images of 8x8 pixels (8x8x1 for --model), 10 classes. */
        DIGITS("digits"),
        /** Four IDX files in a directory: training and test images and labels. */
        MNIST("mnist"),
        /** A CSV file with a header row. */
        CSV("csv");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** @return the name used on the command line, such as {@code mnist} */
        public String prefix() {
            return prefix;
        }

        /** @return whether the data come with a test set of their own, so need no {@code --test-split} */
        public boolean hasTestSet() {
            return this == MNIST;
        }
    }

    /**
     * Checks that a path is given exactly for the kinds that read files.
     *
     * @param kind the kind of data
     * @param path the directory (MNIST) or file (CSV); none for the shipped data sets
     */
    public DataSpec {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(path, "path is null");
        if (path.isDefined() != (kind == Kind.MNIST || kind == Kind.CSV)) {
            throw new IllegalArgumentException("DataSpec: " + kind + " with path " + path);
        }
    }

    /**
     * Reads a data specification as written on the command line.
     *
     * @param text {@code iris}, {@code digits}, {@code mnist:DIR} or {@code csv:FILE}
     * @return the specification; a relative path stays relative (to the working directory)
     * @throws CliException (usage) naming the text and the accepted forms
     */
    public static DataSpec parse(String text) {
        Objects.requireNonNull(text, "text is null");
        String accepted = "; expected iris, digits, mnist:DIR or csv:FILE";
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? text : text.substring(0, colon);
        for (Kind kind : Kind.values()) {
            if (!kind.prefix().equals(prefix)) {
                continue;
            }
            if (kind == Kind.IRIS || kind == Kind.DIGITS) {
                if (colon >= 0) {
                    throw CliException.usage("--data: '" + Echo.of(text) + "': " + prefix + " is shipped and takes no path"
                            + accepted);
                }
                return new DataSpec(kind, Option.none());
            }
            String path = colon < 0 ? "" : text.substring(colon + 1);
            if (path.isBlank()) {
                throw CliException.usage("--data: '" + Echo.of(text) + "': " + prefix + " needs a "
                        + (kind == Kind.MNIST ? "directory" : "file") + accepted);
            }
            try {
                return new DataSpec(kind, Option.some(Path.of(path)));
            } catch (java.nio.file.InvalidPathException e) {
                throw CliException.usage("--data: '" + Echo.of(text) + "': not a valid path (" + e.getReason() + ")");
            }
        }
        throw CliException.usage("--data: unknown data '" + Echo.of(text) + "'" + accepted);
    }

    /**
     * The same specification with an absolute path, so that it still names the same files when a
     * run is resumed from another directory.
     *
     * @return this specification with its path made absolute and normalised
     */
    public DataSpec absolute() {
        return new DataSpec(kind, path.map(p -> p.toAbsolutePath().normalize()));
    }

    /** @return the specification as written on the command line, such as {@code csv:data/flowers.csv} */
    @Override
    public String toString() {
        return kind.prefix() + path.map(p -> ":" + p).getOrElse("");
    }
}
