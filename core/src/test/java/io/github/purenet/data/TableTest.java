package io.github.purenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Compact storage reads back the bits it was given: the oracle is the matrix of doubles itself,
 * compared entry by entry with {@link Double#doubleToRawLongBits} (so {@code -0.0} is not
 * {@code 0.0}).
 */
class TableTest {

    /** A matrix's entries as one of the three kinds of storage would hold them. */
    enum Kind {
        LEVELS, FLOATS, DOUBLES;

        Matrix of(Matrix m) {
            return switch (this) {
                case LEVELS -> m.map(x -> Math.round(x * 4) / 4.0 == 0.0 ? -0.0 * Math.signum(x) : Math.round(x * 4) / 4.0);
                case FLOATS -> m.map(x -> (double) (float) (x * 1e3));
                case DOUBLES -> m;
            };
        }
    }

    static void assertSameBits(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                assertEquals(Double.doubleToRawLongBits(expected.get(i, j)), Double.doubleToRawLongBits(actual.get(i, j)),
                        "entry (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void aCompactTableReadsBackEveryBitOfEveryKindAndAnySelectionOfRows() {
        Property.forAll(Generators.pairs(Generators.matrices().rows(1, 40).columns(1, 12).values(-3, 3),
                Generators.keys())).trials(300).check(p -> {
                    for (Kind kind : Kind.values()) {
                        Matrix m = kind.of(p._1);
                        Table t = Table.compact(m);
                        assertSameBits(m, t.matrix());
                        Vector<Integer> rows = p._2.permutation(m.rows()).value().take(1 + m.rows() / 2).append(0);
                        assertSameBits(m.selectRows(rows), t.select(rows).matrix());
                        assertEquals(Table.of(m), t);
                        assertEquals(Table.of(m).hashCode(), t.hashCode());
                        for (int i = 0; i < m.rows(); i++) {
                            for (int j = 0; j < m.columns(); j++) {
                                assertEquals(Double.doubleToRawLongBits(m.get(i, j)), Double.doubleToRawLongBits(t.get(i, j)));
                            }
                        }
                    }
                });
    }

    @Test
    void theStorageIsOneByteForAtMost256ValuesFourForFloatsAndEightOtherwise() {
        Matrix pixels = Matrix.of(300, 784, (i, j) -> ((i * 31 + j * 7) % 256) / 255.0);
        assertEquals(1.0, Table.compact(pixels).bytesPerEntry());
        assertSameBits(pixels, Table.compact(pixels).matrix()); // codes above 127 too
        assertSameBits(pixels.selectRows(Vector.of(299, 7)), Table.compact(pixels).select(Vector.of(299, 7)).matrix());
        assertEquals("Table[300x784, 1 byte per entry (256 levels)]", Table.compact(pixels).toString());
        // a 257th value after the first rows: the rows already stored become floats (every level is one)
        Matrix levels257 = Matrix.of(300, 1, (i, j) -> i < 299 ? i % 256 : 256.0);
        assertEquals(4.0, Table.compact(levels257).bytesPerEntry());
        assertSameBits(levels257, Table.compact(levels257).matrix());
        // a value that is not a float after 257 levels that are: all doubles
        Matrix notFloat = Matrix.of(300, 1, (i, j) -> i < 299 ? i : 0.1);
        assertEquals(8.0, Table.compact(notFloat).bytesPerEntry());
        assertSameBits(notFloat, Table.compact(notFloat).matrix());
        // levels that are not floats, then a 257th: doubles at once
        Matrix tenths = Matrix.of(300, 1, (i, j) -> i / 10.0);
        assertEquals(8.0, Table.compact(tenths).bytesPerEntry());
        assertSameBits(tenths, Table.compact(tenths).matrix());
        // -0.0 and 0.0 are two levels, each read back as itself
        Matrix zeros = Matrix.of(2, 2, (i, j) -> (i + j) % 2 == 0 ? 0.0 : -0.0);
        assertSameBits(zeros, Table.compact(zeros).matrix());
        assertEquals("Table[2x2 [[0.0, -0.0], [-0.0, 0.0]]]", Table.compact(zeros).toString());
        assertEquals(8.0, Table.of(pixels).bytesPerEntry());
    }

    @Test
    void oneHotTargetsKeepTheirLabelsAndReadAsDatasetsOneHot() {
        Vector<Integer> labels = Vector.of(2, 0, 1, 2, 2);
        Table t = Table.oneHot(labels, 4);
        assertSameBits(Datasets.oneHot(labels, 4), t.matrix());
        assertEquals(io.vavr.control.Option.some(labels), t.labels());
        assertEquals(1.0, t.bytesPerEntry());
        assertSameBits(Datasets.oneHot(Vector.of(2, 2), 4), t.select(Vector.of(3, 0)).matrix());
        assertEquals(Table.of(Datasets.oneHot(labels, 4)), t);
        assertEquals(io.vavr.control.Option.none(), Table.of(Datasets.oneHot(labels, 4)).labels());
        assertThrows(IllegalArgumentException.class, () -> Table.oneHot(Vector.of(0, 4), 4));
    }

    @Test
    void aStandardisedTableReadsAsTheStandardisedMatrixAndFitsTheSameStandardisation() {
        Property.forAll(Generators.matrices().rows(2, 30).columns(1, 6).values(-5, 5)).trials(200).check(raw -> {
            for (Kind kind : Kind.values()) {
                Matrix m = kind.of(raw);
                Standardization s = Standardization.fit(m);
                assertEquals(s, Standardization.fit(Table.compact(m)));
                Table once = s.apply(Table.compact(m));
                assertSameBits(s.apply(m), once.matrix());
                assertSameBits(s.apply(s.apply(m)), s.apply(once).matrix());
                assertSameBits(s.apply(m).selectRows(Vector.of(1, 0)), once.select(Vector.of(1, 0)).matrix());
                assertEquals(Double.doubleToRawLongBits(s.apply(m).get(1, 0)), Double.doubleToRawLongBits(once.get(1, 0)));
            }
        });
    }

    @Test
    void badShapesAndIndicesAreRefusedNamingThem() {
        assertEquals("shape: a table needs at least one row and one column, got 0x3",
                assertThrows(IllegalArgumentException.class, () -> Table.of(0, 3, (i, j) -> 0)).getMessage());
        Table t = Table.compact(Matrix.filled(2, 3, 1));
        assertEquals("select: row 2 is outside 2x3",
                assertThrows(IndexOutOfBoundsException.class, () -> t.select(Vector.of(2))).getMessage());
        assertEquals("get: (0, 3) is outside 2x3",
                assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 3)).getMessage());
        assertEquals("features: entry (1, 0) of 2x1 is NaN, expected a finite number",
                assertThrows(IllegalArgumentException.class, () -> Table.compact(Matrix.of(2, 1, (i, j) -> i == 1
                        ? Double.NaN : 0)).requireFinite("features")).getMessage());
        assertNotEquals(t, Table.compact(Matrix.filled(3, 2, 1)));
    }

    @Test
    void ofLevelsMakesTheTableThatOfMakesOfTheLevelsEntries() {
        // the oracle is Table.of over the same values, which finds each value among the others by its bits
        Vector<Vector<Double>> pools = Vector.of(
                Vector.range(0, 256).map(b -> b / 255.0),       // IDX pixels, codes above 127 too
                Vector.of(1.5, 0.0, -0.0, 1.5, 2.0, Double.NaN), // both zeros, two levels of the same bits
                Vector.of(7.0));
        Property.forAll(Generators.pairs(Generators.matrices().rows(1, 30).columns(1, 9).values(0, 1),
                Generators.keys())).trials(200).check(p -> {
                    Matrix u = p._1;
                    for (Vector<Double> pool : pools) {
                        for (int used : new int[] {pool.size(), Math.max(1, pool.size() / 3)}) { // some levels unused
                            LevelCodes codes = (i, j) -> (int) (u.get(i, j) * used);
                            Table expected = Table.of(u.rows(), u.columns(), (i, j) -> pool.get(codes.at(i, j)));
                            Table t = Table.ofLevels(pool, u.rows(), u.columns(), codes);
                            assertEquals(expected, t);
                            assertEquals(expected.toString(), t.toString()); // the number of levels kept
                            assertEquals(1.0, t.bytesPerEntry());
                            assertSameBits(expected.matrix(), t.matrix());
                            Vector<Integer> rows = p._2.permutation(u.rows()).value();
                            assertSameBits(expected.select(rows).matrix(), t.select(rows).matrix());
                        }
                    }
                });
    }

    @Test
    void ofLevelsRefusesCodesAndLevelsThatDoNotFitNamingThem() {
        Vector<Double> three = Vector.of(0.0, 0.5, 1.0);
        assertEquals("codes: the code of (1, 2) is 3, expected 0 to 2 (3 levels)",
                assertThrows(IllegalArgumentException.class, () -> Table.ofLevels(three, 2, 3,
                        (i, j) -> i == 1 && j == 2 ? 3 : j)).getMessage());
        assertEquals("codes: the code of (0, 0) is -1, expected 0 to 2 (3 levels)",
                assertThrows(IllegalArgumentException.class, () -> Table.ofLevels(three, 2, 3, (i, j) -> -1))
                        .getMessage());
        assertEquals("levels: expected 1 to 256 values, got 257",
                assertThrows(IllegalArgumentException.class, () -> Table.ofLevels(Vector.range(0, 257)
                        .map(Double::valueOf), 2, 3, (i, j) -> 0)).getMessage());
        assertEquals("levels: expected 1 to 256 values, got 0",
                assertThrows(IllegalArgumentException.class, () -> Table.ofLevels(Vector.empty(), 2, 3, (i, j) -> 0))
                        .getMessage());
        assertEquals("shape: a table needs at least one row and one column, got 2x0",
                assertThrows(IllegalArgumentException.class, () -> Table.ofLevels(three, 2, 0, (i, j) -> 0))
                        .getMessage());
    }

    @Test
    void aTableOfLevelsIsCheckedByItsLevelsAndANonFiniteLevelIsFoundWhereItIs() {
        // 3 levels, one byte an entry; the infinity is entry (2, 1) only
        Table bad = Table.of(3, 2, (i, j) -> i == 2 && j == 1 ? Double.NEGATIVE_INFINITY : i + j);
        assertEquals(1.0, bad.bytesPerEntry());
        assertEquals("pixels: entry (2, 1) of 3x2 is -Infinity, expected a finite number",
                assertThrows(IllegalArgumentException.class, () -> bad.requireFinite("pixels")).getMessage());
        Table good = Table.of(3, 2, (i, j) -> (i + j) / 255.0);
        assertEquals(1.0, good.bytesPerEntry());
        assertSame(good, good.requireFinite("pixels"));
        // a standardisation can make a level infinite (a deviation of 0 is refused, so use a tiny one):
        // the levels alone do not vouch for the entries then
        Matrix x = Matrix.of(3, 2, (i, j) -> i == 0 ? 1e300 : -1e300);
        Standardization s = new Standardization(Matrix.row(0.0, 0.0), Matrix.row(1e-300, 1e-300));
        Table scaled = Table.compact(x).standardized(s);
        assertEquals("x: entry (0, 0) of 3x2 is Infinity, expected a finite number",
                assertThrows(IllegalArgumentException.class, () -> scaled.requireFinite("x")).getMessage());
    }
}
