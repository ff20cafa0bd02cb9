package io.github.purenet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Decimals#parse} gives the bits of {@link Double#parseDouble}, the oracle, for every text:
 * plain decimals on its fast path, and everything else through the JDK, refusals included.
 */
class DecimalsTest {

    /** The same bits as the JDK's, or the same refusal. */
    private static void sameAsJdk(String text) {
        String expected;
        try {
            expected = Long.toHexString(Double.doubleToRawLongBits(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            expected = "refused";
        }
        String actual;
        try {
            actual = Long.toHexString(Double.doubleToRawLongBits(Decimals.parse(text)));
        } catch (NumberFormatException e) {
            actual = "refused";
        }
        assertEquals(expected, actual, text);
    }

    @Test
    void knownValuesAndEdges() {
        for (String text : new String[] {"0", "-0", "+0", "0.0", "-0.000", ".5", "5.", "-.5", "1", "0.1", "0.3",
            "0.123", "-4.5e-3", "17", "1e22", "1e23", "1e-22", "1e-23", "9007199254740992", "9007199254740993",
            "9007199254740991.5", "1234567890123456789", "12345678901234567890", "0.000000000000000000001",
            "1E5", "1e+5", "1e-0", "1e", "1e+", "e5", ".", "-", "+", "", "1.2.3", "1-2", "1x", "1d", "1.5f", "NaN",
            "-Infinity", "0x1p3", "1e0000005", "1e99999", "00000000000000000000000001.5", "4.9e-324", "1.7976931348623157e308",
            "2.2250738585072014E-308", " 1", "1 ", "١"}) {
            sameAsJdk(text);
        }
    }

    @Test
    void randomDecimalsHaveTheJdksBits() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder b = new StringBuilder();
            int sign = random.nextInt(4);
            b.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
            int before = random.nextInt(12);
            for (int d = 0; d < before; d++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                b.append('.');
                int after = random.nextInt(random.nextBoolean() ? 6 : 22);
                for (int d = 0; d < after; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(3) == 0) {
                b.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "")
                        .append(random.nextInt(40));
            }
            sameAsJdk(b.toString());
        }
    }

    @Test
    void theTextOfRandomDoublesReadsBackToTheirBits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 100_000; k++) {
            double x = Double.longBitsToDouble(random.nextLong());
            sameAsJdk(Double.toString(x));
            sameAsJdk(String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 100));
        }
    }
}
