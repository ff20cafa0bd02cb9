package io.github.purenet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Metrics#rocAuc}: by hand on small cases with ties, and against counting every pair of a
 * positive and a negative example, a reference that shares no code with the implementation.
 */
class RocAucTest {

    @Test
    void theAreaIsTheFractionOfPairsThatThePositiveWins() {
        // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 0.35 beats 0.1 only, 0.8 beats both: 3 of 4
        assertEquals(Option.some(0.75), Metrics.rocAuc(Vector.of(0.1, 0.4, 0.35, 0.8), Vector.of(0, 0, 1, 1)));
        assertEquals(Option.some(1.0), Metrics.rocAuc(Vector.of(0.1, 0.9), Vector.of(0, 1)));
        assertEquals(Option.some(0.0), Metrics.rocAuc(Vector.of(0.1, 0.9), Vector.of(1, 0)));
        assertEquals(Option.some(1.0), Metrics.rocAuc(
                Vector.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), Vector.of(0, 1)));
    }

    @Test
    void aTieCountsOneHalf() {
        // positives 0.5, 0.9, 0.2 against negatives 0.5, 0.2:
        // 0.5: tie + win, 0.9: win + win, 0.2: loss + tie; (1.5 + 2 + 0.5) / 6
        assertEquals(Option.some(2.0 / 3.0), Metrics.rocAuc(Vector.of(0.5, 0.5, 0.2, 0.9, 0.2), Vector.of(0, 1, 0, 1, 1)));
        assertEquals(Option.some(0.5), Metrics.rocAuc(Vector.of(0.3, 0.3, 0.3), Vector.of(0, 1, 1)));
        // 1 beats 0 and ties 1; 0 ties 0: (1 + 0.5 + 0.5) / 4
        assertEquals(Option.some(0.5), Metrics.rocAuc(Vector.of(1.0, 0.0, 1.0, 0.0), Vector.of(1, 1, 0, 0)));
        // -0.0 and 0.0 are the same score
        assertEquals(Option.some(0.5), Metrics.rocAuc(Vector.of(-0.0, 0.0), Vector.of(1, 0)));
        assertEquals(Option.some(0.5), Metrics.rocAuc(Vector.of(0.0, -0.0), Vector.of(1, 0)));
        // 3 positives and 1 negative, all tied but one positive above: (1 + 0.5 + 0.5) / 3
        assertEquals(Option.some(2.0 / 3.0), Metrics.rocAuc(Vector.of(2.0, 1.0, 1.0, 1.0), Vector.of(1, 1, 1, 0)));
    }

    @Test
    void withOnlyOneClassPresentThereIsNoArea() {
        assertEquals(Option.none(), Metrics.rocAuc(Vector.of(0.1, 0.9), Vector.of(1, 1)));
        assertEquals(Option.none(), Metrics.rocAuc(Vector.of(0.1), Vector.of(0)));
        assertEquals(Option.none(), Metrics.rocAuc(Vector.empty(), Vector.empty()));
    }

    @Test
    void badScoresAndLabelsAreRefusedWithTheirPlace() {
        refuses("scores[1] is NaN", Vector.of(0.1, Double.NaN), Vector.of(0, 1));
        refuses("labels[2] is 2, expected 0 or 1", Vector.of(0.1, 0.2, 0.3), Vector.of(0, 1, 2));
        refuses("labels[0] is -1", Vector.of(0.1), Vector.of(-1));
        refuses("3 scores and 2 labels", Vector.of(0.1, 0.2, 0.3), Vector.of(0, 1));
    }

    private static void refuses(String message, Vector<Double> scores, Vector<Integer> labels) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.rocAuc(scores, labels));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void theAreaIsTheSameBitsAsCountingEveryPair() {
        int[] defined = {0};
        Property.forAll(new Scored.Gen()).trials(500).check(s -> {
            Option<Double> expected = pairCount(s.scores(), s.labels());
            assertEquals(expected, Metrics.rocAuc(s.scores(), s.labels()));
            defined[0] += expected.isDefined() ? 1 : 0;
        });
        assertTrue(defined[0] > 350, defined[0] + " of 500 trials had both classes");
    }

    /** The reference: over every (positive, negative) pair, 2 halves for a win and 1 for a tie. */
    private static Option<Double> pairCount(Vector<Double> scores, Vector<Integer> labels) {
        long halves = 0;
        long pairs = 0;
        for (int i = 0; i < scores.size(); i++) {
            for (int j = 0; j < scores.size(); j++) {
                if (labels.get(i) == 1 && labels.get(j) == 0) {
                    pairs++;
                    double p = scores.get(i);
                    double n = scores.get(j);
                    halves += p > n ? 2 : p == n ? 1 : 0;
                }
            }
        }
        return pairs == 0 ? Option.none() : Option.some(halves / 2.0 / pairs);
    }

    /**
     * Scores and labels of a few examples; the scores are drawn from a few values, signed zeros
     * and infinities included, so that ties are frequent, or else from doubles in {@code [0, 1)}.
     *
     * @param scores the scores
     * @param labels the labels, 0 or 1
     */
    record Scored(Vector<Double> scores, Vector<Integer> labels) {

        private static final double[] FEW = {0.0, -0.0, 0.25, 0.5, 1.0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -3.0};

        /** Generates up to 40 examples; shrinks by removing one example. */
        static final class Gen extends Generator<Scored> {
            Gen() {
                super(Scored.class);
            }

            @Override
            public Scored generate(SourceOfRandomness random, GenerationStatus status) {
                int n = random.nextInt(0, 40);
                boolean ties = random.nextBoolean();
                Vector<Double> scores = Vector.fill(n, () -> ties ? FEW[random.nextInt(FEW.length)] : random.nextDouble());
                return new Scored(scores, Vector.fill(n, () -> random.nextInt(0, 1)));
            }

            @Override
            public List<Scored> doShrink(SourceOfRandomness random, Scored larger) {
                return Vector.range(0, larger.scores().size())
                        .map(i -> new Scored(larger.scores().removeAt(i), larger.labels().removeAt(i))).toJavaList();
            }
        }
    }
}
