package io.github.purenet.examples.docs;

import io.github.purenet.examples.docs.LayersDocTest.Scale;

// snippet:imports
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.network.Mode;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.testing.NetworkGenerator;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
// end:imports

/** docs/testing.md: a layer of one's own (the Scale of docs/networks.md) checked inside random networks of every kind. */
class TestingDocTest {

    // snippet:architectures
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
    // end:architectures
}
