package io.github.purenet.property;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.DenseGradient;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Three gradients of one shape, and a network of that shape (for {@link Gradients#zero}), with
 * entries of one {@link ValueKind}; made by {@link Addends.Gen}.
 *
 * @param network an identity network of the gradients' shape, every weight 0
 * @param a the first gradients
 * @param b the second
 * @param c the third
 * @param description the shape, kind and value seed, for {@link #toString()}
 */
public record Addends(Network network, Gradients a, Gradients b, Gradients c, String description) {

    /**
     * Builds addends.
     *
     * @param widths the sizes: inputs, then each layer's outputs (at least two numbers)
     * @param kind the kind of the entries
     * @param values the seed of the entries
     * @return the addends
     */
    public static Addends of(List<Integer> widths, ValueKind kind, long values) {
        Random random = new Random(values);
        Vector<Dense> layers = Vector.range(1, widths.size()).map(l -> new Dense(
                Matrix.filled(widths.get(l), widths.get(l - 1), 0.0), Matrix.filled(1, widths.get(l), 0.0),
                Activations.identity()));
        Network network = new Network(layers);
        Gradients[] g = new Gradients[3];
        for (int k = 0; k < 3; k++) {
            g[k] = new Gradients(layers.map(d -> new DenseGradient(
                    Matrix.of(d.outputs(), d.inputs(), (i, j) -> kind.draw(random)),
                    Matrix.of(1, d.outputs(), (i, j) -> kind.draw(random)))));
        }
        return new Addends(network, g[0], g[1], g[2], "sizes " + widths + ", " + kind + ", values " + values);
    }

    @Override
    public String toString() {
        return "Addends[" + description + "]";
    }

    /** Generates addends of 1 to 3 layers of widths 1 to 6, with entries of one kind; no shrinking. */
    public static final class Gen extends Generator<Addends> {
        private final ValueKind kind;

        /** @param kind the kind of the entries */
        public Gen(ValueKind kind) {
            super(Addends.class);
            this.kind = kind;
        }

        @Override
        public Addends generate(SourceOfRandomness random, GenerationStatus status) {
            List<Integer> widths = IntStream.range(0, random.nextInt(2, 4))
                    .mapToObj(i -> random.nextInt(1, 6)).toList();
            return of(widths, kind, random.nextLong());
        }
    }
}
