package io.github.purenet.testing;

import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * The numbers of the generators: sizes that grow with the generation size, entries drawn in a
 * range, and the simpler entries that shrinking tries. Package-private: the generators' javadoc
 * states what it means for users.
 *
 * <p>An entry is simpler when it is the <em>origin</em> of its range (the point of {@code [low,
 * high]} nearest 0), or when it needs fewer decimals: {@code 0.5} is simpler than {@code 0.4837...}.
 * Generated entries are never {@code -0.0}.
 */
final class Values {

    /** From this generation size on, every shape in the configured ranges can occur. */
    static final int FULL_SIZE = 50;

    /** A matrix with at most this many entries prints its entries; a larger one prints its shape. */
    static final int SHOWN_ENTRIES = 64;

    private Values() {
    }

    /**
     * The largest value allowed at a generation size: {@code min} at size 1, growing linearly to
     * {@code max} at {@link #FULL_SIZE}.
     */
    static int upper(int min, int max, int size) {
        int s = Math.max(1, Math.min(size, FULL_SIZE));
        return min + (int) ((long) (max - min) * (s - 1) / (FULL_SIZE - 1));
    }

    /** A number in {@code [min, upper(min, max, size)]}. */
    static int count(SourceOfRandomness random, int min, int max, int size) {
        return random.nextInt(min, upper(min, max, size));
    }

    /** The point of {@code [low, high]} nearest 0, never {@code -0.0}. */
    static double origin(double low, double high) {
        return Math.min(Math.max(0.0, low), high) + 0.0;
    }

    /** A number uniform in {@code [low, high)}, or {@code low} when the range is one point; never -0.0. */
    static double uniform(SourceOfRandomness random, double low, double high) {
        return (low == high ? low : random.nextDouble(low, high)) + 0.0;
    }

    /** A matrix of {@link #uniform} entries, drawn row by row. */
    static Matrix uniform(SourceOfRandomness random, int rows, int columns, double low, double high) {
        return Matrix.of(rows, columns, (i, j) -> uniform(random, low, high));
    }

    /** The first {@code n} rows of a matrix. */
    static Matrix firstRows(Matrix m, int n) {
        return m.selectRows(Vector.range(0, n));
    }

    /** The first {@code n} columns of a matrix. */
    static Matrix firstColumns(Matrix m, int n) {
        return Matrix.of(m.rows(), n, m::get);
    }

    /** A matrix whose first {@code columns} columns are those of {@code m} (as far as it has them), the rest {@code fill}. */
    static Matrix refitColumns(Matrix m, int columns, double fill) {
        return Matrix.of(m.rows(), columns, (i, j) -> j < m.columns() ? m.get(i, j) : fill);
    }

    /** A matrix whose first {@code rows} rows are those of {@code m} (as far as it has them), the rest {@code fill}. */
    static Matrix refitRows(Matrix m, int rows, double fill) {
        return Matrix.of(rows, m.columns(), (i, j) -> i < m.rows() ? m.get(i, j) : fill);
    }

    /** A {@code rows x columns} matrix whose entries are those of {@code m} where it has them, the rest {@code fill}. */
    static Matrix refit(Matrix m, int rows, int columns, double fill) {
        return Matrix.of(rows, columns, (i, j) -> i < m.rows() && j < m.columns() ? m.get(i, j) : fill);
    }

    /** {@code m} without row {@code row}. */
    static Matrix withoutRow(Matrix m, int row) {
        return m.selectRows(Vector.range(0, m.rows()).removeAt(row));
    }

    /** {@code m} without column {@code column}. */
    static Matrix withoutColumn(Matrix m, int column) {
        return Matrix.of(m.rows(), m.columns() - 1, (i, j) -> m.get(i, j < column ? j : j + 1));
    }

    /** {@code x} rounded to {@code decimals} decimals, never -0.0; {@code x} itself when that is not finite. */
    static double round(double x, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        double r = Math.rint(x * scale) / scale;
        return Double.isFinite(r) ? r + 0.0 : x;
    }

    /** The matrix of the shape of {@code m} with every entry at the origin of {@code [low, high]}. */
    static Matrix atOrigin(Matrix m, double low, double high) {
        return Matrix.filled(m.rows(), m.columns(), origin(low, high));
    }

    /** {@code m} with each entry rounded to {@code decimals} decimals, except where that leaves {@code [low, high]}. */
    static Matrix rounded(Matrix m, int decimals, double low, double high) {
        return m.map(x -> {
            double r = round(x, decimals);
            return r >= low && r <= high ? r : x;
        });
    }

    /**
     * Simpler versions of a matrix whose entries lie in {@code [low, high]}: every entry at the
     * origin, then every entry rounded to 0, 1 and 2 decimals. Only candidates that differ from
     * {@code m}, each once.
     */
    static Vector<Matrix> simpler(Matrix m, double low, double high) {
        return Vector.of(atOrigin(m, low, high), rounded(m, 0, low, high), rounded(m, 1, low, high),
                rounded(m, 2, low, high)).distinct().filter(c -> !c.equals(m));
    }

    /** The entries, as {@code [[a, b], [c, d]]}, when there are at most {@link #SHOWN_ENTRIES}; else the shape. */
    static String show(Matrix m) {
        if ((long) m.rows() * m.columns() > SHOWN_ENTRIES) {
            return m.toString();
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < m.rows(); i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < m.columns(); j++) {
                s.append(j == 0 ? "" : ", ").append(m.get(i, j));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }

    /**
     * A description with the numbers when the network is small (see {@link Values#show}): a stack
     * of dense layers as {@code Network[2-1 tanh]{W0=[[0.5, 1.0]] b0=[[0.0]]}}, any other network
     * as its layers, then its parameters and state by path.
     */
    static String show(Network n) {
        boolean dense = n.layers().forAll(l -> l instanceof Dense);
        String layers = dense ? n.toString() : "Network[" + n.input() + ": " + n.layers().mkString(", ") + "]";
        Vector<Matrix> numbers = n.parameters().appendAll(n.state());
        if (numbers.map(m -> (long) m.rows() * m.columns()).sum().longValue() > SHOWN_ENTRIES) {
            return layers;
        }
        if (dense) {
            return layers + Vector.range(0, n.layers().size()).map(l -> "W" + l + "=" + show(n.dense(l).weights())
                    + " b" + l + "=" + show(n.dense(l).bias())).mkString("{", ", ", "}");
        }
        return layers + n.parameterPaths().appendAll(n.statePaths()).zipWith(numbers, (p, m) -> p + "=" + show(m))
                .mkString("{", ", ", "}");
    }

    /** Checks that {@code min <= max} and {@code min >= least}, naming the setting. */
    static void requireRange(String name, int min, int max, int least) {
        if (min < least || max < min) {
            throw new IllegalArgumentException(name + ": expected " + least + " <= min <= max, got min " + min
                    + " and max " + max);
        }
    }

    /** Checks that the bounds are finite and {@code low <= high}, naming the setting. */
    static void requireRange(String name, double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException(name + ": expected finite low <= high, got low " + low + " and high "
                    + high);
        }
    }
}
