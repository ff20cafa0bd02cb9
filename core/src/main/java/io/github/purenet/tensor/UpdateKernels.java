package io.github.purenet.tensor;

import io.vavr.Tuple;
import io.vavr.Tuple3;
import java.util.Objects;

/**
 * The optimizers' entry-wise kernels, for {@code io.github.purenet.optim}. Adam's step is one pass
 * over each matrix: the two moments and the update are written together, in a loop free of
 * lambdas that the JIT compiles to vector instructions, instead of three passes each calling a
 * function per entry. Every entry is computed as the formulas read, left to right, so the bits are
 * those of the three passes.
 */
public final class UpdateKernels {

    private UpdateKernels() {
    }

    /**
     * Adam's moments and update for one parameter matrix, entry by entry:
     * <pre>
     * m' = β1 · m + (1 - β1) · g
     * v' = β2 · v + (1 - β2) · g · g
     * u  = (m' / c1) / (√(v' / c2) + ε)
     * </pre>
     *
     * @param m the first moment
     * @param v the second moment, shaped like {@code m}
     * @param g the gradient, shaped like {@code m}
     * @param beta1 {@code β1}
     * @param beta2 {@code β2}
     * @param c1 the first moment's bias correction, {@code 1 - β1^t}
     * @param c2 the second moment's bias correction, {@code 1 - β2^t}
     * @param epsilon {@code ε}
     * @return {@code (m', v', u)}
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tuple3<Matrix, Matrix, Matrix> adam(Matrix m, Matrix v, Matrix g, double beta1, double beta2,
            double c1, double c2, double epsilon) {
        Objects.requireNonNull(m, "m is null");
        requireShape("v", m, v);
        requireShape("g", m, g);
        return adam(null, m, v, g, beta1, beta2, c1, c2, epsilon, 0.0);
    }

    /**
     * Adam's moments and the parameters after the step, {@code θ + factor · u} with {@code u} as
     * {@link #adam} computes it, in the same pass: the bits of {@code adam} then
     * {@code θ.plusScaled(u, factor)}, without the matrix of updates. With {@code factor = -η},
     * Adam's step with learning rate {@code η}.
     *
     * @param theta the parameters {@code θ}
     * @param m the first moment, shaped like {@code θ}
     * @param v the second moment, shaped like {@code θ}
     * @param g the gradient, shaped like {@code θ}
     * @param beta1 {@code β1}
     * @param beta2 {@code β2}
     * @param c1 the first moment's bias correction, {@code 1 - β1^t}
     * @param c2 the second moment's bias correction, {@code 1 - β2^t}
     * @param epsilon {@code ε}
     * @param factor the factor of the updates, such as {@code -η}
     * @return {@code (m', v', θ + factor · u)}
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tuple3<Matrix, Matrix, Matrix> adamApplied(Matrix theta, Matrix m, Matrix v, Matrix g, double beta1,
            double beta2, double c1, double c2, double epsilon, double factor) {
        Objects.requireNonNull(m, "m is null");
        requireShape("theta", m, theta);
        requireShape("v", m, v);
        requireShape("g", m, g);
        return adam(theta.rowArrays(), m, v, g, beta1, beta2, c1, c2, epsilon, factor);
    }

    /** The loop of both: the third matrix is {@code u}, or {@code θ + factor · u} when {@code theta} is given. */
    private static Tuple3<Matrix, Matrix, Matrix> adam(double[][] theta, Matrix m, Matrix v, Matrix g, double beta1,
            double beta2, double c1, double c2, double epsilon, double factor) {
        double[][] mr = m.rowArrays();
        double[][] vr = v.rowArrays();
        double[][] gr = g.rowArrays();
        double[][] m2 = new double[mr.length][];
        double[][] v2 = new double[mr.length][];
        double[][] third = new double[mr.length][];
        double a1 = 1.0 - beta1;
        double a2 = 1.0 - beta2;
        for (int i = 0; i < mr.length; i++) {
            double[] mi = mr[i];
            double[] vi = vr[i];
            double[] gi = gr[i];
            double[] m2i = m2[i] = new double[mi.length];
            double[] v2i = v2[i] = new double[mi.length];
            double[] out = third[i] = new double[mi.length];
            double[] ti = theta == null ? null : theta[i];
            for (int j = 0; j < mi.length; j++) {
                double mj = beta1 * mi[j] + a1 * gi[j];
                double vj = beta2 * vi[j] + a2 * gi[j] * gi[j];
                double u = (mj / c1) / (Math.sqrt(vj / c2) + epsilon);
                m2i[j] = mj;
                v2i[j] = vj;
                out[j] = ti == null ? u : ti[j] + factor * u;
            }
        }
        return Tuple.of(Matrix.wrap(m2), Matrix.wrap(v2), Matrix.wrap(third));
    }

    private static void requireShape(String name, Matrix expected, Matrix actual) {
        Objects.requireNonNull(actual, name + " is null");
        if (actual.rows() != expected.rows() || actual.columns() != expected.columns()) {
            throw new IllegalArgumentException("adam: " + name + " " + actual.shape() + " does not fit m "
                    + expected.shape());
        }
    }
}
