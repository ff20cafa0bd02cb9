/**
 * A property-based test kit for purenet's users: the tools the library tests itself with, to test
 * your own networks, losses, activations, optimizers and training pipelines.
 *
 * <p>{@link io.github.purenet.testing.Property} runs a claim over many values of a junit-quickcheck
 * generator inside a JUnit Jupiter test, shrinks a failure to a small counterexample, and reports
 * the seed and the Maven command that reproduce it. {@link io.github.purenet.testing.Generators}
 * makes generators of matrices, networks (stacks of dense layers, or architectures of every kind
 * of layer and layers of your own), gradients, datasets, keys, optimizers, problems (a network, a
 * batch, targets and a loss) and training states. The checkers compare with an oracle:
 * {@link io.github.purenet.testing.GradientCheck} (finite differences, in evaluation or in
 * training with a fixed key),
 * {@link io.github.purenet.testing.ReplayCheck} (a run recomputed from any state) and
 * {@link io.github.purenet.testing.PurityCheck} (equal arguments, equal results, unchanged
 * arguments).
 *
 * <pre>{@code
 * @Test
 * void myLossHasTheGradientOfItsValue() {
 *     Property.forAll(Generators.problems().loss(myLoss, TargetKind.REAL).smooth())
 *             .check(p -> assertTrue(p.gradientCheck().worst().error() < 1e-6, p.gradientCheck().toString()));
 * }
 * }</pre>
 *
 * <p>The kit needs junit-quickcheck-core, junit-quickcheck-generators and junit-jupiter-api, which
 * are optional dependencies of purenet-core: add them to the test scope of your build to use it.
 * <pre>{@code
 * <dependency>
 *   <groupId>com.pholser</groupId>
 *   <artifactId>junit-quickcheck-generators</artifactId>   <!-- and junit-quickcheck-core -->
 *   <version>1.0</version>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * Nothing else in purenet depends on this package. Like the rest of the core, the kit prints
 * nothing, reads no clock and changes no value; its randomness is junit-quickcheck's seeded source.
 */
package io.github.purenet.testing;
