package io.github.purenet.optim;

import static io.github.purenet.Checks.fails;
import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * {@link Schedules}: each schedule's values at chosen steps against values computed here by hand or
 * with {@link Math} (within 1e-15 relative), the restart of step counts by {@code join}, how schedules
 * print, and bad input to every factory and to {@code at}.
 */
class SchedulesTest {

    private static final double RELATIVE = 1e-15;

    /** Asserts {@code actual} within 1e-15 of {@code expected}, relative (exact for an expected 0). */
    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    @Test
    void constantGivesItsValueAtEveryStep() {
        Schedule s = Schedules.constant(0.25);
        assertAll(() -> assertEquals(0.25, s.at(0)), () -> assertEquals(0.25, s.at(1)),
                () -> assertEquals(0.25, s.at(Long.MAX_VALUE)));
    }

    @Test
    void linearRampsFromInitialToEndThenStaysAtEnd() {
        Schedule s = Schedules.linear(0.2, 1.0, 10);
        assertAll(() -> assertEquals(0.2, s.at(0)), () -> near(0.6, s.at(5), "mid"),
                () -> near(0.2 + 0.8 * 0.3, s.at(3), "3"), () -> assertEquals(1.0, s.at(10)),
                () -> assertEquals(1.0, s.at(1_000_000)));
    }

    @Test
    void piecewiseConstantTakesEachValueFromItsBoundaryOn() {
        Schedule s = Schedules.piecewiseConstant(0.1, Vector.of(10L, 20L), Vector.of(0.01, 0.001));
        assertAll(() -> assertEquals(0.1, s.at(0)), () -> assertEquals(0.1, s.at(9)),
                () -> assertEquals(0.01, s.at(10)), () -> assertEquals(0.01, s.at(11)),
                () -> assertEquals(0.01, s.at(19)), () -> assertEquals(0.001, s.at(20)),
                () -> assertEquals(0.001, s.at(21)), () -> assertEquals(0.001, s.at(Long.MAX_VALUE)));
    }

    @Test
    void piecewiseConstantWithoutBoundariesIsItsInitialValue() {
        Schedule s = Schedules.piecewiseConstant(0.3, Vector.empty(), Vector.empty());
        assertAll(() -> assertEquals(0.3, s.at(0)), () -> assertEquals(0.3, s.at(1L << 40)));
    }

    @Test
    void exponentialDecayIsInitialTimesRateToTheFractionOfDecaySteps() {
        Schedule s = Schedules.exponentialDecay(0.1, 0.96, 100, false);
        assertAll(() -> assertEquals(0.1, s.at(0)),
                () -> near(0.1 * Math.sqrt(0.96), s.at(50), "50: 0.1 · 0.96^0.5"),
                () -> near(0.1 * 0.96, s.at(100), "100"),
                () -> near(0.1 * 0.96 * 0.96 * Math.sqrt(0.96), s.at(250), "250: 0.1 · 0.96^2.5"),
                () -> near(0.1 * Math.pow(0.96, 0.37), s.at(37), "37"));
    }

    @Test
    void exponentialDecayWithStaircaseDropsOnlyEveryDecaySteps() {
        Schedule s = Schedules.exponentialDecay(0.1, 0.5, 100, true);
        assertAll(() -> assertEquals(0.1, s.at(0)), () -> assertEquals(0.1, s.at(99)),
                () -> assertEquals(0.05, s.at(100)), () -> assertEquals(0.05, s.at(199)),
                () -> assertEquals(0.025, s.at(250)));
    }

    @Test
    void exponentialGrowthThrowsAtTheFirstStepWhoseValueOverflows() {
        Schedule s = Schedules.exponentialDecay(1.0, 2.0, 1, false);
        assertEquals(0x1.0p1023, s.at(1023));
        fails(ArithmeticException.class, () -> s.at(1024), "step 1024", "Infinity");
    }

