package io.github.purenet.io;

import static io.github.purenet.io.CsvErrorsTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX files of MNIST: images and labels, raw or gzip, from files and streams, with the image
 * shape kept; and every header field checked with exact arithmetic, one test per field, so that
 * sizes such as {@code 0xFFFFFFFF x 0xFFFFFFFF} pixels are refused instead of overflowing.
 */
class IdxTest {

    @TempDir
    Path dir;

    /** An IDX label file: magic, count, then the labels. */
    static byte[] labels(int magic, int count, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** An IDX image file: magic, count, rows, columns, then the given pixels. */
    static byte[] images(int magic, int count, int rows, int columns, int... pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(columns);
        for (int p : pixels) {
            b.put((byte) p);
        }
        return b.array();
    }

    static LabelledData read(byte[] images, byte[] labels) {
        return Idx.read(new ByteArrayInputStream(images), "images", new ByteArrayInputStream(labels), "labels");
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

    /** Two images of 2x3 pixels: 0, 51, 102 / 153, 204, 255 and 255, 0, ... */
    private static final byte[] TWO_IMAGES = images(Idx.IMAGES, 2, 2, 3, 0, 51, 102, 153, 204, 255,
            255, 0, 0, 0, 0, 1);
    private static final byte[] TWO_LABELS = labels(Idx.LABELS, 2, 7, 2);

    @Test
    void imagesAreRowsOfPixelsScaledTo01WithTheirShapeKept() {
        LabelledData d = read(TWO_IMAGES, TWO_LABELS);
        assertEquals(Matrix.of(new double[][] {{0, 0.2, 0.4, 0.6, 0.8, 1}, {1, 0, 0, 0, 0, 1 / 255.0}}), d.features().matrix());
        assertEquals(Vector.of(7, 2), d.labels());
        assertEquals(Vector.of("0", "1", "2", "3", "4", "5", "6", "7"), d.classNames());
        assertEquals(Option.some(new ImageShape(2, 3)), d.imageShape());
        assertEquals(Vector.of("pixel (0, 0)", "pixel (0, 1)", "pixel (0, 2)", "pixel (1, 0)", "pixel (1, 1)",
                "pixel (1, 2)"), d.featureNames());
        assertEquals("labels", d.source());
        assertEquals("item 1 (from 0)", d.place(1));
        assertEquals("LabelledData[labels: 2 examples, 6 features (2x3), 8 classes]", d.toString());
    }

    @Test
    void rawAndGzipFilesMayBeMixedAndGzipIsFoundByItsBytesToo() throws IOException {
        Path images = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(TWO_IMAGES));
        Path labels = Files.write(dir.resolve("train-labels-idx1-ubyte"), TWO_LABELS);
        Path gzipWithoutItsName = Files.write(dir.resolve("labels-without-gz"), gzip(TWO_LABELS));
        LabelledData expected = read(TWO_IMAGES, TWO_LABELS);
        assertEquals(expected.features(), Idx.read(images, labels).features());
        assertEquals(expected.labels(), Idx.read(images, gzipWithoutItsName).labels());
        assertEquals(labels.toString(), Idx.read(images, labels).source());
    }

    @Test
    void theMagicNumberIsChecked() {
        refused("images: magic number 0x00000801, expected 0x00000803 (IDX images); are the image and label files "
                + "swapped?", () -> read(TWO_LABELS, TWO_LABELS));
        refused("labels: magic number 0x00000803, expected 0x00000801 (IDX labels); are the image and label files "
                + "swapped?", () -> read(TWO_IMAGES, TWO_IMAGES));
        refused("images: magic number 0x89504e47, expected 0x00000803 (IDX images)",
                () -> read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, TWO_LABELS));
    }

