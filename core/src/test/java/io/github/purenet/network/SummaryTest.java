package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Seed001;
import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/** {@link Network#summary()}: the table's exact text, its counts against an independent count, and its laws. */
class SummaryTest {

    /** A 64-128-10 ReLU/softmax network; only the shapes matter to the summary. */
    private static Network network64x128x10() {
        return Network.of(
                new Dense(Matrix.filled(128, 64, 0.0), Matrix.filled(1, 128, 0.0), Activations.relu()),
                new Dense(Matrix.filled(10, 128, 0.0), Matrix.filled(1, 10, 0.0), Activations.softmax()));
    }

    /** The count written out from the layer's matrices: every weight entry and every bias entry. */
    private static long entries(Dense layer) {
        return (long) layer.weights().rows() * layer.weights().columns()
                + (long) layer.bias().rows() * layer.bias().columns();
    }

    @Test
    void theTableOfA64x128x10NetworkIsExactlyThis() {
        assertEquals("""
                layer      kind           output  parameters
                input                         64
                layers[0]  dense relu        128       8,320
                layers[1]  dense softmax      10       1,290
                total                                  9,610""", network64x128x10().summary().toString());
    }

    @Test
    void theTableOfSeed001sNetworkIsExactlyThis() {
        assertEquals("""
                layer      kind           output  parameters
                input                          2
                layers[0]  dense relu          3           9
                layers[1]  dense softmax       3          12
                total                                     21""", Seed001.network().summary().toString());
    }

    @Test
    void rowsOf64x128x10CountWeightsAndBiasesByHandAndTheirSumIsParameterCount() {
        Network network = network64x128x10();
        Summary summary = network.summary();
        // by hand: 128 x 64 weights + 128 biases; 10 x 128 weights + 10 biases
        assertEquals(Vector.of(
                new Summary.Row("layers[0]", "dense relu", Shape.of(128), 128 * 64 + 128),
                new Summary.Row("layers[1]", "dense softmax", Shape.of(10), 10 * 128 + 10)), summary.rows());
        assertEquals(Shape.of(64), summary.input());
        assertEquals(9_610L, summary.parameters());
        assertEquals(network.parameterCount(), summary.parameters());
    }

    @Test
    void rowsOfSeed001CountEveryWeightAndBiasEntry() {
        Network network = Seed001.network();
        Summary summary = network.summary();
        assertEquals(Stacks.layers(network).map(SummaryTest::entries), summary.rows().map(Summary.Row::parameters));
        assertEquals(Vector.of(2L * 3 + 3, 3L * 3 + 3), summary.rows().map(Summary.Row::parameters));
        assertEquals(network.parameterCount(), summary.parameters());
    }

    @Test
    void forGeneratedNetworksRowsSumToParameterCountAndEachRowDescribesItsLayer() {
        Property.forAll(Generators.networks().layers(1, 6).widths(1, 40)).trials(200).check(network -> {
            Summary summary = network.summary();
            Vector<Summary.Row> rows = summary.rows();
            assertEquals(network.layers().size(), rows.size(), "one row per layer");
            assertEquals(Shape.of(network.inputs()), summary.input());
            long independent = 0;
            for (int i = 0; i < rows.size(); i++) {
                Dense layer = network.dense(i);
                Summary.Row row = rows.get(i);
                assertEquals("layers[" + i + "]", row.path());
                assertEquals("dense " + layer.activation().name(), row.kind());
                assertEquals(Shape.of(layer.outputs()), row.outputShape(), row.path());
                assertEquals(entries(layer), row.parameters(), row.path());
                independent += entries(layer);
            }
            assertEquals(rows.map(Summary.Row::parameters).sum().longValue(), summary.parameters());
            assertEquals(network.parameterCount(), summary.parameters());
            assertEquals(independent, summary.parameters());
            Vector<String> lines = Vector.of(summary.toString().split("\n", -1));
            assertEquals(rows.size() + 3, lines.size(), "header, input, one line per layer, total");
            assertTrue(lines.forAll(l -> l.length() == l.stripTrailing().length()), "no trailing spaces");
        });
    }

    private static Dense zeros(int inputs, int outputs, io.github.purenet.activation.Activation activation) {
        return new Dense(Matrix.filled(outputs, inputs, 0.0), Matrix.filled(1, outputs, 0.0), activation);
    }

