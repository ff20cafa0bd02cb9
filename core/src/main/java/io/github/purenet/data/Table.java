package io.github.purenet.data;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Objects;

/**
 * A read-only table of {@code n x d} numbers, one example per row, stored as compactly as its
 * values allow and read as doubles with exactly the bits it was given: the features or the targets
 * of a {@link Dataset}. A batch reads only its rows ({@link #select(Seq)}, then {@link #matrix()}),
 * so that a large data set is never held as doubles all at once.
 *
 * <pre>{@code
 * Table pixels = Table.of(60_000, 784, (i, j) -> (bytes[16 + i * 784 + j] & 0xff) / 255.0);  // 1 byte each
 * Table oneHot = Table.oneHot(labels, 10);                     // 4 bytes per row, not 80
 * Matrix batch = pixels.select(Vector.of(7, 3)).matrix();      // 2x784 doubles, the same bits
 * }</pre>
 *
 * <p>Storage, chosen by {@link #of(int, int, Matrix.Entries)} (see {@link #bytesPerEntry()}):
 * <ul>
 *   <li>at most 256 distinct values (pixels {@code b / 255.0}, small integers, any data of few
 *       levels): one byte per entry, an index into the table's levels;</li>
 *   <li>otherwise, when every value is exactly a {@code float}: four bytes per entry;</li>
 *   <li>otherwise eight, a {@link Matrix} of doubles ({@link #of(Matrix)} keeps a matrix as it is).</li>
 * </ul>
 * One-hot targets ({@link #oneHot(Seq, int)}) keep one class number per row. A standardised table
 * ({@link Standardization#apply(Table)}) keeps its storage and standardises each entry when it is
 * read. Two tables are equal when they have the same shape and the same entries, whatever their
 * storage (entries compared as {@link Double#equals} does, as {@link Matrix#equals} does).
 */
public final class Table {

    private final int rows;
    private final int columns;
    private final Store store;
    private final Vector<Standardization> steps; // applied in order to each entry read
    private final double[][] means; // steps' means and deviations as arrays, read only
    private final double[][] deviations;

    private Table(Store store, Vector<Standardization> steps) {
        this(store, steps, steps.map(s -> s.mean().toArray()[0]).toJavaArray(double[][]::new),
                steps.map(s -> s.standardDeviation().toArray()[0]).toJavaArray(double[][]::new));
    }

    /** A table of these steps with their arrays already made, as a selection of rows shares them. */
    private Table(Store store, Vector<Standardization> steps, double[][] means, double[][] deviations) {
        this.store = store;
        this.rows = store.rows();
        this.columns = store.columns();
        this.steps = steps;
        this.means = means;
        this.deviations = deviations;
    }

    /**
     * A table of the entries of a matrix, kept as doubles: no copy, no scan.
     *
     * @param matrix the entries
     * @return the table, eight bytes per entry
     */
    public static Table of(Matrix matrix) {
        Objects.requireNonNull(matrix, "matrix is null");
        return new Table(new Doubles(matrix), Vector.empty());
    }

