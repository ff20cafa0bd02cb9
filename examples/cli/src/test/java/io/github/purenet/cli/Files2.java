package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Files for the tests: IDX files, gzip, and snapshots of a directory to prove nothing was written. */
final class Files2 {

    private Files2() {
    }

    /** An IDX label file: magic, count, then the labels. */
    static byte[] idxLabels(int magic, int count, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** An IDX image file: magic, count, rows, columns, then the pixels. */
    static byte[] idxImages(int magic, int count, int rows, int columns, int pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels).putInt(magic).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < pixels; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under a directory with its content. */
    static Map<String, String> snapshot(Path directory) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(directory)) {
            all.forEach(p -> files.put(directory.relativize(p).toString(), Files.isRegularFile(p)
                    ? Json.sha256(read(p)) : "directory"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a directory holds exactly the files it held, with the same contents. */
    static void assertUnchanged(Map<String, String> before, Path directory) {
        assertEquals(before, snapshot(directory), "the files in " + directory);
    }
}