    @Test
    void aNetworkWithStateGainsAStateColumnAndItsDocumentedTableIsExactlyThis() {
        Network small = Network.of(Shape.of(8), zeros(8, 16, Activations.relu()), BatchNorm.of(16), Dropout.of(0.5));
        // the table of Summary's javadoc: 8 x 16 + 16 = 144; scale and offset 2 x 16; mean and variance 2 x 16
        assertEquals("""
                layer      kind         output  parameters  state
                input                        8
                layers[0]  dense relu       16         144      0
                layers[1]  batch_norm       16          32     32
                layers[2]  dropout 0.5      16           0      0
                total                                  176     32""", small.summary().toString());
        assertEquals(32L, small.summary().state());
        assertEquals(small.state().map(m -> (long) m.rows() * m.columns()).sum().longValue(), small.summary().state());
    }

    @Test
    void everyKindHasItsRowWithItsOwnParametersAndStateAndContainersCountNone() {
        Network network = Network.of(Shape.of(8), zeros(8, 16, Activations.relu()), BatchNorm.of(16), Dropout.of(0.25),
                Residual.of(Sequential.of(LayerNorm.of(16), zeros(16, 16, Activations.relu()))),
                Residual.of(zeros(16, 4, Activations.tanh()), zeros(16, 4, Activations.identity())),
                ActivationLayer.of(Activations.softmax()));
        // by hand: dense 8·16 + 16; norms 16 + 16 each, batch norm's state 16 + 16; dense 16·16 + 16; 16·4 + 4 twice
        assertEquals(Vector.of(
                new Summary.Row("layers[0]", "dense relu", Shape.of(16), 144),
                new Summary.Row("layers[1]", "batch_norm", Shape.of(16), 32, 32),
                new Summary.Row("layers[2]", "dropout 0.25", Shape.of(16), 0),
                new Summary.Row("layers[3]", "residual", Shape.of(16), 0),
                new Summary.Row("layers[3].inner", "sequential", Shape.of(16), 0),
                new Summary.Row("layers[3].inner.layers[0]", "layer_norm", Shape.of(16), 32),
                new Summary.Row("layers[3].inner.layers[1]", "dense relu", Shape.of(16), 272),
                new Summary.Row("layers[4]", "residual, projected", Shape.of(4), 0),
                new Summary.Row("layers[4].inner", "dense tanh", Shape.of(4), 68),
                new Summary.Row("layers[4].projection", "dense identity", Shape.of(4), 68),
                new Summary.Row("layers[5]", "activation softmax", Shape.of(4), 0)), network.summary().rows());
        assertEquals(144L + 32 + 32 + 272 + 68 + 68, network.summary().parameters());
        assertEquals(network.parameterCount(), network.summary().parameters());
        assertEquals(32L, network.summary().state());
        assertEquals("Network[8 dense(16 relu), batch_norm, dropout(0.25), residual(layer_norm, dense(16 relu)), "
                + "residual(dense(4 tanh); projection dense(4 identity)), softmax]", network.toString());
    }

    @Test
    void largeCountsAreGroupedInLocaleRootAndColumnsWidenToFit() {
        Summary summary = new Summary(Shape.of(28, 28, 1), Vector.of(
                new Summary.Row("layers[0].inner.layers[0]", "dense leaky_relu(0.01)", Shape.of(28, 28, 32),
                        12_345_678_901L)));
        assertEquals("""
                layer                      kind                      output      parameters
                input                                               28x28x1
                layers[0].inner.layers[0]  dense leaky_relu(0.01)  28x28x32  12,345,678,901
                total                                                        12,345,678,901""", summary.toString());
    }

    @Test
    void badRowsAndSummariesAreRefusedNamingWhatIsWrong() {
        assertEquals("Summary.Row layers[2]: parameters is -1, must be at least 0", assertThrows(
                IllegalArgumentException.class, () -> new Summary.Row("layers[2]", "dense", Shape.of(1), -1))
                .getMessage());
        assertEquals("Summary.Row layers[2]: kind is blank", assertThrows(IllegalArgumentException.class,
                () -> new Summary.Row("layers[2]", " ", Shape.of(1), 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Summary.Row("", "dense", Shape.of(1), 0));
        assertEquals("Summary.Row layers[1]: state is -2, must be at least 0", assertThrows(
                IllegalArgumentException.class, () -> new Summary.Row("layers[1]", "batch_norm", Shape.of(1), 2, -2))
                .getMessage());
        assertEquals("Summary: rows is empty; a network has at least one layer", assertThrows(
                IllegalArgumentException.class, () -> new Summary(Shape.of(1), Vector.empty())).getMessage());
        Summary.Row huge = new Summary.Row("layers[0]", "dense", Shape.of(1), Long.MAX_VALUE);
        assertEquals("Summary: the parameters overflow a long at row layers[1]", assertThrows(
                IllegalArgumentException.class, () -> new Summary(Shape.of(1), Vector.of(huge,
                        new Summary.Row("layers[1]", "dense", Shape.of(1), 1)))).getMessage());
    }
}
