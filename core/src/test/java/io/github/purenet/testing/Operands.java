package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Three dimensions for the operands of a product, such as an {@code n x p} and a {@code p x m}
 * matrix, and the kind and seed of their entries; made and shrunk by {@link Operands.Gen}.
 *
 * @param n the rows of the left operand, from 1
 * @param p the inner dimension, from 1
 * @param m the other dimension of the right operand, from 1
 * @param kind the kind of the entries
 * @param values the seed of the entries
 */
public record Operands(int n, int p, int m, ValueKind kind, long values) {

    /**
     * A matrix of the operands' entries; the same arguments give the same matrix.
     *
     * @param rows its rows
     * @param columns its columns
     * @param salt which matrix, so that two of one shape differ
     * @return the matrix
     */
    public Matrix matrix(int rows, int columns, int salt) {
        Random random = new Random(values * 31 + salt);
        return Matrix.of(rows, columns, (i, j) -> kind.draw(random));
    }

    /** Generates operands with {@code n} in a range and {@code p, m} in 1..12; shrinks the sizes. */
    public static final class Gen extends Generator<Operands> {
        private final int minRows;
        private final int maxRows;

        /**
         * @param minRows the least {@code n}
         * @param maxRows the largest {@code n}
         */
        public Gen(int minRows, int maxRows) {
            super(Operands.class);
            this.minRows = minRows;
            this.maxRows = maxRows;
        }

        @Override
        public Operands generate(SourceOfRandomness random, GenerationStatus status) {
            return new Operands(random.nextInt(minRows, maxRows), random.nextInt(1, 12), random.nextInt(1, 12),
                    random.choose(ValueKind.values()), random.nextLong());
        }

        @Override
        public List<Operands> doShrink(SourceOfRandomness random, Operands o) {
            List<Operands> smaller = new ArrayList<>();
            if (o.n() > minRows) {
                smaller.add(new Operands(minRows, o.p(), o.m(), o.kind(), o.values()));
                smaller.add(new Operands(o.n() - 1, o.p(), o.m(), o.kind(), o.values()));
            }
            if (o.p() > 1) {
                smaller.add(new Operands(o.n(), 1, o.m(), o.kind(), o.values()));
                smaller.add(new Operands(o.n(), o.p() - 1, o.m(), o.kind(), o.values()));
            }
            if (o.m() > 1) {
                smaller.add(new Operands(o.n(), o.p(), 1, o.kind(), o.values()));
                smaller.add(new Operands(o.n(), o.p(), o.m() - 1, o.kind(), o.values()));
            }
            if (o.kind() != ValueKind.DYADIC) {
                smaller.add(new Operands(o.n(), o.p(), o.m(), ValueKind.DYADIC, o.values()));
            }
            return smaller.stream().distinct().filter(s -> !s.equals(o)).toList();
        }
    }
}
