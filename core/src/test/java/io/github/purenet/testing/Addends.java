package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Random;

/**
 * Three gradients of one shape, and a network of that shape (for {@link Gradients#zero}), with
 * entries of one {@link ValueKind}; made by {@link Addends.Gen}. A test helper of the library's
 * laws of {@link Gradients}: the kit's {@link GradientsGenerator} draws finite values in a range,
 * these also draw NaN, infinities and signed zeros.
 *
 * @param network a network of the gradients' shape
 * @param a the first gradients
 * @param b the second
 * @param c the third
 * @param kind the kind of the entries
 * @param values the seed of the entries
 */
public record Addends(Network network, Gradients a, Gradients b, Gradients c, ValueKind kind, long values) {

    /**
     * Builds addends; the same arguments give the same addends.
     *
     * @param network the shape
     * @param kind the kind of the entries
     * @param values the seed of the entries
     * @return the addends
     */
    public static Addends of(Network network, ValueKind kind, long values) {
        Random random = new Random(values);
        Vector<Gradients> g = Vector.fill(3, () -> Gradients.zero(network).map(x -> kind.draw(random)));
        return new Addends(network, g.get(0), g.get(1), g.get(2), kind, values);
    }

    @Override
    public String toString() {
        return "Addends[" + network + ", " + kind + ", values " + values + "]";
    }

    /**
     * Generates addends of the shapes of the kit's identity networks of 1 to 3 layers of widths 1
     * to 6 (or of another generator's networks), with entries of one kind; shrinks the shape as the
     * kit shrinks networks, and the seed of the entries to 0.
     */
    public static final class Gen extends Generator<Addends> {
        private final ValueKind kind;
        private final NetworkGenerator shapes;

        /** @param kind the kind of the entries */
        public Gen(ValueKind kind) {
            this(kind, Generators.networks().layers(1, 3).inputs(1, 6).widths(1, 6).outputs(1, 6)
                    .activations(Vector.of(Activations.identity())).weights(0.0, 0.0));
        }

        /**
         * @param kind the kind of the entries
         * @param shapes the networks whose shapes the gradients take
         */
        public Gen(ValueKind kind, NetworkGenerator shapes) {
            super(Addends.class);
            this.kind = kind;
            this.shapes = shapes;
        }

        @Override
        public Addends generate(SourceOfRandomness random, GenerationStatus status) {
            return of(shapes.generate(random, status), kind, random.nextLong());
        }

        @Override
        public List<Addends> doShrink(SourceOfRandomness random, Addends larger) {
            Vector<Addends> smaller = Vector.ofAll(shapes.doShrink(random, larger.network()))
                    .map(n -> of(n, kind, larger.values()));
            return (larger.values() == 0 ? smaller : smaller.append(of(larger.network(), kind, 0))).toJavaList();
        }
    }
}
