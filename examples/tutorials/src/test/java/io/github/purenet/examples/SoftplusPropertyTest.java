package io.github.purenet.examples;

// snippet:imports
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.testing.Property;
import io.github.purenet.testing.PurityCheck;
import io.github.purenet.testing.ReplayCheck;
import io.github.purenet.testing.TrainingCase;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
// end:imports

// snippet:test
/** Softplus, an activation of our own, checked with purenet's testing kit. */
class SoftplusPropertyTest {

    /** The activation under test: softplus, whose derivative is the sigmoid. */
    static final Activation SOFTPLUS = Activations.elementwise("softplus",
            z -> StrictMath.log1p(StrictMath.exp(z)),
            (z, a) -> Activations.sigmoid(z));

    @Test
    void backpropagationThroughSoftplusAgreesWithFiniteDifferences() {
        Property.forAll(Generators.problems()
                        .networks(Generators.networks().layers(1, 3).activations(Vector.of(SOFTPLUS)))
                        .loss(Losses.meanSquaredError()))
                .trials(200)
                .check(problem -> {
                    GradientCheck check = problem.gradientCheck();
                    assertTrue(check.worst().error() < 1e-6, check.toString());
                });
    }

    @Test
    void softplusIsPure() {
        Property.forAll(Generators.matrices().values(-50, 50))
                .check(z -> PurityCheck.verify(SOFTPLUS::apply, () -> Matrix.of(z.toArray())));
    }

    @Test
    void trainingRunsReplayFromAnyOfTheirStates() {
        Property.forAll(Generators.trainings()).trials(20)
                .check(training -> replays(training));
    }

    private static <S> void replays(TrainingCase<S> training) {
        ReplayCheck.verify(training.initial(), training.transition(), 10);
    }
}
// end:test
