package io.github.purenet.optim;

import static io.github.purenet.Checks.fails;
import static io.github.purenet.optim.TransformsTest.G;
import static io.github.purenet.optim.TransformsTest.N;
import static io.github.purenet.optim.TransformsTest.adagradReference;
import static io.github.purenet.optim.TransformsTest.adamReference;
import static io.github.purenet.optim.TransformsTest.agree;
import static io.github.purenet.optim.TransformsTest.elementwise;
import static io.github.purenet.optim.TransformsTest.momentumReference;
import static io.github.purenet.optim.TransformsTest.rmsReference;
import static io.github.purenet.optim.TransformsTest.run;
import static io.github.purenet.optim.TransformsTest.same;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.optim.TransformsTest.Expected;
import io.github.purenet.optim.TransformsTest.Step;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The named optimizers that take a {@link Schedule}: with {@link Schedules#constant} each is bit for
 * bit its overload with a constant learning rate (updates, parameters and state over the three steps
 * of {@link TransformsTest}'s fixture), and with a schedule that changes at every step, step
 * {@code t}'s update is {@code -η(t)} times the paper's formula, written out with scalar doubles.
 */
class ScheduledOptimizersTest {

    private static final double LR = 0.3;

    /** The schedule of the tests with a changing rate: 0.3 at step 0, 0.1 at step 1, 0.05 from step 2. */
    private static final Schedule CHANGING = Schedules.piecewiseConstant(0.3, Vector.of(1L, 2L), Vector.of(0.1, 0.05));

    /** {@code CHANGING}'s values at steps 0, 1 and 2, written out. */
    private static final double[] ETA = {0.3, 0.1, 0.05};

    /** An optimizer built twice: from a constant learning rate, and from a schedule. */
    private record Pair(String name, DoubleFunction<Optimizer<?>> constant, Function<Schedule, Optimizer<?>> scheduled) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("sgd", Optimizers::sgd, Optimizers::sgd),
            new Pair("momentum", Optimizers::momentum, Optimizers::momentum),
            new Pair("momentum with beta 0.5", lr -> Optimizers.momentum(lr, 0.5), s -> Optimizers.momentum(s, 0.5)),
            new Pair("nesterov", Optimizers::nesterov, Optimizers::nesterov),
            new Pair("adagrad", Optimizers::adagrad, Optimizers::adagrad),
            new Pair("rmsprop", Optimizers::rmsprop, Optimizers::rmsprop),
            new Pair("adam", Optimizers::adam, Optimizers::adam),
            new Pair("adamw", Optimizers::adamw, Optimizers::adamw),
            new Pair("adamw with decay 0.5", lr -> Optimizers.adamw(lr, 0.5), s -> Optimizers.adamw(s, 0.5)));

    @Test
    void withTheConstantScheduleEachOptimizerIsItsConstantRateOverloadBitForBit() {
        assertAll(PAIRS.stream().<Executable>map(p -> () -> {
            List<? extends Step<?>> constant = run(p.constant().apply(LR));
            List<? extends Step<?>> scheduled = run(p.scheduled().apply(Schedules.constant(LR)));
            for (int t = 0; t < G.length; t++) {
                String what = p.name() + ", step " + (t + 1);
                same(constant.get(t).updates(), scheduled.get(t).updates(), 0.0, what + ", updates");
                same(constant.get(t).parameters(), scheduled.get(t).parameters(), 0.0, what + ", parameters");
                assertEquals(constant.get(t).state(), scheduled.get(t).state(), what + ", state");
            }
        }));
    }

    @Test
    void stepTsUpdateIsMinusTheSchedulesValueAtTTimesThePapersFormula() {
        assertEquals(List.of(ETA[0], ETA[1], ETA[2], ETA[2]),
                List.of(CHANGING.at(0), CHANGING.at(1), CHANGING.at(2), CHANGING.at(3)));
        assertAll(
                () -> agree(elementwise((t, i, g, theta) -> -ETA[t] * g), run(Optimizers.sgd(CHANGING)), 0.0),
                () -> agree(scaled(momentumReference(1.0, 0.9, false)), run(Optimizers.momentum(CHANGING)), 0.0),
                () -> agree(scaled(momentumReference(1.0, 0.5, false)), run(Optimizers.momentum(CHANGING, 0.5)), 0.0),
                () -> agree(scaled(momentumReference(1.0, 0.9, true)), run(Optimizers.nesterov(CHANGING)), 0.0),
                () -> agree(scaled(adagradReference(1.0, 0.0, 1e-10)), run(Optimizers.adagrad(CHANGING)), 0.0),
                () -> agree(scaled(rmsReference(1.0, 0.9, 1e-8)), run(Optimizers.rmsprop(CHANGING)), 0.0),
                () -> agree(scaled(adamReference(1.0, 0.9, 0.999, 1e-8, 0.0)), run(Optimizers.adam(CHANGING)), 0.0),
                () -> agree(adamwReference(0.01), run(Optimizers.adamw(CHANGING)), 0.0),
                () -> agree(adamwReference(0.5), run(Optimizers.adamw(CHANGING, 0.5)), 0.0));
    }

    @Test
    void theFirstUpdateUsesTheSchedulesValueAtStepZero() {
        // the first step of each formula: momentum's v = g, AdaGrad's s = g², RMSProp's s = 0.1 g²
        double eta = ETA[0];
        double[] g = G[0];
        double[] sgd = new double[N];
        double[] nesterov = new double[N];
        double[] adagrad = new double[N];
        double[] rmsprop = new double[N];
        for (int i = 0; i < N; i++) {
            sgd[i] = -eta * g[i];
            nesterov[i] = -eta * (0.9 * g[i] + g[i]);
            adagrad[i] = -eta * (g[i] / (Math.sqrt(g[i] * g[i]) + 1e-10));
            rmsprop[i] = -eta * (g[i] / (Math.sqrt((1 - 0.9) * g[i] * g[i]) + 1e-8));
        }
        assertAll(
                () -> same(sgd, run(Optimizers.sgd(CHANGING)).get(0).updates(), 0.0, "sgd"),
                () -> same(sgd, run(Optimizers.momentum(CHANGING)).get(0).updates(), 0.0, "momentum"),
                () -> same(nesterov, run(Optimizers.nesterov(CHANGING)).get(0).updates(), 0.0, "nesterov"),
                () -> same(adagrad, run(Optimizers.adagrad(CHANGING)).get(0).updates(), 0.0, "adagrad"),
                () -> same(rmsprop, run(Optimizers.rmsprop(CHANGING)).get(0).updates(), 0.0, "rmsprop"));
    }

    @Test
    void scheduledOptimizersPrintAsTheirNameAndScheduleAndRefuseANullSchedule() {
        Schedule lr = Schedules.constant(0.1);
        assertAll(
                () -> assertEquals("momentum(constant(0.1), 0.9)", Optimizers.momentum(lr).toString()),
                () -> assertEquals("momentum(constant(0.1), 0.5)", Optimizers.momentum(lr, 0.5).toString()),
                () -> assertEquals("nesterov(constant(0.1))", Optimizers.nesterov(lr).toString()),
                () -> assertEquals("adagrad(constant(0.1))", Optimizers.adagrad(lr).toString()),
                () -> assertEquals("rmsprop(constant(0.1))", Optimizers.rmsprop(lr).toString()),
                () -> assertEquals("adamw(constant(0.1), 0.01)", Optimizers.adamw(lr).toString()),
                () -> assertEquals("adamw(constant(0.1), 0.5)", Optimizers.adamw(lr, 0.5).toString()),
                () -> assertEquals("momentum(0.1, 0.9)", Optimizers.momentum(0.1).toString()),
                () -> assertEquals("adamw(0.1, 0.01)", Optimizers.adamw(0.1).toString()),
                () -> npe(() -> Optimizers.momentum((Schedule) null)),
                () -> npe(() -> Optimizers.momentum((Schedule) null, 0.5)),
                () -> npe(() -> Optimizers.nesterov((Schedule) null)),
                () -> npe(() -> Optimizers.adagrad((Schedule) null)),
                () -> npe(() -> Optimizers.rmsprop((Schedule) null)),
                () -> npe(() -> Optimizers.adamw((Schedule) null)),
                () -> npe(() -> Optimizers.adamw((Schedule) null, 0.5)));
    }

    private static void npe(Executable call) {
        fails(NullPointerException.class, call, "learningRate");
    }

    /** A reference's updates with factor 1 (the transform before the learning rate), each times {@code -η(t)}. */
    private static Expected scaled(Expected raw) {
        double[][] u = new double[G.length][N];
        for (int t = 0; t < G.length; t++) {
            for (int i = 0; i < N; i++) {
                u[t][i] = -ETA[t] * raw.updates()[t][i];
            }
        }
        return new Expected(u);
    }

    /** AdamW's updates {@code -η(t) (m̂ / (√v̂ + ε) + λ θ)}, the defaults of the paper, θ updated in between. */
    private static Expected adamwReference(double lambda) {
        return adamReference(t -> -ETA[t - 1], 0.9, 0.999, 1e-8, lambda);
    }
}
