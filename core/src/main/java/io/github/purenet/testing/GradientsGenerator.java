package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Generates {@link Gradients} shaped exactly like one network; made by
 * {@link Generators#gradients(Network)}.
 *
 * <pre>{@code
 * Property.forAll(Generators.gradients(network).values(-10, 10))
 *         .check(g -> assertTrue(clip.update(g, EmptyState.INSTANCE, network).updates().norm() <= 1.0));
 * }</pre>
 *
 * <p>The shape is the network's; the generation size bounds the magnitude instead: entries are
 * drawn uniform in the configured range (by default {@code [-1, 1]}) and pulled toward its point
 * nearest 0 by the factor {@code min(1, size / 50)}, so the first trials see small gradients.
 * Shrinking tries all entries at that point, every layer's entries at that point (a dense layer's
 * weights and bias, a normalisation's scale and offset), then entries rounded to 0, 1 and 2
 * decimals. Entries are never {@code -0.0}. The network may be of any architecture.
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class GradientsGenerator extends Generator<Gradients> {

    private final Network network;
    private final double low;
    private final double high;

    GradientsGenerator(Network network, double low, double high) {
        super(Gradients.class);
        Values.requireRange("values", low, high);
        this.network = Objects.requireNonNull(network, "network is null");
        this.low = low;
        this.high = high;
    }

    /**
     * @param low the least entry, finite
     * @param high the bound of the entries, at least {@code low}
     * @return this generator with entries in {@code [low, high)}
     */
    public GradientsGenerator values(double low, double high) {
        return new GradientsGenerator(network, low, high);
    }

    @Override
    public Gradients generate(SourceOfRandomness random, GenerationStatus status) {
        double origin = Values.origin(low, high);
        double pull = Math.min(1.0, (double) status.size() / Values.FULL_SIZE);
        UnaryOperator<Matrix> scaled = m -> m.map(x -> origin + pull * (x - origin) + 0.0);
        return new Gradients(network.parameterPaths(), network.parameters().map(
                m -> scaled.apply(Values.uniform(random, m.rows(), m.columns(), low, high))));
    }

    @Override
    public List<Gradients> doShrink(SourceOfRandomness random, Gradients larger) {
        Vector<Gradients> candidates = Vector.of(map(larger, m -> Values.atOrigin(m, low, high)));
        for (String layer : larger.paths().map(GradientsGenerator::layer).distinct()) {
            candidates = candidates.append(new Gradients(larger.paths(), larger.paths().zipWith(larger.values(),
                    (path, m) -> layer(path).equals(layer) ? Values.atOrigin(m, low, high) : m)));
        }
        for (int k = 0; k <= 2; k++) {
            int decimals = k;
            candidates = candidates.append(map(larger, m -> Values.rounded(m, decimals, low, high)));
        }
        return candidates.distinct().filter(g -> !g.equals(larger)).toJavaList();
    }

    /** The path of the layer that holds a leaf: {@code layers[2].inner} for {@code layers[2].inner.scale}. */
    private static String layer(String path) {
        return path.substring(0, Math.max(0, path.lastIndexOf('.')));
    }

    private static Gradients map(Gradients g, UnaryOperator<Matrix> f) {
        return new Gradients(g.paths(), g.values().map(f));
    }

    @Override
    public String toString() {
        return "gradients(" + network + ").values(" + low + ", " + high + ")";
    }
}
