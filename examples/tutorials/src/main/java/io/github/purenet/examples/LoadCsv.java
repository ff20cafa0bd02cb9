package io.github.purenet.examples;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.io.LabelledData;
import io.github.purenet.random.Key;
import java.nio.file.Path;

/**
 * Reads a CSV file of labelled examples with {@code purenet-io} and splits it for training, as
 * docs/data-loading.md shows: {@code LoadCsv flowers.csv species} reads {@code flowers.csv} with
 * its labels in the column named {@code species} (by default, the last column), and prints what it
 * read. A bad file ends with the reader's message, naming the file, line, column and value.
 */
public final class LoadCsv {

    private LoadCsv() {
    }

    /**
     * Reads a file and splits it, 80% for training, each class in the same proportion.
     *
     * @param file a CSV file
     * @param options how to read it, such as {@code CsvOptions.of().withLabelColumn("species")}
     * @return the split of its examples
     */
    static Split readAndSplit(Path file, CsvOptions options) {
        // snippet:read
        LabelledData flowers = Csv.read(file, options);   // options: CsvOptions.of().withLabelColumn("species")
        Dataset data = flowers.dataset(); // the features and one-hot targets, one column per class
        Split split = Datasets.stratifiedSplit(data, flowers.labels(), Key.of(42), 0.2);
        System.out.println(flowers + ", classes " + flowers.classNames().mkString(", "));
        // LabelledData[flowers.csv: 150 examples, 4 features, 3 classes], classes setosa, versicolor, virginica
        // end:read
        return split;
    }

    /**
     * Reads the file given and prints what it holds.
     *
     * @param args the file, then optionally the label's column (by default the last)
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: LoadCsv FILE.csv [LABEL-COLUMN]");
            return;
        }
        CsvOptions options = args.length > 1 ? CsvOptions.of().withLabelColumn(args[1]) : CsvOptions.of();
        Split split = readAndSplit(Path.of(args[0]), options);
        System.out.println(split.train().size() + " examples for training, " + split.test().size() + " for testing");
    }
}
