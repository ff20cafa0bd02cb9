package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.vavr.collection.Vector;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The kit does what a user needs it for: a custom activation whose derivative is off by a factor of
 * two is caught by a gradient-check property, and the counterexample shrinks to a small network.
 */
class WrongDerivativeTest {

    /** Softplus, {@code log(1 + e^z)}, whose derivative is the sigmoid; this one claims twice that. */
    private static final Activation WRONG_SOFTPLUS = Activations.elementwise("softplus with twice its slope",
            z -> StrictMath.log1p(StrictMath.exp(z)), (z, a) -> 2.0 * Activations.sigmoid(z));

    private static final Activation SOFTPLUS = Activations.elementwise("softplus",
            z -> StrictMath.log1p(StrictMath.exp(z)), (z, a) -> Activations.sigmoid(z));

    private static ProblemGenerator problems(Activation custom) {
        return Generators.problems()
                .networks(Generators.networks().layers(1, 4).activations(Vector.of(custom, Activations.tanh())))
                .loss(Losses.squaredError());
    }

    @Test
    void aDerivativeOffByAFactorIsCaughtAndShrunkToOneLayerOfOneNeuron() {
        AtomicReference<Problem> shrunk = new AtomicReference<>();
        AssertionError e = assertThrows(AssertionError.class, () -> Property.forAll(problems(WRONG_SOFTPLUS))
                .trials(100)
                .check(p -> {
                    GradientCheck check = p.gradientCheck();
                    if (!(check.worst().error() < 1e-6)) {
                        shrunk.set(p);
                        throw new AssertionError(check.toString());
                    }
                }));
        Problem p = shrunk.get();
        assertEquals(1, p.network().layers().size(), e.getMessage());
        assertEquals(1, p.network().outputs(), e.getMessage());
        assertEquals(1, p.network().inputs(), e.getMessage());
        assertEquals(WRONG_SOFTPLUS, p.network().dense(0).activation(), e.getMessage());
        assertTrue(e.getMessage().contains("purenet.seed="), e.getMessage());
        assertTrue(e.getMessage().contains("layers[0]"), e.getMessage());
    }

    @Test
    void theCorrectDerivativePassesTheSameProperty() {
        Property.forAll(problems(SOFTPLUS)).trials(100).check(p ->
                assertTrue(p.gradientCheck().worst().error() < 1e-6, p.gradientCheck().toString()));
    }
}
