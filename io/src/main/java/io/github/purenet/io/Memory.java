package io.github.purenet.io;

import java.util.Locale;

/**
 * What data will take in memory, computed before they are read, against the most that this Java
 * may use ({@link Runtime#maxMemory()}, set by {@code -Xmx}): a header that claims more is refused
 * at once, in the data's terms, instead of failing minutes later with no heap that would do.
 * {@link #bytes(long)} says a number of bytes in words, for every message about memory.
 */
public final class Memory {

    private Memory() {
    }

    /**
     * Refuses data that would take more memory than this Java may use.
     *
     * @param source the file, for messages
     * @param what what the file says it holds, in words, such as {@code "the header says 2 images of 28x28 pixels"}
     * @param numbers how many numbers the data hold
     * @param bytesPerNumber the bytes each number takes while it is read
     * @throws DataException naming the file, the numbers and the bytes
     */
    static void require(String source, String what, long numbers, long bytesPerNumber) {
        long max = Runtime.getRuntime().maxMemory();
        long bytes;
        try {
            bytes = Math.multiplyExact(numbers, bytesPerNumber);
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > max) {
            throw DataException.of(source, ": " + what + ", " + Echo.thousands(numbers)
                    + " numbers that need " + bytes(bytes) + " of memory to read, more than the " + bytes(max)
                    + " that this Java may use (its -Xmx)");
        }
    }

    /**
     * A number of bytes in words.
     *
     * @param bytes the bytes, at least 0
     * @return such as {@code "1.5 GB"}: B, kB, MB, GB, TB, PB or EB, powers of 1,000
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes: expected a number >= 0, got " + bytes);
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double x = bytes;
        int unit = 0;
        while (x >= 999.95 && unit < 6) {
            x /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", x, "B kB MB GB TB PB EB".split(" ")[unit]);
    }
}
