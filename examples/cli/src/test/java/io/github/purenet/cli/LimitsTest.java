package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line refuses before it runs out of memory, in the user's terms: a network too
 * big for the heap (counted exactly, without building it), a model file without end or that is no
 * JSON, a CSV file without line breaks; what it says when the memory runs out anyway; and values
 * echoed cut to a readable length.
 */
class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void layersOfTenBillionWeightsAreRefusedNamingTheOptionTheParametersAndTheBytes() {
        // 4·100000 + 100000 + 100000·100000 + 100000 + 100000·3 + 3, each a double, 5 copies with adam
        Cli.run("train", "--data", "iris", "--layers", "100000,100000").refused(2,
                "--layers 100000,100000: a network of 10,000,900,003 parameters for 4 inputs and 3 classes, which "
                        + "training with adam keeps 5 copies of: 400.0 GB, more than the ",
                " that this Java may use (its -Xmx); choose smaller layers");
    }

    @Test
    void theMemoryOfANetworkIsItsParametersTimesTheCopiesTrainingKeeps() {
        // 784·128 + 128 + 128·10 + 10 = 101,770 parameters; adam: 5 copies of 8 bytes, 4,070,800 bytes
        Architecture a = Architecture.dense(Vector.of(128), "relu");
        Heap.requireFits(a, 784, 10, "adam", 4_070_800);
        CliException e = assertThrows(CliException.class, () -> Heap.requireFits(a, 784, 10, "adam", 4_070_799));
        assertEquals("--layers 128: a network of 101,770 parameters for 784 inputs and 10 classes, which training with "
                + "adam keeps 5 copies of: 4.1 MB, more than the 4.1 MB that this Java may use (its -Xmx); choose "
                + "smaller layers", e.getMessage());
        assertEquals(CliException.USAGE, e.exitCode());
        Heap.requireFits(a, 784, 10, "sgd", 3 * 8 * 101_770); // network, gradients, next network
        assertThrows(CliException.class, () -> Heap.requireFits(a, 784, 10, "momentum", 3 * 8 * 101_770));
    }

    @Test
    void theParametersCountedWithoutBuildingAreThoseOfTheBuiltNetwork() {
        for (Architecture a : Vector.of(Architecture.dense(Vector.of(5), "relu"),
                Architecture.dense(Vector.of(7, 3), "tanh"),
                new Architecture(Vector.of(6, 6, 6), "relu", 0.5, "layer", true),
                new Architecture(Vector.of(4, 9), "sigmoid", 0.0, "batch", false))) {
            assertEquals(a.network(Key.of(1), 11, 3).parameterCount(), a.parameters(11, 3), a.toString());
        }
        // by hand: 11·7 + 7 + 7·3 + 3 + 3·3 + 3
        assertEquals(120, Architecture.dense(Vector.of(7, 3), "tanh").parameters(11, 3));
        // layer norm adds a scale and a shift per unit: 11·6 + 6 + 12, twice 6·6 + 6 + 12, 6·3 + 3
        assertEquals(84 + 2 * 54 + 21, new Architecture(Vector.of(6, 6, 6), "relu", 0.5, "layer", true)
                .parameters(11, 3));
    }

    @Test
    void runningOutOfMemoryNamesWhatWasBeingDone() {
        CliException e = assertThrows(CliException.class, () -> Heap.during("reading the data (csv:big.csv)", () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(e.getMessage().startsWith("out of memory while reading the data (csv:big.csv); this Java may use "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" (-Xmx sets more, as in PURENET_JAVA_OPTS=-Xmx8g purenet ... or java -Xmx8g "
                + "-jar purenet.jar ...)"),
                e.getMessage());
        assertEquals(CliException.DATA, e.exitCode());
    }

    @Test
    void aModelFileOfZerosIsRefusedAtItsFirstByte() throws IOException {
        Path zeros = Files.write(dir.resolve("zeros.json"), new byte[1000]);
        Cli.run("evaluate", "--model", zeros.toString(), "--data", "iris").refused(1,
                "--model " + zeros + ": not valid JSON (byte 1 is 0x00, a control character); is it a model or "
                        + "checkpoint file?");
        Path devZero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(devZero), "no /dev/zero here");
        Cli.run("evaluate", "--model", "/dev/zero", "--data", "iris").refused(1, "--model /dev/zero: not valid JSON");
        Cli.run("resume", "--checkpoint", "/dev/zero").refused(1, "--checkpoint /dev/zero: not valid JSON");
    }

    @Test
    void aDocumentLongerThanTheCapIsRefusedNamingTheFileAndTheCap() throws IOException {
        Path spaces = Files.writeString(dir.resolve("spaces.json"), "{" + " ".repeat(2000) + "}");
        CliException e = assertThrows(CliException.class, () -> AtomicFiles.read("--model", spaces, 1000));
        assertEquals("--model " + spaces + ": longer than 1.0 kB, the most a model or checkpoint file may have; is it "
                + "the right file?", e.getMessage());
        assertEquals("{" + " ".repeat(2000) + "}", AtomicFiles.read("--model", spaces, 2002));
        assertEquals(1L << 30, AtomicFiles.MAX_DOCUMENT_BYTES);
    }

    @Test
    void aCsvFileWithoutLineBreaksIsRefusedAfterTheLongestField() {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        Cli.run("train", "--data", "csv:/dev/zero").refused(1, "/dev/zero line 1: a field longer than 16,777,216 "
                + "characters, the most a field may have; is it a CSV file, with every quote closed?");
    }

    @Test
    void aTenMegabyteCellGivesAShortMessageThatSaysItsLength() throws IOException {
        Path big = Files.writeString(dir.resolve("big.csv"), "a,label\n" + "x".repeat(10_000_000) + ",0\n1,1\n");
        Cli.Result r = Cli.run("train", "--data", "csv:" + big).refused(1, big + " line 2, column 'a': '"
                + "x".repeat(40) + "... (10,000,000 characters)' is not a number");
        assertTrue(r.err().length() < 200 + big.toString().length(), r.err());
    }

    @Test
    void longOptionValuesAreCutInMessages() {
        String longValue = "y".repeat(100_000);
        String cut = "y".repeat(40) + "... (100,000 characters)";
        Cli.run("train", "--data", "iris", "--lr", longValue).refused(2, "'" + cut + "' is not a double");
        Cli.run("train", "--data", "iris", "--optimizer", longValue).refused(2, "--optimizer: unknown optimizer '" + cut
                + "'; expected one of ");
        Cli.run("train", "--data", longValue).refused(2, "--data: unknown data '" + cut + "'");
        Cli.run(longValue).refused(2, "Unknown command: '" + cut + "'");
        for (Cli.Result r : Vector.of(Cli.run("train", "--data", "iris", "--lr", longValue),
                Cli.run("train", "--data", longValue), Cli.run(longValue))) {
            assertTrue(r.err().length() < 300, r.err());
        }
    }
}
