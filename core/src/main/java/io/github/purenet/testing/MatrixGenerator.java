package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.List;

/**
 * Generates matrices with a number of rows and columns in configured ranges and entries uniform in
 * a configured range; made by {@link Generators#matrices()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.matrices().rows(1, 8).columns(1, 8).values(-1, 1))
 *         .check(m -> assertEquals(m, m.transpose().transpose()));
 * }</pre>
 *
 * <p>The generation size bounds the shape: at size 1 every matrix has the least rows and columns,
 * and the bounds grow to the configured maxima at size 50. Shrinking tries fewer rows and columns
 * (the first rows or columns alone, then each row or column left out), then simpler entries:
 * all at the point of the range nearest 0, then rounded to 0, 1 and 2 decimals. Entries are never
 * {@code -0.0}.
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class MatrixGenerator extends Generator<Matrix> {

    private final int minRows;
    private final int maxRows;
    private final int minColumns;
    private final int maxColumns;
    private final double low;
    private final double high;

    MatrixGenerator(int minRows, int maxRows, int minColumns, int maxColumns, double low, double high) {
        super(Matrix.class);
        Values.requireRange("rows", minRows, maxRows, 1);
        Values.requireRange("columns", minColumns, maxColumns, 1);
        Values.requireRange("values", low, high);
        this.minRows = minRows;
        this.maxRows = maxRows;
        this.minColumns = minColumns;
        this.maxColumns = maxColumns;
        this.low = low;
        this.high = high;
    }

    /**
     * @param min the least number of rows, at least 1
     * @param max the most rows, at least {@code min}
     * @return this generator with rows in {@code [min, max]}
     */
    public MatrixGenerator rows(int min, int max) {
        return new MatrixGenerator(min, max, minColumns, maxColumns, low, high);
    }

    /**
     * @param min the least number of columns, at least 1
     * @param max the most columns, at least {@code min}
     * @return this generator with columns in {@code [min, max]}
     */
    public MatrixGenerator columns(int min, int max) {
        return new MatrixGenerator(minRows, maxRows, min, max, low, high);
    }

    /**
     * @param low the least entry, finite
     * @param high the bound of the entries, finite, at least {@code low}
     * @return this generator with entries uniform in {@code [low, high)} ({@code low} if equal)
     */
    public MatrixGenerator values(double low, double high) {
        return new MatrixGenerator(minRows, maxRows, minColumns, maxColumns, low, high);
    }

    @Override
    public Matrix generate(SourceOfRandomness random, GenerationStatus status) {
        int rows = Values.count(random, minRows, maxRows, status.size());
        int columns = Values.count(random, minColumns, maxColumns, status.size());
        return Values.uniform(random, rows, columns, low, high);
    }

    @Override
    public List<Matrix> doShrink(SourceOfRandomness random, Matrix larger) {
        Vector<Matrix> smaller = Vector.empty();
        if (larger.rows() > minRows) {
            smaller = smaller.append(Values.firstRows(larger, minRows))
                    .appendAll(Vector.range(0, larger.rows()).reverse().map(i -> Values.withoutRow(larger, i)));
        }
        if (larger.columns() > minColumns) {
            smaller = smaller.append(Values.firstColumns(larger, minColumns))
                    .appendAll(Vector.range(0, larger.columns()).reverse().map(j -> Values.withoutColumn(larger, j)));
        }
        return smaller.appendAll(Values.simpler(larger, low, high)).distinct().filter(m -> !m.equals(larger))
                .toJavaList();
    }

    @Override
    public String toString() {
        return "matrices().rows(" + minRows + ", " + maxRows + ").columns(" + minColumns + ", " + maxColumns
                + ").values(" + low + ", " + high + ")";
    }
}
