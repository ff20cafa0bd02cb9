package io.github.purenet.testing;

import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.data.Datasets;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * What targets a loss expects, so that {@link Generators#problems()} and
 * {@link Generators#datasets()} draw targets it accepts.
 *
 * <pre>{@code
 * Generators.problems().loss(myLoss, TargetKind.REAL);             // regression targets in [-1, 1]
 * Generators.datasets().targets(TargetKind.ONE_HOT);               // classification
 * }</pre>
 */
public enum TargetKind {

    /** Any real numbers; drawn uniform in {@code [-1, 1)}; shrunk toward 0 and fewer decimals. */
    REAL,

    /**
     * Numbers in {@code [0, 1]}, such as the targets of binary cross-entropy; drawn as exactly 0
     * or exactly 1 a quarter of the time, else uniform in {@code [0, 1)}; shrunk toward 0 and 1.
     */
    UNIT,

    /**
     * Rows of non-negative numbers that sum to 1, such as the targets of softmax cross-entropy;
     * drawn, for the whole matrix, as one-hot rows or as rows of positive numbers divided by their
     * sum, with even odds; shrunk toward one-hot rows.
     */
    PROBABILITIES,

    /** Rows with a single 1 and 0 elsewhere: classes; shrunk toward class 0. */
    ONE_HOT;

    /** How far from 1 the sum of a row of probabilities may be. */
    private static final double SUM_TOLERANCE = 1e-9;

    /** Draws a matrix of targets of this kind, row by row. */
    Matrix draw(SourceOfRandomness random, int rows, int columns) {
        return switch (this) {
            case REAL -> Values.uniform(random, rows, columns, -1.0, 1.0);
            case UNIT -> Matrix.of(rows, columns, (i, j) -> switch (random.nextInt(0, 7)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                default -> random.nextDouble();
            });
            case PROBABILITIES -> random.nextBoolean() ? oneHot(random, rows, columns)
                    : probabilities(random, rows, columns);
            case ONE_HOT -> oneHot(random, rows, columns);
        };
    }

    /** Whether a matrix holds targets of this kind. */
    boolean accepts(Matrix targets) {
        for (int i = 0; i < targets.rows(); i++) {
            double sum = 0.0;
            int ones = 0;
            for (int j = 0; j < targets.columns(); j++) {
                double y = targets.get(i, j);
                boolean ok = switch (this) {
                    case REAL -> Double.isFinite(y);
                    case UNIT, PROBABILITIES -> y >= 0.0 && y <= 1.0;
                    case ONE_HOT -> y == 0.0 || y == 1.0;
                };
                if (!ok) {
                    return false;
                }
                sum += y;
                ones += y == 1.0 ? 1 : 0;
            }
            if (this == PROBABILITIES && Math.abs(sum - 1.0) > SUM_TOLERANCE || this == ONE_HOT && ones != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code n} columns of targets of this kind, made targets of this kind again: rows
     * of probabilities are divided by their new sum, and a row that lost its 1 gets it in column 0.
     */
    Matrix firstColumns(Matrix targets, int n) {
        Matrix kept = Values.firstColumns(targets, n);
        if (this != PROBABILITIES && this != ONE_HOT) {
            return kept;
        }
        Matrix sums = kept.rowSums();
        return Matrix.of(kept.rows(), n, (i, j) -> {
            double sum = sums.get(i, 0);
            return sum > 0.0 ? kept.get(i, j) / sum : (j == 0 ? 1.0 : 0.0);
        });
    }

    /** Simpler targets of this kind, each different from {@code targets}. */
    Vector<Matrix> simpler(Matrix targets) {
        Vector<Matrix> candidates = switch (this) {
            case REAL -> Values.simpler(targets, -1.0, 1.0);
            case UNIT -> Values.simpler(targets, 0.0, 1.0);
            case PROBABILITIES, ONE_HOT -> Vector.of(
                    Matrix.of(targets.rows(), targets.columns(), (i, j) -> j == 0 ? 1.0 : 0.0),
                    Datasets.oneHot(Datasets.labels(targets), targets.columns())); // at each row's first largest
        };
        return candidates.distinct().filter(c -> !c.equals(targets));
    }

    /** One-hot rows, the hot column of each drawn in row order. */
    private static Matrix oneHot(SourceOfRandomness random, int rows, int columns) {
        return Datasets.oneHot(Vector.range(0, rows).map(i -> random.nextInt(0, columns - 1)), columns);
    }

    /** Rows of numbers in (0, 1] divided by their sum. */
    private static Matrix probabilities(SourceOfRandomness random, int rows, int columns) {
        Matrix positive = Matrix.of(rows, columns, (i, j) -> 1.0 - random.nextDouble());
        Matrix sums = positive.rowSums();
        return Matrix.of(rows, columns, (i, j) -> positive.get(i, j) / sums.get(i, 0));
    }
}
