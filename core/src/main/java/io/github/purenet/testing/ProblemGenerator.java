package io.github.purenet.testing;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.activation.Activation;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Network;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link Problem}s: a network from a {@link NetworkGenerator}, a batch of inputs, and
 * targets that a loss accepts; made by {@link Generators#problems()}.
 *
 * <pre>{@code
 * Generators.problems();                                        // every built-in loss, every activation
 * Generators.problems().loss(myLoss, TargetKind.REAL).smooth(); // a loss of your own, for finite differences
 * Generators.problems().loss(Losses.softmaxCrossEntropy()).batch(1, 32)
 *         .networks(Generators.networks().layers(2, 3).inputs(4, 4));
 * Generators.problems().networks(Generators.architectures());   // every kind of layer
 * }</pre>
 *
 * <p>By default: the four built-in losses (squared error, mean squared error, softmax and binary
 * cross-entropy, simplest first) with the targets each expects ({@link TargetKind}), networks of
 * {@link Generators#networks()}, batches of 1 to 5 examples, inputs uniform in {@code [-1, 1]}. A
 * loss fused with an activation ({@link FusedLoss}, such as softmax cross-entropy) gets networks
 * that end in that activation; the hidden layers keep every activation. The generation size
 * bounds the network (see {@link NetworkGenerator}) and the batch. A network with batch
 * normalisation gets at least 2 examples (if the batch's bounds allow), which it needs in
 * training, and keeps them when it shrinks. Networks of
 * {@link Generators#architectures()} may hold dropout and batch normalisation: a property passes
 * them a {@link io.github.purenet.network.Mode} ({@link Problem#gradientCheck(io.github.purenet.network.Mode)}).
 *
 * <p>Shrinking shrinks the network (inputs and targets lose the columns it loses), then the
 * batch (its first rows), turns the loss into the first of the list when that accepts the
 * network and the targets, and makes the inputs and targets simpler.
 *
 * <p>A generator is an immutable value: each setting returns a new generator.
 */
public final class ProblemGenerator extends Generator<Problem> {

    /** A loss and the targets it accepts. */
    private record LossOption(Loss loss, TargetKind targets) {
        boolean accepts(Activation last) {
            return ProblemGenerator.accepts(loss, last);
        }
    }

    private static final int ATTEMPTS = 100;

    private final NetworkGenerator networks;
    private final Vector<LossOption> losses;
    private final int minBatch;
    private final int maxBatch;
    private final double low;
    private final double high;
    private final double kinkMargin;

    private ProblemGenerator(NetworkGenerator networks, Vector<LossOption> losses, int minBatch, int maxBatch,
            double low, double high, double kinkMargin) {
        super(Problem.class);
        Values.requireRange("batch", minBatch, maxBatch, 1);
        Values.requireRange("inputValues", low, high);
        this.networks = Objects.requireNonNull(networks, "networks is null");
        this.losses = losses;
        this.minBatch = minBatch;
        this.maxBatch = maxBatch;
        this.low = low;
        this.high = high;
        this.kinkMargin = kinkMargin;
    }

    /** The default generator: every built-in loss, default networks, batches of 1 to 5. */
    static ProblemGenerator standard() {
        return new ProblemGenerator(Generators.networks(), builtInLosses().map(l -> new LossOption(l, builtIn(l))),
                1, 5, -1.0, 1.0, 0.0);
    }

    /**
     * Every built-in loss, simplest first, as problems use them by default: squared error, mean
     * squared error, softmax cross-entropy, binary cross-entropy.
     *
     * @return the losses
     */
    public static Vector<Loss> builtInLosses() {
        return Vector.of(Losses.squaredError(), Losses.meanSquaredError(), Losses.softmaxCrossEntropy(),
                Losses.binaryCrossEntropy());
    }

    /**
     * Whether a network that ends in an activation may be trained with a loss: always, except for
     * a {@link FusedLoss}, which needs its own activation.
     *
     * @param loss the loss
     * @param last the network's last activation
     * @return whether the loss accepts it
     */
    public static boolean accepts(Loss loss, Activation last) {
        return !(loss instanceof FusedLoss fused) || fused.activation().equals(last);
    }

    private static TargetKind builtIn(Loss loss) {
        return switch (loss.name()) {
            case "squared_error", "mean_squared_error" -> TargetKind.REAL;
            case "softmax_cross_entropy" -> TargetKind.PROBABILITIES;
            case "binary_cross_entropy" -> TargetKind.UNIT;
            default -> throw new IllegalArgumentException("loss: " + loss.name() + " is not a built-in loss; say "
                    + "which targets it accepts with loss(loss, targetKind)");
        };
    }

    /**
     * @param networks the generator of the networks
     * @return this generator with those networks
     */
    public ProblemGenerator networks(NetworkGenerator networks) {
        return new ProblemGenerator(networks, losses, minBatch, maxBatch, low, high, kinkMargin);
    }

    /**
     * @param loss a built-in loss of {@link Losses}
     * @return this generator with that loss only, and the targets it accepts
     * @throws IllegalArgumentException if the loss is not built in
     */
    public ProblemGenerator loss(Loss loss) {
        return loss(loss, builtIn(Objects.requireNonNull(loss, "loss is null")));
    }

    /**
     * @param loss any loss; if it is a {@link FusedLoss}, networks end in its activation
     * @param targets the targets it accepts
     * @return this generator with that loss only
     */
    public ProblemGenerator loss(Loss loss, TargetKind targets) {
        return new ProblemGenerator(networks, Vector.of(new LossOption(Objects.requireNonNull(loss, "loss is null"),
                Objects.requireNonNull(targets, "targets is null"))), minBatch, maxBatch, low, high, kinkMargin);
    }

    /**
     * @param min the least number of examples, at least 1
     * @param max the most examples
     * @return this generator with batches of that many examples
     */
    public ProblemGenerator batch(int min, int max) {
        return new ProblemGenerator(networks, losses, min, max, low, high, kinkMargin);
    }

    /**
     * @param low the least input, finite
     * @param high the bound of the inputs, at least {@code low}
     * @return this generator with inputs uniform in {@code [low, high)}
     */
    public ProblemGenerator inputValues(double low, double high) {
        return new ProblemGenerator(networks, losses, minBatch, maxBatch, low, high, kinkMargin);
    }

    /**
     * Only smooth networks ({@link NetworkGenerator#smooth()}): finite differences are derivatives
     * everywhere.
     *
     * @return this generator with smooth networks
     */
    public ProblemGenerator smooth() {
        return networks(networks.smooth());
    }

    /**
     * Only problems whose kinked pre-activations all lie at least {@code margin} from their kink
     * ({@link Problem#nearKink}): a generated problem that does not is drawn again (at most 100
     * times, then the generator fails), and shrink candidates that do not are left out. A finite
     * difference whose step moves no pre-activation by {@code margin} or more then stays on one
     * side of every kink.
     *
     * @param margin the distance, not negative; 0 turns the check off
     * @return this generator with that margin
     */
    public ProblemGenerator awayFromKinks(double margin) {
        if (!(margin >= 0.0 && Double.isFinite(margin))) {
            throw new IllegalArgumentException("margin: expected a finite number >= 0, got " + margin);
        }
        return new ProblemGenerator(networks, losses, minBatch, maxBatch, low, high, margin);
    }

    @Override
    public Problem generate(SourceOfRandomness random, GenerationStatus status) {
        LossOption option = losses.get(random.nextInt(0, losses.size() - 1));
        NetworkGenerator architecture = networksFor(option);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Network network = architecture.generate(random, status);
            int batch = Values.count(random, least(network), maxBatch, status.size());
            Problem p = new Problem(network, Values.uniform(random, batch, network.inputs(), low, high),
                    option.targets().draw(random, batch, network.outputs()), option.loss());
            if (kinkMargin == 0.0 || !p.nearKink(kinkMargin)) {
                return p;
            }
        }
        throw new IllegalStateException("awayFromKinks(" + kinkMargin + "): no problem in " + ATTEMPTS
                + " attempts had every kinked pre-activation that far from 0; use a smaller margin");
    }

    @Override
    public List<Problem> doShrink(SourceOfRandomness random, Problem larger) {
        int index = losses.indexWhere(o -> o.loss().equals(larger.loss()));
        if (index < 0) {
            return List.of();
        }
        LossOption option = losses.get(index);
        Vector<Problem> candidates = NetworkShrinks.of(networksFor(option), larger.network()).map(n -> new Problem(n,
                Values.firstColumns(larger.inputs(), n.inputs()),
                option.targets().firstColumns(larger.targets(), n.outputs()), larger.loss()));
        int batch = larger.batch();
        int least = least(larger.network());
        if (batch > least) {
            candidates = candidates.append(firstRows(larger, least)).append(firstRows(larger, batch - 1));
        }
        LossOption simplest = losses.head();
        if (index > 0 && larger.network().finalActivation().exists(simplest::accepts)
                && simplest.targets().accepts(larger.targets())) {
            candidates = candidates.append(new Problem(larger.network(), larger.inputs(), larger.targets(),
                    simplest.loss()));
        }
        candidates = candidates
                .appendAll(Values.simpler(larger.inputs(), low, high).map(x -> new Problem(larger.network(), x,
                        larger.targets(), larger.loss())))
                .appendAll(option.targets().simpler(larger.targets()).map(y -> new Problem(larger.network(),
                        larger.inputs(), y, larger.loss())));
        return candidates.distinct().filter(p -> !p.equals(larger))
                .filter(p -> kinkMargin == 0.0 || !p.nearKink(kinkMargin)).toJavaList(); // the costly test last
    }

    /** The fewest examples of a problem of this network: 2 with batch normalisation, which trains on no fewer, if the bounds allow. */
    private int least(Network network) {
        return Math.min(maxBatch, Math.max(minBatch, Trees.leastBatch(network)));
    }

    private static Problem firstRows(Problem p, int rows) {
        return new Problem(p.network(), Values.firstRows(p.inputs(), rows), Values.firstRows(p.targets(), rows),
                p.loss());
    }

    private NetworkGenerator networksFor(LossOption option) {
        return option.loss() instanceof FusedLoss fused ? networks.lastActivations(Vector.of(fused.activation()))
                : networks;
    }

    @Override
    public String toString() {
        return "problems().networks(" + networks + ").losses(" + losses.map(o -> o.loss().name() + ":" + o.targets())
                .mkString(", ") + ").batch(" + minBatch + ", " + maxBatch + ").inputValues(" + low + ", " + high
                + ").awayFromKinks(" + kinkMargin + ")";
    }
}
