package io.github.purenet.model;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Datasets;
import io.github.purenet.data.Split;
import io.github.purenet.data.Table;
import io.github.purenet.random.Key;
import io.github.purenet.train.Evaluation;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How the test part of a model's data was held out, so that it can be found again: the key and
 * the fraction of the split, whether it was stratified, and the SHA-256 of the data that were
 * split. A {@link Model} keeps it, so that the model can later be evaluated on exactly the examples
 * it never trained on.
 *
 * <pre>{@code
 * HeldOut heldOut = HeldOut.stratified(all, Key.of(42), 0.2);   // remembers sha256(all)
 * Split split = heldOut.split(all);                             // Datasets.stratifiedSplit(all, ...)
 * ... train on split.train() ...
 * Model model = Model.of(network).withHeldOut(heldOut);
 * Dataset test = model.heldOut().get().test(all);               // the same test part, later
 * heldOut.test(otherData);                                      // refused: not the data that were split
 * }</pre>
 *
 * <p>The split is {@link Datasets#split(Dataset, Key, double)}, or, when stratified,
 * {@link Datasets#stratifiedSplit(Dataset, io.vavr.collection.Seq, Key, double)} by the class of
 * each row's targets as {@link Evaluation#classesOf} reads it: the argmax of several columns (so
 * exactly {@link Datasets#stratifiedSplit(Dataset, Key, double)} for one-hot targets), or, for one
 * column, whether it is at least 0.5.
 *
 * @param key the key of the split
 * @param testFraction the fraction of the rows (of each class, when stratified) in the test part,
 *     in {@code (0, 1)}
 * @param stratified whether each class was split in the same proportion
 * @param dataSha256 {@link #sha256(Dataset)} of the data that were split, 64 lower-case
 *     hexadecimal digits
 */
public record HeldOut(Key key, double testFraction, boolean stratified, String dataSha256) {

    private static final String SHA256 = "[0-9a-f]{64}";

    /**
     * Checks the fraction and the form of the hash.
     *
     * @param key the key of the split
     * @param testFraction the fraction in the test part, in {@code (0, 1)}
     * @param stratified whether each class was split in the same proportion
     * @param dataSha256 the SHA-256 of the data that were split, 64 lower-case hexadecimal digits
     */
    public HeldOut {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(dataSha256, "dataSha256 is null");
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw new IllegalArgumentException("testFraction: expected a number in (0, 1), got " + testFraction);
        }
        if (!dataSha256.matches(SHA256)) {
            throw new IllegalArgumentException("dataSha256: expected 64 lower-case hexadecimal digits, got \""
                    + dataSha256 + "\"");
        }
    }

    /**
     * The held-out part of {@link Datasets#split(Dataset, Key, double)}.
     *
     * @param data the data to split, the whole of them
     * @param key the key of the split
     * @param testFraction the fraction of the rows in the test part, in {@code (0, 1)}
     * @return how to find that test part again
     * @throws IllegalArgumentException as {@link Datasets#split(Dataset, Key, double)}: if
     *     {@code testFraction} is outside {@code (0, 1)}, or the split leaves a part empty
     */
    public static HeldOut of(Dataset data, Key key, double testFraction) {
        return checked(data, key, testFraction, false);
    }

    /**
     * The held-out part of a stratified split: each class, as {@link Evaluation#classesOf} reads
     * the targets, split in the same proportion.
     *
     * @param data the data to split, the whole of them
     * @param key the key of the split
     * @param testFraction the fraction of each class in the test part, in {@code (0, 1)}
     * @return how to find that test part again
     * @throws IllegalArgumentException as
     *     {@link Datasets#stratifiedSplit(Dataset, io.vavr.collection.Seq, Key, double)}: if
     *     {@code testFraction} is outside {@code (0, 1)}, or the split leaves a part empty
     */
    public static HeldOut stratified(Dataset data, Key key, double testFraction) {
        return checked(data, key, testFraction, true);
    }

    /** A held-out part whose split of {@code data} has been made once, so that it is known to be possible. */
    private static HeldOut checked(Dataset data, Key key, double testFraction, boolean stratified) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(key, "key is null");
        HeldOut heldOut = new HeldOut(key, testFraction, stratified, sha256(data));
        heldOut.splitUnchecked(data);
        return heldOut;
    }

    /**
     * The split again, from the same data.
     *
     * @param data the data that were split, the whole of them
     * @return the training part and the test part, as first made
     * @throws IllegalArgumentException if the data's SHA-256 is not {@link #dataSha256()}, naming
     *     both hashes and the data's shape; if the split leaves a part empty
     */
    public Split split(Dataset data) {
        Objects.requireNonNull(data, "data is null");
        String actual = sha256(data);
        if (!actual.equals(dataSha256)) {
            throw new IllegalArgumentException("data: " + data.size() + " examples (features " + data.features().shape()
                    + ", targets " + data.targets().shape() + ") have SHA-256 " + actual + ", but the held-out "
                    + "part was split from data with SHA-256 " + dataSha256 + ": not the same data, so not the "
                    + "same split");
        }
        return splitUnchecked(data);
    }

    private Split splitUnchecked(Dataset data) {
        return stratified
                ? Datasets.stratifiedSplit(data, Evaluation.classesOf(data.targets()), key, testFraction)
                : Datasets.split(data, key, testFraction);
    }

    /**
     * The test part again, from the same data: {@code split(data).test()}.
     *
     * @param data the data that were split, the whole of them
     * @return the held-out examples
     * @throws IllegalArgumentException as {@link #split(Dataset)}
     */
    public Dataset test(Dataset data) {
        return split(data).test();
    }

    /**
     * The SHA-256 of a dataset's numbers, which tells the data a split was made from. The bytes
     * hashed are, for the features and then the targets: the number of rows and the number of
     * columns, each as 4 bytes big-endian, then every entry row by row as the 8 bytes big-endian of
     * its IEEE 754 bits ({@link Double#doubleToLongBits}). In numpy:
     * {@code struct.pack('>ii', *a.shape) + a.astype('>f8').tobytes()} for each matrix.
     *
     * @param data a dataset
     * @return the SHA-256, 64 lower-case hexadecimal digits
     */
    public static String sha256(Dataset data) {
        Objects.requireNonNull(data, "data is null");
        MessageDigest digest = sha256();
        update(digest, data.features());
        update(digest, data.targets());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Table m) {
        ByteBuffer row = ByteBuffer.allocate(8 * Math.max(1, m.columns())); // big-endian, local to this call
        row.putInt(m.rows()).putInt(m.columns());
        digest.update(row.flip());
        for (int i = 0; i < m.rows(); i++) {
            row.clear();
            for (int j = 0; j < m.columns(); j++) {
                row.putLong(Double.doubleToLongBits(m.get(i, j)));
            }
            digest.update(row.flip());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which the Java SE specification "
                    + "forbids", e);
        }
    }

    /** @return the split and the start of the hash, such as {@code HeldOut[stratified 0.2 of data 3fa2c1d0...]} */
    @Override
    public String toString() {
        return "HeldOut[" + (stratified ? "stratified " : "") + testFraction + " of data " + dataSha256.substring(0, 8)
                + "...]";
    }
}
