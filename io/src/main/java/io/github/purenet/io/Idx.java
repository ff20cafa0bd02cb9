package io.github.purenet.io;

import io.github.purenet.data.Table;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

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
 * {@link DataException} that names the file and the numbers. The headers are checked before the
 * bodies are read: against the file's size for a file that is not gzip, and against the memory
 * that this Java may use for any file, so that a header claiming 2^31 images is refused at once.
 *
 * <pre>
 * train-images-idx3-ubyte.gz: magic number 0x00000801, expected 0x00000803 (IDX images); are the image and label files swapped?
 * t10k-images-idx3-ubyte: truncated: the header says 10000 images of 28x28 pixels (7840000 bytes after the header), but the file has 3000000
 * big.gz: the header says 2147483647 images of 28x28 pixels, 1,683,627,180,248 numbers that need 15.2 TB of memory to read, more than the 4.2 GB that this Java may use (its -Xmx)
 * </pre>
 */
public final class Idx {

    /** The magic number of a file of unsigned bytes with one dimension: labels. */
    public static final int LABELS = 0x00000801;

    /** The magic number of a file of unsigned bytes with three dimensions: images. */
    public static final int IMAGES = 0x00000803;

    /** The value of each byte of an image, {@code b / 255.0}. */
    private static final Vector<Double> PIXELS = Vector.range(0, 256).map(b -> b / 255.0);

    private Idx() {
    }

    /**
     * Reads a file of images and the file of their labels, as MNIST's
     * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}. Both headers are read
     * and checked before either body: the sizes (against the files' sizes, for files that are not
     * gzip), the counts against each other, and the memory that the examples will take against the
     * most that this Java may use ({@link Runtime#maxMemory()}).
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
        InputStream imageStream = Inputs.open(images);
        InputStream labelStream;
        try {
            labelStream = Inputs.open(labels);
        } catch (DataException e) {
            reading(images.toString(), () -> {
                imageStream.close();
                return null;
            });
            throw e;
        }
        return pair(imageStream, images.toString(), size(images), labelStream, labels.toString(), size(labels));
    }

    /**
     * Reads images and their labels from streams; closes both. Both headers are checked before
     * either body is read, as {@link #read(Path, Path)} does.
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
        return pair(images, imagesSource, -1, labels, labelsSource, -1);
    }

    private static LabelledData pair(InputStream imageStream, String imagesSource, long imagesSize,
            InputStream labelStream, String labelsSource, long labelsSize) {
        try (InputStream imagesRaw = imageStream; InputStream labelsRaw = labelStream;
                InputStream imageBytes = reading(imagesSource, () -> Inputs.decompressed(imagesRaw, imagesSource));
                InputStream labelBytes = reading(labelsSource, () -> Inputs.decompressed(labelsRaw, labelsSource))) {
            IdxHeader image = reading(imagesSource, () -> IdxHeader.read(imageBytes, imagesSource, IMAGES,
                    imageBytes instanceof GZIPInputStream ? -1 : imagesSize));
            IdxHeader label = reading(labelsSource, () -> IdxHeader.read(labelBytes, labelsSource, LABELS,
                    labelBytes instanceof GZIPInputStream ? -1 : labelsSize));
            if (image.count() != label.count()) {
                throw DataException.of(imagesSource, "has " + image.count() + " images but " + labelsSource + " has "
                        + label.count() + " labels");
            }
            // the bytes of the body, then a byte for each in the table of at most 256 levels
            Memory.require(imagesSource, "the header says " + image.what(), image.bodySize(), 2);
            int pixels = Math.multiplyExact(image.rows(), image.columns());
            byte[][] body = reading(imagesSource, () -> body(imageBytes, image, pixels));
            Vector<Integer> labels = reading(labelsSource, () -> labels(labelBytes, label));
            Table x = Table.ofLevels(PIXELS, image.count(), pixels, (i, j) -> body[i][j] & 0xff);
            int columns = image.columns();
            Vector<String> names = Vector.range(0, pixels).map(p -> "pixel (" + p / columns + ", " + p % columns + ")");
            Classes.Result classes = Classes.ofNumbers(labels);
            return new LabelledData(labelsSource, x, classes.labels(), classes.names(), names, Vector.empty(),
                    Option.some(new ImageShape(image.rows(), columns)));
        } catch (IOException e) {
            throw Inputs.failure(imagesSource, e); // closing failed
        }
    }

    /** The images' bytes, one array an image, with a body shorter or longer than the header's refused. */
    private static byte[][] body(InputStream in, IdxHeader header, int pixels) throws IOException {
        byte[][] body = new byte[header.count()][];
        for (int i = 0; i < body.length; i++) {
            body[i] = in.readNBytes(pixels);
            if (body[i].length < pixels) {
                IdxHeader.requireBody(header.source(), (long) i * pixels + body[i].length, header.bodySize(),
                        header.what());
            }
        }
        requireEnd(in, header);
        return body;
    }

    private static Vector<Integer> labels(InputStream in, IdxHeader header) throws IOException {
        byte[] body = in.readNBytes(header.count());
        if (body.length < header.count()) {
            IdxHeader.requireBody(header.source(), body.length, header.count(), header.what());
        }
        requireEnd(in, header);
        return Vector.range(0, body.length).map(i -> body[i] & 0xff);
    }

    /** Refuses bytes after the body, counting them without keeping them. */
    private static void requireEnd(InputStream in, IdxHeader header) throws IOException {
        long extra = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            extra += n;
        }
        IdxHeader.requireBody(header.source(), header.bodySize() + extra, header.bodySize(), header.what());
    }

    /** The size of a regular file, which its body must match if it is not gzip; -1 if unknown. */
    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1; // said when the file is opened
        }
    }

    /** A step that reads. */
    private interface Reading<T> {
        T get() throws IOException;
    }

    /** A step's I/O failure, naming the file. */
    private static <T> T reading(String source, Reading<T> reading) {
        try {
            return reading.get();
        } catch (IOException e) {
            throw Inputs.failure(source, e);
        }
    }
}
