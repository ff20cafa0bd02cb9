package io.github.purenet.cli;

import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file of the shape of the classic wine data (178 examples, 13 features, 3 classes of 59,
 * 71 and 48), which purenet does not ship: three Gaussian classes of moderate overlap, drawn from a
 * key, each feature on a scale of its own (from tenths to hundreds, as the wine data's), the class
 * by name in the last column. The same seed gives the same file.
 *
 * <p>{@code java -cp ... io.github.purenet.cli.WineLike wine.csv} writes it, for measurements.
 */
final class WineLike {

    /** The classes' names and sizes. */
    static final List<String> CLASSES = List.of("barbera", "barolo", "grignolino");
    private static final int[] SIZES = {48, 59, 71};
    private static final int FEATURES = 13;

    /** How far apart the classes' means are, in standard deviations per feature. */
    private static final double SEPARATION = 1.6;

    /** The features whose means differ between the classes, the first ones; the others are noise. */
    private static final int INFORMATIVE = 5;

    private WineLike() {
    }

    /**
     * @param seed the seed of the draws
     * @return the text of the CSV file: a header, then 178 lines
     */
    static String csv(long seed) {
        Key key = Key.of(seed);
        Matrix draws = key.split(3).get(0).normal(CLASSES.size(), FEATURES, 0.0, SEPARATION).value();
        Matrix means = Matrix.of(CLASSES.size(), FEATURES, (c, j) -> j < INFORMATIVE ? draws.get(c, j) : 0.0);
        Matrix scales = key.split(3).get(1).uniform(1, FEATURES, -1.0, 2.5).value(); // powers of ten
        Matrix noise = key.split(3).get(2).normal(178, FEATURES, 0.0, 1.0).value();
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < FEATURES; j++) {
            text.append("f").append(j + 1).append(',');
        }
        text.append("cultivar\n");
        int row = 0;
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int n = 0; n < SIZES[c]; n++, row++) {
                for (int j = 0; j < FEATURES; j++) {
                    double scale = Math.pow(10, Math.floor(scales.get(0, j)));
                    double x = (means.get(c, j) + noise.get(row, j)) * scale + 5 * scale;
                    text.append(String.format(Locale.ROOT, "%.4g", x)).append(',');
                }
                text.append(CLASSES.get(c)).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Writes the file of a seed.
     *
     * @param args the file to write, and the seed (178 if none)
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), csv(args.length > 1 ? Long.parseLong(args[1]) : 178));
    }
}
