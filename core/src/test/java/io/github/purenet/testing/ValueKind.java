package io.github.purenet.testing;

import java.util.Random;

/** Kinds of doubles to fill gradients and matrices with. */
public enum ValueKind {
    /** Halves of integers in [-64, 64]: every sum of a few of them is exact. */
    DYADIC,
    /** Finite numbers of every magnitude up to 2^996 (about 1e300, so three of them never overflow). */
    FINITE,
    /** About half special (±0.0, NaN, ±Infinity, ±MIN_VALUE, ±MAX_VALUE, MIN_NORMAL, ±1), half {@link #FINITE}. */
    SPECIAL;

    private static final double[] SPECIALS = {
        -0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0,
    };

    /**
     * @param random the source
     * @return a value of this kind
     */
    public double draw(Random random) {
        return switch (this) {
            case DYADIC -> (random.nextInt(129) - 64) / 2.0;
            case FINITE -> finite(random);
            case SPECIAL -> random.nextBoolean() ? SPECIALS[random.nextInt(SPECIALS.length)] : finite(random);
        };
    }

    /** Half of the time in [-1000, 1000] with full mantissas, half of the time with any exponent. */
    private static double finite(Random random) {
        double sign = random.nextBoolean() ? 1.0 : -1.0;
        return random.nextBoolean()
                ? sign * random.nextDouble() * Math.pow(10, random.nextInt(7) - 3)
                : sign * Math.scalb(1.0 + random.nextDouble(), random.nextInt(2071) - 1075);
    }
}
