package io.github.purenet.random;

import io.github.purenet.tensor.Matrix;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Iterator;
import io.vavr.collection.Vector;
import java.util.Arrays;

/**
 * A pure, splittable random key: the state of the SplitMix64 generator as an immutable value.
 *
 * <p>The algorithm is SplitMix64 of Steele, Lea and Flood, "Fast Splittable Pseudorandom Number
 * Generators" (OOPSLA 2014), the algorithm of {@link java.util.SplittableRandom}; a key made by
 * {@link #of(long)} draws exactly the numbers that {@code new SplittableRandom(seed)} does, and
 * {@link #split()} makes the key that {@code split()} makes. The {@code n}-th number drawn is
 * {@code mix64(state + n · gamma)}, a function of the counter {@code n}, so a matrix of draws is
 * computed entry by entry without any mutable generator. Everything is integer arithmetic, except
 * the normal draws, which use {@link StrictMath}: a key gives the same bits on every JVM.
 *
 * <p>Use each key once: draw, then continue from {@link Draw#next()}.
 * <pre>{@code
 * Key key = Key.of(42);
 * Draw<Matrix> w = key.normal(3, 2, 0.0, 1.0);      // a 3x2 matrix of standard normal draws
 * Tuple2<Key, Key> keys = w.next().split();          // two independent streams
 * Draw<Vector<Integer>> order = keys._1.permutation(10);
 * }</pre>
 *
 * @param state the generator's state
 * @param gamma the generator's increment, odd
 */
public record Key(long state, long gamma) {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    /**
     * Checks that the increment is odd.
     *
     * @param state the generator's state
     * @param gamma the generator's increment, odd
     */
    public Key {
        if ((gamma & 1L) == 0) {
            throw new IllegalArgumentException("gamma: expected an odd number, got " + gamma);
        }
    }

    /**
     * The key of a seed.
     *
     * @param seed any number
     * @return the key that draws what {@code new SplittableRandom(seed)} draws
     */
    public static Key of(long seed) {
        return new Key(seed, GOLDEN_GAMMA);
    }

    /** @return two independent keys: a new stream (first) and this stream's continuation (second) */
    public Tuple2<Key, Key> split() {
        return Tuple.of(new Key(bits(1), mixGamma(state + 2 * gamma)), advance(2));
    }

