package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// snippet:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Run;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
// end:imports
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's training quickstart: XOR learnt in one pass over a run, printing every 500th loss. */
class TrainingQuickstartTest {

    @Test
    void oneRunOverTheStatesPrintsEvery500thLossAndEndsWithFullAccuracy() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // snippet:train
            Tuple2<Key, Key> keys = Key.of(42).split();                       // all randomness comes from keys
            Network network = Initializers.network(keys._1, Initializers.glorotUniform(),
                    Vector.of(2, 4, 1), Vector.of(Activations.tanh(), Activations.sigmoid()));
            Dataset xor = new Dataset(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                                      Matrix.of(new double[][] {{0}, {1}, {1}, {0}}));
            Batching batching = Batching.fullBatch();                          // or Batching.miniBatches(32)
            Optimizer<Count> sgd = Optimizers.sgd(0.5);                       // or Optimizers.adam(1e-3), ...
            Run<Count> run = Training.run(Training.init(network, sgd, keys._2, xor, batching),
                    Training.transition(xor, batching, Losses.binaryCrossEntropy(), sgd));

            TrainState<Count> last = run.take(2_001)                          // states 0 to 2,000, computed once
                    .observe(500, s -> System.out.println(s.step() + "  " + s.lossOrNaN()))   // 0, 500, ..., 2000
                    .last();
            Evaluation e = Evaluation.of(last.network(), xor, Losses.binaryCrossEntropy());   // accuracy 1.0
            // end:train

            System.setOut(console);
            assertEquals(2_000, last.step());
            assertEquals(1.0, e.accuracy());
            // replay is recomputation: the states printed and kept are those that get(k) computes again
            assertEquals(run.get(2_000), last);
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(List.of(0L, 500L, 1000L, 1500L, 2000L).stream()
                    .map(k -> k + "  " + run.get(k).lossOrNaN()).toList(), lines);
            assertEquals("0  NaN", lines.get(0));
            assertTrue(lines.get(1).startsWith("500  0.0122"), lines.get(1));
        } finally {
            System.setOut(console);
        }
    }
}
