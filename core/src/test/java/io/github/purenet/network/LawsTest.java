package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Reference;
import io.github.purenet.testing.Addends;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Operands;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.PurityCheck;
import io.github.purenet.testing.ValueKind;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Algebraic laws of the network functions, of {@link Gradients} and of {@link Matrix}'s products. */
class LawsTest {

    @Test
    void forwardIsPureTwoCallsAndEqualInputsGiveEqualTraces() {
        Property.forAll(Generators.problems()).trials(200).check(c ->
                PurityCheck.verify(x -> Backprop.forward(c.network(), x), () -> Matrix.of(c.inputs().toArray())));
    }

    @Test
    void forwardBackwardStepAndGradientArithmeticChangeNoArgument() {
        Property.forAll(Generators.problems()).trials(200).check(c -> {
            Object[] given = snapshot(c.network(), c.inputs(), c.targets());
            Trace trace = Backprop.forward(c.network(), c.inputs());
            Object[] traced = snapshot(trace);
            Gradients g = Backprop.backward(c.network(), trace, c.targets(), c.loss()).gradients();
            Object[] gradients = snapshot(g);
            Backprop.step(c.network(), g, 0.1);
            Gradients h = g.plus(g.scale(-2.0)).map(Math::abs).zipWith(g, Math::max);
            Object[] derived = snapshot(h);
            g.plus(h);
            h.scale(3.0);
            Backprop.lossAndGradients(c.network(), c.inputs(), c.targets(), c.loss());
            Backprop.loss(c.network(), c.inputs(), c.targets(), c.loss());
            assertUnchanged(given, () -> snapshot(c.network(), c.inputs(), c.targets()), "network, inputs, targets");
            assertUnchanged(traced, () -> snapshot(trace), "trace");
            assertUnchanged(gradients, () -> snapshot(g), "gradients");
            assertUnchanged(derived, () -> snapshot(h), "derived gradients");
        });
    }

    @Test
    void matrixOperationsChangeNeitherOperandAndCopyAtTheBoundary() {
        Property.forAll(new Operands.Gen(1, 12)).trials(200).check(o -> {
            Matrix a = o.matrix(o.n(), o.p(), 0);
            Matrix b = o.matrix(o.p(), o.m(), 1);
            Matrix c = o.matrix(o.n(), o.p(), 2);
            Matrix row = o.matrix(1, o.p(), 3);
            Matrix column = o.matrix(o.n(), 1, 4);
            Object[] before = snapshot(a, b, c, row, column);
            Stream.of(a.times(b), a.transposeTimes(c), a.timesTranspose(c), a.transpose(), a.map(x -> x + 1),
                    a.zipWith(c, Math::max), a.plus(c), a.minus(c), a.hadamard(c), a.scale(2.5), a.plusRow(row),
                    a.columnSums(), a.rowSums(), a.rowMaxima(), a.zipWithColumn(column, (x, y) -> x * y),
                    Matrix.row(a.sum(), a.sumOfSquares())).forEach(Matrix::shape);
            assertUnchanged(before, () -> snapshot(a, b, c, row, column), "operands");

            double[][] exported = a.toArray();
            double[][] imported = a.toArray();
            Matrix copy = Matrix.of(imported);
            exported[0][0] = 42.0;
            imported[0][0] = 42.0;
            assertUnchanged(before, () -> snapshot(a, b, c, row, column), "a after writing into its export");
            assertEquals(a, copy, "Matrix.of copies its argument");
        });
    }

    /**
     * {@link Gradients#zero} is all {@code -0.0}, so a step subtracts {@code η · (-0.0) = -0.0}: that
     * leaves every weight as it was except {@code -0.0}, which becomes {@code +0.0}, as its javadoc
     * says. Generated weights are never {@code -0.0} (checked here), so the network comes back equal.
     */
    @Test
    void stepWithZeroGradientsReturnsAnEqualNetwork() {
        Property.forAll(Generators.problems()).trials(200).check(c -> {
            assertTrue(Arrays.stream(snapshot(c.network())).flatMap(m -> Arrays.stream((double[][]) m))
                    .flatMapToDouble(Arrays::stream).noneMatch(x -> Double.doubleToRawLongBits(x) == Long.MIN_VALUE),
                    "generated weights are never -0.0");
            for (double learningRate : new double[] {1e-3, 0.5, 1.0, 1e6}) {
                assertEquals(c.network(), Backprop.step(c.network(), Gradients.zero(c.network()), learningRate));
            }
        });
    }

    @Test
    void stepWithZeroGradientsTurnsOnlyANegativeZeroWeightIntoPositiveZeroAsDocumented() {
        Network network = Network.of(new Dense(Matrix.row(-0.0, 0.0, -1.5), Matrix.row(-0.0), Activations.identity()));
        Network stepped = Backprop.step(network, Gradients.zero(network), 0.1);
        assertEquals(Network.of(new Dense(Matrix.row(0.0, 0.0, -1.5), Matrix.row(0.0), Activations.identity())),
                stepped);
        assertNotEquals(network, stepped);
    }