    /**
     * Splits this key into several independent keys.
     *
     * @param n how many keys, positive
     * @return {@code n} keys
     */
    public Vector<Key> split(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected a positive number of keys, got " + n);
        }
        return Iterator.iterate(split(), t -> t._2.split()).take(n).map(Tuple2::_1).toVector();
    }

    /**
     * A key derived from this one and a number, such as an epoch or a step count, so that the
     * randomness of "epoch e" is a pure function of (key, e) with no key threaded through. Keys
     * folded with different numbers are independent streams; folding does not consume this key.
     *
     * @param data any number
     * @return the derived key
     */
    public Key foldIn(long data) {
        return new Key(mix64(state ^ mix64(data * GOLDEN_GAMMA + gamma)), mixGamma(state + data * gamma));
    }

    /** @return 64 uniformly random bits */
    public Draw<Long> nextLong() {
        return new Draw<>(bits(1), advance(1));
    }

    /** @return a number uniform in {@code [0, 1)}, a multiple of {@code 2^-53} */
    public Draw<Double> uniform() {
        return new Draw<>(unit(1), advance(1));
    }

    /**
     * The uniform draw numbered {@code index} of this key's stream, counting from 0, without drawing
     * the ones before it: index 0 is {@code uniform().value()}, index {@code i} is what
     * {@link #uniform()} gives after {@code i} draws, and entry {@code (r, c)} of
     * {@code uniform(rows, columns, 0.0, 1.0)} is index {@code r · columns + c}. It is the
     * {@code (index + 1)}-th {@code nextDouble()} of {@code new SplittableRandom(seed)} for a key made
     * by {@link #of(long)}. This key is not consumed: use it for a fixed-size block of draws (such as
     * one per unit of a layer) whose numbers are positions, and do not draw from this key again.
     *
     * @param index the number of the draw, from 0
     * @return a number uniform in {@code [0, 1)}, a multiple of {@code 2^-53}
     */
    public double uniformAt(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index: expected a draw number >= 0, got " + index);
        }
        return unit(index + 1);
    }

    /**
     * A matrix of uniform draws.
     *
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param low the least value, finite
     * @param high the bound, finite and above {@code low}
     * @return a matrix with entries uniform in {@code [low, high)}, drawn row by row
     */
    public Draw<Matrix> uniform(int rows, int columns, double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("uniform: expected finite low < high, got [" + low + ", " + high + ")");
        }
        double span = high - low; // overflows to infinity when high - low > Double.MAX_VALUE
        Matrix m = Matrix.of(rows, columns, (i, j) -> {
            double u = unit(1 + (long) i * columns + j);
            // u · high + (1 - u) · low is the same point without the overflowing span (1 - u is exact)
            double x = Double.isFinite(span) ? Math.fma(u, span, low) : Math.fma(u, high, (1.0 - u) * low);
            return Math.min(x, Math.nextDown(high));
        });
        return new Draw<>(m, advance((long) rows * columns));
    }

    /** @return a standard normal draw */
    public Draw<Double> normal() {
        return new Draw<>(gaussian(0), advance(2));
    }

    /**
     * A matrix of normal draws, by the Box-Muller transform: entry {@code t} (row by row) is
     * {@code sqrt(-2 ln(1 - u)) cos(2π v)} for the uniform draws {@code u, v} numbered
     * {@code 2t + 1, 2t + 2}.
     *
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param mean the mean, finite
     * @param standardDeviation the standard deviation, finite and not negative
     * @return the matrix of {@code mean + standardDeviation · N(0, 1)} draws
     */
    public Draw<Matrix> normal(int rows, int columns, double mean, double standardDeviation) {
        if (!(Double.isFinite(mean) && Double.isFinite(standardDeviation) && standardDeviation >= 0.0)) {
            throw new IllegalArgumentException("normal: expected a finite mean and a finite standard deviation >= 0, got "
                    + mean + " and " + standardDeviation);
        }
        Matrix m = Matrix.of(rows, columns,
                (i, j) -> mean + standardDeviation * gaussian((long) i * columns + j));
        return new Draw<>(m, advance(2L * rows * columns));
    }

    /**
     * A uniformly random permutation of {@code 0 .. n-1}: the indices sorted by a random 64-bit draw
     * each (ties, of probability about {@code n² / 2^65}, keep index order).
     *
     * @param n the number of elements, not negative
     * @return the permutation
     */
    public Draw<Vector<Integer>> permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: expected a number of elements >= 0, got " + n);
        }
        long[] draws = new long[n]; // local arrays, handed to nobody
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            draws[i] = bits(1 + i);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(draws[a], draws[b])); // stable: ties keep index order
        return new Draw<>(Vector.of(order), advance(n));
    }

    /** The standard normal numbered {@code t}, from the uniforms numbered {@code 2t+1} and {@code 2t+2}. */
    private double gaussian(long t) {
        double u = 1.0 - unit(2 * t + 1); // in (0, 1], so the logarithm is finite
        double v = unit(2 * t + 2);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    private double unit(long n) {
        return (bits(n) >>> 11) * DOUBLE_UNIT;
    }

    /** The {@code n}-th number drawn from this key, counting from 1. */
    private long bits(long n) {
        return mix64(state + n * gamma);
    }

    private Key advance(long n) {
        return new Key(state + n * gamma, gamma);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        return Long.bitCount(z ^ (z >>> 1)) < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    /** @return the key's state and increment in hexadecimal, such as {@code Key[0x2a, 0x9e3779b97f4a7c15]} */
    @Override
    public String toString() {
        return "Key[0x" + Long.toHexString(state) + ", 0x" + Long.toHexString(gamma) + "]";
    }
}
