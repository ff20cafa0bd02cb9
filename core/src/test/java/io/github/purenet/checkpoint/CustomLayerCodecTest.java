package io.github.purenet.checkpoint;

import static io.github.purenet.Checks.refuses;
import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * A layer of the user's own is written by its name with its parameters (and state) by name, and
 * read by a codec that knows it ({@code Codec.withLayer}): rebuilt from the registered prototype
 * once the matrices are checked against its shapes. A layer that could not be read back as itself
 * is refused when it is written, not when it is read.
 */
class CustomLayerCodecTest {

    /** {@code y = gate · x ⊙ w}: a setting, {@code gate}, beside its parameter. */
    record Gated(Matrix w, double gate, boolean named) implements CustomLayer {
        public String name() {
            return named ? "gated(" + gate + ")" : "gated";
        }

        public Shape outputShape(Shape input) {
            return input;
        }

        public Vector<String> parameterNames() {
            return Vector.of("w");
        }

        public Vector<Matrix> parameters() {
            return Vector.of(w);
        }

        public Gated withParameters(Vector<Matrix> p) {
            if (p.get(0).firstOutside(-10.0, 10.0).isDefined()) {
                throw new IllegalStateException("gated: weights beyond 10 in size");
            }
            return new Gated(p.get(0), gate, named);
        }