    @Test
    void cosineDecayGoesFromInitialToAlphaTimesInitialAndStays() {
        Schedule s = Schedules.cosineDecay(0.1, 1000, 0.1);
        double quarter = 0.5 * (1 + Math.sqrt(0.5));   // ½(1 + cos(π/4))
        assertAll(() -> near(0.1, s.at(0), "start"),
                () -> near(0.1 * (0.9 * quarter + 0.1), s.at(250), "quarter"),
                () -> near(0.1 * (0.9 * 0.5 + 0.1), s.at(500), "half-way"),
                () -> near(0.1 * (0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.7)) + 0.1), s.at(700), "700"),
                () -> near(0.01, s.at(1000), "end"),
                () -> assertEquals(s.at(1000), s.at(1001), "past the end"),
                () -> assertEquals(s.at(1000), s.at(1L << 50), "far past the end"));
    }

    @Test
    void cosineDecayWithAlphaZeroEndsAtZero() {
        Schedule s = Schedules.cosineDecay(2.0, 10, 0.0);
        assertAll(() -> assertEquals(2.0, s.at(0)), () -> near(1.0, s.at(5), "half-way"),
                () -> assertEquals(0.0, s.at(10)), () -> assertEquals(0.0, s.at(11)));
    }

    @Test
    void warmupCosineDecayRisesLinearlyToThePeakThenDecaysToTheEnd() {
        Schedule s = Schedules.warmupCosineDecay(0.0, 1.0, 100, 1100, 0.1);
        double quarter = 0.5 * (1 + Math.sqrt(0.5));
        assertAll(() -> assertEquals(0.0, s.at(0)), () -> assertEquals(0.25, s.at(25)),
                () -> assertEquals(0.5, s.at(50)), () -> near(0.99, s.at(99), "99"),
                () -> assertEquals(1.0, s.at(100), "the peak"),
                () -> near(0.1 + 0.9 * quarter, s.at(350), "a quarter of the decay"),
                () -> near(0.55, s.at(600), "mid-decay"),
                () -> assertEquals(0.1, s.at(1100), "the end"),
                () -> assertEquals(0.1, s.at(5000), "past the end"));
    }

    @Test
    void warmupCosineDecayStartsFromItsInitialValue() {
        Schedule s = Schedules.warmupCosineDecay(0.2, 1.0, 10, 20, 0.0);
        assertAll(() -> assertEquals(0.2, s.at(0)), () -> near(0.6, s.at(5), "mid-warm-up"),
                () -> assertEquals(1.0, s.at(10)), () -> assertEquals(0.0, s.at(20)));
    }

    @Test
    void warmupCosineDecayAgreesWithOptaxFormulaAfterTheWarmup() {
        double peak = 0.3;
        double end = 0.01;
        long warmup = 7;
        long decay = 57;
        Schedule s = Schedules.warmupCosineDecay(0.0, peak, warmup, decay, end);
        double alpha = end / peak;
        for (long t = warmup; t <= decay + 3; t++) {
            double c = 0.5 * (1 + Math.cos(Math.PI * Math.min(t - warmup, decay - warmup) / (decay - warmup)));
            assertEquals(peak * ((1 - alpha) * c + alpha), s.at(t), 4 * RELATIVE * peak, "at " + t);
        }
    }

    @Test
    void warmupCosineDecayWithAPeakOf0IsOptaxs0AfterTheWarmup() {
        // optax: alpha = 0 when peak_value == 0, and the decay is peak_value * ((1 - alpha) c + alpha) = 0 c
        Schedule zero = Schedules.warmupCosineDecay(0, 0, 2, 10, 0.01);
        Schedule warm = Schedules.warmupCosineDecay(0.4, 0, 4, 10, 0.01);
        Schedule negativeZero = Schedules.warmupCosineDecay(0, -0.0, 2, 10, 0.01);
        assertEquals(0.0, zero.at(5), "the reported step, where the end 0.01 used to leak in as 0.003086582838174551");
        for (long t = 0; t <= 15; t++) {
            long step = t;
            double f = Math.min(step, 4) / 4.0;
            assertAll(() -> assertEquals(0.0, zero.at(step), "peak 0 at " + step),
                    () -> assertEquals(step < 4 ? 0.4 * (1 - f) + 0.0 * f : 0.0, warm.at(step), "from 0.4 at " + step),
                    () -> assertEquals(step < 2 ? 0.0 * (1 - step / 2.0) - 0.0 * (step / 2.0) : -0.0,
                            negativeZero.at(step), "peak -0.0 at " + step));
        }
    }

    @Test
    void warmupCosineDecayWithoutWarmupStartsAtThePeak() {
        Schedule s = Schedules.warmupCosineDecay(5.0, 1.0, 0, 100, 0.0);
        assertAll(() -> assertEquals(1.0, s.at(0)), () -> near(0.5, s.at(50), "half-way"));
    }

    @Test
    void joinRestartsTheStepCountAtEachBoundary() {
        Schedule s = Schedules.join(Vector.<Schedule>of(t -> t, t -> 1000 + t, t -> 2000 + t), Vector.of(10L, 25L));
        assertAll(() -> assertEquals(0, s.at(0)), () -> assertEquals(9, s.at(9)),
                () -> assertEquals(1000, s.at(10)), () -> assertEquals(1014, s.at(24)),
                () -> assertEquals(2000, s.at(25)), () -> assertEquals(2005, s.at(30)));
    }

    @Test
    void joinOfWarmupConstantAndExponentialDecayRunsEachFromItsOwnStart() {
        Schedule s = Schedules.join(Vector.of(Schedules.linear(0.0, 0.1, 100), Schedules.constant(0.1),
                Schedules.exponentialDecay(0.1, 0.5, 1000, false)), Vector.of(100L, 5000L));
        assertAll(() -> assertEquals(0.0, s.at(0)), () -> near(0.05, s.at(50), "mid-warm-up"),
                () -> near(0.099, s.at(99), "99"), () -> assertEquals(0.1, s.at(100)),
                () -> assertEquals(0.1, s.at(4999)), () -> assertEquals(0.1, s.at(5000), "decay at its step 0"),
                () -> near(0.1 * Math.sqrt(0.5), s.at(5500), "decay at its step 500"),
                () -> assertEquals(0.05, s.at(6000)), () -> assertEquals(0.025, s.at(7000)));
    }

    @Test
    void joinOfOneScheduleIsThatSchedule() {
        Schedule inner = Schedules.cosineDecay(1.0, 10, 0.0);
        Schedule s = Schedules.join(Vector.of(inner), Vector.empty());
        for (long t = 0; t <= 12; t++) {
            assertEquals(inner.at(t), s.at(t));
        }
    }

    @Test
    void valuesDependOnTheStepAloneNotOnWhatWasAskedBefore() {
        Schedule s = Schedules.warmupCosineDecay(0.0, 1.0, 10, 100, 0.0);
        Vector<Double> forward = Vector.range(0, 120).map(t -> s.at(t));
        Vector<Double> backward = Vector.range(0, 120).reverse().map(t -> s.at(t)).reverse();
        assertEquals(forward, backward);
    }

    @Test
    void schedulesPrintAsTheCallThatMadeThem() {
        assertAll(() -> assertEquals("constant(0.1)", Schedules.constant(0.1).toString()),
                () -> assertEquals("linear(0.0, 0.1, 100)", Schedules.linear(0, 0.1, 100).toString()),
                () -> assertEquals("piecewiseConstant(0.1, [10, 20], [0.01, 0.001])",
                        Schedules.piecewiseConstant(0.1, Vector.of(10L, 20L), Vector.of(0.01, 0.001)).toString()),
                () -> assertEquals("exponentialDecay(0.1, 0.96, 100, true)",
                        Schedules.exponentialDecay(0.1, 0.96, 100, true).toString()),
                () -> assertEquals("cosineDecay(0.1, 1000, 0.0)", Schedules.cosineDecay(0.1, 1000, 0).toString()),
                () -> assertEquals("warmupCosineDecay(0.0, 1.0, 10, 100, 0.01)",
                        Schedules.warmupCosineDecay(0, 1, 10, 100, 0.01).toString()),
                () -> assertEquals("join([constant(0.1), constant(0.01)], [5])", Schedules.join(
                        Vector.of(Schedules.constant(0.1), Schedules.constant(0.01)), Vector.of(5L)).toString()));
    }

    @Test
    void everyScheduleRefusesANegativeStep() {
        Vector<Schedule> all = Vector.of(Schedules.constant(1), Schedules.linear(0, 1, 10),
                Schedules.piecewiseConstant(1, Vector.of(5L), Vector.of(0.5)),
                Schedules.exponentialDecay(1, 0.5, 10, false), Schedules.cosineDecay(1, 10, 0),
                Schedules.warmupCosineDecay(0, 1, 2, 10, 0),
                Schedules.join(Vector.of(Schedules.constant(1)), Vector.empty()));
        for (Schedule s : all) {
            refuses(() -> s.at(-1), "step", "-1", s.toString());
            refuses(() -> s.at(Long.MIN_VALUE), "step", String.valueOf(Long.MIN_VALUE));
        }
    }

    @Test
    void valueFactoriesRefuseNegativeAndNonFiniteValuesNamingThem() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            String b = String.valueOf(bad);
            assertAll(() -> refuses(() -> Schedules.constant(bad), "constant", "value", b),
                    () -> refuses(() -> Schedules.linear(bad, 1, 10), "linear", "initial", b),
                    () -> refuses(() -> Schedules.linear(0, bad, 10), "linear", "end", b),
                    () -> refuses(() -> Schedules.piecewiseConstant(bad, Vector.empty(), Vector.empty()), "initial", b),
                    () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(1L, 2L), Vector.of(0.5, bad)),
                            "values[1]", b),
                    () -> refuses(() -> Schedules.exponentialDecay(bad, 0.5, 10, false), "initial", b),
                    () -> refuses(() -> Schedules.cosineDecay(bad, 10, 0), "cosineDecay", "initial", b),
                    () -> refuses(() -> Schedules.warmupCosineDecay(bad, 1, 1, 10, 0), "initial", b),
                    () -> refuses(() -> Schedules.warmupCosineDecay(0, bad, 1, 10, 0), "peak", b),
                    () -> refuses(() -> Schedules.warmupCosineDecay(0, 1, 1, 10, bad), "end", b));
        }
    }

    @Test
    void factoriesRefuseBadRatesStepCountsAndAlphasNamingThem() {
        assertAll(() -> refuses(() -> Schedules.exponentialDecay(1, 0, 10, false), "rate", "0.0"),
                () -> refuses(() -> Schedules.exponentialDecay(1, -0.5, 10, false), "rate", "-0.5"),
                () -> refuses(() -> Schedules.exponentialDecay(1, Double.NaN, 10, false), "rate", "NaN"),
                () -> refuses(() -> Schedules.exponentialDecay(1, Double.POSITIVE_INFINITY, 1, true), "rate", "Infinity"),
                () -> refuses(() -> Schedules.exponentialDecay(1, 0.5, 0, false), "decaySteps", "0"),
                () -> refuses(() -> Schedules.linear(0, 1, -3), "steps", "-3"),
                () -> refuses(() -> Schedules.cosineDecay(1, 0, 0), "decaySteps", "0"),
                () -> refuses(() -> Schedules.cosineDecay(1, 10, -0.1), "alpha", "-0.1"),
                () -> refuses(() -> Schedules.cosineDecay(1, 10, 1.5), "alpha", "1.5"),
                () -> refuses(() -> Schedules.cosineDecay(1, 10, Double.NaN), "alpha", "NaN"),
                () -> refuses(() -> Schedules.warmupCosineDecay(0, 1, 0, 0, 0), "decaySteps", "0"),
                () -> refuses(() -> Schedules.warmupCosineDecay(0, 1, -1, 10, 0), "warmupSteps", "-1"),
                () -> refuses(() -> Schedules.warmupCosineDecay(0, 1, 10, 10, 0), "warmupSteps", "10"));
    }

    @Test
    void piecewiseConstantAndJoinRefuseBadBoundariesNamingThem() {
        Vector<Schedule> two = Vector.of(Schedules.constant(1), Schedules.constant(2));
        assertAll(() -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(0L), Vector.of(0.5)), "boundary 0 is 0"),
                () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(5L, 5L), Vector.of(0.5, 0.2)),
                        "boundary 1 is 5", "[5, 5]"),
                () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(5L, 3L), Vector.of(0.5, 0.2)), "[5, 3]"),
                () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(5L), Vector.of(0.5, 0.2)),
                        "values", "got 2"),
                () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of(5L), Vector.of((Double) null)),
                        "value 0 is null"),
                () -> refuses(() -> Schedules.piecewiseConstant(1, Vector.of((Long) null), Vector.of(0.5)),
                        "boundary 0 is null"),
                () -> refuses(() -> Schedules.join(Vector.empty(), Vector.empty()), "schedules", "none"),
                () -> refuses(() -> Schedules.join(two, Vector.empty()), "boundaries", "got 0"),
                () -> refuses(() -> Schedules.join(two, Vector.of(3L, 4L)), "boundaries", "got 2", "[3, 4]"),
                () -> refuses(() -> Schedules.join(two, Vector.of(-2L)), "join", "boundary 0 is -2"),
                () -> fails(NullPointerException.class, () -> Schedules.join(Vector.of(Schedules.constant(1),
                        null), Vector.of(3L)), "schedule 1 is null"));
    }
}
