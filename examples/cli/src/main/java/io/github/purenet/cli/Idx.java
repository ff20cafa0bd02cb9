package io.github.purenet.cli;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads the IDX format of MNIST (Y. LeCun, C. Cortes and C. Burges, "The MNIST database of
 * handwritten digits"): a big-endian header, then unsigned bytes. A pure function of the file's
 * bytes: reading the file (raw, or gzip when its name ends in {@code .gz}) is left to
 * {@link Sources}.
 *
 * <ul>
 *   <li>Labels: magic number {@code 0x00000801}, the count {@code n}, then {@code n} bytes.</li>
 *   <li>Images: magic number {@code 0x00000803}, the count {@code n}, rows, columns, then
 *       {@code n · rows · columns} bytes, image by image, row by row. Pixels are scaled from
 *       {@code 0..255} to {@code [0, 1]}.</li>
 * </ul>
 *
 * <p>A file whose magic number is not the expected one, whose body is shorter or longer than its
 * header says, is refused with a message that names the file and the numbers.
 */
public final class Idx {

    /** The magic number of a file of unsigned bytes with one dimension: labels. */
    public static final int LABELS = 0x00000801;

    /** The magic number of a file of unsigned bytes with three dimensions: images. */
    public static final int IMAGES = 0x00000803;

    private Idx() {
    }

    /**
     * The labels of an IDX1 file.
     *
     * @param source the file's name, for messages
     * @param bytes the file's (uncompressed) bytes, not changed
     * @return one label per item, each in {@code 0..255}
     * @throws CliException (data) naming the file and the magic number or sizes that are wrong
     */
    public static Vector<Integer> labels(String source, byte[] bytes) {
        ByteBuffer in = header(source, bytes, LABELS, 1);
        long count = Integer.toUnsignedLong(in.getInt());
        if (count == 0) {
            throw CliException.data(source + ": the header says 0 labels, expected at least one");
        }
        requireBody(source, bytes.length, 8, count, count + " labels");
        return Vector.range(0, (int) count).map(i -> bytes[8 + i] & 0xff);
    }

    /**
     * The images of an IDX3 file, one per row, pixels scaled to {@code [0, 1]}.
     *
     * @param source the file's name, for messages
     * @param bytes the file's (uncompressed) bytes, not changed
     * @return an {@code n x (rows · columns)} matrix
     * @throws CliException (data) naming the file and the magic number or sizes that are wrong
     */
    public static Matrix images(String source, byte[] bytes) {
        ByteBuffer in = header(source, bytes, IMAGES, 3);
        long count = Integer.toUnsignedLong(in.getInt());
        long rows = Integer.toUnsignedLong(in.getInt());
        long columns = Integer.toUnsignedLong(in.getInt());
        if (count == 0 || rows == 0 || columns == 0 || rows * columns > Integer.MAX_VALUE) {
            throw CliException.data(source + ": the header says " + count + " images of " + rows + "x" + columns
                    + " pixels, expected at least one image of at least one pixel");
        }
        int pixels = (int) (rows * columns);
        requireBody(source, bytes.length, 16, count * pixels,
                count + " images of " + rows + "x" + columns + " pixels");
        return Matrix.of((int) count, pixels, (i, j) -> (bytes[16 + i * pixels + j] & 0xff) / 255.0);
    }

    private static ByteBuffer header(String source, byte[] bytes, int magic, int dimensions) {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(bytes, "bytes is null");
        int headerSize = 4 + 4 * dimensions;
        String kind = magic == LABELS ? "label" : "image";
        if (bytes.length < 4) {
            throw CliException.data(source + ": truncated: " + bytes.length + " bytes, shorter than the " + headerSize
                    + "-byte header of an IDX " + kind + " file");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).asReadOnlyBuffer(); // big-endian, as IDX is
        int found = in.getInt();
        if (found != magic) {
            throw CliException.data(source + ": magic number " + hex(found) + ", expected " + hex(magic) + " (IDX "
                    + kind + "s)" + (found == LABELS || found == IMAGES ? "; are the image and label files swapped?"
                    : ""));
        }
        if (bytes.length < headerSize) {
            throw CliException.data(source + ": truncated: " + bytes.length + " bytes, shorter than the " + headerSize
                    + "-byte header of an IDX " + kind + " file");
        }
        return in;
    }

    private static void requireBody(String source, long size, long headerSize, long expected, String what) {
        long body = size - headerSize;
        if (body < expected) {
            throw CliException.data(source + ": truncated: the header says " + what + " (" + expected
                    + " bytes after the header), but the file has " + body);
        }
        if (body > expected) {
            throw CliException.data(source + ": " + (body - expected) + " bytes more than the header's " + what
                    + " (" + expected + " bytes after the header)");
        }
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
