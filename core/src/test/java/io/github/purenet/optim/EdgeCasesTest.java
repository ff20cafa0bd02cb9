package io.github.purenet.optim;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.optim.TransformsTest.gradients;
import static io.github.purenet.optim.TransformsTest.network;
import static io.github.purenet.optim.TransformsTest.THETA0;
import static io.github.purenet.optim.TransformsTest.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import org.junit.jupiter.api.Test;

/** Edge cases of the transforms: overflowing norms, foreign states, the names in messages. */
class EdgeCasesTest {

    private static final Network NETWORK = network(THETA0);

    @Test
    void clippingFiniteGradientsWhoseNormOverflowsKeepsTheirDirection() {
        Gradients huge = gradients(new double[] {1e200, 1e200, 0, 0, 0, 0, 0, 0});
        double[] clipped = flat(Transforms.clipByGlobalNorm(1.0).update(huge, EmptyState.INSTANCE, NETWORK).updates());
        assertEquals(Math.sqrt(0.5), clipped[0], 1e-15);
        assertEquals(clipped[0], clipped[1]);
        assertTrue(Math.hypot(clipped[0], clipped[1]) <= 1.0);
    }

    @Test
    void clippingPassesNonFiniteGradientsOnForTheDivergenceCheck() {
        Gradients bad = gradients(new double[] {Double.POSITIVE_INFINITY, 5, 0, 0, 0, 0, 0, Double.NaN});
        Gradients out = Transforms.clipByGlobalNorm(1.0).update(bad, EmptyState.INSTANCE, NETWORK).updates();
        assertArrayEquals(flat(bad), flat(out));
    }

    @Test
    void anAccumulationStateOfAnotherKIsRefused() {
        Optimizer<Accumulation<Count>> accumulate = Wrappers.accumulate(2, Optimizers.sgd(0.1));
        Accumulation<Count> foreign = new Accumulation<>(5, Gradients.zero(NETWORK), new Count(0));
        refuses(() -> accumulate.update(gradients(new double[8]), foreign, NETWORK), "5", "over 2");
    }

}
