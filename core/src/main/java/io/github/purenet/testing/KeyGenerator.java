package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import java.util.List;

/**
 * Generates random keys, {@link Key#of(long)} of a seed drawn from the property's source; made by
 * {@link Generators#keys()}.
 *
 * <pre>{@code
 * Property.forAll(Generators.keys())
 *         .check(key -> assertEquals(key.uniform(3, 2, 0, 1), key.uniform(3, 2, 0, 1)));
 * }</pre>
 *
 * <p>The generation size bounds the seed: at size {@code s} its magnitude is below
 * {@code 2^(1 + 62 (s - 1) / 49)}, so size 1 gives the seeds -1, 0 and 1, and from size 50 on any
 * long can occur. Shrinking moves the seed toward 0: to 0, to half of it, and one step nearer 0. A
 * key not made by {@link Key#of(long)} (one from {@link Key#split()}) shrinks to {@code Key.of(0)}.
 *
 * <p>A generator is an immutable value.
 */
public final class KeyGenerator extends Generator<Key> {

    KeyGenerator() {
        super(Key.class);
    }

    @Override
    public Key generate(SourceOfRandomness random, GenerationStatus status) {
        int bits = Values.upper(1, 63, status.size());
        long seed = random.nextLong();
        return Key.of(bits >= 63 ? seed : seed % (1L << bits));
    }

    @Override
    public List<Key> doShrink(SourceOfRandomness random, Key larger) {
        if (!larger.equals(Key.of(larger.state()))) {
            return List.of(Key.of(0));
        }
        long seed = larger.state();
        return Vector.of(0L, seed / 2, seed - Long.signum(seed)).distinct().filter(s -> s != seed).map(Key::of)
                .toJavaList();
    }

    @Override
    public String toString() {
        return "keys()";
    }
}
