package io.github.purenet.cli;

import static io.github.purenet.cli.Files2.gzip;
import static io.github.purenet.cli.Files2.idxImages;
import static io.github.purenet.cli.Files2.idxLabels;
import static io.github.purenet.cli.Files2.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.io.Idx;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages that the command line's manual shows under "When something is wrong"
 * (docs/command-line.md) are the program's, to the letter: the page's block is this list, and each
 * example runs the command that makes it, in a directory of its own, and compares the whole of
 * standard error, with the directory's path taken out so that files are named as a user in that
 * directory would name them ({@code flowers.csv}, {@code mnist/t10k-images-idx3-ubyte}).
 */
class WhenSomethingIsWrongTest {

    /**
     * A message as README shows it, the exit code, and the command that makes it.
     *
     * @param message the whole line on standard error
     * @param exitCode 1 for files and data, 2 for the command line
     * @param command the arguments, given the directory the example runs in
     */
    record Example(String message, int exitCode, Function<Path, String[]> command) {
    }

    /** The manual's list, in its order. */
    static final List<Example> EXAMPLES = List.of(
            new Example("purenet: flowers.csv line 7: 4 fields, expected 5 as in the header", 1,
                    dir -> train(flowers(dir, 7, "5.0,3.4,1.5,0"))),
            new Example("purenet: flowers.csv line 9, column 'petal_width': 'wide' is not a number", 1,
                    dir -> train(flowers(dir, 9, "5.0,3.4,1.5,wide,0"))),
            new Example("purenet: flowers.csv line 12, column 'species': label -1 is out of range: class numbers are "
                    + "0, 1, 2, ...", 1, dir -> train(flowers(dir, 12, "5.0,3.4,1.5,0.2,-1"))),
            new Example("purenet: flowers.csv: no column 'class' for the labels; its columns are sepal_length, "
                    + "sepal_width, petal_length, petal_width, species (or give a column number from 1 to 5)", 1,
                    dir -> train(flowers(dir, 2, "5.0,3.4,1.5,0.2,0"), "--label-column", "class")),
            new Example("purenet: d.csv: 2 examples are too few for --test-split 0.2: every class has a single "
                    + "example, so any split puts all of them in one part; give at least two examples of some class", 1,
                    dir -> train(write(dir.resolve("d.csv"), "x,label\n1,0\n2,1\n"))),
            new Example("purenet: mnist/train-images-idx3-ubyte.gz: magic number 0x00000801, expected 0x00000803 (IDX "
                    + "images); are the image and label files swapped?", 1,
                    dir -> mnist(dir, gzip(idxLabels(Idx.LABELS, 3, 0, 1, 2)), images(3), labels(2), images(2))),
            new Example("purenet: mnist/t10k-images-idx3-ubyte: truncated: the header says 10000 images of 28x28 "
                    + "pixels (7840000 bytes after the header), but the file has 3000000", 1,
                    dir -> mnist(dir, images(3), labels(3), labels(2),
                            idxImages(Idx.IMAGES, 10_000, 28, 28, 3_000_000))),
            new Example("purenet: mnist/train-images-idx3-ubyte.gz: the header says 2147483648 images of 28x28 pixels, "
                    + "more than 2,147,483,647 images, the most a data set can hold", 1,
                    dir -> mnist(dir, gzip(idxImages(Idx.IMAGES, Integer.MIN_VALUE, 28, 28, 1000)), labels(3),
                            labels(2), images(2))),
            new Example("purenet: mnist/train-images-idx3-ubyte has 60000 images but mnist/train-labels-idx1-ubyte has "
                    + "59999 labels", 1, dir -> mnist(dir, idxImages(Idx.IMAGES, 60_000, 1, 1, 60_000), labels(59_999),
                            labels(2), images(2))),
            new Example("purenet: new.csv line 4: label 3 is out of range: the model has classes 0..2", 1,
                    dir -> new String[] {"evaluate", "--model", model(dir).toString(), "--data", "csv:"
                            + write(dir.resolve("new.csv"), "a,b,c,d,label\n1,2,3,4,0\n1,2,3,4,2\n5,6,7,8,3\n")}),
            new Example("purenet: big.csv line 2, column 'a': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... "
                    + "(10,000,000 characters)' is not a number", 1,
                    dir -> train(write(dir.resolve("big.csv"), "a,label\n" + "x".repeat(10_000_000) + ",0\n1,1\n"))),
            new Example("purenet: --model zeros.json: not valid JSON (byte 1 is 0x00, a control character); is it a "
                    + "model or checkpoint file?", 1, dir -> new String[] {"evaluate", "--model",
                            write(dir.resolve("zeros.json"), new byte[100]).toString(), "--data", "iris"}),
            new Example("purenet: nan.json: the network gives NaN for 30 of the 30 examples (64 of its 131 parameters "
                    + "are not finite: a run that diverged?); the loss and accuracy of NaN predictions mean nothing", 1,
                    dir -> new String[] {"evaluate", "--model", nanModel(dir).toString(), "--data", "iris"}),
            new Example("purenet: --save flowers.csv: the same file as --data csv:flowers.csv, which the run reads; "
                    + "give another file", 2, dir -> train(flowers(dir, 2, "5.0,3.4,1.5,0.2,0"), "--save",
                            dir.resolve("flowers.csv").toString())),
            new Example("purenet: --optimizer: unknown optimizer 'adamax'; expected one of sgd, momentum, nesterov, "
                    + "adagrad, rmsprop, adam, adamw", 2, dir -> new String[] {"train", "--data", "iris", "--optimizer",
                            "adamax"}),
            new Example("purenet: --lr: expected a finite number >= 0, got -0.1", 2,
                    dir -> new String[] {"train", "--data", "iris", "--lr", "-0.1"}),
            new Example("purenet: --residual: needs two or more hidden layers of one width, such as --layers 128,128 "
                    + "(each after the first becomes y = x + f(x)), got --layers 128,64", 2,
                    dir -> new String[] {"train", "--data", "digits", "--layers", "128,64", "--residual"}),
            new Example("purenet: Unknown option: '--lerning-rate'; did you mean --lr? (see purenet train --help)", 2,
                    dir -> new String[] {"train", "--data", "iris", "--lerning-rate", "0.1"}),
            new Example("purenet: run/checkpoint.json: at $.sha256: the content does not match its SHA-256: the file "
                    + "was changed or corrupted", 1, dir -> new String[] {"resume", "--checkpoint",
                            changedCheckpoint(dir).toString()}),
            new Example("purenet: model.json: a purenet network document, not a checkpoint (written by train "
                    + "--checkpoint-dir)", 1, dir -> new String[] {"resume", "--checkpoint", network(dir).toString()}));

