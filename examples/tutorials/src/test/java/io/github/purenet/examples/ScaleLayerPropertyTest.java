package io.github.purenet.examples;

// snippet:imports
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.testing.NetworkGenerator;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
// end:imports

// snippet:test
/** A layer of our own, checked inside random networks of every kind, in both modes. */
class ScaleLayerPropertyTest {

    /** y = x ⊙ s: a learnt scale per feature. */
    record Scale(Matrix s) implements CustomLayer {
        public String name() { return "scale"; }
        public Shape outputShape(Shape input) { return input; }
        public Vector<String> parameterNames() { return Vector.of("s"); }
        public Vector<Matrix> parameters() { return Vector.of(s); }
        public Scale withParameters(Vector<Matrix> p) { return new Scale(p.get(0)); }
        public Matrix forward(Matrix x, Mode mode) { return x.zipWithRow(s, (a, b) -> a * b); }
        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy.zipWithRow(s, (a, b) -> a * b), Vector.of(dy.hadamard(x).columnSums()));
        }
    }

    @Test
    void backpropagationThroughScaleAgreesWithFiniteDifferencesInAnyArchitectureAndMode() {
        NetworkGenerator networks = Generators.architectures()       // dense, dropout, norms, blocks...
                .withLayer("scale", width -> new Scale(Matrix.filled(1, width, 1.0)));   // ...and ours
        Property.forAll(Generators.pairs(Generators.problems().networks(networks).smooth(), Generators.keys()))
                .trials(100)
                .check(problemAndKey -> {
                    Problem problem = problemAndKey._1;
                    for (Mode mode : Vector.of(Mode.evaluation(), Mode.training(problemAndKey._2))) {
                        GradientCheck check = problem.gradientCheck(mode);   // one fixed key: one dropout mask
                        assertTrue(check.worst().error() < 1e-6, check.toString());
                    }
                });
    }
}
// end:test
