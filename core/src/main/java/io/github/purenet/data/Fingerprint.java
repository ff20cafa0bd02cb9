package io.github.purenet.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What tells a dataset from another: the SHA-256 of its exact bits, with its size, for a stored
 * training state or a held-out split to refuse other data.
 *
 * <pre>{@code
 * Fingerprint f = Fingerprint.of(data);   // once per run: it reads every number
 * f.sha256();                              // 64 hexadecimal digits
 * }</pre>
 *
 * <p>The bytes hashed are, for the features and then the targets: the number of rows and the
 * number of columns, each as 4 bytes big-endian, then every entry row by row as the 8 bytes
 * big-endian of its IEEE 754 bits ({@link Double#doubleToLongBits}). In numpy:
 * {@code struct.pack('>ii', *a.shape) + a.astype('>f8').tobytes()} for each matrix.
 *
 * @param examples the number of examples (rows), at least 1
 * @param inputs the number of features of each example, at least 1
 * @param outputs the number of targets of each example, at least 1
 * @param sha256 the SHA-256, 64 lower-case hexadecimal digits
 */
public record Fingerprint(int examples, int inputs, int outputs, String sha256) {

    /**
     * Checks the sizes and the form of the hash.
     *
     * @param examples the number of examples, at least 1
     * @param inputs the number of features of each example, at least 1
     * @param outputs the number of targets of each example, at least 1
     * @param sha256 64 lower-case hexadecimal digits
     */
    public Fingerprint {
        Objects.requireNonNull(sha256, "sha256 is null");
        if (examples < 1 || inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("Fingerprint: examples, inputs and outputs must be >= 1, got "
                    + examples + ", " + inputs + " and " + outputs);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256: expected 64 lower-case hexadecimal digits, got \"" + sha256
                    + "\"");
        }
    }

    /**
     * The fingerprint of a dataset: a pure function of its numbers.
     *
     * @param data a dataset
     * @return its size and the SHA-256 of its bits
     */
    public static Fingerprint of(Dataset data) {
        Objects.requireNonNull(data, "data is null");
        MessageDigest digest = sha256Digest();
        update(digest, data.features());
        update(digest, data.targets());
        return new Fingerprint(data.features().rows(), data.features().columns(), data.targets().columns(),
                HexFormat.of().formatHex(digest.digest()));
    }

    private static void update(MessageDigest digest, Table m) {
        ByteBuffer row = ByteBuffer.allocate(8 * Math.max(1, m.columns())); // big-endian, local to this call
        row.putInt(m.rows()).putInt(m.columns());
        digest.update(row.flip());
        for (int i = 0; i < m.rows(); i++) {
            row.clear();
            for (double x : m.row(i)) { // read once a row, not checked and standardised entry by entry
                row.putLong(Double.doubleToLongBits(x));
            }
            digest.update(row.flip());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which the Java SE specification "
                    + "forbids", e);
        }
    }

    /** @return the size and the hash, such as {@code 150 examples of 4 inputs and 3 outputs, SHA-256 3fa2...} */
    @Override
    public String toString() {
        return examples + " examples of " + inputs + " inputs and " + outputs + " outputs, SHA-256 " + sha256;
    }
}