    @Test
    void theImageCountIsCheckedAsAnUnsignedNumber() {
        // a stream's size is not known before it is read, so the count is refused by itself
        refused("images: the header says 4294967295 images of 2x3 pixels, more than 2,147,483,647 images, the most a "
                + "data set can hold", () -> read(with(TWO_IMAGES, 4, -1), TWO_LABELS));
        refused("images: the header says 0 images of 2x3 pixels, expected at least one image of at least one pixel",
                () -> read(with(TWO_IMAGES, 4, 0), TWO_LABELS));
        refused("images: 6 bytes more than the header's 1 images of 2x3 pixels (6 bytes after the header)",
                () -> read(with(TWO_IMAGES, 4, 1), labels(Idx.LABELS, 1, 3)));
    }

    @Test
    void theRowsAreCheckedAsAnUnsignedNumber() {
        refused("images: the header says 2 images of 4294967295x3 pixels, more than 2,147,483,647 pixels an image",
                () -> read(with(TWO_IMAGES, 8, -1), TWO_LABELS));
        refused("images: the header says 2 images of 0x3 pixels, expected at least one image of at least one pixel",
                () -> read(with(TWO_IMAGES, 8, 0), TWO_LABELS));
    }

    @Test
    void theColumnsAreCheckedAsAnUnsignedNumber() {
        refused("images: the header says 2 images of 2x4294967295 pixels, more than 2,147,483,647 pixels an image",
                () -> read(with(TWO_IMAGES, 12, -1), TWO_LABELS));
        refused("images: truncated: the header says 2 images of 2x4 pixels (16 bytes after the header), but the file "
                + "has 12", () -> read(with(TWO_IMAGES, 12, 4), TWO_LABELS));
    }

    @Test
    void rowsTimesColumnsThatOverflowEvenALongAreRefused() {
        // 0xFFFFFFFF² is 2^64 - 2^33 + 1: a long product would wrap around to a negative number
        refused("images: the header says 2 images of 4294967295x4294967295 pixels, more than 2,147,483,647 pixels "
                + "an image", () -> read(with(with(TWO_IMAGES, 8, -1), 12, -1), TWO_LABELS));
        // 65536 x 65536 = 2^32 pixels: fits in a long, not in an int
        refused("images: the header says 2 images of 65536x65536 pixels, more than 2,147,483,647 pixels an image",
                () -> read(with(with(TWO_IMAGES, 8, 65536), 12, 65536), TWO_LABELS));
    }

    @Test
    void theLabelCountIsCheckedAsAnUnsignedNumber() {
        refused("labels: the header says 4294967295 labels, more than 2,147,483,647 labels, the most a data set can "
                + "hold", () -> read(TWO_IMAGES, with(TWO_LABELS, 4, -1)));
        refused("labels: the header says 0 labels, expected at least one", () -> read(TWO_IMAGES,
                with(TWO_LABELS, 4, 0)));
        refused("images has 2 images but labels has 1 labels", () -> read(TWO_IMAGES, labels(Idx.LABELS, 1, 3)));
    }

    @Test
    void truncatedHeadersAndEmptyFiles() {
        refused("images: truncated: 0 bytes, shorter than the 16-byte header of an IDX image file",
                () -> read(new byte[0], TWO_LABELS));
        refused("images: truncated: 12 bytes, shorter than the 16-byte header of an IDX image file",
                () -> read(Arrays.copyOf(TWO_IMAGES, 12), TWO_LABELS));
        refused("labels: truncated: 6 bytes, shorter than the 8-byte header of an IDX label file",
                () -> read(TWO_IMAGES, Arrays.copyOf(TWO_LABELS, 6)));
    }

