package io.github.purenet.cli;

import static io.github.purenet.cli.Files2.gzip;
import static io.github.purenet.cli.Files2.idxImages;
import static io.github.purenet.cli.Files2.idxLabels;
import static io.github.purenet.cli.Files2.write;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.purenet.io.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data files end with one line on standard error that names the file, the line or item and the
 * value, exit code 1, no stack trace, and no file written: the existing model file beside them is
 * unchanged, and no other file appears.
 */
class BadDataTest {

    @TempDir
    Path dir;

    private Path keep;
    private Map<String, String> before;

    @BeforeEach
    void anExistingModelFile() {
        keep = write(dir.resolve("model.json"), "keep me");
    }

    private Cli.Result train(String data, String... more) {
        before = Files2.snapshot(dir);
        return Cli.run(Cli.args(new String[] {"train", "--data", data, "--save", keep.toString(),
            "--plot", dir.resolve("p.png").toString(), "--checkpoint-dir", dir.resolve("run").toString()}, more));
    }

    private void refused(Cli.Result result, String... fragments) {
        result.refused(1, fragments);
        Files2.assertUnchanged(before, dir);
    }

    private Path csv(String text) {
        return write(dir.resolve("data.csv"), text);
    }

    /** A directory of MNIST's four files, 3 training and 2 test images of 2x2 pixels, labels 0..2. */
    private Path mnist(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels) throws IOException {
        Path d = Files.createDirectories(dir.resolve("mnist"));
        write(d.resolve("train-images-idx3-ubyte"), trainImages);
        write(d.resolve("train-labels-idx1-ubyte.gz"), gzip(trainLabels)); // raw and gzip may be mixed
        write(d.resolve("t10k-images-idx3-ubyte.gz"), gzip(testImages));
        write(d.resolve("t10k-labels-idx1-ubyte"), testLabels);
        return d;
    }

    private static byte[] images(int count) {
        return idxImages(Idx.IMAGES, count, 2, 2, 4 * count);
    }

    @Test
    void aMissingFile() {
        refused(train("csv:" + dir.resolve("missing.csv")), "missing.csv: no such file");
    }

    @Test
    void aDirectoryWhereAFileShouldBe() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.csv"));
        refused(train("csv:" + sub), "sub.csv: is a directory");
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path file = csv("a,label\n1,0\n2,1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "this user reads files whatever their permissions (root)");
        refused(train("csv:" + file), "data.csv: permission denied");
    }

    @Test
    void aGzipFileThatIsNotGzip() {
        Path file = write(dir.resolve("data.csv.gz"), "a,label\n1,0\n");
        refused(train("csv:" + file), "data.csv.gz: not valid gzip data");
    }

    @Test
    void aCsvLineWithTheWrongNumberOfFields() {
        refused(train("csv:" + csv("a,b,label\n1,2,0\n\n3,4,5,1\n")), "data.csv line 4: 4 fields, expected 3");
    }

    @Test
    void aCsvFieldThatIsNotANumber() {
        refused(train("csv:" + csv("a,b,label\n1,2,0\n3,abc,1\n")), "data.csv line 3, column 'b': 'abc' is not a number");
        refused(train("csv:" + csv("a,b,label\n1,NaN,0\n")), "data.csv line 2, column 'b': 'NaN' is not a finite number");
        refused(train("csv:" + csv("a,b,label\n1,,0\n")), "data.csv line 2, column 'b': empty field");
    }

    @Test
    void aCsvLabelThatIsNotAClassNumber() {
        refused(train("csv:" + csv("a,b,label\n1,2,0\n3,4,2.5\n")),
                "data.csv line 3, column 'label': label '2.5' is not a class number");
    }

    @Test
    void aNegativeLabel() {
        refused(train("csv:" + csv("a,b,label\n1,2,0\n3,4,-1\n")),
                "data.csv line 3, column 'label': label -1 is out of range");
    }

    @Test
    void tooFewExamplesForTheTestSplitSayWhatWouldWork() {
        refused(train("csv:" + csv("a,label\n1,0\n2,1\n")), "/data.csv: 2 examples are too few for "
                + "--test-split 0.2: every class has a single example, so any split puts all of them in one part; give "
                + "at least two examples of some class");
        refused(train("csv:" + csv("a,label\n1,0\n2,0\n3,1\n")), "/data.csv: 3 examples are too few for "
                + "--test-split 0.2: it holds out none of them for testing (round(c × 0.2) of each class of c "
                + "examples); a --test-split from 0.25 to 0.74 would work");
        refused(train("csv:" + csv("a,label\n1,0\n2,0\n3,1\n"), "--test-split", "0.9"), "/data.csv: 3 "
                + "examples are too few for --test-split 0.9: it holds out all of them for testing, none for training "
                + "(round(c × 0.9) of each class of c examples); a --test-split from 0.25 to 0.74 would work");
        refused(train("csv:" + csv("a,label\n1,0\n")), "/data.csv: every label is 0; a classifier needs at "
                + "least two classes");
    }

    @Test
    void aLabelColumnThatIsNotThere() {
        refused(train("csv:" + csv("a,b,label\n1,2,0\n3,4,1\n"), "--label-column", "class"),
                "data.csv: no column 'class' for the labels; its columns are a, b, label (or give a column number "
                        + "from 1 to 3)");
    }

