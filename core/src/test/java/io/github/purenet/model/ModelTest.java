package io.github.purenet.model;

import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.Standardization;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Problem;
import io.github.purenet.testing.Property;
import io.github.purenet.train.Evaluation;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@link Model} predicts, classifies and evaluates raw inputs exactly as the network does on
 * inputs standardised by hand, and refuses parts and inputs that do not fit, naming both sizes.
 */
class ModelTest {

    /** A generated problem (network, raw inputs, targets, loss), with a model of random standardisation and names. */
    private record Case(Problem problem, Model model) {
    }

    private static Case drawCase(Tuple2<Problem, Key> t) {
        Problem p = t._1;
        SplittableRandom random = new SplittableRandom(t._2.state());
        Model model = Model.of(p.network());
        if (random.nextBoolean()) {
            int d = p.network().inputs();
            model = model.withStandardization(new Standardization(Matrix.of(1, d, (i, j) -> random.nextDouble(-2, 2)),
                    Matrix.of(1, d, (i, j) -> random.nextDouble(0.1, 3))));
        }
        int classes = Math.max(2, p.network().outputs());
        return new Case(p, model.withClassNames(Vector.range(0, classes).map(k -> "class " + (char) ('a' + k))));
    }

    /** {@code (x - mean) / sd}, entry by entry, written apart from {@link Standardization#apply}. */
    private static Matrix standardizedByHand(Model model, Matrix x) {
        if (model.standardization().isEmpty()) {
            return x;
        }
        Standardization s = model.standardization().get();
        double[][] out = x.toArray();
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - s.mean().get(0, j)) / s.standardDeviation().get(0, j);
            }
        }
        return Matrix.of(out);
    }

    private static void forAllCases(java.util.function.Consumer<Case> body) {
        Property.forAll(Generators.pairs(Generators.problems(), Generators.keys())).trials(200)
                .check(t -> body.accept(drawCase(t)));
    }

    @Test
    void predictIsTheForwardPassOnTheInputsStandardisedByHandBitForBit() {
        forAllCases(c -> {
            Matrix raw = c.problem().inputs();
            Matrix expected = Backprop.forward(c.model().network(), standardizedByHand(c.model(), raw)).output();
            assertEquals(expected, c.model().predict(raw));
            assertEquals(standardizedByHand(c.model(), raw), c.model().standardize(raw));
        });
    }

    @Test
    void classifyNamesTheClassesThatEvaluationReadsFromTheOutputs() {
        forAllCases(c -> {
            Matrix raw = c.problem().inputs();
            Vector<Integer> expected = Evaluation.classesOf(
                    Backprop.forward(c.model().network(), standardizedByHand(c.model(), raw)).output());
            assertEquals(expected, c.model().classIndices(raw));
            assertEquals(expected.map(c.model().classNames()::get), c.model().classify(raw));
        });
    }

    @Test
    void evaluateIsEvaluationOfTheNetworkOnTheDataStandardisedByHand() {
        forAllCases(c -> {
            Problem p = c.problem();
            Evaluation expected = Evaluation.of(p.network(),
                    new Dataset(standardizedByHand(c.model(), p.inputs()), p.targets()), p.loss());
            assertEquals(expected, c.model().evaluate(new Dataset(p.inputs(), p.targets()), p.loss()));
        });
    }

    @Test
    void predictStandardisesAndAppliesTheLayerAsComputedByHand() {
        // std x = ((3 - 1) / 2, (10 - 2) / 4) = (1, 2); outputs (1·1 + 0.5, 2·2 - 1) = (1.5, 3)
        Network n = Network.of(new Dense(Matrix.of(new double[][] {{1, 0}, {0, 2}}), Matrix.row(0.5, -1),
                Activations.identity()));
        Model m = Model.of(n).withStandardization(new Standardization(Matrix.row(1, 2), Matrix.row(2, 4)));
        assertEquals(Matrix.row(1.5, 3), m.predict(Matrix.row(3, 10)));
        assertEquals(Matrix.row(1, 2), m.standardize(Matrix.row(3, 10)));
        Matrix raw = Matrix.row(3, 10);
        assertSame(raw, Model.of(n).standardize(raw), "no standardisation: the inputs themselves");
    }

    @Test
    void classifyTakesTheLargestOutputAndTheFirstOnTies() {
        // outputs x·Wᵀ: (1, 0) -> (1, 0, 1) a tie, first wins; (-1, 2) -> (-1, 2, 1); (1, 1) -> (1, 1, 2)
        Network n = Network.of(new Dense(Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}), Matrix.row(0, 0, 0),
                Activations.softmax()));
        Model m = Model.of(n).withClassNames(Vector.of("cat", "dog", "bird"));
        Matrix x = Matrix.of(new double[][] {{1, 0}, {-1, 2}, {1, 1}});
        assertEquals(Vector.of("cat", "dog", "bird"), m.classify(x));
        assertEquals(Vector.of(0, 1, 2), m.classIndices(x));
        assertEquals(Vector.of("0", "1", "2"), Model.of(n).classify(x));
    }

    @Test
    void oneSigmoidOutputIsTheSecondClassFromOneHalfAndGivesTwoProbabilities() {
        Network n = Network.of(new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.sigmoid()));
        Model m = Model.of(n).withClassNames(Vector.of("no", "yes"));
        Matrix x = Matrix.of(new double[][] {{0.0}, {-1e-9}, {Math.log(3)}});
        assertEquals(Vector.of("yes", "no", "yes"), m.classify(x));
        Matrix p = m.probabilities(x);
        assertEquals(Matrix.row(0.5, 0.5), Matrix.row(p.get(0, 0), p.get(0, 1)), "sigmoid(0) = 1/2 exactly");
        assertEquals(0.25, p.get(2, 0), 1e-15, "sigmoid(ln 3) = 3/4");
        assertEquals(0.75, p.get(2, 1), 1e-15);
        Matrix out = m.predict(x);
        for (int i = 0; i < 3; i++) {
            assertEquals(out.get(i, 0), p.get(i, 1));
            assertEquals(1.0 - out.get(i, 0), p.get(i, 0));
        }
        assertEquals(Vector.of("0", "1"), Model.of(n).classNames());
    }

    @Test
    void probabilitiesOfASoftmaxAreItsOutputsAndOtherLastActivationsAreRefused() {
        AtomicInteger softmaxes = new AtomicInteger();
        forAllCases(c -> {
            Network n = c.model().network();
            if (n.finalActivation().get().equals(Activations.softmax()) && n.outputs() >= 2) {
                assertEquals(c.model().predict(c.problem().inputs()), c.model().probabilities(c.problem().inputs()));
                softmaxes.incrementAndGet();
            }
        });
        assertTrue(softmaxes.get() > 10, "softmax networks seen: " + softmaxes);
        Matrix x = Matrix.row(1, 2);
        for (var last : Vector.of(Activations.relu(), Activations.identity(), Activations.tanh(), Activations.sigmoid())) {
            Model m = Model.of(Network.of(new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0, 0, 0), last)));
            refuses(() -> m.probabilities(x), "probabilities", "ends in " + last.name() + " over 3 outputs",
                    "use predict");
        }
        Model softmaxOfOne = Model.of(Network.of(new Dense(Matrix.row(1, 1), Matrix.row(0), Activations.softmax())));
        refuses(() -> softmaxOfOne.probabilities(x), "ends in softmax over 1 output,");
    }

    @Test
    void classNamesMustBeOnePerClassDistinctAndNonEmpty() {
        Network three = Network.of(new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0, 0, 0), Activations.softmax()));
        Network one = Network.of(new Dense(Matrix.row(1, 1), Matrix.row(0), Activations.sigmoid()));
        refuses(() -> Model.of(three).withClassNames(Vector.of("a", "b")), "classNames: 2 names for network "
                + "Network[2-3 softmax]", "tells 3 classes apart", "expected 3 names");
        refuses(() -> Model.of(one).withClassNames(Vector.of("yes")), "classNames: 1 names", "2 classes apart",
                "one output: class 1 at 0.5 and above", "expected 2 names");
        refuses(() -> Model.of(one).withClassNames(Vector.of("a", "b", "c")), "3 names", "expected 2");
        refuses(() -> Model.of(three).withClassNames(Vector.of("a", "b", "a")),
                "the name \"a\" at position 2 repeats the name at position 0");
        refuses(() -> Model.of(three).withClassNames(Vector.of("a", "", "c")), "the name at position 1 is empty");
        assertThrows(NullPointerException.class, () -> Model.of(three).withClassNames(Vector.of("a", null, "c")));
        refuses(() -> Model.of(three).withClassNames(Vector.of("a", "b\uD800", "c")),
                "the name at position 1 holds the unpaired surrogate \\uD800");
        refuses(() -> Model.of(three).withClassNames(Vector.of("a", "b", "\uDE00c")), "position 2", "\\uDE00");
        assertEquals("\uD83D\uDE00", Model.of(three).withClassNames(Vector.of("a", "b", "\uD83D\uDE00")).classNames()
                .last(), "a pair is one code point, an emoji");
        assertEquals(Vector.of("0", "1", "2"), Model.of(three).classNames());
        assertEquals(3, Model.of(three).classes());
        assertEquals(Vector.of("A", "b", "a"), Model.of(three).withClassNames(Vector.of("A", "b", "a")).classNames(),
                "names differ by case");
    }

    @Test
    void partsAndInputsThatDoNotFitAreRefusedNamingBothSizes() {
        Network n = Network.of(new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0, 0, 0), Activations.softmax()));
        Model m = Model.of(n);
        Standardization three = new Standardization(Matrix.row(0, 0, 0), Matrix.row(1, 1, 1));
        refuses(() -> m.withStandardization(three), "standardization: standardises 3 columns",
                "takes 2 inputs");
        for (var call : Vector.<java.util.function.Function<Matrix, Object>>of(m::predict, m::classify,
                m::classIndices, m::probabilities, m::standardize)) {
            refuses(() -> call.apply(Matrix.row(1, 2, 3)), "inputs 1x3 do not fit the model: it takes 2 columns",
                    "the inputs have 3");
            refuses(() -> call.apply(Matrix.row(1, Double.NaN)), "inputs: entry (0, 1) of 1x2 is NaN");
        }
        refuses(() -> m.predict(Matrix.row(1, 2, 3)), "predict: inputs 1x3");
        refuses(() -> m.classify(Matrix.row(Double.POSITIVE_INFINITY, 0)), "classify: inputs: entry (0, 0)");
        refuses(() -> m.evaluate(new Dataset(Matrix.row(1, 2, 3), Matrix.row(1, 0, 0)), io.github.purenet.loss.Losses
                .softmaxCrossEntropy()), "evaluate: inputs 1x3", "takes 2 columns");
        refuses(() -> m.evaluate(new Dataset(Matrix.row(1, 2), Matrix.row(1, 0)), io.github.purenet.loss.Losses
                .softmaxCrossEntropy()), "evaluate: targets 1x2", "gives 3 outputs", "have 2 columns");
        Network four = Network.of(new Dense(Matrix.filled(4, 2, 0.5), Matrix.row(0, 0, 0, 0), Activations.softmax()));
        refuses(() -> m.withNetwork(four), "classNames: 3 names", "tells 4 classes apart");
        Network wider = Network.of(new Dense(Matrix.filled(3, 3, 0.5), Matrix.row(0, 0, 0), Activations.softmax()));
        refuses(() -> m.withStandardization(new Standardization(Matrix.row(0, 0), Matrix.row(1, 1))).withNetwork(wider),
                "standardises 2 columns", "takes 3 inputs");
        assertThrows(NullPointerException.class, () -> new Model(n, Option.some(null), m.classNames(), Option.none()));
        assertThrows(NullPointerException.class, () -> new Model(n, Option.none(), m.classNames(), Option.some(null)));
    }

    @Test
    void itPrintsItsPartsShortly() {
        Network n = Network.of(new Dense(Matrix.filled(3, 2, 0.5), Matrix.row(0, 0, 0), Activations.softmax()));
        HeldOut h = new HeldOut(Key.of(1), 0.2, true, "3fa2c1d0" + "0".repeat(56));
        assertEquals("Model[Network[2-3 softmax], classes 0,1,2]", Model.of(n).toString());
        assertEquals("Model[Network[2-3 softmax], standardized, classes a,b,c, HeldOut[stratified 0.2 of data "
                + "3fa2c1d0...]]", Model.of(n).withStandardization(new Standardization(Matrix.row(0, 0),
                        Matrix.row(1, 1))).withClassNames(Vector.of("a", "b", "c")).withHeldOut(h).toString());
    }
}
