package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** The text of {@link ConfusionMatrix#toString()}, {@link ConfusionMatrix#table} and {@link Evaluation#report}. */
class ReportTest {

    private static final ConfusionMatrix THREE = new ConfusionMatrix(
            Vector.of(Vector.of(1, 0, 0), Vector.of(1, 1, 0), Vector.of(0, 1, 1)));
    private static final Vector<String> IRIS = Vector.of("setosa", "versicolor", "virginica");

    @Test
    void aConfusionMatrixPrintsAsATableOfActualRowsAndPredictedColumns() {
        assertEquals("""
                actual\\predicted  0  1  2
                               0  1  0  0
                               1  1  1  0
                               2  0  1  1""", THREE.toString());
        assertEquals("""
                actual\\predicted    0    1
                               0   12    3
                               1    0  105""",
                new ConfusionMatrix(Vector.of(Vector.of(12, 3), Vector.of(0, 105))).toString());
    }

    @Test
    void aTableNamesItsClasses() {
        assertEquals("""
                actual\\predicted      setosa  versicolor   virginica
                          setosa           1           0           0
                      versicolor           1           1           0
                       virginica           0           1           1""", THREE.table(IRIS));
        assertEquals("""
                actual\\predicted   a  bb
                               a   2   0
                              bb   1   1""", new ConfusionMatrix(Vector.of(Vector.of(2, 0), Vector.of(1, 1))).table(Vector.of("a", "bb")));
        // a long name widens the first column and every column of counts
        assertEquals("""
                      actual\\predicted                     cat  a very long class name
                                   cat                       2                       0
                a very long class name                       1                       1""",
                new ConfusionMatrix(Vector.of(Vector.of(2, 0), Vector.of(1, 1))).table(Vector.of("cat", "a very long class name")));
    }

    @Test
    void theReportHasTheLayoutOfScikitLearnsClassificationReport() {
        Evaluation e = new Evaluation(0.5, THREE, Option.some(0.25), Option.none());
        // the first nine lines are scikit-learn 1.9's classification_report(y_true, y_pred, target_names=...) of the
        // same predictions, without its last line break
        assertEquals("""
                              precision    recall  f1-score   support

                      setosa       0.50      1.00      0.67         1
                  versicolor       0.50      0.50      0.50         2
                   virginica       1.00      0.50      0.67         2

                    accuracy                           0.60         5
                   macro avg       0.67      0.67      0.61         5
                weighted avg       0.70      0.60      0.60         5

                        loss     0.5000
                    log loss     0.2500""", e.report(IRIS));
        assertEquals(e.report(Vector.of("0", "1", "2")), e.report());
        assertTrue(e.report().contains("\n           1       0.50      0.50      0.50         2\n"), e.report());
    }

    @Test
    void theReportShowsTheRocAreaOfTwoClassesAndWidensForLongNames() {
        ConfusionMatrix two = new ConfusionMatrix(Vector.of(Vector.of(3, 1), Vector.of(0, 4)));
        Evaluation e = new Evaluation(0.125, two, Option.none(), Option.some(0.9375));
        // class 0: P 3/3, R 3/4, F1 6/7; class 1: P 4/5, R 4/4, F1 8/9; accuracy 7/8 rounds half to even;
        // the first eight lines are scikit-learn 1.9's for the same predictions and names
        assertEquals("""
                                      precision    recall  f1-score   support

                              benign       1.00      0.75      0.86         4
                a malignant tumour's       0.80      1.00      0.89         4

                            accuracy                           0.88         8
                           macro avg       0.90      0.88      0.87         8
                        weighted avg       0.90      0.88      0.87         8

                                loss     0.1250
                             ROC AUC     0.9375""", e.report(Vector.of("benign", "a malignant tumour's")));
    }

    @Test
    void numbersAreRoundedAsPythonRoundsThemHalfToEvenFromTheExactBinaryValue() {
        // Python: format(0.125, '.2f') == '0.12', 0.375 -> '0.38', 0.145 (just below in binary) -> '0.14'
        assertEquals("0.12", Reports.decimal(0.125, 2));
        assertEquals("0.38", Reports.decimal(0.375, 2));
        assertEquals("0.14", Reports.decimal(0.145, 2));
        assertEquals("0.99", Reports.decimal(0.995, 2));
        assertEquals("0.67", Reports.decimal(2.0 / 3.0, 2));
        assertEquals("1.00", Reports.decimal(1.0, 2));
        assertEquals("12.3457", Reports.decimal(12.345678, 4));
        assertEquals("NaN", Reports.decimal(Double.NaN, 4));
        assertEquals("Infinity", Reports.decimal(Double.POSITIVE_INFINITY, 4));
    }

    @Test
    void classNamesMustBeOnePerClassWithoutLineBreaks() {
        Evaluation e = new Evaluation(0.5, THREE);
        refuses("classNames has 2 names, expected one per class, 3", () -> e.report(Vector.of("a", "b")));
        refuses("classNames[1] is \"b\\nc\"", () -> e.report(Vector.of("a", "b\nc", "d")));
        refuses("classNames[2] is null", () -> THREE.table(Vector.of("a", "b", null)));
        assertThrows(NullPointerException.class, () -> THREE.table(null));
    }

    private static void refuses(String message, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