    @TempDir
    Path root;

    /** The manual, from this module's directory. */
    private static final Path MANUAL = Path.of("../../docs/command-line.md");

    @Test
    void theManualShowsExactlyTheseMessages() throws IOException {
        List<String> page = Files.readAllLines(MANUAL);
        int heading = page.indexOf("### When something is wrong");
        int open = page.subList(heading, page.size()).indexOf("```") + heading;
        int close = page.subList(open + 1, page.size()).indexOf("```") + open + 1;
        assertEquals(EXAMPLES.stream().map(Example::message).toList(), page.subList(open + 1, close),
                MANUAL + ", the block under \"When something is wrong\"");
    }

    @Test
    void eachMessageThatTheManualShowsIsWhatTheProgramPrints() throws IOException {
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example example = EXAMPLES.get(i);
            Path dir = Files.createDirectory(root.resolve("example" + i));
            Cli.Result result = Cli.run(example.command().apply(dir));
            assertEquals(example.message() + "\n", result.refused(example.exitCode()).err()
                    .replace(dir + File.separator, ""), "example " + i);
        }
    }

    private static String[] train(Path data, String... more) {
        return Cli.args(new String[] {"train", "--data", "csv:" + data}, more);
    }

    /** Twelve lines of flowers with a header, one of them replaced. */
    private static Path flowers(Path dir, int line, String replacement) {
        String text = IntStream.rangeClosed(1, 12).mapToObj(n -> n == 1
                ? "sepal_length,sepal_width,petal_length,petal_width,species"
                : n == line ? replacement : "5.1,3.5,1.4,0.2," + n % 3).collect(Collectors.joining("\n", "", "\n"));
        return write(dir.resolve("flowers.csv"), text);
    }

    private static byte[] images(int count) {
        return idxImages(Idx.IMAGES, count, 2, 2, 4 * count);
    }

    private static byte[] labels(int count) {
        return idxLabels(Idx.LABELS, count, IntStream.range(0, count).map(i -> i % 3).toArray());
    }

    /** MNIST's four files: the training images gzip, the others raw. */
    private static String[] mnist(Path dir, byte[] trainImagesGz, byte[] trainLabels, byte[] testLabels,
            byte[] testImages) {
        Path d = dir.resolve("mnist");
        try {
            Files.createDirectory(d);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean gz = trainImagesGz.length > 2 && trainImagesGz[0] == 0x1f && (trainImagesGz[1] & 0xff) == 0x8b;
        write(d.resolve("train-images-idx3-ubyte" + (gz ? ".gz" : "")), trainImagesGz);
        write(d.resolve("train-labels-idx1-ubyte"), trainLabels);
        write(d.resolve("t10k-images-idx3-ubyte"), testImages);
        write(d.resolve("t10k-labels-idx1-ubyte"), testLabels);
        return new String[] {"train", "--data", "mnist:" + d};
    }

    private static Path model(Path dir) {
        Path model = dir.resolve("iris.json");
        Cli.run("train", "--data", "iris", "--epochs", "1", "--save", model.toString()).ok();
        return model;
    }

    private static Path nanModel(Path dir) {
        try {
            return EvaluateTest.withNaNWeights(model(dir), dir.resolve("nan.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path changedCheckpoint(Path dir) {
        Cli.run("train", "--data", "iris", "--epochs", "1", "--checkpoint-dir", dir.resolve("run").toString()).ok();
        Path file = dir.resolve("run").resolve("checkpoint.json");
        String text = new String(Files2.read(file), java.nio.charset.StandardCharsets.UTF_8);
        return write(file, text.replace("\"seed\" : 42", "\"seed\" : 43"));
    }

    private static Path network(Path dir) {
        String document = Codec.standard().encode(ModelFile.read("m", new String(Files2.read(model(dir)),
                java.nio.charset.StandardCharsets.UTF_8)).network());
        return write(dir.resolve("model.json"), document);
    }
}
