package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.generator.java.lang.IntegerGenerator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Proves that {@link Property} runs, counts, seeds, discards, shrinks and reports as it says. */
class BridgeTest {

    /** Non-negative ints below a million that shrink by taking off x/2, x/4, ..., 1. */
    static final class Naturals extends Generator<Integer> {
        Naturals() {
            super(Integer.class);
        }

        @Override
        public Integer generate(SourceOfRandomness random, GenerationStatus status) {
            return random.nextInt(0, 999_999);
        }

        @Override
        public List<Integer> doShrink(SourceOfRandomness random, Integer larger) {
            List<Integer> smaller = new ArrayList<>();
            for (int d = larger / 2; d >= 1; d /= 2) {
                smaller.add(larger - d);
            }
            return smaller;
        }
    }

    @Test
    void falsePropertyIsReportedWithSeedRerunCommandAndExactlyShrunkCounterexample() {
        AtomicInteger firstFailing = new AtomicInteger(-1);
        AtomicInteger lastFailing = new AtomicInteger(-1);
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new Naturals()).check(x -> {
            if (x >= 1000) {
                firstFailing.compareAndSet(-1, x);
                lastFailing.set(x);
            }
            assertTrue(x < 1000, "expected an int below 1000, got " + x);
        }));
        String test = "BridgeTest#falsePropertyIsReportedWithSeedRerunCommandAndExactlyShrunkCounterexample";
        long seed = Property.seedFor(System.getProperty(Property.SEED_PROPERTY), test);
        String message = error.getMessage();
        assertEquals(1000, lastFailing.get(), "greedy shrinking reaches the least failing value");
        assertTrue(message.contains("counterexample: " + firstFailing.get() + "\n"), message);
        assertTrue(message.contains("to: 1000\n"), message);
        assertTrue(message.contains("seed " + seed), message);
        assertTrue(message.contains("falsified at trial "), message);
        assertTrue(message.contains("Rerun: mvn -pl core test -Dtest=" + test + " -Dpurenet.seed=" + seed), message);
        assertTrue(error.getCause().getMessage().contains("got " + firstFailing.get()), "cause is the original failure");
        assertTrue(error.getSuppressed()[0].getMessage().contains("got 1000"), "suppressed is the shrunk failure");
    }

    @Test
    void everyIntBelow1000ShrinksWithJunitQuickcheckIntegersToSmallCounterexample() {
        AtomicReference<Integer> shrunk = new AtomicReference<>();
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new IntegerGenerator())
                .check(x -> {
                    if (x >= 1000) {
                        shrunk.set(x);
                    }
                    assertTrue(x < 1000);
                }));
        assertTrue(shrunk.get() >= 1000 && shrunk.get() < 2000, "shrunk to " + shrunk.get());
        assertTrue(error.getMessage().contains("to: " + shrunk.get() + "\n"), error.getMessage());
    }

    @Test
    void failingPropertyFailsAtTheSameTrialWithTheSameMessageWhenRunAgain() {
        Property<Integer> property = Property.forAll(new IntegerGenerator()).trials(1000);
        Property.Body<Integer> body = x -> assertTrue(x % 7 != 3);
        String first = assertThrows(AssertionError.class, () -> property.check(body)).getMessage();
        String second = assertThrows(AssertionError.class, () -> property.check(body)).getMessage();
        assertEquals(first, second);
    }

    @Test
    void sameSeedGivesTheSameSequenceOfValuesAndAnotherSeedAnother() {
        assertEquals(values(42), values(42));
        assertNotEquals(values(42), values(43));
    }

    private static List<Integer> values(long seed) {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(new IntegerGenerator()).seed(seed).trials(50).check(seen::add);
        return seen;
    }

    @Test
    void passingPropertyRunsExactlyTheDeclaredNumberOfTrials() {
        AtomicInteger calls = new AtomicInteger();
        Property.Result result = Property.forAll(new IntegerGenerator()).trials(137).check(x -> calls.incrementAndGet());
        assertEquals(137, calls.get());
        assertEquals(new Property.Result(result.seed(), 137, 0), result);
    }

    @Test
    void discardedCasesDoNotCountAsTrials() {
        AtomicInteger held = new AtomicInteger();
        Property.Result result = Property.forAll(new Naturals()).trials(200).check(x -> {
            Property.assume(x % 2 == 0, "even");
            Assumptions.assumeTrue(x % 3 != 0, "not a multiple of 3");
            held.incrementAndGet();
        });
        assertEquals(200, held.get());
        assertEquals(200, result.trials());
        assertTrue(result.discarded() > 200, "about two thirds of the cases are discarded: " + result);
    }

    @Test
    void propertyThatDiscardsTooManyCasesFailsInsteadOfPassing() {
        AtomicInteger calls = new AtomicInteger();
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new Naturals())
                .trials(10).maxDiscards(25).check(x -> {
                    calls.incrementAndGet();
                    Property.discard("never good enough");
                }));
        assertEquals(26, calls.get());
        assertTrue(error.getMessage().contains("gave up after 26 discarded cases (cap 25) with 0 of 10 trials"),
                error.getMessage());
        assertTrue(error.getMessage().contains("never good enough"), error.getMessage());
    }

    @Test
    void generationSizeGrowsWithTheTrialNumberFromOneToMaxSize() {
        List<Integer> sizes = new ArrayList<>();
        Generator<Integer> size = new Generator<>(Integer.class) {
            @Override
            public Integer generate(SourceOfRandomness random, GenerationStatus status) {
                return status.size();
            }
        };
        Property.forAll(size).trials(250).check(sizes::add);
        assertEquals(1, sizes.get(0));
        assertEquals(Property.MAX_SIZE, sizes.get(sizes.size() - 1));
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i - 1) <= sizes.get(i), "sizes never decrease: " + sizes);
        }
    }

    @Test
    void seedComesFromTheSystemPropertyWhenSetElseIsAFixedHashOfTheTestName() {
        assertEquals(123, Property.seedFor("123", "A#b"));
        assertEquals(-5, Property.seedFor(" -5 ", "A#b"));
        assertEquals(Property.seedFor(null, "A#b"), Property.seedFor("", "A#b"));
        assertEquals(Property.seedFor(null, "A#b"), Property.seedFor(null, "A#b"));
        assertNotEquals(Property.seedFor(null, "A#b"), Property.seedFor(null, "A#c"));
        assertTrue(Property.seedFor(null, "A#b") >= 0);
        assertThrows(IllegalArgumentException.class, () -> Property.seedFor("twelve", "A#b"));
    }

    /** A check shared by tests, in a class of its own, as a user's helper would be. */
    static final class SharedCheck {
        static void everyIntIsBelow(int bound) {
            Property.forAll(new IntegerGenerator()).check(x -> assertTrue(x < bound));
        }
    }

    @Test
    void aPropertyCheckedInAHelperOfAnotherClassNamesTheTestMethodInItsRerunCommand() {
        AssertionError error = assertThrows(AssertionError.class, () -> SharedCheck.everyIntIsBelow(0));
        assertTrue(error.getMessage().contains(" -Dtest=BridgeTest#"
                + "aPropertyCheckedInAHelperOfAnotherClassNamesTheTestMethodInItsRerunCommand -Dpurenet.seed="),
                error.getMessage());
    }

    @Test
    void aSeedFixedInTheCodeIsReportedAndTheRerunCommandDoesNotOverrideIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new Naturals()).seed(77)
                .check(x -> assertTrue(x < 10)));
        assertTrue(error.getMessage().contains("seed 77\n"), error.getMessage());
        assertTrue(error.getMessage().contains("-Dtest=BridgeTest#"
                + "aSeedFixedInTheCodeIsReportedAndTheRerunCommandDoesNotOverrideIt\n"), error.getMessage());
        assertTrue(error.getMessage().contains("the seed is fixed in the test by Property.seed"), error.getMessage());
    }

    @Test
    void aShrinkLimitOfZeroReportsTheOriginalCounterexampleUnshrunk() {
        AtomicInteger calls = new AtomicInteger();
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(new Naturals()).shrinkLimit(0)
                .check(x -> {
                    calls.incrementAndGet();
                    assertTrue(x < 10);
                }));
        assertTrue(error.getMessage().contains("shrunk in 0 steps (0 candidates tried)"), error.getMessage());
        assertEquals(1, calls.get(), "the first value fails and no candidate is tried");
        assertThrows(IllegalArgumentException.class, () -> Property.forAll(new Naturals()).shrinkLimit(-1));
    }

    @Test
    void aGeneratorThatThrowsFailsThePropertyWithItsSeedAndCause() {
        Generator<Integer> broken = new Generator<>(Integer.class) {
            @Override
            public Integer generate(SourceOfRandomness random, GenerationStatus status) {
                throw new IllegalStateException("no values today");
            }
        };
        AssertionError error = assertThrows(AssertionError.class, () -> Property.forAll(broken).check(x -> { }));
        assertTrue(error.getMessage().startsWith("Property's generator failed at trial 1 (seed "), error.getMessage());
        assertTrue(error.getCause() instanceof IllegalStateException);
    }
}
