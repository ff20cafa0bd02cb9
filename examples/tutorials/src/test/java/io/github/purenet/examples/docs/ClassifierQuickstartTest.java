package io.github.purenet.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// snippet:imports
import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.*;
import io.github.purenet.io.Csv;
import io.github.purenet.io.CsvOptions;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Initializers;
import io.github.purenet.optim.*;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.*;
import io.vavr.collection.Vector;
import java.nio.file.Path;
// end:imports
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classifier of docs/training.md: Iris from a CSV file, a held-out test part, a validation part,
 * early stopping, a model that predicts class names on new rows, and its metrics report.
 */
class ClassifierQuickstartTest {

    @Test
    void aClassifierTrainsStopsEarlyPredictsAndReports() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Path file = Path.of("../data/iris.csv");
            // snippet:classify
            Dataset all = Csv.read(file, CsvOptions.of()).dataset();             // features, one-hot classes
            HeldOut heldOut = HeldOut.stratified(all, Key.of(42), 0.2);          // 20% of each class for testing
            Split parts = Datasets.stratifiedSplit(heldOut.split(all).train(), Key.of(7), 0.2);  // and validation
            Standardization std = Standardization.fit(parts.train().features());
            Dataset train = std.apply(parts.train()), validation = std.apply(parts.test());

            Loss loss = Losses.softmaxCrossEntropy();
            Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(0.01);
            Batching batching = Batching.miniBatches(16);
            Run<Chain<Moments, Count>> run = Training.run(
                    Training.init(Initializers.network(Key.of(1), Initializers.glorotUniform(), Vector.of(4, 16, 3),
                            Vector.of(Activations.tanh(), Activations.softmax())), adam, Key.of(2), train, batching),
                    Training.transition(train, batching, loss, adam));
            EarlyStopped<Chain<Moments, Count>> stopped = EarlyStopping.of(10, 500)   // patience 10, at most 500
                    .apply(run, s -> Evaluation.of(s.network(), validation, loss).loss());
            System.out.println(stopped.epochs() + " epochs, stopped by " + stopped.reason());

            Model model = Model.of(stopped.best().get().network()).withStandardization(std)
                    .withClassNames(Vector.of("setosa", "versicolor", "virginica")).withHeldOut(heldOut);
            System.out.println(model.classify(Matrix.of(new double[][] {{5.1, 3.5, 1.4, 0.2}, {6.9, 3.1, 5.4, 2.1}})));
            System.out.println(model.evaluate(heldOut.test(all), loss).report(model.classNames()));
            String json = Codec.standard().encode(model);                        // decodeModel(json) reads it back
            // end:classify

            System.setOut(console);
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(StopReason.PATIENCE, stopped.reason(), lines.get(0));
            assertTrue(stopped.epochs() < 500, lines.get(0));
            assertEquals(stopped.epochs() + " epochs, stopped by PATIENCE", lines.get(0));
            assertEquals("Vector(setosa, virginica)", lines.get(1));
            Evaluation test = model.evaluate(heldOut.test(all), loss);
            assertTrue(test.accuracy() >= 0.9, "test accuracy " + test.accuracy());
            assertEquals(30, test.confusion().total());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  versicolor ")), String.join("\n", lines));
            assertEquals(model, Codec.standard().decodeModel(json));
            System.out.println(String.join("\n", lines)); // what docs/training.md shows
        } finally {
            System.setOut(console);
        }
    }
}
