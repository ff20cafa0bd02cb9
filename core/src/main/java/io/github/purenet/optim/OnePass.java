package io.github.purenet.optim;

import io.github.purenet.network.Gradients;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.UpdateKernels;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The steps of {@link Transforms} that run in one pass: the learning rate, checked, and Adam's
 * step with or without it, with the bits of its updates added to the parameters.
 */
final class OnePass {

    private OnePass() {
    }

    /** The learning rate of a step, checked. */
    static double eta(Schedule learningRate, Count count) {
        double eta = learningRate.at(count.steps());
        if (!(eta >= 0.0 && Double.isFinite(eta))) {
            throw new IllegalArgumentException("scaleByLearningRate: schedule " + learningRate + " gives "
                    + eta + " at step " + count.steps() + ", expected a finite learning rate >= 0");
        }
        return eta;
    }

    /**
     * Adam's step, one pass over each matrix ({@link UpdateKernels#adam}): the updates {@code u},
     * or, given the parameters, {@code θ + factor · u}; and the next moments.
     */
    static Tuple2<Vector<Matrix>, Moments> adam(Gradients g, Moments state, Option<Vector<Matrix>> theta,
            double factor, double beta1, double beta2, double epsilon) {
        long t = state.count() + 1;
        double c1 = 1.0 - StrictMath.pow(beta1, t);
        double c2 = 1.0 - StrictMath.pow(beta2, t);
        int n = g.values().size();
        Matrix[] m = new Matrix[n]; // filled here, then handed to the vectors
        Matrix[] v = new Matrix[n];
        Matrix[] out = new Matrix[n];
        for (int i = 0; i < n; i++) {
            Matrix mi = state.mu().values().get(i);
            Matrix vi = state.nu().values().get(i);
            Matrix gi = g.values().get(i);
            Tuple3<Matrix, Matrix, Matrix> step = theta.isEmpty()
                    ? UpdateKernels.adam(mi, vi, gi, beta1, beta2, c1, c2, epsilon)
                    : UpdateKernels.adamApplied(theta.get().get(i), mi, vi, gi, beta1, beta2, c1, c2, epsilon, factor);
            m[i] = step._1;
            v[i] = step._2;
            out[i] = step._3;
        }
        return Tuple.of(Vector.of(out), new Moments(t, new Gradients(g.paths(), Vector.of(m)),
                new Gradients(g.paths(), Vector.of(v))));
    }
}
