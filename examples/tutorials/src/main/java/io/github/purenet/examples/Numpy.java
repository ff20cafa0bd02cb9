package io.github.purenet.examples;

import io.github.purenet.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats matrices the way numpy prints them, so that output can be compared with the seeds. */
final class Numpy {

    private Numpy() {
    }

    /**
     * A matrix as numpy prints it with 8 decimals: a row vector as {@code [ 0.1 -0.2]}, anything else
     * as {@code [[...]\n [...]]}.
     */
    static String format(Matrix m) {
        double[][] values = m.toArray();
        boolean anyNegative = Arrays.stream(values).flatMapToDouble(Arrays::stream).anyMatch(x -> x < 0);
        String rows = Arrays.stream(values)
                .map(row -> Arrays.stream(row)
                        .mapToObj(x -> (anyNegative && x >= 0 ? " " : "") + number(x))
                        .collect(Collectors.joining(" ", "[", "]")))
                .collect(Collectors.joining("\n "));
        return values.length == 1 ? rows : "[" + rows + "]";
    }

    /** A number with at most 8 decimals and no trailing zeros, as numpy prints it. */
    private static String number(double x) {
        return String.format(Locale.ROOT, "%.8f", x).replaceAll("0+$", "");
    }
}
