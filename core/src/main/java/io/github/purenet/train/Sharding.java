package io.github.purenet.train;

import io.github.purenet.loss.Loss;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.LossAndGradients;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A fixed split of every batch into shards, so that its gradient can be computed in parts, on
 * threads or on the machines of a cluster, with the same bits however the parts are spread.
 *
 * <p>Shard {@code s} of a batch of {@code n} rows is rows {@code [floor(s n / S), floor((s + 1) n / S))}
 * ({@link #from}); a batch of fewer than {@code S} rows has empty shards. A shard's partial result is
 * the shard's loss and gradients computed as the whole batch computes them, row by row, but summed
 * over the shard's rows only: each row's term is divided by the whole batch's {@code n}
 * ({@link Loss#shard}), so a shard's numbers do not depend on its own size. The partials are added in
 * a fixed balanced binary tree ({@link #combine}): its leaves are the shards, padded with empty
 * leaves up to a power of two, and a node whose right child is empty is its left child, which has
 * the bits of adding {@code -0.0} ({@code x + (-0.0) = x} for every {@code x}).
 *
 * <p>So the bits of a step depend on {@code S} and on nothing else: not on the number of threads,
 * machines or tasks, nor on the order in which they finish. With {@code S = 1} a step is exactly the
 * unsharded {@link Backprop#lossAndGradients}. {@code S} is part of a run's state
 * ({@link TrainState#sharding()}) and of its checkpoints.
 *
 * <p>What a shard needs: a loss that can be split by rows ({@link Loss#shard}; every built-in loss
 * can), and layers that treat rows independently. Dropout does (its masks are drawn by the row's
 * number in the whole batch: a shard's pass runs in {@link Mode#fromRow} of its first row); batch normalisation does not (its statistics are the whole batch's), so a state with
 * {@code S > 1} refuses a network with non-trainable state.
 *
 * @param shards the number of shards {@code S}, at least 1
 */
public record Sharding(int shards) {

    /** One shard: the whole batch, as an unsharded run computes it. */
    public static final Sharding NONE = new Sharding(1);

    /**
     * Checks that there is at least one shard.
     *
     * @param shards the number of shards, at least 1
     */
    public Sharding {
        if (shards < 1) {
            throw new IllegalArgumentException("shards: expected at least 1 shard, got " + shards);
        }
    }

    /**
     * @param shards the number of shards, at least 1
     * @return the sharding
     */
    public static Sharding of(int shards) {
        return shards == 1 ? NONE : new Sharding(shards);
    }

    /**
     * The first row of a shard.
     *
     * @param shard a shard, from 0 to {@code shards}; {@code from(shards, n)} is {@code n}
     * @param rows the batch's rows {@code n}
     * @return {@code floor(shard * rows / shards)}
     */
    public int from(int shard, int rows) {
        if (shard < 0 || shard > shards || rows < 0) {
            throw new IndexOutOfBoundsException("from: shard " + shard + " of " + shards + ", batch of " + rows + " rows");
        }
        return (int) ((long) shard * rows / shards);
    }

    /** @return the number of leaves of the tree: the least power of two that is at least {@link #shards} */
    public int leaves() {
        return shards == 1 ? 1 : Integer.highestOneBit(shards - 1) << 1;
    }

    /**
     * A node of the tree: the leaves {@code [from, to)}, a power of two of them starting at a
     * multiple of that power.
     *
     * @param from the first leaf
     * @param to the leaf after the last
     */
    public record Node(int from, int to) {

        /**
         * Checks that the node is aligned.
         *
         * @param from the first leaf, not negative
         * @param to the leaf after the last
         */
        public Node {
            int size = to - from;
            if (from < 0 || size < 1 || Integer.bitCount(size) != 1 || from % size != 0) {
                throw new IllegalArgumentException("Node: [" + from + ", " + to + ") is not a node of a balanced tree");
            }
        }
    }

    /**
     * The largest nodes of the tree whose leaves are shards in {@code [from, to)}, left to right: what
     * a task holding those shards can add up on its own before it hands its results over.
     *
     * @param from the first shard
     * @param to the shard after the last, at most {@link #shards}
     * @return the nodes, which together hold exactly those shards (and no padding leaf, except in a
     *     node whose shards end at {@link #shards})
     */
    public Vector<Node> nodes(int from, int to) {
        if (from < 0 || from > to || to > shards) {
            throw new IndexOutOfBoundsException("nodes: shards [" + from + ", " + to + ") of " + shards);
        }
        Vector<Node> nodes = Vector.empty();
        int at = from;
        while (at < to) {
            int size = at == 0 ? leaves() : Integer.lowestOneBit(at);
            while (Math.min(at + size, shards) > to) {
                size >>= 1;
            }
            nodes = nodes.append(new Node(at, at + size));
            at = Math.min(at + size, to);
        }
        return nodes;
    }

    /**
     * The sum of a node's leaves in the tree's order.
     *
     * @param <T> the partial results
     * @param node the node
     * @param leaf each shard's partial, none for an empty shard
     * @param plus the addition of two partials
     * @return the node's sum; none if all its leaves are empty or padding
     */
    public <T> Option<T> sum(Node node, IntFunction<Option<T>> leaf, BinaryOperator<T> plus) {
        return fold(node, known -> Option.none(), leaf, plus);
    }

    /**
     * The whole tree's sum from the sums of nodes that hold every shard once, such as the
     * {@link #nodes} of each task: the same bits as the sum of the leaves themselves.
     *
     * @param <T> the partial results
     * @param sums the sums of nodes, none for a node without a non-empty shard
     * @param plus the addition of two partials
     * @return the sum of the whole tree; none if every shard was empty
     * @throws IllegalArgumentException if the nodes do not hold every shard exactly once
     */
    public <T> Option<T> combine(Map<Node, Option<T>> sums, BinaryOperator<T> plus) {
        int covered = sums.keySet().toVector().map(n -> Math.min(n.to(), shards) - n.from()).sum().intValue();
        if (covered != shards || !sums.keySet().forAll(n -> n.from() < shards)
                || sums.keySet().exists(a -> sums.keySet().exists(b -> !a.equals(b) && a.from() < b.to() && b.from() < a.to()))) {
            throw new IllegalArgumentException("combine: the nodes " + sums.keySet().toVector().sortBy(Node::from)
                    + " do not hold each of the " + shards + " shards exactly once");
        }
        return fold(new Node(0, leaves()), sums::get, shard -> {
            throw new IllegalStateException("combine: no sum holds shard " + shard);
        }, plus);
    }

    /**
     * A node's sum in the tree's order: the sum already known for it, if any; a leaf's own value;
     * or its halves' sums added. Nodes past the last shard are empty.
     */
    private <T> Option<T> fold(Node node, Function<Node, Option<Option<T>>> known, IntFunction<Option<T>> leaf,
            BinaryOperator<T> plus) {
        if (node.from() >= shards) {
            return Option.none();
        }
        Option<Option<T>> given = known.apply(node);
        if (given.isDefined()) {
            return given.get();
        }
        if (node.to() - node.from() == 1) {
            return leaf.apply(node.from());
        }
        int middle = (node.from() + node.to()) / 2;
        return add(fold(new Node(node.from(), middle), known, leaf, plus),
                fold(new Node(middle, node.to()), known, leaf, plus), plus);
    }

    private static <T> Option<T> add(Option<T> left, Option<T> right, BinaryOperator<T> plus) {
        if (left.isEmpty()) {
            return right;
        }
        return right.isEmpty() ? left : Option.some(plus.apply(left.get(), right.get()));
    }

    /**
     * The loss and gradients of a batch, computed shard by shard and added in the tree: with one
     * shard, exactly {@link Backprop#lossAndGradients}; with more, the shards on the common pool's
     * threads, with the same bits for any number of them.
     *
     * @param network the network, without non-trainable state when {@code S > 1}
     * @param inputs the batch's inputs
     * @param targets the batch's targets
     * @param loss the loss, which can be split by rows when {@code S > 1}
     * @param mode the mode of the whole batch's pass (its first row is the batch's)
     * @return the loss, the gradients and the network's state after the pass
     * @throws IllegalArgumentException if the loss cannot be split, or as {@link Backprop#lossAndGradients}
     */
    public LossAndGradients lossAndGradients(Network network, Matrix inputs, Matrix targets, Loss loss, Mode mode) {
        if (shards == 1) {
            return Backprop.lossAndGradients(network, inputs, targets, loss, mode);
        }
        int n = inputs.rows();
        shardLoss(loss, n); // refused here, before any shard runs, if it cannot be split
        Vector<Option<LossAndGradients>> partials = Vector.ofAll(IntStream.range(0, shards).parallel()
                .mapToObj(s -> {
                    Vector<Integer> rows = rows(s, n);
                    return rows.isEmpty() ? Option.<LossAndGradients>none() : Option.some(
                            partial(s, n, network, inputs.selectRows(rows), targets.selectRows(rows), loss, mode));
                })
                .toList());
        return sum(new Node(0, leaves()), partials::get, Sharding::plus).getOrElse(() -> {
            throw new IllegalArgumentException("lossAndGradients: an empty batch");
        });
    }

    /**
     * The rows of a shard.
     *
     * @param shard the shard, from 0 to {@code shards - 1}
     * @param rows the batch's rows {@code n}
     * @return {@code [from(shard, n), from(shard + 1, n))}, empty for an empty shard
     */
    public Vector<Integer> rows(int shard, int rows) {
        return Vector.range(from(shard, rows), from(shard + 1, rows));
    }

    /**
     * One shard's partial: the loss and gradients of its rows, each row's terms divided by the
     * whole batch's rows, and the network's state after its pass.
     *
     * @param shard a shard with at least one row
     * @param rows the whole batch's rows {@code n}
     * @param network the network
     * @param inputs the shard's inputs, rows {@link #rows(int, int)} of the batch's
     * @param targets the shard's targets
     * @param loss the batch's loss
     * @param mode the mode of the whole batch's pass; the shard's starts at its first row
     * @return the partial
     * @throws IllegalArgumentException if the loss cannot be split, or as {@link Backprop#lossAndGradients}
     */
    public LossAndGradients partial(int shard, int rows, Network network, Matrix inputs, Matrix targets, Loss loss,
            Mode mode) {
        return Backprop.lossAndGradients(network, inputs, targets, shardLoss(loss, rows),
                mode.fromRow(from(shard, rows)));
    }

    /**
     * The loss of a shard of a batch of {@code rows} rows.
     *
     * @param loss the loss
     * @param rows the whole batch's rows
     * @return {@code loss.shard(rows)}
     * @throws IllegalArgumentException if the loss cannot be split by rows
     */
    public static Loss shardLoss(Loss loss, int rows) {
        return loss.shard(rows).getOrElseThrow(() -> new IllegalArgumentException("sharding: the loss " + loss.name()
                + " cannot be split into shards of a batch: implement Loss.shard(int), the loss of some of a batch's "
                + "rows with each row's term divided by the whole batch's rows, or train with one shard"));
    }

    /**
     * The sum of two partials, the tree's addition.
     *
     * @param a the left partial
     * @param b the right partial
     * @return the losses added, each gradient added entry by entry, and the state of {@code a}
     */
    public static LossAndGradients plus(LossAndGradients a, LossAndGradients b) {
        return new LossAndGradients(a.loss() + b.loss(), a.gradients().plus(b.gradients()), a.state());
    }
}
