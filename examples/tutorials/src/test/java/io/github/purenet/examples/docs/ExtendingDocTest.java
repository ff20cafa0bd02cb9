package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

// snippet:imports
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Loss;
import io.github.purenet.tensor.Matrix;
// end:imports
import org.junit.jupiter.api.Test;

/** docs/networks.md's activation and loss of one's own, with values computed by hand. */
class ExtendingDocTest {

    @Test
    void softplusAndTheAbsoluteErrorGiveTheirValuesAndDerivatives() {
        // snippet:extend
        Activation softplus = Activations.elementwise("softplus",
                z -> StrictMath.log1p(StrictMath.exp(z)),   // f(z)
                (z, a) -> Activations.sigmoid(z));          // f'(z), given z and a = f(z)

        Loss absolute = new Loss() {
            public String name() { return "absolute_error"; }
            public double value(Matrix p, Matrix y) { return p.minus(y).map(Math::abs).sum() / p.rows(); }
            public Matrix gradient(Matrix p, Matrix y) { return p.minus(y).map(d -> Math.signum(d) / p.rows()); }
        };
        // end:extend

        Matrix z = Matrix.row(0.0, 2.0);
        Matrix a = softplus.apply(z);
        assertEquals(Math.log(2), a.get(0, 0), 1e-15);
        assertEquals(Math.log(1 + Math.exp(2)), a.get(0, 1), 1e-15);
        // dL/dz = f'(z) dL/da, with f' = the sigmoid: 1/2 at 0, 1/(1 + e^-2) at 2
        Matrix dz = softplus.backward(z, a, Matrix.row(3.0, 1.0));
        assertEquals(1.5, dz.get(0, 0), 1e-15);
        assertEquals(1 / (1 + Math.exp(-2)), dz.get(0, 1), 1e-15);
        Matrix p = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix y = Matrix.of(new double[][] {{0, 3}, {3, 1}});
        assertEquals((1 + 1 + 0 + 3) / 2.0, absolute.value(p, y));
        assertEquals(Matrix.of(new double[][] {{0.5, -0.5}, {0, 0.5}}), absolute.gradient(p, y));
    }
}