    /**
     * A table of entries given by their position, stored compactly: one byte per entry when there
     * are at most 256 distinct values (compared by their bits, so {@code -0.0} and {@code 0.0} are
     * two), else four when each is exactly a float, else eight. Each entry is computed once, row by
     * row, as {@link Matrix#of(int, int, Matrix.Entries)} computes them, and read back with the
     * same bits.
     *
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param entries the entry at each position, called once per position
     * @return the table
     * @throws IllegalArgumentException if a size is not positive
     */
    public static Table of(int rows, int columns, Matrix.Entries entries) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("shape: a table needs at least one row and one column, got " + rows
                    + "x" + columns);
        }
        Objects.requireNonNull(entries, "entries is null");
        return new Table(Encoder.encode(rows, columns, entries), Vector.empty());
    }

    /**
     * A table whose entries are drawn from at most 256 levels, given for each position as the index
     * of its level: the table that {@link #of(int, int, Matrix.Entries)} makes of the entries
     * {@code levels.get(codes.at(i, j))} (equal to it, with the same storage and the same bits),
     * without finding each value among the others. Levels with the same bits count as one, and
     * levels no entry uses are left out, as that factory would never see them.
     *
     * <pre>{@code
     * Table pixels = Table.ofLevels(Vector.range(0, 256).map(b -> b / 255.0), 60_000, 784,
     *         (i, j) -> bytes[16 + i * 784 + j] & 0xff);
     * }</pre>
     *
     * @param levels the values, 1 to 256 of them
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param codes the index of each entry's level, called once per position, row by row
     * @return the table, one byte per entry
     * @throws IllegalArgumentException if a size is not positive, there are no levels or more than
     *     256, or a code is not an index of the levels (naming its position)
     */
    public static Table ofLevels(Vector<Double> levels, int rows, int columns, LevelCodes codes) {
        Objects.requireNonNull(levels, "levels is null");
        if (levels.isEmpty() || levels.size() > 256) {
            throw new IllegalArgumentException("levels: expected 1 to 256 values, got " + levels.size());
        }
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("shape: a table needs at least one row and one column, got " + rows
                    + "x" + columns);
        }
        Objects.requireNonNull(codes, "codes is null");
        double[] values = new double[levels.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Objects.requireNonNull(levels.get(k), "levels: a level is null");
        }
        return new Table(Encoder.levels(rows, columns, values, codes), Vector.empty());
    }

    /**
     * The entries of a matrix stored compactly, as {@link #of(int, int, Matrix.Entries)} stores them;
     * the matrix can then be let go.
     *
     * @param matrix the entries
     * @return the table
     */
    public static Table compact(Matrix matrix) {
        Objects.requireNonNull(matrix, "matrix is null");
        return of(matrix.rows(), matrix.columns(), matrix::get);
    }

    /**
     * The one-hot encoding of labels, kept as the labels: row {@code i} reads as 1 in column
     * {@code labels[i]} and 0 elsewhere, exactly {@link Datasets#oneHot(Seq, int)}.
     *
     * @param labels the labels, at least one, each in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return a {@code labels.size() x classes} table of four bytes per row
     * @throws IllegalArgumentException as {@link Datasets#oneHot(Seq, int)}
     */
    public static Table oneHot(Seq<Integer> labels, int classes) {
        return new Table(new OneHot(Datasets.checkedLabels(labels, classes), classes), Vector.empty());
    }

    /** @return the number of rows {@code n}, at least 1 */
    public int rows() {
        return rows;
    }

    /** @return the number of columns {@code d}, at least 1 */
    public int columns() {
        return columns;
    }

    /** @return the shape as {@code "rowsxcolumns"}, such as {@code "60000x784"} */
    public String shape() {
        return rows + "x" + columns;
    }

    /**
     * The bytes that an entry takes: 1 (at most 256 levels), 4 (floats) or 8 (doubles); for one-hot
     * targets, 4 divided by the number of columns, the bytes of a row's class number shared by its
     * columns. Standardising does not change it.
     *
     * @return the bytes per entry
     */
    public double bytesPerEntry() {
        return store.bytesPerEntry();
    }

    /**
     * The labels of a one-hot table that is stored as labels, so that a reader need not look for
     * the largest entry of each row.
     *
     * @return the class of each row, if this table is {@link #oneHot(Seq, int)}'s and not standardised
     */
    public Option<Vector<Integer>> labels() {
        return store instanceof OneHot hot && steps.isEmpty() ? Option.some(hot.labels()) : Option.none();
    }

    /**
     * One entry, as a double.
     *
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the entry
     * @throws IndexOutOfBoundsException naming the position and the shape
     */
    public double get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("get: (" + row + ", " + column + ") is outside " + shape());
        }
        double x = store.get(row, column);
        for (int s = 0; s < means.length; s++) {
            x = (x - means[s][column]) / deviations[s][column];
        }
        return x;
    }

    /**
     * The rows at the given indices, in that order, with their storage shared, not copied.
     *
     * @param indices at least one row index, each in {@code [0, rows())}; repeats are allowed
     * @return a table of {@code indices.size()} rows
     * @throws IllegalArgumentException if there are no indices
     * @throws IndexOutOfBoundsException naming an index outside {@code [0, rows())}
     */
    public Table select(Seq<Integer> indices) {
        Objects.requireNonNull(indices, "indices is null");
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("select: expected at least one index, got none");
        }
        int[] picked = new int[indices.size()]; // local, read by the store
        int r = 0;
        for (Integer index : indices) {
            if (index == null || index < 0 || index >= rows) {
                throw new IndexOutOfBoundsException("select: row " + index + " is outside " + shape());
            }
            picked[r++] = index;
        }
        return new Table(store.select(picked), steps, means, deviations);
    }

    /**
     * This table standardised once more: each entry read as {@code (x - mean[j]) / sd[j]}.
     *
     * @param standardization the standardisation, of {@link #columns()} columns (checked by the caller)
     * @return the table, with the same storage
     */
    Table standardized(Standardization standardization) {
        return new Table(store, steps.append(standardization));
    }

    /**
     * Every entry as a double: the whole table, {@code 8 · n · d} bytes. A table of doubles that is
     * not standardised gives its matrix itself; a batch should {@link #select(Seq)} its rows first.
     *
     * @return the {@code n x d} matrix of the entries
     */
    public Matrix matrix() {
        if (store instanceof Doubles doubles && steps.isEmpty()) {
            return doubles.matrix();
        }
        double[][] current = {null}; // the row being read, local to this call
        return Matrix.of(rows, columns, (i, j) -> {
            if (j == 0) {
                current[0] = row(i);
            }
            return current[0][j];
        });
    }

    /**
     * Checks that every entry is finite, as {@link Matrix#requireFinite(String)} does.
     *
     * @param name what this table is, for the message, such as {@code "features"}
     * @return this table, or for a table of doubles an equal one whose matrix remembers the check,
     *     so that the batches selected from it are not scanned again
     * @throws IllegalArgumentException naming the table, the bad value and its position
     */
    public Table requireFinite(String name) {
        if (store instanceof Doubles doubles && steps.isEmpty()) {
            Matrix checked = doubles.matrix().requireFinite(name); // remembers the check, for its batches
            return checked == doubles.matrix() ? this : new Table(new Doubles(checked), steps, means, deviations);
        }
        if (store instanceof OneHot && steps.isEmpty()) {
            return this; // zeros and ones
        }
        if (store instanceof Levels levels && steps.isEmpty() && finite(levels.levels())) {
            return this; // every entry is one of the levels; if one is not finite, the scan below finds where
        }
        for (int i = 0; i < rows; i++) {
            double[] x = row(i);
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(x[j])) {
                    throw new IllegalArgumentException(name + ": entry (" + i + ", " + j + ") of " + shape() + " is "
                            + x[j] + ", expected a finite number");
                }
            }
        }
        return this;
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Row {@code i} as doubles: the stored values, then each standardisation in order. */
    double[] row(int i) {
        double[] x = store.row(i);
        for (int s = 0; s < means.length; s++) {
            double[] m = means[s];
            double[] sd = deviations[s];
            for (int j = 0; j < x.length; j++) {
                x[j] = (x[j] - m[j]) / sd[j];
            }
        }
        return x;
    }

    /**
     * @param o another object
     * @return whether it is a table of the same shape and entries (compared as {@link Double#equals})
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Table t) || t.rows != rows || t.columns != columns) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (!Arrays.equals(row(i), t.row(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return a hash of the shape and the entries, the same for any storage of them */
    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < rows; i++) {
            h = 31 * h + Arrays.hashCode(row(i));
        }
        return h;
    }

    /**
     * @return the shape, the entries row by row when there are at most
     *     {@value Matrix#PRINTED_ENTRIES}, such as {@code Table[1x2 [[0.5, -0.0]]]}, or the storage,
     *     such as {@code Table[60000x784, 1 byte per entry]}
     */
    @Override
    public String toString() {
        if ((long) rows * columns <= Matrix.PRINTED_ENTRIES) {
            return "Table" + matrix().toString().substring("Matrix".length());
        }
        return "Table[" + shape() + ", " + store.describe() + (steps.isEmpty() ? "" : ", standardised") + "]";
    }
}