    @Test
    void zeroIsAnIdentityOfPlusOnBothSidesEvenForNegativeZeroNaNAndInfinities() {
        for (ValueKind kind : ValueKind.values()) {
            Property.forAll(new Addends.Gen(kind)).trials(100).check(x -> {
                Gradients zero = Gradients.zero(x.network());
                assertEquals(x.a(), x.a().plus(zero));
                assertEquals(x.a(), zero.plus(x.a()));
            });
        }
    }

    @Test
    void plusIsCommutativeBitForBitEvenForNegativeZeroNaNAndInfinities() {
        for (ValueKind kind : ValueKind.values()) {
            Property.forAll(new Addends.Gen(kind)).trials(100).check(x ->
                    assertEquals(x.a().plus(x.b()), x.b().plus(x.a())));
        }
    }

    @Test
    void plusIsAssociativeBitForBitOnDyadicValues() {
        Property.forAll(new Addends.Gen(ValueKind.DYADIC)).trials(200).check(x ->
                assertEquals(x.a().plus(x.b()).plus(x.c()), x.a().plus(x.b().plus(x.c()))));
    }

    /** Each of the two roundings errs by at most 2^-53 of a partial sum, so 1e-12 is a loose bound. */
    @Test
    void plusIsAssociativeWithinRoundingOnArbitraryFiniteValues() {
        Property.forAll(new Addends.Gen(ValueKind.FINITE)).trials(200).check(x -> {
            double[] left = entries(x.a().plus(x.b()).plus(x.c()));
            double[] right = entries(x.a().plus(x.b().plus(x.c())));
            double[] a = entries(x.a());
            double[] b = entries(x.b());
            double[] c = entries(x.c());
            for (int i = 0; i < left.length; i++) {
                double magnitude = Math.abs(a[i]) + Math.abs(b[i]) + Math.abs(c[i]);
                assertTrue(Math.abs(left[i] - right[i]) <= 1e-12 * magnitude, "entry " + i + ": (a + b) + c = "
                        + left[i] + " but a + (b + c) = " + right[i] + " for " + a[i] + ", " + b[i] + ", " + c[i]);
            }
        });
    }

    @Test
    void timesEqualsTheNaiveTripleLoopBitForBit() {
        Property.forAll(new Operands.Gen(1, 12)).trials(300).check(o -> {
            Matrix a = o.matrix(o.n(), o.p(), 0);
            Matrix b = o.matrix(o.p(), o.m(), 1);
            Reference.assertSameBits(Reference.product(a.toArray(), b.toArray()), a.times(b), "times");
        });
    }

    @Test
    void transposeTimesEqualsTheNaiveTripleLoopAndTransposeThenTimesBitForBit() {
        Property.forAll(new Operands.Gen(1, 12)).trials(300).check(o -> {
            Matrix a = o.matrix(o.n(), o.p(), 0);
            Matrix b = o.matrix(o.n(), o.m(), 1);
            Reference.assertSameBits(Reference.product(Reference.transpose(a.toArray()), b.toArray()), a.transposeTimes(b),
                    "transposeTimes");
            assertEquals(a.transpose().times(b), a.transposeTimes(b));
        });
    }

    /** Below 4 rows {@code timesTranspose} takes dot products; from 4 rows on it transposes and multiplies. */
    @Test
    void timesTransposeEqualsTheNaiveTripleLoopBitForBitWithFewerThanFourRows() {
        checkTimesTranspose(1, 3);
    }

    @Test
    void timesTransposeEqualsTheNaiveTripleLoopBitForBitWithFourRowsOrMore() {
        checkTimesTranspose(4, 12);
    }

    private static void checkTimesTranspose(int minRows, int maxRows) {
        Property.forAll(new Operands.Gen(minRows, maxRows)).trials(300).check(o -> {
            Matrix a = o.matrix(o.n(), o.p(), 0);
            Matrix b = o.matrix(o.m(), o.p(), 1);
            Reference.assertSameBits(Reference.product(a.toArray(), Reference.transpose(b.toArray())), a.timesTranspose(b),
                    "timesTranspose");
            assertEquals(a.times(b.transpose()), a.timesTranspose(b));
        });
    }

    /** Copies of every matrix in the values (matrices, networks, traces, gradients), in order. */
    private static Object[] snapshot(Object... values) {
        return Arrays.stream(values).flatMap(LawsTest::matrices).map(Matrix::toArray).toArray();
    }

    private static Stream<Matrix> matrices(Object value) {
        if (value instanceof Matrix m) {
            return Stream.of(m);
        } else if (value instanceof Network n) {
            return Stacks.layers(n).toJavaStream().flatMap(d -> Stream.of(d.weights(), d.bias()));
        } else if (value instanceof Trace t) {
            return Stream.of(t.inputs(), t.output(), t.logits());
        } else if (value instanceof Gradients g) {
            return Stacks.layers(g).toJavaStream().flatMap(d -> Stream.of(d.weights(), d.bias()));
        }
        throw new IllegalArgumentException("no matrices in " + value);
    }

    private static void assertUnchanged(Object[] before, Supplier<Object[]> after, String what) {
        assertTrue(Arrays.deepEquals(before, after.get()), what + " changed");
    }

    private static double[] entries(Gradients g) {
        return matrices(g).flatMap(m -> Arrays.stream(m.toArray())).flatMapToDouble(Arrays::stream).toArray();
    }
}
