package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#firstOutside} and {@link Matrix#firstNonFinite} name the first entry, row by row,
 * that a plain scan of the rows finds outside the range, NaN included; {@link Matrix#isFinite} says
 * whether that scan finds a non-finite entry.
 */
class FirstOutsideTest {

    private static final double[] VALUES = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        -Double.MAX_VALUE, Double.MAX_VALUE, -1.0, -0.0, 0.0, Double.MIN_VALUE, 0.5, 1.0, 2.0};

    /** The scan the method is checked against: rows in order, each from its first column. */
    private static Option<Tuple2<Integer, Integer>> scan(double[][] m, double low, double high) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (Double.isNaN(m[i][j]) || m[i][j] < low || m[i][j] > high) {
                    return Option.some(Tuple.of(i, j));
                }
            }
        }
        return Option.none();
    }

    @Test
    void theFirstEntryOutsideIsThePlainScans() {
        Random random = new Random(5);
        double[][] ranges = {{0.0, Double.MAX_VALUE}, {0.0, 1.0}, {-Double.MAX_VALUE, Double.MAX_VALUE},
            {-0.0, 0.0}};
        int found = 0;
        for (int trial = 0; trial < 500; trial++) {
            double[][] m = new double[1 + random.nextInt(4)][];
            int columns = 1 + random.nextInt(trial % 2 == 0 ? 4 : 13); // past the four sums' unrolled steps
            for (int i = 0; i < m.length; i++) {
                m[i] = new double[columns];
                for (int j = 0; j < columns; j++) {
                    // mostly in [0, 1], so that the first entry outside falls anywhere
                    m[i][j] = random.nextInt(4) == 0 ? VALUES[random.nextInt(VALUES.length)] : random.nextDouble();
                }
            }
            Matrix matrix = Matrix.of(m);
            for (double[] range : ranges) {
                Option<Tuple2<Integer, Integer>> expected = scan(m, range[0], range[1]);
                assertEquals(expected, matrix.firstOutside(range[0], range[1]), "trial " + trial);
                found += expected.isDefined() ? 1 : 0;
            }
            assertEquals(scan(m, -Double.MAX_VALUE, Double.MAX_VALUE), matrix.firstNonFinite(), "trial " + trial);
            assertEquals(scan(m, -Double.MAX_VALUE, Double.MAX_VALUE).isEmpty(), matrix.isFinite(), "trial " + trial);
        }
        assertTrue(found > 500 && found < 1500, found + " of 2,000 scans found an entry outside");
    }
}
