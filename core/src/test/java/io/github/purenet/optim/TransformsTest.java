package io.github.purenet.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.Stacks;
import io.github.purenet.activation.Activations;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Oracle tests of every gradient transform: three steps on a fixed 3-2 network and a fixed gradient
 * sequence equal the paper's formula written out in this file with scalar doubles, one entry at a
 * time. Where the reference evaluates the formula in the library's order, the bits must be equal;
 * otherwise the relative difference must be at most 1e-15. The fixture and the scalar helpers are
 * shared with {@link NamedOptimizersTest}.
 */
class TransformsTest {

    /** Parameters θ0 of the fixture: the 2x3 weights row by row, then the 1x2 bias. */
    static final double[] THETA0 = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.05, -0.05};

    /** Three gradients, in the layout of {@link #THETA0}: positive, negative and zero entries; entry 7 stays 0. */
    static final double[][] G = {
        {0.5, -1.25, 0.0, 2.0, -0.125, 3.0, -0.75, 0.0},
        {-0.5, 0.0, 1.5, 2.0, 0.375, -3.0, 0.0, 0.0},
        {0.25, -1.0, 0.0, -4.0, 0.5, 1e-3, 0.75, 0.0}};

    static final int N = THETA0.length;

    /** One library step: the updates, the state after it, and the parameters after applying the updates. */
    record Step<S>(double[] updates, S state, double[] parameters) {
    }

    /** The expected updates of each step and up to two per-entry state arrays after each step. */
    record Expected(double[][] updates, double[][] first, double[][] second) {
        Expected(double[][] updates) {
            this(updates, null, null);
        }
    }

    /** A network of one identity layer, 3 inputs and 2 outputs, with parameters in the layout of {@link #THETA0}. */
    static Network network(double[] p) {
        return Network.of(new Dense(Matrix.of(2, 3, (i, j) -> p[3 * i + j]), Matrix.row(p[6], p[7]),
                Activations.identity()));
    }

    static Gradients gradients(double[] g) {
        return Stacks.gradients(Vector.of(new Stacks.Pair(Matrix.of(2, 3, (i, j) -> g[3 * i + j]),
                Matrix.row(g[6], g[7]))));
    }

    static double[] flat(Gradients g) {
        Stacks.Pair layer = Stacks.layers(g).single();
        double[] out = new double[N];
        for (int k = 0; k < 6; k++) {
            out[k] = layer.weights().get(k / 3, k % 3);
        }
        out[6] = layer.bias().get(0, 0);
        out[7] = layer.bias().get(0, 1);
        return out;
    }

    static double[] flat(Network network) {
        return flat(Gradients.parameters(network));
    }

    /** The library's run: three updates from {@link #THETA0} on {@link #G}, each applied before the next. */
    static <S> List<Step<S>> run(Optimizer<S> optimizer) {
        Network network = network(THETA0);
        S state = optimizer.init(network);
        List<Step<S>> steps = new ArrayList<>();
        for (double[] g : G) {
            Update<S> u = optimizer.update(gradients(g), state, network);
            network = Optimizer.applyUpdates(network, u.updates());
            state = u.state();
            steps.add(new Step<>(flat(u.updates()), state, flat(network)));
        }
        return steps;
    }

    /**
     * Asserts the updates of every step, and the parameters after it (θ0 plus the expected updates,
     * summed in order), within {@code tolerance} relative; a tolerance of 0 asks for the same bits.
     */
    static <S> void agree(Expected expected, List<Step<S>> steps, double tolerance) {
        double[] theta = THETA0.clone();
        for (int t = 0; t < steps.size(); t++) {
            for (int i = 0; i < N; i++) {
                theta[i] += expected.updates()[t][i];
            }
            same(expected.updates()[t], steps.get(t).updates(), tolerance, "update of step " + (t + 1));
            same(theta, steps.get(t).parameters(), tolerance, "parameters after step " + (t + 1));
        }
    }

    /** Asserts one per-entry state array after every step. */
    static <S> void agreeState(double[][] expected, List<Step<S>> steps, Function<S, Gradients> component,
            double tolerance) {
        for (int t = 0; t < steps.size(); t++) {
            same(expected[t], flat(component.apply(steps.get(t).state())), tolerance, "state after step " + (t + 1));
        }
    }

    static void same(double[] expected, double[] actual, double tolerance, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (tolerance == 0.0) {
                assertEquals(expected[i], actual[i], what + ", entry " + i + " (bit for bit)");
            } else {
                assertEquals(expected[i], actual[i], tolerance * Math.abs(expected[i]), what + ", entry " + i);
            }
        }
    }

    /** Adam's updates, {@code factor · (m̂ / (√v̂ + ε) + λ θ)}, with the moments as state; factor is -η or 1. */
    static Expected adamReference(double factor, double beta1, double beta2, double epsilon, double lambda) {
        return adamReference(t -> factor, beta1, beta2, epsilon, lambda);
    }

    /** Adam's updates as above, with the factor of step {@code t} (from 1) given step by step. */
    static Expected adamReference(IntToDoubleFunction factor, double beta1, double beta2, double epsilon,
            double lambda) {
        double[][] u = new double[3][N];
        double[][] ms = new double[3][N];
        double[][] vs = new double[3][N];
        for (int i = 0; i < N; i++) {
            double theta = THETA0[i];
            double m = 0.0;
            double v = 0.0;
            for (int t = 1; t <= 3; t++) {
                double g = G[t - 1][i];
                m = beta1 * m + (1 - beta1) * g;
                v = beta2 * v + (1 - beta2) * g * g;
                double mHat = m / (1 - StrictMath.pow(beta1, t));
                double vHat = v / (1 - StrictMath.pow(beta2, t));
                u[t - 1][i] = factor.applyAsDouble(t) * (mHat / (Math.sqrt(vHat) + epsilon) + lambda * theta);
                theta += u[t - 1][i];
                ms[t - 1][i] = m;
                vs[t - 1][i] = v;
            }
        }
        return new Expected(u, ms, vs);
    }

    /** Momentum's updates {@code factor · v} (heavy ball) or {@code factor · (β v + g)} (Nesterov), with v. */
    static Expected momentumReference(double factor, double beta, boolean nesterov) {
        double[][] u = new double[3][N];
        double[][] vs = new double[3][N];
        for (int i = 0; i < N; i++) {
            double v = 0.0;
            for (int t = 0; t < 3; t++) {
                double g = G[t][i];
                v = beta * v + g;
                u[t][i] = factor * (nesterov ? beta * v + g : v);
                vs[t][i] = v;
            }
        }
        return new Expected(u, vs, null);
    }

    /** RMSProp's updates {@code factor · g / (√s + ε)}, with {@code s ← ρ s + (1 - ρ) g²}. */
    static Expected rmsReference(double factor, double rho, double epsilon) {
        double[][] u = new double[3][N];
        double[][] ss = new double[3][N];
        for (int i = 0; i < N; i++) {
            double s = 0.0;
            for (int t = 0; t < 3; t++) {
                double g = G[t][i];
                s = rho * s + (1 - rho) * g * g;
                u[t][i] = factor * (g / (Math.sqrt(s) + epsilon));
                ss[t][i] = s;
            }
        }
        return new Expected(u, ss, null);
    }

    /** AdaGrad's updates {@code factor · g / (√s + ε)}, with {@code s ← s + g²} from {@code s0}. */
    static Expected adagradReference(double factor, double s0, double epsilon) {
        double[][] u = new double[3][N];
        double[][] ss = new double[3][N];
        for (int i = 0; i < N; i++) {
            double s = s0;
            for (int t = 0; t < 3; t++) {
                double g = G[t][i];
                s = s + g * g;
                u[t][i] = factor * (g / (Math.sqrt(s) + epsilon));
                ss[t][i] = s;
            }
        }
        return new Expected(u, ss, null);
    }

    /** Entry by entry, {@code f(t, i, g, θ)}, with θ updated by the results. */
    interface Formula {
        double at(int t, int i, double g, double theta);
    }

    static Expected elementwise(Formula f) {
        double[][] u = new double[3][N];
        for (int i = 0; i < N; i++) {
            double theta = THETA0[i];
            for (int t = 0; t < 3; t++) {
                u[t][i] = f.at(t, i, G[t][i], theta);
                theta += u[t][i];
            }
        }
        return new Expected(u);
    }

    private static <S> void counts(List<Step<S>> steps, Function<S, Long> count) {
        for (int t = 0; t < steps.size(); t++) {
            assertEquals(t + 1L, count.apply(steps.get(t).state()), "count after step " + (t + 1));
        }
    }

    @Test
    void scaleMultipliesEveryEntryByTheFactor() {
        List<Step<EmptyState>> steps = run(Transforms.scale(-2.5));
        agree(elementwise((t, i, g, theta) -> -2.5 * g), steps, 0.0);
        steps.forEach(s -> assertSame(EmptyState.INSTANCE, s.state()));
    }

    @Test
    void scaleByConstantLearningRateGivesMinusEtaTimesGAndCountsItsSteps() {
        List<Step<Count>> steps = run(Transforms.scaleByLearningRate(0.3));
        agree(elementwise((t, i, g, theta) -> -0.3 * g), steps, 0.0);
        counts(steps, Count::steps);
    }

    @Test
    void scaleByScheduledLearningRateEvaluatesTheScheduleAtTheStepCountFromZero() {
        // η(t) = 0.1 · 0.5^(t / 2): 0.1, 0.1 / √2, 0.05
        List<Step<Count>> steps = run(Transforms.scaleByLearningRate(Schedules.exponentialDecay(0.1, 0.5, 2, false)));
        agree(elementwise((t, i, g, theta) -> -(0.1 * Math.pow(0.5, t / 2.0)) * g), steps, 1e-15);
        counts(steps, Count::steps);
    }

    @Test
    void heavyBallMomentumUpdatesAreTheVelocityVEqualsBetaVPlusG() {
        List<Step<Velocity>> steps = run(Transforms.momentum(0.8, false));
        Expected expected = momentumReference(1.0, 0.8, false);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, Velocity::velocity, 0.0);
    }

    @Test
    void nesterovMomentumUpdatesAreBetaTimesTheNewVelocityPlusG() {
        List<Step<Velocity>> steps = run(Transforms.momentum(0.8, true));
        Expected expected = momentumReference(1.0, 0.8, true);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, Velocity::velocity, 0.0);
    }

    @Test
    void scaleByAdamIsBiasCorrectedFirstMomentOverRootOfSecondPlusEpsilon() {
        // β1, β2 away from the defaults and a large ε, so that swapped or misplaced constants show
        List<Step<Moments>> steps = run(Transforms.scaleByAdam(0.8, 0.95, 0.1));
        Expected expected = adamReference(1.0, 0.8, 0.95, 0.1, 0.0);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, Moments::mu, 0.0);
        agreeState(expected.second(), steps, Moments::nu, 0.0);
        counts(steps, Moments::count);
    }

    @Test
    void scaleByRmsDividesByRootOfTheRunningAverageOfSquaresPlusEpsilon() {
        List<Step<SquareAverage>> steps = run(Transforms.scaleByRms(0.7, 0.1));
        Expected expected = rmsReference(1.0, 0.7, 0.1);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, SquareAverage::nu, 0.0);
    }

    @Test
    void scaleByAdagradDividesByRootOfTheSumOfSquaresFromTheInitialAccumulator() {
        List<Step<SquareSum>> steps = run(Transforms.scaleByAdagrad(0.5, 0.1));
        Expected expected = adagradReference(1.0, 0.5, 0.1);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, SquareSum::sum, 0.0);
    }

    @Test
    void addDecayedWeightsAddsLambdaTimesTheCurrentParameters() {
        agree(elementwise((t, i, g, theta) -> g + 0.25 * theta), run(Transforms.addDecayedWeights(0.25)), 0.0);
    }

    @Test
    void clipBoundsEachEntryToPlusOrMinusMax() {
        agree(elementwise((t, i, g, theta) -> g > 1.0 ? 1.0 : g < -1.0 ? -1.0 : g), run(Transforms.clip(1.0)), 0.0);
    }

    @Test
    void clipByGlobalNormKeepsGradientsWithinTheBoundAndScalesLargerOnesToIt() {
        // global norms of G: 3.92..., 3.95..., 4.22...; only the third exceeds 4
        double[][] u = new double[3][];
        for (int t = 0; t < 3; t++) {
            double sum = 0.0;
            for (double g : G[t]) {
                sum += g * g;
            }
            double norm = Math.sqrt(sum);
            u[t] = new double[N];
            for (int i = 0; i < N; i++) {
                u[t][i] = norm > 4.0 ? G[t][i] * 4.0 / norm : G[t][i];
            }
        }
        List<Step<EmptyState>> steps = run(Transforms.clipByGlobalNorm(4.0));
        agree(new Expected(u), steps, 1e-15);
        same(G[0], steps.get(0).updates(), 0.0, "unclipped step 1");
        same(G[1], steps.get(1).updates(), 0.0, "unclipped step 2");
        assertTrue(gradients(steps.get(2).updates()).norm() <= 4.0, "the clipped norm exceeds the bound");
    }

    @Test
    void setToZeroGivesNegativeZeroUpdatesThatLeaveTheParametersBitIdentical() {
        List<Step<EmptyState>> steps = run(Transforms.setToZero());
        agree(elementwise((t, i, g, theta) -> -0.0), steps, 0.0);
        same(THETA0, steps.get(2).parameters(), 0.0, "parameters after three steps");
    }

    @Test
    void chainFeedsTheFirstTransformsUpdatesToTheSecondAndKeepsBothStates() {
        List<Step<Chain<Velocity, Count>>> steps =
                run(Transforms.chain(Transforms.momentum(0.8, false), Transforms.scaleByLearningRate(0.3)));
        Expected expected = momentumReference(-0.3, 0.8, false);
        agree(expected, steps, 0.0);
        agreeState(expected.first(), steps, s -> s.first().velocity(), 0.0);
        counts(steps, s -> s.second().steps());
    }
}
