package io.github.purenet.network;

import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;

/**
 * A user's layer for the tests, the manual's: {@code y = x ⊙ s}, a learnt scale per feature. Like
 * the manual's, its output shape does not check its width.
 *
 * @param s the {@code 1 x features} scale
 */
public record Scale(Matrix s) implements CustomLayer {

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public Shape outputShape(Shape input) {
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
    public Scale withParameters(Vector<Matrix> p) {
        return new Scale(p.get(0));
    }

    @Override
    public Matrix forward(Matrix x, Mode mode) {
        return x.zipWithRow(s, (a, b) -> a * b);
    }

    /** {@code dL/dx = dL/dy ⊙ s}, {@code dL/ds} the column sums of {@code dL/dy ⊙ x}. */
    @Override
    public Backward backward(Matrix x, Matrix y, Matrix dy, Mode mode) {
        return new Backward(dy.zipWithRow(s, (a, b) -> a * b), Vector.of(dy.hadamard(x).columnSums()));
    }
}
