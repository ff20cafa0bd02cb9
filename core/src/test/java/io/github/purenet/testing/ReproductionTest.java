package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.Generator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A seed printed by a failure reproduces it: a failing property's message is parsed as a user
 * would read it, and a rerun with that seed (fixed in the code, or through the system property of
 * the printed command) fails on the same original counterexample and shrinks to the same one.
 */
class ReproductionTest {

    private static final Pattern FALSIFIED = Pattern.compile("falsified at trial (\\d+) of \\d+ .*, seed (-?\\d+)\n");
    private static final Pattern COUNTEREXAMPLE = Pattern.compile("\n  counterexample: (.*)\n");
    private static final Pattern SHRUNK = Pattern.compile("\\) to: (.*)\n");
    private static final Pattern RERUN = Pattern.compile(
            "\nRerun: mvn (?:-pl \\S+ )?test -Dtest=(\\S+)(?: -Dpurenet\\.seed=(-?\\d+))?(?:\n|$)");

    /** What a failing run reported (the seed of its command: null when the seed is fixed), and its first failing value. */
    private record Failure<T>(int trial, long seed, String counterexample, String shrunk, String test, Long rerunSeed,
            T first) {
    }

    /** Runs a property that must fail, and reads its message. */
    private static <T> Failure<T> fail(Property<T> property, Property.Body<T> body) {
        AtomicReference<T> first = new AtomicReference<>();
        AssertionError error = assertThrows(AssertionError.class, () -> property.check(value -> {
            try {
                body.check(value);
            } catch (AssertionError e) {
                first.compareAndSet(null, value);
                throw e;
            }
        }));
        String message = error.getMessage();
        Matcher falsified = find(FALSIFIED, message);
        Matcher rerun = find(RERUN, message);
        return new Failure<>(Integer.parseInt(falsified.group(1)), Long.parseLong(falsified.group(2)),
                find(COUNTEREXAMPLE, message).group(1), find(SHRUNK, message).group(1),
                rerun.group(1), rerun.group(2) == null ? null : Long.valueOf(rerun.group(2)), first.get());
    }

    private static Matcher find(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        assertTrue(m.find(), "no " + pattern + " in " + message);
        return m;
    }

    /** Fails on problems of two layers or more trained with softmax cross-entropy: not at the first trials. */
    private static final Property.Body<Problem> DEEP_SOFTMAX = p -> assertTrue(p.network().layers().size() < 2
            || !p.loss().name().equals("softmax_cross_entropy"), "a deep softmax network");

    @Test
    void aPrintedSeedFixedInTheCodeReproducesTheOriginalAndShrunkCounterexample() {
        Generator<Problem> problems = Generators.problems();
        Failure<Problem> original = fail(Property.forAll(problems), DEEP_SOFTMAX);
        assertTrue(original.trial() > 1, "the failure is not at the first trial: " + original);
        assertEquals(Long.valueOf(original.seed()), original.rerunSeed(), "the command reruns with the printed seed");

        Failure<Problem> again = fail(Property.forAll(problems).seed(original.seed()), DEEP_SOFTMAX);
        assertEquals(original.first(), again.first(), "the same original counterexample");
        assertEquals(original.counterexample(), again.counterexample());
        assertEquals(original.shrunk(), again.shrunk());
        assertEquals(original.trial(), again.trial());
        assertTrue(original.counterexample().startsWith("Problem[Network["), original.counterexample());
    }

    @Test
    void thePrintedRerunCommandNamesThisTestAndItsSeedReproducesTheFailureThroughTheSystemProperty() {
        TrainingGenerator trainings = Generators.trainings();
        Property.Body<TrainingCase<?>> body = t -> assertTrue(t.steps() < 4 || t.optimizer().name().equals("sgd"),
                "four steps of an optimizer other than sgd");
        Failure<TrainingCase<?>> original = fail(Property.forAll(trainings), body);
        assertEquals("ReproductionTest#thePrintedRerunCommandNamesThisTestAndItsSeedReproducesTheFailureThroughThe"
                + "SystemProperty", original.test());
        assertEquals(Property.seedFor(System.getProperty(Property.SEED_PROPERTY), original.test()), original.seed(),
                "the default seed is derived from the test's name");

        String before = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, Long.toString(original.rerunSeed()));
        try {
            Failure<TrainingCase<?>> again = fail(Property.forAll(trainings), body);
            assertEquals(original.first(), again.first(), "the same original counterexample");
            assertEquals(original.counterexample(), again.counterexample());
            assertEquals(original.shrunk(), again.shrunk());
        } finally {
            if (before == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherRunSoTheSeedIsWhatReproducesIt() {
        Failure<Problem> original = fail(Property.forAll(Generators.problems()), DEEP_SOFTMAX);
        Failure<Problem> other = fail(Property.forAll(Generators.problems()).seed(original.seed() + 1), DEEP_SOFTMAX);
        assertNotEquals(original.first(), other.first());
    }
}
