package io.github.purenet.tensor;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of doubles; in a batch, each row is one example.
 *
 * <p>A matrix has at least one row and one column. Its entries are fixed when it is built:
 * {@link #of(double[][])} and {@link #row(double...)} copy their arguments, {@link #toArray()}
 * returns a copy, and every operation returns a new matrix.
 *
 * <pre>{@code
 * Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}});   // Matrix[2x2 [[1.0, 2.0], [3.0, 4.0]]]
 * Matrix y = x.times(x).plusRow(Matrix.row(10, 20));        // [[17, 30], [25, 42]]
 * }</pre>
 *
 * <p>Equality is exact: two matrices are equal when they have the same shape and every pair of
 * entries has the same bits ({@link Double#equals(Object)}: {@code NaN} equals {@code NaN},
 * {@code 0.0} differs from {@code -0.0}).
 *
 * <p>{@link #toString()} shows the shape, and the entries too when there are at most
 * {@value #PRINTED_ENTRIES} of them: {@code Matrix[2x3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]}, but
 * {@code Matrix[64x10]}. Each entry is printed by {@link Double#toString(double)}, which tells
 * every two doubles apart, so two small matrices that are not equal never print alike
 * ({@code -0.0} and {@code 0.0}, {@code NaN} and infinities show as such), and a failed assertion
 * on small matrices shows the entries that differ.
 *
 * <p>Shape errors throw {@link IllegalArgumentException} naming the operation and both shapes,
 * such as {@code "times: 2x3 and 2x3 do not fit (columns of the left 3 != rows of the right 2)"}.
 */
public final class Matrix {

    /** The entries of a matrix given by their position, for {@link #of(int, int, Entries)}. */
    @FunctionalInterface
    public interface Entries {
        /**
         * The entry at a position.
         *
         * @param row the row, from 0
         * @param column the column, from 0
         * @return the value at that row and column
         */
        double at(int row, int column);
    }

    /** The most entries that {@link #toString()} prints; a larger matrix prints as its shape. */
    public static final int PRINTED_ENTRIES = 100;

    /**
     * Whether this JVM's products run the vector kernels: true when it started with
     * {@code --add-modules jdk.incubator.vector} and compiles hot code with its optimising compiler
     * (C2), false when the products run the plain kernels. Both give the same bits; the vector
     * ones are about two and a half times as fast on one core (docs/performance.md, "The vector
     * kernels").
     *
     * @return true for the vector kernels, false for the plain ones
     */
    public static boolean vectorKernels() {
        return Products.VECTOR;
    }

    private final double[][] rows; // rows[i][j]; never written after construction, never given out
    private final boolean checked; // every entry known finite: by requireFinite, or rows of a matrix that was

    private Matrix(double[][] rows) {
        this(rows, false);
    }

    private Matrix(double[][] rows, boolean checked) {
        this.rows = rows;
        this.checked = checked;
    }

    /** Whether every entry is known to be finite without a scan; for the package's tests. */
    boolean checked() {
        return checked;
    }

    /** The rows, for the package's kernels, which never write them. */
    double[][] rowArrays() {
        return rows;
    }

    /** Wraps arrays that nobody else holds; package-private so that kernels can build results. */
    static Matrix wrap(double[][] rows) {
        return new Matrix(rows);
    }

    /**
     * A matrix with a copy of the given rows.
     *
     * @param values the rows, all of the same positive length; at least one row
     * @return a matrix of {@code values.length} rows
     * @throws IllegalArgumentException if there are no rows or columns, or rows differ in length
     */
    public static Matrix of(double[][] values) {
        Objects.requireNonNull(values, "values is null");
        if (values.length == 0) {
            throw new IllegalArgumentException("values: a matrix needs at least one row, got 0");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException("values: row " + i + " is null");
            }
            if (values[i].length == 0 || values[i].length != values[0].length) {
                throw new IllegalArgumentException("values: row " + i + " has " + values[i].length
                        + " columns, expected " + (i == 0 ? "at least 1" : values[0].length));
            }
            copy[i] = values[i].clone();
        }
        return new Matrix(copy);
    }

    /**
     * A matrix of one row holding a copy of the given values.
     *
     * @param values at least one value
     * @return a {@code 1 x values.length} matrix
     */
    public static Matrix row(double... values) {
        Objects.requireNonNull(values, "values is null");
        return of(new double[][] {values});
    }

    /**
     * A matrix whose entries are given by their position.
     *
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param entries the entry at each position, called once per position
     * @return the matrix
     */
    public static Matrix of(int rows, int columns, Entries entries) {
        requireShape(rows, columns);
        Objects.requireNonNull(entries, "entries is null");
        double[][] values = Entrywise.zeros(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                values[i][j] = entries.at(i, j);
            }
        }
        return new Matrix(values);
    }

    /**
     * A matrix with every entry equal to one value.
     *
     * @param rows the number of rows, positive
     * @param columns the number of columns, positive
     * @param value the value of every entry
     * @return the matrix
     */
    public static Matrix filled(int rows, int columns, double value) {
        requireShape(rows, columns);
        double[][] values = Entrywise.zeros(rows, columns);
        if (Double.doubleToRawLongBits(value) != 0L) {
            for (double[] row : values) {
                Arrays.fill(row, value);
            }
        }
        return new Matrix(values);
    }

    private static void requireShape(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "shape: a matrix needs at least one row and one column, got " + rows + "x" + columns);
        }
    }

    /** @return the number of rows (examples, in a batch) */
    public int rows() {
        return rows.length;
    }

    /** @return the number of columns (features, in a batch) */
    public int columns() {
        return rows[0].length;
    }

    /** @return the shape as {@code "rowsxcolumns"}, such as {@code "2x3"} */
    public String shape() {
        return rows() + "x" + columns();
    }

    /**
     * One entry.
     *
     * @param row the row, from 0
     * @param column the column, from 0
     * @return the entry
     * @throws IndexOutOfBoundsException naming the position and the shape
     */
    public double get(int row, int column) {
        if (row < 0 || row >= rows() || column < 0 || column >= columns()) {
            throw new IndexOutOfBoundsException("get: (" + row + ", " + column + ") is outside " + shape());
        }
        return rows[row][column];
    }

    /**
     * The rows at the given indices, in that order, such as the examples of a mini-batch.
     *
     * @param indices at least one row index, each in {@code [0, rows())}; repeats are allowed
     * @return a {@code indices.size() x columns()} matrix
     */
    public Matrix selectRows(Seq<Integer> indices) {
        Objects.requireNonNull(indices, "indices is null");
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("selectRows: expected at least one index, got none");
        }
        double[][] result = new double[indices.size()][];
        int r = 0;
        for (Integer index : indices) {
            if (index == null || index < 0 || index >= rows()) {
                throw new IndexOutOfBoundsException("selectRows: row " + index + " is outside " + shape());
            }
            result[r++] = rows[index]; // rows are never written, so matrices may share them
        }
        return new Matrix(result, checked);
    }

    /**
     * The product {@code this · other}.
     *
     * <p>Entry {@code (i, j)} is {@code sum over k of this(i, k) * other(k, j)}, accumulated from
     * {@code +0.0} with {@link Math#fma} for {@code k} in ascending order. This order is part of the
     * contract: it fixes every bit of the result, and the two transposed products follow it too.
     *
     * @param other a matrix with as many rows as this one has columns
     * @return a {@code this.rows() x other.columns()} matrix
     */
    public Matrix times(Matrix other) {
        requireNonNull("times", other);
        if (columns() != other.rows()) {
            throw mismatch("times", other,
                    "columns of the left " + columns() + " != rows of the right " + other.rows());
        }
        return Products.times(rows, other.rows);
    }

    /**
     * The product {@code thisᵀ · other}. The transpose of this matrix is copied block by block of
     * its rows, never whole (in backpropagation this matrix is the batch's deltas, the small factor).
     *
     * @param other a matrix with as many rows as this one
     * @return a {@code this.columns() x other.columns()} matrix, summed over rows in ascending order
     */
    public Matrix transposeTimes(Matrix other) {
        requireNonNull("transposeTimes", other);
        if (rows() != other.rows()) {
            throw mismatch("transposeTimes", other,
                    "rows of the left " + rows() + " != rows of the right " + other.rows());
        }
        return Products.transposeTimes(rows, other.rows);
    }

    /**
     * The product {@code this · otherᵀ}.
     *
     * @param other a matrix with as many columns as this one
     * @return a {@code this.rows() x other.rows()} matrix, summed over columns in ascending order
     */
    public Matrix timesTranspose(Matrix other) {
        requireNonNull("timesTranspose", other);
        if (columns() != other.columns()) {
            throw mismatch("timesTranspose", other,
                    "columns of the left " + columns() + " != columns of the right " + other.columns());
        }
        return Products.timesTranspose(rows, other.rows);
    }

    /**
     * The affine map of a dense layer, {@code this · otherᵀ + row}: the bits of
     * {@code timesTranspose(other).plusRow(row)}, in one call that allocates one matrix.
     *
     * @param other a matrix with as many columns as this one
     * @param row a {@code 1 x other.rows()} matrix, added to every row of the product
     * @return a {@code this.rows() x other.rows()} matrix
     */
    public Matrix timesTransposePlusRow(Matrix other, Matrix row) {
        requireNonNull("timesTransposePlusRow", other);
        requireNonNull("timesTransposePlusRow", row);
        if (columns() != other.columns()) {
            throw mismatch("timesTransposePlusRow", other,
                    "columns of the left " + columns() + " != columns of the right " + other.columns());
        }
        if (!(row.rows() == 1 && row.columns() == other.rows())) {
            throw new IllegalArgumentException("timesTransposePlusRow: row " + row.shape() + " does not fit "
                    + shape() + " · (" + other.shape() + ")ᵀ (expected 1x" + other.rows() + ")");
        }
        return Products.timesTransposePlusRow(rows, other.rows, row.rows[0]);
    }

    /** @return the transpose, a {@code columns() x rows()} matrix */
    public Matrix transpose() {
        return new Matrix(Products.transpose(rows));
    }

    /**
     * Applies a function to every entry. On a large matrix the rows are computed in parallel, so
     * {@code f} may be called from several threads at once and in any order: it must be a pure
     * function, as every function given to purenet is.
     *
     * @param f the function
     * @return a matrix of this shape with {@code f(this(i, j))} at {@code (i, j)}
     */
    public Matrix map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f is null");
        return new Matrix(Entrywise.map(rows, f));
    }

    /**
     * Combines this matrix with another of the same shape, entry by entry. On large matrices the
     * rows are computed in parallel, so {@code f} may be called from several threads at once and in
     * any order: it must be a pure function.
     *
     * @param other a matrix of the same shape
     * @param f the combining function, called as {@code f(this(i, j), other(i, j))}
     * @return a matrix of this shape
     */
    public Matrix zipWith(Matrix other, DoubleBinaryOperator f) {
        requireSameShape("zipWith", other);
        Objects.requireNonNull(f, "f is null");
        return new Matrix(Entrywise.zipWith(rows, other.rows, f));
    }

    /**
     * Adds a row to every row, such as a bias to every example of a batch.
     *
     * @param row a {@code 1 x columns()} matrix
     * @return a matrix of this shape
     */
    public Matrix plusRow(Matrix row) {
        requireNonNull("plusRow", row);
        if (!(row.rows() == 1 && row.columns() == columns())) {
            throw mismatch("plusRow", row, "the right must be 1x" + columns());
        }
        return new Matrix(Reductions.plusRow(rows, row.rows[0]));
    }

    /**
     * @return the {@code 1 x columns()} row of column sums, each accumulated from {@code +0.0} over
     *     rows in ascending order, like every sum of this class
     */
    public Matrix columnSums() {
        return new Matrix(new double[][] {Reductions.columnSums(rows)});
    }

    /** @return the {@code rows() x 1} column of row sums, each accumulated from {@code +0.0} left to right */
    public Matrix rowSums() {
        return new Matrix(Reductions.rowSums(rows));
    }

    /** @return the {@code rows() x 1} column of row maxima ({@code NaN} if a row holds one) */
    public Matrix rowMaxima() {
        return new Matrix(Reductions.rowMaxima(rows));
    }

    /**
     * Combines every entry with the entry of a column in the same row, such as subtracting each
     * row's maximum: {@code z.zipWithColumn(z.rowMaxima(), (x, m) -> x - m)}.
     *
     * @param column a {@code rows() x 1} matrix
     * @param f the combining function, called as {@code f(this(i, j), column(i, 0))}
     * @return a matrix of this shape
     */
    public Matrix zipWithColumn(Matrix column, DoubleBinaryOperator f) {
        requireNonNull("zipWithColumn", column);
        if (!(column.rows() == rows() && column.columns() == 1)) {
            throw mismatch("zipWithColumn", column, "the right must be " + rows() + "x1");
        }
        Objects.requireNonNull(f, "f is null");
        return new Matrix(Reductions.zipWithColumn(rows, column.rows, f));
    }

    /**
     * Combines every entry with the entry of a row in the same column, such as scaling each feature
     * of a batch: {@code x.zipWithRow(scale, (v, s) -> v * s)}.
     *
     * @param row a {@code 1 x columns()} matrix
     * @param f the combining function, called as {@code f(this(i, j), row(0, j))}
     * @return a matrix of this shape
     */
    public Matrix zipWithRow(Matrix row, DoubleBinaryOperator f) {
        requireNonNull("zipWithRow", row);
        if (!(row.rows() == 1 && row.columns() == columns())) {
            throw mismatch("zipWithRow", row, "the right must be 1x" + columns());
        }
        Objects.requireNonNull(f, "f is null");
        return new Matrix(Reductions.zipWithRow(rows, row.rows[0], f));
    }

    /**
     * Multiplies every entry by a number.
     *
     * @param factor the number
     * @return {@code factor · this}
     */
    public Matrix scale(double factor) {
        return new Matrix(Entrywise.scale(rows, factor));
    }

    /**
     * @param other a matrix of the same shape
     * @return the entry-wise sum
     */
    public Matrix plus(Matrix other) {
        requireSameShape("plus", other);
        return new Matrix(Entrywise.plus(rows, other.rows));
    }

    /**
     * {@code this + factor · other} in one pass, such as a gradient-descent step
     * {@code w.plusScaled(g, -learningRate)}; the same bits as {@code plus(other.scale(factor))}.
     *
     * @param other a matrix of the same shape
     * @param factor the factor of {@code other}
     * @return the entry-wise {@code this + factor · other}
     */
    public Matrix plusScaled(Matrix other, double factor) {
        requireSameShape("plusScaled", other);
        return new Matrix(Entrywise.plusScaled(rows, other.rows, factor));
    }

    /**
     * @param other a matrix of the same shape
     * @return the entry-wise difference {@code this - other}
     */
    public Matrix minus(Matrix other) {
        requireSameShape("minus", other);
        return new Matrix(Entrywise.minus(rows, other.rows));
    }

    /**
     * The rectified linear unit, entry by entry: {@code x > 0 ? x : 0.0}, so {@code -0.0} and NaN
     * give {@code 0.0}. The bits of {@code map(x -> x > 0.0 ? x : 0.0)}, without a call per entry.
     *
     * @return a matrix of this shape
     */
    public Matrix relu() {
        return new Matrix(Entrywise.relu(rows));
    }

    /**
     * The gradient through a ReLU whose input was this matrix: {@code (this > 0 ? 1.0 : 0.0) ·
     * gradient}, entry by entry, the bits of {@code zipWith(z -> step).hadamard(gradient)}, without a
     * call per entry.
     *
     * @param gradient the gradient at the ReLU's output, of this shape
     * @return the gradient at its input
     */
    public Matrix reluGradient(Matrix gradient) {
        requireSameShape("reluGradient", gradient);
        return new Matrix(Entrywise.reluGradient(rows, gradient.rows));
    }

    /**
     * @param other a matrix of the same shape
     * @return the entry-wise (Hadamard) product
     */
    public Matrix hadamard(Matrix other) {
        requireSameShape("hadamard", other);
        return new Matrix(Entrywise.hadamard(rows, other.rows));
    }

    /** @return the sum of all entries, accumulated from {@code +0.0} row by row, each row left to right */
    public double sum() {
        return Reductions.sum(rows);
    }

    /** @return the sum of the squares of all entries, in the order of {@link #sum()} */
    public double sumOfSquares() {
        return Reductions.sumOfSquares(rows);
    }

    /** @return whether every entry is finite, neither NaN nor infinite */
    public boolean isFinite() {
        return checked || Reductions.isFinite(rows);
    }

    /** @return the position {@code (row, column)} of the first entry that is NaN or infinite, if any */
    public Option<Tuple2<Integer, Integer>> firstNonFinite() {
        return firstOutside(-Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /**
     * The first entry, row by row, that is not a number in {@code [low, high]}: NaN, or below
     * {@code low}, or above {@code high}. Validation of values with a domain, such as targets that
     * must be at least 0, reads it.
     *
     * @param low the smallest value allowed
     * @param high the largest value allowed
     * @return the position {@code (row, column)} of that entry, if any
     */
    public Option<Tuple2<Integer, Integer>> firstOutside(double low, double high) {
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                double x = rows[i][j];
                if (!(x >= low && x <= high)) {
                    return Option.some(Tuple.of(i, j));
                }
            }
        }
        return Option.none();
    }

    /**
     * Checks that every entry is finite, for validation where values enter. The matrix it returns
     * remembers the check, and so do the matrices that {@link #selectRows} picks from it: checking
     * them again ({@link #isFinite()}, {@code requireFinite}) reads no entry. So a batch selected
     * from checked data is not scanned again on its way through training.
     *
     * @param name what this matrix is, for the message, such as {@code "inputs"}
     * @return a matrix equal to this one that remembers the check (this one if it already did)
     * @throws IllegalArgumentException naming the matrix, the bad value and its position
     */
    public Matrix requireFinite(String name) {
        if (checked) {
            return this;
        }
        if (Reductions.isFinite(rows)) {
            return new Matrix(rows, true);
        }
        for (Tuple2<Integer, Integer> at : firstNonFinite()) {
            throw new IllegalArgumentException(name + ": entry (" + at._1 + ", " + at._2 + ") of "
                    + shape() + " is " + rows[at._1][at._2] + ", expected a finite number");
        }
        return this;
    }

    /** @return a copy of the entries, as {@code [row][column]} */
    public double[][] toArray() {
        double[][] copy = new double[rows()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Matrix m && Arrays.deepEquals(rows, m.rows);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(rows);
    }

    /**
     * @return the shape, and the entries row by row when there are at most {@value #PRINTED_ENTRIES},
     *     such as {@code Matrix[1x2 [[0.5, -0.0]]]} or {@code Matrix[64x10]}
     */
    @Override
    public String toString() {
        if ((long) rows() * columns() > PRINTED_ENTRIES) {
            return "Matrix[" + shape() + "]";
        }
        StringBuilder text = new StringBuilder("Matrix[").append(shape()).append(" [");
        for (int i = 0; i < rows(); i++) {
            text.append(i == 0 ? "" : ", ").append(Arrays.toString(rows[i]));
        }
        return text.append("]]").toString();
    }

    private static void requireNonNull(String operation, Matrix other) {
        if (other == null) {
            throw new NullPointerException(operation + ": other is null");
        }
    }

    private void requireSameShape(String operation, Matrix other) {
        requireNonNull(operation, other);
        if (!(rows() == other.rows() && columns() == other.columns())) {
            throw mismatch(operation, other, "shapes must be equal");
        }
    }

    private IllegalArgumentException mismatch(String operation, Matrix other, String why) {
        return new IllegalArgumentException(
                operation + ": " + shape() + " and " + other.shape() + " do not fit (" + why + ")");
    }
}
