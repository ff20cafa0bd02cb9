package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Dense;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link ProblemGenerator} makes the problems it promises, covers every activation with every
 * loss, serves a user's own loss, keeps away from kinks, and finds a user's wrong gradient.
 */
class ProblemGeneratorTest {

    /** Half the mean squared error, with a gradient that forgets to divide by the batch size. */
    private static final Loss WRONG_GRADIENT = new Loss() {
        @Override
        public String name() {
            return "half_squared_error_without_mean";
        }

        @Override
        public double value(Matrix prediction, Matrix target) {
            return prediction.minus(target).sumOfSquares() / (2.0 * prediction.rows());
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            return prediction.minus(target);
        }
    };

    @Test
    void problemsHaveTheirBoundsAndTargetsThatTheirLossAccepts() {
        Property.forAll(Generators.problems()).trials(300).check(p -> {
            assertTrue(p.network().layers().size() <= 4 && p.batch() <= 5 && p.network().inputs() <= 8, p::toString);
            assertTrue(Stacks.layers(p.network()).forAll(d -> d.outputs() <= 8), p::toString);
            assertTrue(p.inputs().map(x -> x >= -1 && x <= 1 && Double.doubleToRawLongBits(x) != Long.MIN_VALUE
                    ? 0 : 1).sum() == 0);
            TargetKind kind = switch (p.loss().name()) {
                case "softmax_cross_entropy" -> TargetKind.PROBABILITIES;
                case "binary_cross_entropy" -> TargetKind.UNIT;
                default -> TargetKind.REAL;
            };
            assertTrue(kind.accepts(p.targets()), p::toString);
            assertTrue(Double.isFinite(p.lossAndGradients().loss()), "the loss accepts the problem: " + p);
        });
    }

    @Test
    void problemsCoverEveryHiddenActivationWithEveryLossAndTheLargestShapes() {
        Set<String> seen = new HashSet<>();
        Property.forAll(Generators.problems()).trials(400).check(p -> {
            Vector<Activation> activations = Stacks.layers(p.network()).map(Dense::activation);
            activations.init().forEach(a -> seen.add(a.name() + " before " + p.loss().name()));
            seen.add(activations.last().name() + " last with " + p.loss().name());
            seen.add(activations.size() + " layers");
            seen.add("batch " + p.batch());
            Stacks.layers(p.network()).forEach(d -> seen.add("width " + d.outputs()));
        });
        for (Loss loss : ProblemGenerator.builtInLosses()) {
            for (Activation a : NetworkGenerator.builtInActivations()) {
                assertTrue(seen.contains(a.name() + " before " + loss.name()), a.name() + " before " + loss.name());
                assertEquals(ProblemGenerator.accepts(loss, a), seen.contains(a.name() + " last with " + loss.name()),
                        a.name() + " last with " + loss.name());
            }
        }
        assertTrue(seen.containsAll(List.of("1 layers", "4 layers", "batch 1", "batch 5", "width 1", "width 8")),
                seen::toString);
    }

    @Test
    void aUsersLossGetsTargetsOfItsKindAndAFusedLossNetworksThatEndInItsActivation() {
        Property.forAll(Generators.problems().loss(WRONG_GRADIENT, TargetKind.UNIT)).check(p -> {
            assertEquals(WRONG_GRADIENT, p.loss());
            assertTrue(TargetKind.UNIT.accepts(p.targets()), p::toString);
        });
        Property.forAll(Generators.problems().loss(Losses.binaryCrossEntropy(), TargetKind.ONE_HOT)).check(p ->
                assertEquals(Activations.sigmoid(), p.network().finalActivation().get()));
        assertThrows(IllegalArgumentException.class, () -> Generators.problems().loss(WRONG_GRADIENT));
    }

    @Test
    void problemsAwayFromKinksHaveNoKinkedPreActivationNearZeroAndAnImpossibleMarginFailsTheGenerator() {
        Property.forAll(Generators.problems().awayFromKinks(0.05)).check(p ->
                assertTrue(p.kinkedPreActivations().forAll(z -> z.map(x -> Math.abs(x) < 0.05 ? 1 : 0).sum() == 0)));
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(Generators.problems()
                .networks(Generators.networks().activations(Vector.of(Activations.relu()))).awayFromKinks(10))
                .check(p -> { }));
        assertTrue(error.getMessage().contains("generator failed") && error.getMessage().contains("awayFromKinks(10.0)"),
                error.getMessage());
    }

    @Test
    void aUsersLossWithAWrongGradientFailsTheGradientCheckAndShrinksToABatchOfTwoOnOneNeuron() {
        AtomicReference<Problem> shrunk = new AtomicReference<>();
        AssertionError error = assertThrows(AssertionError.class, () ->
                Property.forAll(Generators.problems().loss(WRONG_GRADIENT, TargetKind.REAL).smooth()).check(p -> {
                    GradientCheck check = p.gradientCheck();
                    if (check.worst().error() >= 1e-6) {
                        shrunk.set(p);
                    }
                    assertTrue(check.worst().error() < 1e-6, check.toString());
                }));
        Problem p = shrunk.get();
        assertEquals(2, p.batch(), "with one example the mean is the sum: " + p);
        assertEquals("Network[1-1 identity]", p.network().toString());
        assertTrue(error.getMessage().contains("to: " + p + "\n"), error.getMessage());
        assertTrue(error.getMessage().contains("failure of the shrunk case: "), error.getMessage());
    }
}
