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

            TrainState<Count> last = run.head();
            for (TrainState<Count> state : run.take(2_001)) {                 // states 0 to 2,000, computed once
                if (state.step() % 500 == 0 && state.step() > 0) {            // state 0 has no loss yet
                    System.out.println(state.step() + "  " + state.loss().get());
                }
                last = state;
            }
            Evaluation e = Evaluation.of(last.network(), xor, Losses.binaryCrossEntropy());   // accuracy 1.0
            // end:train
            // (to switch to run.take(2_001).observe(500, action).last() once Run.observe is in)

            System.setOut(console);
            assertEquals(2_000, last.step());
            assertEquals(1.0, e.accuracy());
            // replay is recomputation: the states printed and kept are those that get(k) computes again
            assertEquals(run.get(2_000), last);
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(List.of(500L, 1000L, 1500L, 2000L).stream()
                    .map(k -> k + "  " + run.get(k).loss().get()).toList(), lines);
            assertTrue(lines.get(0).startsWith("500  0.0122"), lines.get(0));
        } finally {
            System.setOut(console);
        }
    }
}