    @Test
    void filesThatCannotBeReadNameTheFile() throws IOException {
        Path labels = Files.write(dir.resolve("labels"), TWO_LABELS);
        Path missing = dir.resolve("missing-images");
        refused(missing + ": no such file", () -> Idx.read(missing, labels));
        byte[] gz = gzip(TWO_IMAGES);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, 20));
        refused(cut + ": truncated gzip data", () -> Idx.read(cut, labels));
    }

    @Test
    void aFilesBodyIsCheckedAgainstItsSizeBeforeItIsRead() throws IOException {
        Path labels = Files.write(dir.resolve("labels"), TWO_LABELS);
        // 2^31 images of 28x28: 1,683,627,180,032 bytes, computed exactly, against the 12 the file has
        Path images = Files.write(dir.resolve("images"), with(with(with(TWO_IMAGES, 4, 1 << 31), 8, 28), 12, 28));
        refused(images + ": truncated: the header says 2147483648 images of 28x28 pixels (1683627180032 bytes after "
                + "the header), but the file has 12", () -> Idx.read(images, labels));
        // 0xFFFFFFFF labels: 4,294,967,295 bytes, more than an int, against the file's 2
        Path manyLabels = Files.write(dir.resolve("many-labels"), with(TWO_LABELS, 4, -1));
        refused(manyLabels + ": truncated: the header says 4294967295 labels (4294967295 bytes after the header), but "
                + "the file has 2", () -> Idx.read(Files.write(dir.resolve("i"), TWO_IMAGES), manyLabels));
    }

    @Test
    void aGzipHeaderClaiming2To31ImagesIsRefusedBeforeItsBodyIsRead() {
        byte[] header = with(with(with(TWO_IMAGES, 4, 1 << 31), 8, 28), 12, 28);
        CountingStream in = new CountingStream(gzip(withNoise(header, 2 << 20)));
        refused("images.gz: the header says 2147483648 images of 28x28 pixels, more than 2,147,483,647 images, the "
                + "most a data set can hold", () -> Idx.read(in, "images.gz", new ByteArrayInputStream(TWO_LABELS),
                "labels"));
        assertTrue(in.read < 1 << 19, "read " + in.read + " bytes of the 2 MB gzip");
    }

    @Test
    void aGzipHeaderClaimingMoreThanMemoryHoldsIsRefusedBeforeItsBodyIsRead() {
        // 2^31 - 1 images of 28x28: 2 bytes a pixel while read (the body and a table of levels), 3.4 TB
        byte[] header = with(with(with(TWO_IMAGES, 4, Integer.MAX_VALUE), 8, 28), 12, 28);
        byte[] labelHeader = with(TWO_LABELS, 4, Integer.MAX_VALUE);
        CountingStream in = new CountingStream(gzip(withNoise(header, 2 << 20)));
        DataException e = assertThrows(DataException.class, () -> Idx.read(in, "images.gz",
                new ByteArrayInputStream(labelHeader), "labels"));
        assertTrue(e.getMessage().startsWith("images.gz: the header says 2147483647 images of 28x28 pixels, "
                + "1,683,627,179,248 numbers that need 3.4 TB of memory to read, more than the "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" that this Java may use (its -Xmx)"), e.getMessage());
        assertTrue(in.read < 1 << 19, "read " + in.read + " bytes of the 2 MB gzip");
    }

    @Test
    void bytesAfterTheBodyOfAStreamAreCountedWithoutKeepingThem() {
        byte[] longer = Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length + 100_000);
        refused("images: 100000 bytes more than the header's 2 images of 2x3 pixels (12 bytes after the header)",
                () -> read(gzip(longer), TWO_LABELS));
        refused("images: truncated: the header says 2 images of 2x3 pixels (12 bytes after the header), but the file "
                + "has 7", () -> read(gzip(Arrays.copyOf(TWO_IMAGES, 23)), TWO_LABELS));
    }

    /** The bytes followed by {@code n} bytes that gzip cannot compress. */
    private static byte[] withNoise(byte[] bytes, int n) {
        byte[] noise = Arrays.copyOf(bytes, bytes.length + n);
        new java.util.SplittableRandom(1).ints(n, 0, 256).forEach(new java.util.function.IntConsumer() {
            private int i = bytes.length;

            @Override
            public void accept(int b) {
                noise[i++] = (byte) b;
            }
        });
        return noise;
    }

    /** A stream of bytes that counts how many were read from it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    /** The bytes with the big-endian int at an offset replaced. */
    private static byte[] with(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }
}
