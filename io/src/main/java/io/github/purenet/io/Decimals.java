package io.github.purenet.io;

/**
 * Decimal text to a double, with the bits of {@link Double#parseDouble}, faster for the plain
 * numbers that fill CSV files ({@code 0.123}, {@code -4.5e-3}, {@code 17}).
 *
 * <p>A number of at most 18 significant digits whose value {@code m} is at most 2^53, scaled by
 * {@code 10^e} with {@code |e| <= 22}, is {@code m · 10^e} or {@code m / 10^-e}: both operands are
 * exact doubles, so the one rounded operation gives the correctly rounded value, which is what
 * {@code Double.parseDouble} returns (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990, the fast path). Any other text (more digits, larger exponents, hex,
 * {@code NaN}, {@code Infinity}, a suffix such as {@code d}) goes to {@code Double.parseDouble}
 * itself, so the result, or the {@link NumberFormatException}, is always its own.
 */
final class Decimals {

    /** 10^0 to 10^22, each exact in a double. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static final long EXACT = 1L << 53;

    private Decimals() {
    }

    /**
     * The double of a decimal text.
     *
     * @param text the text, without spaces around it
     * @return {@code Double.parseDouble(text)}, to the bit
     * @throws NumberFormatException as {@code Double.parseDouble} does
     */
    static double parse(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long m = 0;
        int significant = 0; // digits in m, after leading zeros
        int digits = 0;
        int scale = 0; // digits after the point
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (point) {
                    scale++;
                }
                if (m != 0 || c != '0') {
                    if (++significant > 18) { // 10^18 < 2^63: m cannot overflow
                        return Double.parseDouble(text);
                    }
                    m = 10 * m + (c - '0');
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.parseDouble(text);
        }
        int exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int start = i;
            for (; i < n && i - start < 4 && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponent = 10 * exponent + (text.charAt(i) - '0');
            }
            if (i == start) {
                return Double.parseDouble(text);
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        int e = exponent - scale;
        if (i != n || m > EXACT || e < -22 || e > 22) {
            return Double.parseDouble(text);
        }
        double x = e < 0 ? m / POWERS[-e] : m * POWERS[e];
        return negative ? -x : x;
    }
}
