package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A matrix that {@link Matrix#requireFinite} checked remembers it, and so do the rows
 * {@link Matrix#selectRows} picks from it: what it says of finiteness stays what a scan of its
 * entries says, for checked matrices, for matrices never checked, and for the matrices computed
 * from checked ones, which may overflow.
 */
class CheckedFinitenessTest {

    private static final double[] BAD = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};

    /** The oracle: a plain scan of the entries. */
    private static boolean scan(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aCheckedMatrixAndItsSelectedRowsSayWhatAScanSays() {
        Random random = new Random(11);
        int refused = 0;
        for (int trial = 0; trial < 400; trial++) {
            int rows = 1 + random.nextInt(6);
            boolean bad = trial % 3 == 0;
            int badRow = random.nextInt(rows);
            double[][] values = new double[rows][3];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 3; j++) {
                    values[i][j] = bad && i == badRow && j == 1 ? BAD[random.nextInt(BAD.length)] : random.nextGaussian();
                }
            }
            Matrix m = Matrix.of(values);
            Vector<Integer> picked = Vector.fill(1 + random.nextInt(4), () -> random.nextInt(rows));
            if (bad) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.requireFinite("m"));
                assertEquals("m: entry (" + badRow + ", 1) of " + rows + "x3 is " + values[badRow][1]
                        + ", expected a finite number", e.getMessage());
                assertFalse(m.isFinite());
                // rows picked from a matrix never checked are scanned: with the bad row, they are refused
                Matrix selected = m.selectRows(picked);
                assertEquals(scan(selected), selected.isFinite(), "trial " + trial);
                assertEquals(!picked.contains(badRow), selected.isFinite(), "trial " + trial);
                assertFalse(selected.checked(), "trial " + trial);
                refused++;
                continue;
            }
            Matrix checked = m.requireFinite("m");
            assertEquals(m, checked);
            assertTrue(checked.isFinite());
            assertFalse(m.checked(), "a matrix is not checked until requireFinite checks it");
            assertTrue(checked.checked(), "a checked matrix remembers the check");
            assertSame(checked, checked.requireFinite("again"));
            Matrix selected = checked.selectRows(picked);
            assertEquals(m.selectRows(picked), selected);
            assertTrue(selected.checked(), "rows of a checked matrix remember the check");
            assertSame(selected, selected.requireFinite("selected"));
            // what is computed from a checked matrix is not assumed finite: it may overflow
            Matrix huge = checked.scale(Double.MAX_VALUE).scale(4.0);
            assertEquals(scan(huge), huge.isFinite(), "trial " + trial);
            assertFalse(huge.isFinite(), "trial " + trial);
            assertFalse(checked.scale(1.0).checked(), "trial " + trial);
            Matrix sum = checked.plus(huge);
            assertEquals(scan(sum), sum.isFinite(), "trial " + trial);
        }
        assertTrue(refused > 100, refused + " matrices refused");
    }

    @Test
    void aBatchOfCheckedDataIsNotScannedAgain() {
        Matrix features = Key.of(4).normal(10, 3, 0.0, 1.0).value();
        Dataset data = new Dataset(features, Matrix.of(10, 2, (i, j) -> j == i % 2 ? 1.0 : 0.0));
        var batch = Batching.miniBatches(4).batch(data, Key.of(5), 0, 1);
        assertTrue(data.features().matrix().checked(), "the dataset keeps its checked matrix");
        assertTrue(batch.inputs().checked(), "its batches remember the check");
        assertTrue(batch.targets().checked());
        assertEquals(data.features().matrix().selectRows(Batching.miniBatches(4).rows(
                Batching.miniBatches(4).order(Key.of(5), 0, 10), 1)), batch.inputs());
    }
}
