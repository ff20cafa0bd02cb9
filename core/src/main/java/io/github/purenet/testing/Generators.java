package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.network.Network;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.Objects;
import java.util.Random;

/**
 * The kit's junit-quickcheck generators of purenet's values, for {@link Property#forAll}.
 *
 * <pre>{@code
 * Property.forAll(Generators.matrices().rows(1, 8).columns(1, 8).values(-1, 1)).check(m -> ...);
 * Property.forAll(Generators.networks().layers(1, 3).smooth()).check(network -> ...);
 * Property.forAll(Generators.architectures().modeFree()).check(network -> ...);
 * Property.forAll(Generators.problems().loss(myLoss, TargetKind.REAL)).check(p -> ...);
 * Property.forAll(Generators.pairs(Generators.networks(), Generators.keys())).check(nk -> ...);
 * }</pre>
 *
 * <p>Every generator here:
 * <ul>
 * <li>draws everything from the {@link SourceOfRandomness} it is given, so the same seed gives
 * equal values;</li>
 * <li>honours the generation size: at size 1 it makes the smallest values it can (fewest layers,
 * rows, columns), and the bounds grow with the size up to the configured ones at size 50;</li>
 * <li>shrinks toward smaller shapes and simpler numbers (0, or fewer decimals), every candidate
 * strictly simpler than the value it comes from, and within the configured bounds;</li>
 * <li>is an immutable value, configured by methods that return new generators.</li>
 * </ul>
 * A generator may be shared by many properties.
 */
public final class Generators {

    private Generators() {
    }

    /**
     * Matrices: by default 1 to 8 rows and columns, entries uniform in {@code [-1, 1)}.
     *
     * @return the generator; see {@link MatrixGenerator}
     */
    public static MatrixGenerator matrices() {
        return new MatrixGenerator(1, 8, 1, 8, -1.0, 1.0);
    }

    /**
     * Stacks of dense layers of random architecture: by default 1 to 4 layers, 1 to 8 inputs, hidden
     * units and outputs, every built-in activation, weights and biases in {@code [-1, 1)}.
     *
     * @return the generator; see {@link NetworkGenerator}
     */
    public static NetworkGenerator networks() {
        return new NetworkGenerator(1, 4, 1, 8, 1, 8, 1, 8, NetworkGenerator.builtInActivations(),
                NetworkGenerator.builtInActivations(), -1.0, 1.0, Kinds.dense());
    }

    /**
     * Networks of every built-in kind of layer: dense, activation, dropout, layer and batch
     * normalisation, and blocks (sequences and residual blocks, with and without projection) nested
     * up to two deep, ending in a dense layer; and networks of small images whose first layers are
     * convolutions and pools ending in a flatten or a global average pool; otherwise the bounds of
     * {@link #networks()}. They
     * need a {@link io.github.purenet.network.Mode} when they hold dropout or batch normalisation;
     * {@link NetworkGenerator#modeFree()} leaves those out.
     *
     * @return {@code networks().kinds(NetworkGenerator.builtInKinds())}; see {@link NetworkGenerator}
     */
    public static NetworkGenerator architectures() {
        return networks().kinds(NetworkGenerator.builtInKinds());
    }

    /**
     * Gradients shaped like a network: by default entries in {@code [-1, 1)}.
     *
     * @param network the network whose shape the gradients take
     * @return the generator; see {@link GradientsGenerator}
     */
    public static GradientsGenerator gradients(Network network) {
        return new GradientsGenerator(network, -1.0, 1.0);
    }

    /**
     * Datasets: by default 1 to 16 rows, 1 to 8 feature columns, 1 to 4 target columns, features
     * in {@code [-1, 1)}, real targets.
     *
     * @return the generator; see {@link DatasetGenerator}
     */
    public static DatasetGenerator datasets() {
        return new DatasetGenerator(1, 16, 1, 8, 1, 4, -1.0, 1.0, TargetKind.REAL);
    }

    /**
     * Random keys, {@code Key.of(seed)} with a random seed.
     *
     * @return the generator; see {@link KeyGenerator}
     */
    public static KeyGenerator keys() {
        return new KeyGenerator();
    }

    /**
     * Named optimizers with random valid hyperparameters.
     *
     * @return the generator; see {@link OptimizerGenerator}
     */
    public static OptimizerGenerator optimizers() {
        return OptimizerGenerator.standard();
    }

    /**
     * Problems: a network, a batch, its targets and a loss that accepts them; by default every
     * built-in loss and activation.
     *
     * @return the generator; see {@link ProblemGenerator}
     */
    public static ProblemGenerator problems() {
        return ProblemGenerator.standard();
    }

    /**
     * Training states after a few steps of a random configuration, with the transition that
     * continues them.
     *
     * @return the generator; see {@link TrainingGenerator}
     */
    public static TrainingGenerator trainings() {
        return TrainingGenerator.standard();
    }

    /**
     * Pairs of independent values, such as a network and a key; shrinks the first value, then the
     * second.
     *
     * @param <A> the type of the first value
     * @param <B> the type of the second value
     * @param first the generator of the first value
     * @param second the generator of the second value
     * @return the generator of pairs
     */
    public static <A, B> Generator<Tuple2<A, B>> pairs(Generator<A> first, Generator<B> second) {
        return new PairGenerator<>(first, second);
    }

    /**
     * One value of a generator, as a property with that seed would see it at that size: to look at
     * what a generator makes, or to build a fixed example from it.
     *
     * @param <T> the type of the value
     * @param generator the generator
     * @param seed the seed of the source of randomness
     * @param size the generation size, from 1 ({@link Property#MAX_SIZE} is the largest a property uses)
     * @return the value
     */
    public static <T> T sample(Generator<T> generator, long seed, int size) {
        Objects.requireNonNull(generator, "generator is null");
        if (size < 1) {
            throw new IllegalArgumentException("size: expected a positive size, got " + size);
        }
        return generator.generate(new SourceOfRandomness(new Random(seed)), TrialStatus.of(size, 1));
    }

    /**
     * The values of a generator at the sizes of the trials of a property, from one source.
     *
     * @param <T> the type of the values
     * @param generator the generator
     * @param seed the seed of the source of randomness
     * @param count how many values, positive
     * @return the values; the first at size 1, the last at size {@link Property#MAX_SIZE}
     */
    public static <T> Vector<T> samples(Generator<T> generator, long seed, int count) {
        Objects.requireNonNull(generator, "generator is null");
        if (count < 1) {
            throw new IllegalArgumentException("count: expected a positive count, got " + count);
        }
        SourceOfRandomness random = new SourceOfRandomness(new Random(seed));
        return Vector.range(0, count).map(i -> generator.generate(random, TrialStatus.of(Property.sizeFor(i, count),
                i + 1)));
    }
}
