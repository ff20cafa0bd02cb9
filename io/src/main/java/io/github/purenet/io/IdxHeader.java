package io.github.purenet.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The header of an IDX file, read and checked before a byte of its body is: the magic number, the
 * count and, for images, the rows and columns, each an unsigned 32-bit number, with every size
 * computed in exact arithmetic; the body's size against the file's when the file's size is known
 * (a file that is not gzip); and the memory that the examples will take against the most that this
 * Java may use. So a header that claims 2^31 images is refused at once, not after reading gigabytes.
 *
 * @param source the file's name, for messages
 * @param images whether it is a file of images (else of labels)
 * @param count the images or labels, at least 1 and at most {@link Integer#MAX_VALUE}
 * @param rows the rows of an image, 1 for labels
 * @param columns the columns of an image, 1 for labels
 */
record IdxHeader(String source, boolean images, int count, int rows, int columns) {

    /**
     * Reads and checks the header of an IDX file.
     *
     * @param in the file's (decompressed) bytes, read up to the end of the header
     * @param source its name
     * @param magic {@link Idx#LABELS} or {@link Idx#IMAGES}
     * @param fileSize the size of the file in bytes when it is not compressed, else -1
     * @return the header
     * @throws DataException naming the file and what is wrong
     * @throws IOException if the file cannot be read
     */
    static IdxHeader read(InputStream in, String source, int magic, long fileSize) throws IOException {
        boolean images = magic == Idx.IMAGES;
        int headerSize = images ? 16 : 8;
        String kind = images ? "image" : "label";
        byte[] bytes = in.readNBytes(headerSize);
        if (bytes.length >= 4) {
            int found = ByteBuffer.wrap(bytes).getInt();
            if (found != magic) {
                throw DataException.of(source, ": magic number " + hex(found) + ", expected " + hex(magic) + " (IDX "
                        + kind + "s)" + (found == Idx.LABELS || found == Idx.IMAGES
                        ? "; are the image and label files swapped?" : ""));
            }
        }
        if (bytes.length < headerSize) {
            throw DataException.of(source, ": truncated: " + bytes.length + " bytes, shorter than the " + headerSize
                    + "-byte header of an IDX " + kind + " file");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, headerSize - 4); // big-endian, as IDX is
        long count = Integer.toUnsignedLong(header.getInt());
        long rows = images ? Integer.toUnsignedLong(header.getInt()) : 1;
        long columns = images ? Integer.toUnsignedLong(header.getInt()) : 1;
        String what = images ? count + " images of " + rows + "x" + columns + " pixels" : count + " labels";
        if (count == 0 || rows == 0 || columns == 0) {
            throw DataException.of(source, ": the header says " + what + ", expected at least one"
                    + (images ? " image of at least one pixel" : ""));
        }
        long pixels = rows * columns; // exact: each factor is below 2^32, the product below 2^64 ...
        if (rows > Integer.MAX_VALUE || columns > Integer.MAX_VALUE || pixels > Integer.MAX_VALUE) {
            // ... and a product of factors below 2^31 each, below 2^62, is exact in a long
            throw DataException.of(source, ": the header says " + what + ", more than " + Echo.thousands(Integer.MAX_VALUE)
                    + " pixels an image");
        }
        long body = Math.multiplyExact(count, pixels); // below 2^32 · 2^31: exact
        if (fileSize >= 0) {
            requireBody(source, fileSize - headerSize, body, what);
        }
        if (count > Integer.MAX_VALUE) {
            throw DataException.of(source, ": the header says " + what + ", more than " + Echo.thousands(Integer.MAX_VALUE)
                    + " " + kind + "s, the most a data set can hold");
        }
        return new IdxHeader(source, images, (int) count, (int) rows, (int) columns);
    }

    /** @return the bytes of the body: {@code count · rows · columns} */
    long bodySize() {
        return (long) count * rows * columns; // below 2^31 · 2^31: exact
    }

    /** @return what the header says, in words: {@code "2 images of 28x28 pixels"} or {@code "2 labels"} */
    String what() {
        return images ? count + " images of " + rows + "x" + columns + " pixels" : count + " labels";
    }

    /**
     * Refuses a body whose size is not the header's.
     *
     * @param source the file
     * @param body the bytes after the header
     * @param expected the bytes the header says
     * @param what what the header says, in words
     */
    static void requireBody(String source, long body, long expected, String what) {
        if (body < expected) {
            throw DataException.of(source, ": truncated: the header says " + what + " (" + expected
                    + " bytes after the header), but the file has " + body);
        }
        if (body > expected) {
            throw DataException.of(source, ": " + (body - expected) + " bytes more than the header's " + what
                    + " (" + expected + " bytes after the header)");
        }
    }


    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
