package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;

/**
 * Generates pairs of independent values, the first from one generator and the second from
 * another; shrinks the first, then the second, keeping the other. See {@link Generators#pairs}.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
final class PairGenerator<A, B> extends Generator<Tuple2<A, B>> {

    private final Generator<A> first;
    private final Generator<B> second;

    PairGenerator(Generator<A> first, Generator<B> second) {
        super(type());
        this.first = Objects.requireNonNull(first, "first is null");
        this.second = Objects.requireNonNull(second, "second is null");
    }

    @SuppressWarnings("unchecked")
    private static <A, B> Class<Tuple2<A, B>> type() {
        return (Class<Tuple2<A, B>>) (Class<?>) Tuple2.class;
    }

    @Override
    public Tuple2<A, B> generate(SourceOfRandomness random, GenerationStatus status) {
        A a = first.generate(random, status);
        return Tuple.of(a, second.generate(random, status));
    }

    @Override
    public List<Tuple2<A, B>> doShrink(SourceOfRandomness random, Tuple2<A, B> larger) {
        Vector<Tuple2<A, B>> candidates = Vector.empty();
        if (first.canShrink(larger._1)) {
            candidates = candidates.appendAll(Vector.ofAll(first.shrink(random, larger._1)).map(a -> Tuple.of(a, larger._2)));
        }
        if (second.canShrink(larger._2)) {
            candidates = candidates.appendAll(Vector.ofAll(second.shrink(random, larger._2)).map(b -> Tuple.of(larger._1, b)));
        }
        return candidates.filter(c -> !c.equals(larger)).toJavaList();
    }

    @Override
    public String toString() {
        return "pairs(" + first + ", " + second + ")";
    }
}