    @Test
    void anIdxFileWithAWrongMagicNumber() throws IOException {
        Path d = mnist(idxLabels(Idx.LABELS, 3, 0, 1, 2), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2),
                idxLabels(Idx.LABELS, 2, 0, 1));
        refused(train("mnist:" + d), "train-images-idx3-ubyte: magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void anIdxFileWithATruncatedBody() throws IOException {
        byte[] truncated = Arrays.copyOf(images(3), 16 + 7);
        Path d = mnist(truncated, idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2), idxLabels(Idx.LABELS, 2, 0, 1));
        refused(train("mnist:" + d), "train-images-idx3-ubyte: truncated: the header says 3 images of 2x2 pixels "
                + "(12 bytes after the header), but the file has 7");
    }

    @Test
    void aTruncatedGzipFile() throws IOException {
        Path d = mnist(images(3), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2), idxLabels(Idx.LABELS, 2, 0, 1));
        Path gz = d.resolve("t10k-images-idx3-ubyte.gz");
        write(gz, Arrays.copyOf(Files.readAllBytes(gz), 20));
        refused(train("mnist:" + d), "t10k-images-idx3-ubyte.gz: truncated gzip data");
    }

    @Test
    void whenTheTrainingAndTestFilesAreBothBadTheTrainingFilesProblemIsReported() throws IOException {
        // the test files are read on a thread of their own, at the same time as the training files
        Path d = mnist(Arrays.copyOf(images(3), 16 + 7), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2),
                idxLabels(Idx.LABELS, 2, 0, 1));
        Path gz = d.resolve("t10k-images-idx3-ubyte.gz");
        write(gz, Arrays.copyOf(Files.readAllBytes(gz), 20));
        for (int run = 0; run < 5; run++) {
            refused(train("mnist:" + d), "train-images-idx3-ubyte: truncated: the header says 3 images of 2x2 pixels");
        }
    }

    @Test
    void imagesAndLabelsOfDifferentCounts() throws IOException {
        Path d = mnist(images(3), idxLabels(Idx.LABELS, 2, 0, 1), images(2), idxLabels(Idx.LABELS, 2, 0, 1));
        refused(train("mnist:" + d), "train-images-idx3-ubyte has 3 images but ", "train-labels-idx1-ubyte.gz has 2 "
                + "labels");
    }

    @Test
    void aTestLabelOutOfTheTrainingClasses() throws IOException {
        Path d = mnist(images(3), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2), idxLabels(Idx.LABELS, 2, 1, 7));
        refused(train("mnist:" + d), "t10k-labels-idx1-ubyte item 1 (from 0): label 7 is out of range: the training "
                + "data has classes 0..2");
    }

    @Test
    void aMissingIdxFile() throws IOException {
        Path d = mnist(images(3), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2), idxLabels(Idx.LABELS, 2, 0, 1));
        Files.delete(d.resolve("t10k-labels-idx1-ubyte"));
        refused(train("mnist:" + d), "missing t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz)");
        refused(train("mnist:" + dir.resolve("nowhere")), "nowhere: no such directory");
    }

    @Test
    void aLabelThatTheModelDoesNotHave() {
        Path model = dir.resolve("iris.json");
        Cli.run("train", "--data", "iris", "--epochs", "1", "--save", model.toString()).ok();
        Path data = csv("a,b,c,d,label\n1,2,3,4,0\n1,2,3,4,2\n5,6,7,8,3\n");
        before = Files2.snapshot(dir);
        refused(Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + data),
                "data.csv line 4: label 3 is out of range: the model has classes 0..2");
        refused(Cli.run("evaluate", "--model", model.toString(), "--data", "digits"),
                "digits.csv.gz line 4: label 3 is out of range: the model has classes 0..2");
    }

    @Test
    void aClassNameThatTheModelDoesNotHave() {
        Path model = dir.resolve("named.json");
        Path data = csv("a,b,species\n1,2,cat\n1,3,cat\n2,1,dog\n3,1,dog\n5,5,cat\n6,1,dog\n");
        Cli.run("train", "--data", "csv:" + data, "--epochs", "1", "--test-split", "0.5", "--save", model.toString())
                .ok();
        Path other = write(dir.resolve("other.csv"), "a,b,species\n1,2,dog\n1,3,cow\n");
        Path numbers = write(dir.resolve("numbers.csv"), "a,b,species\n1,2,0\n");
        before = Files2.snapshot(dir);
        refused(Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + other),
                "other.csv line 3: label 'cow' is not a class of the model: cat, dog");
        refused(Cli.run("evaluate", "--model", model.toString(), "--data", "csv:" + numbers),
                "numbers.csv line 2: label '0' is not a class of the model: cat, dog");
    }

    @Test
    void aMnistFormatDataSetOfAnyShapeTrainsAndEvaluates() throws IOException {
        Path d = mnist(images(3), idxLabels(Idx.LABELS, 3, 0, 1, 2), images(2), idxLabels(Idx.LABELS, 2, 0, 2));
        Path model = dir.resolve("tiny.json");
        Cli.run("train", "--data", "mnist:" + d, "--layers", "3", "--epochs", "2", "--save", model.toString()).ok();
        Cli.run("evaluate", "--model", model.toString(), "--data", "mnist:" + d).ok();
    }
}
