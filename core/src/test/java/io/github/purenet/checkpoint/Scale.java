package io.github.purenet.checkpoint;

import io.github.purenet.network.CustomLayer;
import io.github.purenet.network.Mode;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * A layer of the user's own for the codec's tests: {@code y = x ⊙ s}, a learnt scale per feature,
 * named with its width ({@code scale(2)}), since a codec checks a layer's parameters against the
 * shapes of the prototype registered under its name.
 *
 * @param s the {@code 1 x width} scale
 */
record Scale(Matrix s) implements CustomLayer {

    /** @return a scale of these factors */
    static Scale of(double... s) {
        return new Scale(Matrix.row(s));
    }

    /** @return the codec's prototype for layers of this width: factors 1 */
    static Scale ones(int width) {
        return new Scale(Matrix.filled(1, width, 1.0));
    }

    @Override
    public String name() {
        return "scale(" + s.columns() + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.size() != s.columns()) {
            throw new IllegalArgumentException("expected an input of " + s.columns() + " features, got " + input);
        }
        return input;
    }

    @Override
    public Vector<String> parameterNames() {
        return Vector.of("s");
    }

    @Override
    public Vector<Matrix> parameters() {
        return Vector.of(s);
    }

    @Override
    public Scale withParameters(Vector<Matrix> parameters) {
        if (parameters.size() != 1 || parameters.get(0).rows() != 1 || parameters.get(0).columns() != s.columns()) {
            throw new IllegalArgumentException("scale: expected one 1x" + s.columns() + " matrix, got " + parameters);
        }
        return new Scale(parameters.get(0));
    }

    @Override
    public Matrix forward(Matrix inputs, Mode mode) {
        return inputs.zipWithRow(s, (a, b) -> a * b);
    }

    @Override
    public Backward backward(Matrix inputs, Matrix outputs, Matrix gradient, Mode mode) {
        return new Backward(gradient.zipWithRow(s, (a, b) -> a * b), Vector.of(gradient.hadamard(inputs).columnSums()));
    }
}
