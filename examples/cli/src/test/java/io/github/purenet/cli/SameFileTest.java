package io.github.purenet.cli;

import static io.github.purenet.cli.Files2.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that names the same file as another output or as the data the run reads is refused
 * before anything is read or written, naming both options (exit code 2), and no file changes.
 */
class SameFileTest {

    @TempDir
    Path dir;

    private void refused(String[] args, String... fragments) {
        Map<String, String> before = Files2.snapshot(dir);
        Cli.run(args).refused(2, fragments);
        Files2.assertUnchanged(before, dir);
    }

    @Test
    void saveAndPlotOneFile() {
        String png = dir.resolve("out.png").toString();
        refused(new String[] {"train", "--data", "iris", "--save", png, "--plot", png}, "--save", "--plot",
                "the same file as");
    }

    @Test
    void saveOverTheCsvData() {
        Path csv = write(dir.resolve("data.csv"), "a,b,label\n1,2,0\n3,4,1\n");
        refused(new String[] {"train", "--data", "csv:" + csv, "--save", csv.toString()}, "--save", "--data",
                "the run reads");
    }

    @Test
    void saveOverTheCsvDataByAnotherPath() throws IOException {
        Path csv = write(dir.resolve("data.csv"), "a,b,label\n1,2,0\n3,4,1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), csv);
        Files.createDirectory(dir.resolve("sub"));
        refused(new String[] {"train", "--data", "csv:" + dir.resolve("sub").resolve("..").resolve("data.csv"),
            "--save", link.toString()}, "--save", "--data");
    }

    @Test
    void plotOverTheCsvData() {
        Path csv = write(dir.resolve("data.png"), "a,b,label\n1,2,0\n3,4,1\n");
        refused(new String[] {"train", "--data", "csv:" + csv, "--plot", csv.toString()}, "--plot", "--data");
    }

    @Test
    void saveOverAnIdxFileOfMnist() {
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        refused(new String[] {"train", "--data", "mnist:" + dir, "--save", labels.toString()}, "--save", "--data",
                "train-labels-idx1-ubyte.gz");
    }

    @Test
    void saveOverTheCheckpoint() {
        Path run = dir.resolve("run");
        refused(new String[] {"train", "--data", "iris", "--checkpoint-dir", run.toString(), "--save",
            run.resolve("checkpoint.json").toString()}, "--save", "--checkpoint-dir");
    }

    @Test
    void plotOverTheCheckpointOfResume() {
        Path run = dir.resolve("run");
        Cli.run("train", "--data", "iris", "--epochs", "1", "--checkpoint-dir", run.toString()).ok();
        Path checkpoint = run.resolve("checkpoint.json");
        refused(new String[] {"resume", "--checkpoint", checkpoint.toString(), "--epochs", "2", "--save",
            checkpoint.toString()}, "--save", "--checkpoint");
    }

    @Test
    void saveOverTheDataOfResume() {
        Path csv = write(dir.resolve("data.csv"), "a,b,label\n1,2,0\n3,4,1\n1,3,0\n3,5,1\n2,2,0\n4,4,1\n"
                + "1,1,0\n5,4,1\n1,2,0\n3,4,1\n");
        Path run = dir.resolve("run");
        Cli.run("train", "--data", "csv:" + csv, "--epochs", "1", "--test-split", "0.4", "--checkpoint-dir",
                run.toString()).ok();
        refused(new String[] {"resume", "--checkpoint", run.resolve("checkpoint.json").toString(), "--epochs", "2",
            "--save", csv.toString()}, "--save", "--data");
    }
}
