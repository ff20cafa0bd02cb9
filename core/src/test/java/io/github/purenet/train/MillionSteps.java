package io.github.purenet.train;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.optim.Count;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Stream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a million steps of seed 001's 2-3-3 network through one natural use of a {@link Run}, for
 * {@link RunMemoryTest}, which starts it in a JVM with a small heap. Prints the final step and loss.
 */
public final class MillionSteps {

    static final long STEPS = 1_000_000;

    private MillionSteps() {
    }

    static Run<Count> run() {
        Network network = Network.of(
                new Dense(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.relu()),
                new Dense(Matrix.of(new double[][] {{0.7, 0.8, 0.9}, {-0.1, -0.2, -0.3}, {0.3, 0.2, 0.1}}),
                        Matrix.row(0.1, -0.1, 0.05), Activations.softmax()));
        Dataset data = new Dataset(Matrix.row(2.0, 3.0), Matrix.row(1.0, 0.0, 0.0));
        Batching batching = Batching.fullBatch();
        var sgd = Optimizers.sgd(0.01);
        return Training.run(Training.init(network, sgd, Key.of(1), data, batching),
                Training.transition(data, batching, Losses.softmaxCrossEntropy(), sgd));
    }

    /**
     * Runs one use.
     *
     * @param args the use: get, drop, take-last, for-each, drop-while, observe-last, epoch-ends,
     *     early-stopping (which keeps a million scores, about 20 MB, and no state but the best and
     *     the current), or stream-held (a memoizing vavr Stream whose head is held: the trap the run
     *     avoids, expected to run out of memory)
     */
    public static void main(String[] args) {
        Run<Count> run = run();
        TrainState<Count> last = switch (args[0]) {
            case "get" -> run.get(STEPS);
            case "drop" -> run.drop(STEPS).head();
            case "take-last" -> run.take(STEPS + 1).last();
            case "for-each" -> {
                AtomicLong seen = new AtomicLong();
                run.take(STEPS + 1).forEach(s -> seen.incrementAndGet());
                if (seen.get() != STEPS + 1) {
                    throw new AssertionError("for-each saw " + seen.get() + " states");
                }
                yield run.get(0);
            }
            case "drop-while" -> run.dropWhile(s -> s.step() < STEPS).head();
            case "observe-last" -> {
                AtomicLong seen = new AtomicLong();
                TrainState<Count> s = run.take(STEPS + 1).observe(100_000, o -> seen.incrementAndGet()).last();
                if (seen.get() != 11) {
                    throw new AssertionError("observe saw " + seen.get() + " states, not 11");
                }
                yield s;
            }
            case "epoch-ends" -> run.take(STEPS + 1).epochEnds().last(); // full batch: every step ends an epoch
            case "early-stopping" -> {
                EarlyStopped<Count> stopped = EarlyStopping.of(1_000, (int) STEPS).apply(run, TrainState::lossOrNaN);
                if (stopped.reason() != StopReason.MAX_EPOCHS || stopped.epochs() != STEPS) {
                    throw new AssertionError("early stopping ended as " + stopped);
                }
                yield stopped.last();
            }
            case "stream-held" -> {
                Stream<TrainState<Count>> states = Stream.ofAll(run);
                TrainState<Count> s = states.get((int) STEPS);
                yield states.head().step() == 0 ? s : null;
            }
            default -> throw new IllegalArgumentException("unknown use " + args[0]);
        };
        System.out.println(last.step() + " " + last.loss().getOrElse(Double.NaN));
    }
}
