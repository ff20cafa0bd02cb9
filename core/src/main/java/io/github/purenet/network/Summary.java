package io.github.purenet.network;

import io.vavr.collection.Vector;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A network's layers as a table, like Keras's {@code model.summary()}: each layer's path, kind,
 * output shape and number of parameters (and of non-trainable state, when the network has any),
 * and the totals. Made by {@link Network#summary()}.
 *
 * <h2>Text</h2>
 * {@link #toString()} prints the table; for a 64-128-10 network with ReLU and softmax:
 * <pre>
 * layer      kind           output  parameters
 * input                         64
 * layers[0]  dense relu        128       8,320
 * layers[1]  dense softmax      10       1,290
 * total                                  9,610
 * </pre>
 * A header line, a line for the input (its shape only), one line per row, and a last line with
 * the total. The columns are separated by two spaces; layer and kind are aligned left, output and
 * parameters (numbers) right, each as wide as its widest cell; no line ends in a space, and the
 * text ends without a line break. Parameters are grouped by thousands with commas ({@code %,d} in
 * {@link Locale#ROOT}), so the text is the same on every machine.
 *
 * <p>A network with non-trainable state (batch normalisation's running mean and variance) gets a
 * fifth column, {@code state}, with each row's count of state numbers and their total; the
 * {@code parameters} column then counts only the trainable ones, as Keras's "trainable" and
 * "non-trainable" counts do:
 * <pre>
 * layer      kind        output  parameters  state
 * input                       8
 * layers[0]  dense relu      16         144      0
 * layers[1]  batch_norm      16          32     32
 * layers[2]  dropout 0.5     16           0      0
 * total                                 176     32
 * </pre>
 * A network without state keeps the four columns.
 *
 * <h2>Why a value, not a string</h2>
 * The command line prints the text, but tests, tools and users may want the numbers: a row's
 * parameter count, the output shape at a path. So the summary is a record of rows, and the text is
 * its {@code toString}, built from the rows alone. {@link Network#toString()} stays the short form
 * ({@code Network[64-128-10 relu,softmax]}).
 *
 * <h2>Paths and kinds</h2>
 * A row's path is the layer's place in the network, as error messages name it: {@code layers[0]},
 * {@code layers[1]}, and, once layers nest, {@code layers[3].inner.layers[0]}. Its kind is the
 * layer's kind and fixed settings in one short word group: {@code dense relu} is a dense layer
 * with a ReLU activation. One kind column, rather than a column per setting, holds any future kind
 * ({@code dropout 0.5}, {@code residual}) without empty columns.
 *
 * <h2>Totals</h2>
 * Every row is a layer that holds its own parameters (no row counts another's: a
 * {@code sequential} or {@code residual} row counts 0, its children count theirs), so the total is
 * the sum of the rows, which equals {@link Network#parameterCount()}; likewise the total of the
 * state column is the number of entries of {@link Network#state()}.
 *
 * @param input the shape of one example that the network takes
 * @param rows the layers, in the order they are applied, at least one
 */
public record Summary(Shape input, Vector<Row> rows) {

    private static final String SEPARATOR = "  ";
    private static final int COLUMNS = 4;

    /**
     * One layer of the table.
     *
     * @param path the layer's path in the network, such as {@code layers[0]}; not blank
     * @param kind the layer's kind and settings, such as {@code dense relu}; not blank
     * @param outputShape the shape of the layer's output for one example
     * @param parameters the number of the layer's trainable parameters, at least 0
     * @param state the number of the layer's non-trainable state numbers, at least 0
     */
    public record Row(String path, String kind, Shape outputShape, long parameters, long state) {

        /**
         * Checks the row.
         *
         * @param path the layer's path in the network, such as {@code layers[0]}; not blank
         * @param kind the layer's kind and settings, such as {@code dense relu}; not blank
         * @param outputShape the shape of the layer's output for one example
         * @param parameters the number of the layer's trainable parameters, at least 0
         * @param state the number of the layer's non-trainable state numbers, at least 0
         * @throws IllegalArgumentException if {@code path} or {@code kind} is blank or
         *     {@code parameters} or {@code state} is negative, naming the argument and the row's path
         */
        public Row {
            Objects.requireNonNull(path, "path is null");
            Objects.requireNonNull(kind, () -> "Summary.Row " + path + ": kind is null");
            Objects.requireNonNull(outputShape, () -> "Summary.Row " + path + ": outputShape is null");
            if (path.isBlank()) {
                throw new IllegalArgumentException("Summary.Row: path is blank; name the layer, such as layers[0]");
            }
            if (kind.isBlank()) {
                throw new IllegalArgumentException("Summary.Row " + path + ": kind is blank");
            }
            if (parameters < 0) {
                throw new IllegalArgumentException("Summary.Row " + path + ": parameters is " + parameters
                        + ", must be at least 0");
            }
            if (state < 0) {
                throw new IllegalArgumentException("Summary.Row " + path + ": state is " + state + ", must be at least 0");
            }
        }

        /**
         * A row of a layer without state.
         *
         * @param path the layer's path in the network, such as {@code layers[0]}; not blank
         * @param kind the layer's kind and settings, such as {@code dense relu}; not blank
         * @param outputShape the shape of the layer's output for one example
         * @param parameters the number of the layer's trainable parameters, at least 0
         */
        public Row(String path, String kind, Shape outputShape, long parameters) {
            this(path, kind, outputShape, parameters, 0);
        }
    }

    /**
     * Checks the summary.
     *
     * @param input the shape of one example that the network takes
     * @param rows the layers, in the order they are applied, at least one
     * @throws IllegalArgumentException if {@code rows} is empty or a total overflows a {@code long}
     */
    public Summary {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(rows, "rows is null");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Summary: rows is empty; a network has at least one layer");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new NullPointerException("Summary: rows[" + i + "] is null");
            }
        }
        total(rows, Row::parameters, "parameters");
        total(rows, Row::state, "state numbers");
    }

    /** @return the total number of trainable parameters, the sum over the rows */
    public long parameters() {
        return total(rows, Row::parameters, "parameters");
    }

    /** @return the total number of non-trainable state numbers, the sum over the rows */
    public long state() {
        return total(rows, Row::state, "state numbers");
    }

    /** @return the table, as the class documentation shows it */
    @Override
    public String toString() {
        boolean withState = state() > 0;
        Vector<Vector<String>> table = Vector.of(Vector.of("layer", "kind", "output", "parameters", "state"),
                        Vector.of("input", "", input.toString(), "", ""))
                .appendAll(rows.map(r -> Vector.of(r.path(), r.kind(), r.outputShape().toString(),
                        grouped(r.parameters()), grouped(r.state()))))
                .append(Vector.of("total", "", "", grouped(parameters()), grouped(state())));
        int columns = withState ? COLUMNS + 1 : COLUMNS;
        Vector<Vector<String>> lines = table.map(line -> line.take(columns));
        Vector<Integer> widths = Vector.range(0, columns)
                .map(c -> lines.map(line -> line.get(c).length()).max().get());
        return lines.map(line -> Vector.range(0, line.size())
                        .map(c -> String.format(Locale.ROOT, c < 2 ? "%-" + widths.get(c) + "s" : "%"
                                + widths.get(c) + "s", line.get(c)))
                        .mkString(SEPARATOR).stripTrailing())
                .mkString("\n");
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long total(Vector<Row> rows, ToLongFunction<Row> count, String what) {
        long sum = 0;
        for (Row r : rows) {
            try {
                sum = Math.addExact(sum, count.applyAsLong(r));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Summary: the " + what + " overflow a long at row " + r.path(), e);
            }
        }
        return sum;
    }
}