        public Matrix forward(Matrix x, Mode mode) {
            return x.zipWithRow(w, (a, b) -> gate * a * b);
        }

        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy.zipWithRow(w, (a, b) -> gate * a * b), Vector.of(dy.hadamard(x).columnSums()
                    .scale(gate)));
        }
    }

    /** A layer with a non-trainable state of its own, {@code seen}. */
    record Counted(Matrix s, Matrix seen) implements CustomLayer {
        public String name() {
            return "counted";
        }

        public Shape outputShape(Shape input) {
            return input;
        }

        public Vector<String> parameterNames() {
            return Vector.of("s");
        }

        public Vector<Matrix> parameters() {
            return Vector.of(s);
        }

        public Counted withParameters(Vector<Matrix> p) {
            return new Counted(p.get(0), seen);
        }

        @Override
        public Vector<String> stateNames() {
            return Vector.of("seen");
        }

        @Override
        public Vector<Matrix> state() {
            return Vector.of(seen);
        }

        @Override
        public Counted withState(Vector<Matrix> state) {
            return new Counted(s, state.get(0));
        }

        public Matrix forward(Matrix x, Mode mode) {
            return x;
        }

        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy, Vector.of(s.map(v -> 0.0)));
        }
    }

    private static Network network(CustomLayer layer) {
        return Network.of(Shape.of(2), new Dense(Matrix.of(new double[][] {{0.5, -0.25}, {1.5, 2.0}}),
                Matrix.row(0.125, -0.0), Activations.tanh()), layer);
    }

    @Test
    void aRegisteredLayerReadsBackAsItselfAndAnUnregisteredOneIsRefusedBothWays() {
        Network n = network(Scale.of(0.5, -2.0));
        refuses(() -> Codec.standard().encode(n), "encode: layers[1] is a layer of your own, 'scale(2)'",
                "not registered with Codec.withLayer");
        refuses(() -> Codec.standard().sha256(n), "'scale(2)'", "Codec.withLayer");
        Codec codec = Codec.standard().withLayer(Scale.ones(2));
        String json = codec.encode(n);
        Network back = codec.decodeNetwork(json);
        assertEquals(n, back);
        assertInstanceOf(Scale.class, back.layers().get(1));
        assertEquals(codec.sha256(n), codec.sha256(back));
        refused(() -> Codec.standard().decodeNetwork(json), "$.network.layers[1].kind", "unknown layer kind "
                + "\"scale(2)\"", "register it with Codec.withLayer(prototype), a layer named \"scale(2)\"");
        refused(() -> Codec.standard().withLayer(Scale.ones(3)).decodeNetwork(json), "$.network.layers[1].kind",
                "(this codec knows scale(3))");
    }

    @Test
    void registeringRefusesBuiltInAndBlankNamesAndRepeatedParameterNames() {
        for (String kind : Vector.of("dense", "activation", "dropout", "layer_norm", "batch_norm", "sequential",
                "residual")) {
            refuses(() -> Codec.standard().withLayer(new Renamed(kind)), "'" + kind + "' is the name of a built-in kind");
        }
        refuses(() -> Codec.standard().withLayer(new Renamed(" ")), "withLayer: the prototype's name is blank");
        assertThrows(NullPointerException.class, () -> Codec.standard().withLayer(null));
        refuses(() -> Codec.standard().withLayer(new Twice()), "parameter names [w, w] must be distinct");
    }

    /** A scale of width 1 under another name. */
    record Renamed(String name) implements CustomLayer {
        public Shape outputShape(Shape input) {
            return input;
        }

        public Vector<String> parameterNames() {
            return Vector.empty();
        }

        public Vector<Matrix> parameters() {
            return Vector.empty();
        }

        public Renamed withParameters(Vector<Matrix> p) {
            return this;
        }

        public Matrix forward(Matrix x, Mode mode) {
            return x;
        }

        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy, Vector.empty());
        }
    }

    /** A layer that names two parameters alike. */
    record Twice() implements CustomLayer {
        public String name() {
            return "twice";
        }

        public Shape outputShape(Shape input) {
            return input;
        }

        public Vector<String> parameterNames() {
            return Vector.of("w", "w");
        }

        public Vector<Matrix> parameters() {
            return Vector.of(Matrix.row(1.0), Matrix.row(2.0));
        }

        public Twice withParameters(Vector<Matrix> p) {
            return this;
        }

        public Matrix forward(Matrix x, Mode mode) {
            return x;
        }

        public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
            return new Backward(dy, parameters());
        }
    }

    @Test
    void aSettingThatTheNameDoesNotTellIsRefusedWhenWrittenRatherThanReadBackAsAnother() {
        Network n = network(new Gated(Matrix.row(1.0, 2.0), 0.7, false));
        Codec codec = Codec.standard().withLayer(new Gated(Matrix.row(1.0, 1.0), 0.5, false));
        refuses(() -> codec.encode(n), "encode: layers[1] ('gated') would read back as the registered prototype",
                "not equal to", "name each setting of a layer in its name");
        Network named = network(new Gated(Matrix.row(1.0, 2.0), 0.7, true));
        Codec both = codec.withLayer(new Gated(Matrix.row(1.0, 1.0), 0.7, true))
                .withLayer(new Gated(Matrix.row(1.0, 1.0), 0.5, true));
        assertEquals(named, both.decodeNetwork(both.encode(named)));
        refuses(() -> Codec.standard().withLayer(new Gated(Matrix.row(1.0), 0.7, true)).encode(named),
                "layers[1] ('gated(0.7)') does not fit the prototype", "[w] are [1x2], the prototype's [1x1]");
    }

    @Test
    void aPrototypeThatRefusesTheDocumentsValuesIsAnErrorAtTheLayer() {
        Network n = network(new Gated(Matrix.row(1.0, 2.0), 0.5, true));
        Codec codec = Codec.standard().withLayer(new Gated(Matrix.row(1.0, 1.0), 0.5, true));
        String json = Fixtures.withoutSha(codec.encode(n));
        refused(() -> codec.decodeNetwork(set(json, "$.network.layers[1].parameters.w.values[0][1]", "12.5")),
                "$.network.layers[1]", "layers[1]: gated: weights beyond 10 in size");
    }

    @Test
    void aLayerOfYourOwnWithStateIsWrittenWithItsStateAndItsShapesAreChecked() {
        Network n = network(new Counted(Matrix.row(0.5, 1.5), Matrix.row(3.0, -0.0)));
        Codec codec = Codec.standard().withLayer(new Counted(Matrix.row(1.0, 1.0), Matrix.row(0.0, 0.0)));
        String json = codec.encode(n);
        Network back = codec.decodeNetwork(json);
        assertEquals(n, back);
        Fixtures.assertBits(n, back);
        assertEquals(Vector.of("layers[1].seen"), back.statePaths());
        refused(() -> codec.decodeNetwork(set(Fixtures.withoutSha(json), "$.network.layers[1].state.seen",
                "{\"shape\": [1, 3], \"values\": [[1, 2, 3]]}")), "$.network.layers[1].state.seen",
                "layers[1].seen: expected 1x2, the shape of the registered 'counted' layer's seen, got 1x3");
        refused(() -> codec.decodeNetwork(set(Fixtures.withoutSha(json), "$.network.layers[1].state", "{}")),
                "$.network.layers[1].state", "missing field 'seen'");
    }
}
