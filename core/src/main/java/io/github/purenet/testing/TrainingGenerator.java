package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link TrainingCase}s: a {@link Problem} whose batch becomes the training data, a
 * batching, an optimizer, a key, and the state after a few steps; made by
 * {@link Generators#trainings()}.
 *
 * <pre>{@code
 * Generators.trainings().steps(0, 20).optimizers(Generators.optimizers().named(Vector.of("adam")));
 * }</pre>
 *
 * <p>By default: problems of {@link Generators#problems()} with 1 to 12 examples and networks of 1
 * to 3 layers of widths 1 to 6; mini-batches of 1 to all the examples, shuffled or not, the last
 * one kept or dropped (a network with batch normalisation gets batches of 2 examples or more, and
 * drops a last batch of one); optimizers of {@link Generators#optimizers()}; keys of
 * {@link Generators#keys()}; 0 to 10 steps. The generation size bounds the problem, the optimizer,
 * the key and the number of steps.
 *
 * <p>Shrinking takes fewer steps, shrinks the problem (the data lose the rows and columns it
 * loses; a batch size larger than the rows left becomes the number of rows), the optimizer, the
 * batching (full batches, unshuffled, the last batch kept) and the key, one at a time.
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class TrainingGenerator extends Generator<TrainingCase<?>> {

    private final ProblemGenerator problems;
    private final OptimizerGenerator optimizers;
    private final int minSteps;
    private final int maxSteps;

    private TrainingGenerator(ProblemGenerator problems, OptimizerGenerator optimizers, int minSteps, int maxSteps) {
        super(type());
        Values.requireRange("steps", minSteps, maxSteps, 0);
        this.problems = Objects.requireNonNull(problems, "problems is null");
        this.optimizers = Objects.requireNonNull(optimizers, "optimizers is null");
        this.minSteps = minSteps;
        this.maxSteps = maxSteps;
    }

    @SuppressWarnings("unchecked")
    private static Class<TrainingCase<?>> type() {
        return (Class<TrainingCase<?>>) (Class<?>) TrainingCase.class;
    }

    /** @return the default generator */
    static TrainingGenerator standard() {
        return new TrainingGenerator(Generators.problems().batch(1, 12)
                .networks(Generators.networks().layers(1, 3).widths(1, 6)), Generators.optimizers(), 0, 10);
    }

    /**
     * @param problems the generator of the network, data (the problem's batch) and loss
     * @return this generator with those problems
     */
    public TrainingGenerator problems(ProblemGenerator problems) {
        return new TrainingGenerator(problems, optimizers, minSteps, maxSteps);
    }

    /**
     * @param optimizers the generator of the optimizers
     * @return this generator with those optimizers
     */
    public TrainingGenerator optimizers(OptimizerGenerator optimizers) {
        return new TrainingGenerator(problems, optimizers, minSteps, maxSteps);
    }

    /**
     * @param min the least number of steps before the state, not negative
     * @param max the most steps
     * @return this generator with states after that many steps
     */
    public TrainingGenerator steps(int min, int max) {
        return new TrainingGenerator(problems, optimizers, min, max);
    }

    @Override
    public TrainingCase<?> generate(SourceOfRandomness random, GenerationStatus status) {
        Problem p = problems.generate(random, status);
        int least = Math.min(p.batch(), Trees.leastBatch(p.network()));
        Batching batching = fitting(Batching.miniBatches(random.nextInt(least, p.batch()))
                .withShuffle(random.nextBoolean()).withLastBatch(random.nextBoolean() ? LastBatch.KEEP : LastBatch.DROP),
                p.network(), p.batch());
        OptimizerCase<?> optimizer = optimizers.generate(random, status);
        return TrainingCase.of(p.network(), new Dataset(p.inputs(), p.targets()), p.loss(), batching, optimizer,
                Generators.keys().generate(random, status), Values.count(random, minSteps, maxSteps, status.size()));
    }

    @Override
    public List<TrainingCase<?>> doShrink(SourceOfRandomness random, TrainingCase<?> larger) {
        return shrink(random, larger).toJavaList();
    }

    private <S> Vector<TrainingCase<?>> shrink(SourceOfRandomness random, TrainingCase<S> t) {
        Vector<TrainingCase<?>> candidates = Vector.empty();
        if (t.steps() > minSteps) {
            candidates = candidates.append(with(t, t.optimizer(), t.batching(), minSteps))
                    .append(with(t, t.optimizer(), t.batching(), t.steps() - 1));
        }
        Problem p = new Problem(t.network(), t.data().features().matrix(), t.data().targets().matrix(), t.loss());
        for (Problem smaller : problems.doShrink(random, p)) {
            Batching b = t.batching();
            Batching fitting = fitting(b.size() <= smaller.batch() ? b : new Batching(smaller.batch(), b.shuffle(),
                    b.lastBatch()), smaller.network(), smaller.batch());
            candidates = candidates.append(TrainingCase.of(smaller.network(), new Dataset(smaller.inputs(),
                    smaller.targets()), smaller.loss(), fitting, t.optimizer(), t.key(), t.steps()));
        }
        for (OptimizerCase<?> o : optimizers.doShrink(random, t.optimizer())) {
            candidates = candidates.append(with(t, o, t.batching(), t.steps()));
        }
        Batching full = Batching.fullBatch();
        if (!t.batching().equals(full)) {
            candidates = candidates.append(with(t, t.optimizer(), full, t.steps()));
        }
        if (t.batching().shuffle()) {
            candidates = candidates.append(with(t, t.optimizer(), t.batching().withShuffle(false), t.steps()));
        }
        for (io.github.purenet.random.Key k : Generators.keys().doShrink(random, t.key())) {
            candidates = candidates.append(TrainingCase.of(t.network(), t.data(), t.loss(), t.batching(),
                    t.optimizer(), k, t.steps()));
        }
        return candidates.distinct().filter(c -> !c.equals(t));
    }

    /**
     * The batching, dropping a last batch of one row of a network that trains on no fewer than two
     * (see {@link Trees#leastBatch}) when there are more rows than that.
     */
    private static Batching fitting(Batching b, Network network, int rows) {
        boolean single = b.size() < rows && rows % b.size() == 1;
        return single && b.lastBatch() == LastBatch.KEEP && Trees.leastBatch(network) > 1
                ? b.withLastBatch(LastBatch.DROP) : b;
    }

    private static <S> TrainingCase<S> with(TrainingCase<?> t, OptimizerCase<S> optimizer, Batching batching,
            int steps) {
        return TrainingCase.of(t.network(), t.data(), t.loss(), batching, optimizer, t.key(), steps);
    }

    @Override
    public String toString() {
        return "trainings().problems(" + problems + ").optimizers(" + optimizers + ").steps(" + minSteps + ", "
                + maxSteps + ")";
    }
}
