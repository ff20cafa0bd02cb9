package io.github.purenet.io;

import io.github.purenet.data.Table;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the IDX format of MNIST (Y. LeCun, C. Cortes and C. Burges, "The MNIST database of
 * handwritten digits"): a big-endian header, then unsigned bytes. Fashion-MNIST and other data sets
 * in the same format read the same way. A file whose name ends in {@code .gz}, or whose bytes start
 * as gzip's do, is decompressed as it is read.
 *
 * <ul>
 *   <li>Labels: magic number {@code 0x00000801}, the count {@code n}, then {@code n} bytes, each a
 *       class number {@code 0..255}.</li>
 *   <li>Images: magic number {@code 0x00000803}, the count {@code n}, rows, columns, then
 *       {@code n · rows · columns} bytes, image by image, row by row. Pixels are scaled from
 *       {@code 0..255} to {@code [0, 1]} (divided by 255), and the image's shape is kept
 *       ({@link LabelledData#imageShape()}).</li>
 * </ul>
 *
 * <p>Every header field is read as an unsigned 32-bit number and checked with exact arithmetic, so
 * that no size can overflow: a file whose magic number is not the expected one, whose sizes are 0 or
 * too large, or whose body is shorter or longer than its header says, is refused with a
 * {@link DataException} that names the file and the numbers:
 *
 * <pre>
 * train-images-idx3-ubyte.gz: magic number 0x00000801, expected 0x00000803 (IDX images); are the image and label files swapped?
 * t10k-images-idx3-ubyte: truncated: the header says 10000 images of 28x28 pixels (7840000 bytes after the header), but the file has 3000000
 * </pre>
 */
public final class Idx {

    /** The magic number of a file of unsigned bytes with one dimension: labels. */
    public static final int LABELS = 0x00000801;

    /** The magic number of a file of unsigned bytes with three dimensions: images. */
    public static final int IMAGES = 0x00000803;

    private Idx() {
    }

    /**
     * Reads a file of images and the file of their labels, as MNIST's
     * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}.
     *
     * @param images the images' file, raw or gzip
     * @param labels the labels' file, raw or gzip
     * @return one example per image, named by the labels' file; the classes are {@code 0} to the
     *     largest label
     * @throws DataException naming the file and what is wrong with it, or both files if their
     *     counts differ
     */
    public static LabelledData read(Path images, Path labels) {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(labels, "labels is null");
        return pair(bytes(images), images.toString(), bytes(labels), labels.toString());
    }

    /**
     * Reads images and their labels from streams; closes both.
     *
     * @param images the images' bytes, raw or gzip
     * @param imagesSource their name for messages
     * @param labels the labels' bytes, raw or gzip
     * @param labelsSource their name for messages, and the name of the result
     * @return one example per image
     * @throws DataException naming the stream and what is wrong with it
     */
    public static LabelledData read(InputStream images, String imagesSource, InputStream labels,
            String labelsSource) {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(imagesSource, "imagesSource is null");
        Objects.requireNonNull(labels, "labels is null");
        Objects.requireNonNull(labelsSource, "labelsSource is null");
        return pair(bytes(images, imagesSource), imagesSource, bytes(labels, labelsSource), labelsSource);
    }

    private static LabelledData pair(byte[] imageBytes, String imagesSource, byte[] labelBytes, String labelsSource) {
        ImageShape shape = shape(imagesSource, imageBytes);
        Vector<Integer> labels = labels(labelsSource, labelBytes);
        int count = ByteBuffer.wrap(imageBytes, 4, 4).getInt(); // checked by shape: at most the body's size
        if (count != labels.size()) {
            throw DataException.of(imagesSource, "has " + count + " images but " + labelsSource + " has "
                    + labels.size() + " labels");
        }
        int pixels = shape.pixels();
        Table x = Table.of(count, pixels, (i, j) -> (imageBytes[16 + i * pixels + j] & 0xff) / 255.0);
        int columns = shape.columns();
        Vector<String> names = Vector.range(0, pixels).map(p -> "pixel (" + p / columns + ", " + p % columns + ")");
        Classes.Result classes = Classes.ofNumbers(labels);
        return new LabelledData(labelsSource, x, classes.labels(), classes.names(), names, Vector.empty(),
                Option.some(shape));
    }

    /**
     * The labels of an IDX1 file's bytes.
     *
     * @param source the file's name, for messages
     * @param bytes the file's (uncompressed) bytes, not changed
     * @return one label per item, each in {@code 0..255}
     */
    static Vector<Integer> labels(String source, byte[] bytes) {
        ByteBuffer in = header(source, bytes, LABELS, 1);
        long count = Integer.toUnsignedLong(in.getInt());
        if (count == 0) {
            throw DataException.of(source, ": the header says 0 labels, expected at least one");
        }
        requireBody(source, bytes.length, 8, count, count + " labels");
        return Vector.range(0, (int) count).map(i -> bytes[8 + i] & 0xff);
    }

    /**
     * The shape of the images of an IDX3 file's bytes, with every size checked against the body.
     *
     * @param source the file's name, for messages
     * @param bytes the file's (uncompressed) bytes, not changed
     * @return the shape of one image
     */
    static ImageShape shape(String source, byte[] bytes) {
        ByteBuffer in = header(source, bytes, IMAGES, 3);
        long count = Integer.toUnsignedLong(in.getInt());
        long rows = Integer.toUnsignedLong(in.getInt());
        long columns = Integer.toUnsignedLong(in.getInt());
        String images = count + " images of " + rows + "x" + columns + " pixels";
        if (count == 0 || rows == 0 || columns == 0) {
            throw DataException.of(source, ": the header says " + images + ", expected at least one image of at "
                    + "least one pixel");
        }
        long pixels;
        try {
            pixels = Math.multiplyExact(rows, columns);
        } catch (ArithmeticException e) {
            pixels = Long.MAX_VALUE;
        }
        if (pixels > Integer.MAX_VALUE) {
            throw DataException.of(source, ": the header says " + images + ", more than "
                    + String.format(Locale.ROOT, "%,d", Integer.MAX_VALUE) + " pixels an image");
        }
        requireBody(source, bytes.length, 16, Math.multiplyExact(count, pixels), images);
        return new ImageShape((int) rows, (int) columns);
    }

    private static ByteBuffer header(String source, byte[] bytes, int magic, int dimensions) {
        int headerSize = 4 + 4 * dimensions;
        String kind = magic == LABELS ? "label" : "image";
        if (bytes.length < 4) {
            throw DataException.of(source, ": truncated: " + bytes.length + " bytes, shorter than the " + headerSize
                    + "-byte header of an IDX " + kind + " file");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).asReadOnlyBuffer(); // big-endian, as IDX is
        int found = in.getInt();
        if (found != magic) {
            throw DataException.of(source, ": magic number " + hex(found) + ", expected " + hex(magic) + " (IDX "
                    + kind + "s)" + (found == LABELS || found == IMAGES ? "; are the image and label files swapped?"
                    : ""));
        }
        if (bytes.length < headerSize) {
            throw DataException.of(source, ": truncated: " + bytes.length + " bytes, shorter than the " + headerSize
                    + "-byte header of an IDX " + kind + " file");
        }
        return in;
    }

    private static void requireBody(String source, long size, long headerSize, long expected, String what) {
        long body = size - headerSize;
        if (body < expected) {
            throw DataException.of(source, ": truncated: the header says " + what + " (" + expected
                    + " bytes after the header), but the file has " + body);
        }
        if (body > expected) {
            throw DataException.of(source, ": " + (body - expected) + " bytes more than the header's " + what
                    + " (" + expected + " bytes after the header)");
        }
    }

    private static byte[] bytes(Path file) {
        return bytes(Inputs.open(file), file.toString());
    }

    private static byte[] bytes(InputStream in, String source) {
        try (InputStream raw = in; InputStream decompressed = Inputs.decompressed(raw, source)) {
            return decompressed.readAllBytes();
        } catch (IOException e) {
            throw Inputs.failure(source, e);
        }
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
