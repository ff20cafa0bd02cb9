package io.github.purenet.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.tensor.Matrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Proves that {@link CaseGenerator} makes the cases it promises, covers them all, and shrinks them. */
class CaseGeneratorTest {

    @Test
    void casesHaveTheirBoundsAndTargetsThatFitTheLoss() {
        Property.forAll(new CaseGenerator()).trials(300).check(c -> {
            Case.Spec s = c.spec();
            assertTrue(s.layers() <= CaseGenerator.MAX_LAYERS && s.batch() <= CaseGenerator.MAX_BATCH
                    && s.inputs() <= CaseGenerator.MAX_WIDTH, s::toString);
            assertTrue(s.widths().stream().allMatch(w -> w <= CaseGenerator.MAX_WIDTH), s::toString);
            Stream<Matrix> numbers = Stream.concat(Stream.of(c.inputs()),
                    c.network().layers().toJavaStream().flatMap(d -> Stream.of(d.weights(), d.bias())));
            assertTrue(numbers.flatMapToDouble(CaseGeneratorTest::entries)
                    .allMatch(x -> x >= -1.0 && x <= 1.0 && Double.doubleToRawLongBits(x) != Long.MIN_VALUE));
            double[][] y = c.targets().toArray();
            switch (s.loss()) {
                case BINARY_CROSS_ENTROPY -> assertTrue(entries(c.targets()).allMatch(t -> t >= 0.0 && t <= 1.0));
                case SOFTMAX_CROSS_ENTROPY -> assertTrue(Arrays.stream(y).allMatch(row -> Arrays.stream(row)
                        .allMatch(t -> t >= 0.0) && Math.abs(Arrays.stream(row).sum() - 1.0) < 1e-12));
                default -> assertTrue(entries(c.targets()).allMatch(t -> t >= -1.0 && t <= 1.0));
            }
            Backprop.loss(c.network(), c.inputs(), c.targets(), c.loss()); // the loss accepts the network
        });
    }

    @Test
    void casesCoverEveryHiddenActivationWithEveryLossAndTheLargestShapes() {
        Set<String> seen = new HashSet<>();
        Property.forAll(new CaseGenerator()).trials(400).check(c -> {
            Case.Spec s = c.spec();
            s.activations().subList(0, s.layers() - 1).forEach(a -> seen.add(a + " before " + s.loss()));
            s.activations().subList(s.layers() - 1, s.layers()).forEach(a -> seen.add(a + " last with " + s.loss()));
            seen.add(s.layers() + " layers");
            seen.add("batch " + s.batch());
            s.widths().forEach(w -> seen.add("width " + w));
        });
        for (LossKind loss : LossKind.values()) {
            for (ActivationKind a : ActivationKind.values()) {
                assertTrue(seen.contains(a + " before " + loss), a + " before " + loss);
                assertEquals(loss.accepts(a), seen.contains(a + " last with " + loss), a + " last with " + loss);
            }
        }
        assertTrue(seen.containsAll(List.of("1 layers", "4 layers", "batch 1", "batch 5", "width 1", "width 8")),
                seen::toString);
    }

    @Test
    void theSameSpecAlwaysBuildsTheSameCase() {
        Case.Spec spec = new Case.Spec(3, List.of(4, 2), List.of(ActivationKind.TANH, ActivationKind.SOFTMAX),
                LossKind.SOFTMAX_CROSS_ENTROPY, 3, 77);
        assertEquals(Case.of(spec), Case.of(spec));
    }

    @Test
    void aSpecWhoseLossRefusesItsLastActivationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Case.Spec(2, List.of(2), List.of(ActivationKind.TANH),
                LossKind.BINARY_CROSS_ENTROPY, 1, 0));
    }

    @Test
    void aFailureThatNeedsOneTanhLayerShrinksToTheSmallestSuchCase() {
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new CaseGenerator())
                .check(c -> assertTrue(c.network().layers().map(Dense::activation)
                        .forAll(a -> !a.equals(ActivationKind.TANH.activation())))));
        assertTrue(error.getMessage().contains("to: Case[Network[1-1 tanh] squared_error, batch 1; "
                + "Spec[1-1 [TANH] SQUARED_ERROR, batch 1, values 0]]"), error.getMessage());
    }

    private static DoubleStream entries(Matrix m) {
        return Arrays.stream(m.toArray()).flatMapToDouble(Arrays::stream);
    }
}
