package io.github.purenet.property;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Generates {@link Case}s: networks of 1 to 4 layers of widths 1 to 8, every activation and loss,
 * batches of 1 to 5 rows. The generation size bounds the sizes, so early trials are small: from
 * size 80 on, every shape can occur.
 *
 * <p>Shrinking works on the {@link Case.Spec} and rebuilds the numbers: it removes layers (the
 * last one only if the loss accepts the activation before it), narrows layers, cuts inputs and the
 * batch, turns activations into the identity, turns the loss into squared error and sets the value
 * seed to 0. Every candidate has a strictly smaller {@link Case.Spec#complexity()}, so greedy
 * shrinking ends.
 */
public final class CaseGenerator extends Generator<Case> {

    /** The most layers of a generated network. */
    public static final int MAX_LAYERS = 4;
    /** The most inputs, and the most outputs of a layer. */
    public static final int MAX_WIDTH = 8;
    /** The most examples in a batch. */
    public static final int MAX_BATCH = 5;

    /** A generator of cases. */
    public CaseGenerator() {
        super(Case.class);
    }

    @Override
    public Case generate(SourceOfRandomness random, GenerationStatus status) {
        int size = status.size();
        int layers = random.nextInt(1, Math.min(MAX_LAYERS, 1 + size / 20));
        int maxWidth = Math.min(MAX_WIDTH, 2 + size / 10);
        LossKind loss = random.choose(LossKind.values());
        List<Integer> widths = new ArrayList<>();
        List<ActivationKind> activations = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            widths.add(random.nextInt(1, maxWidth));
            activations.add(l < layers - 1 || loss.requiredLast().isEmpty()
                    ? random.choose(ActivationKind.values())
                    : loss.requiredLast().get());
        }
        int inputs = random.nextInt(1, maxWidth);
        int batch = random.nextInt(1, Math.min(MAX_BATCH, 1 + size / 20));
        return Case.of(new Case.Spec(inputs, widths, activations, loss, batch, random.nextLong()));
    }

    @Override
    public List<Case> doShrink(SourceOfRandomness random, Case larger) {
        Case.Spec s = larger.spec();
        Set<Case.Spec> candidates = new LinkedHashSet<>();
        for (int l = 0; l < s.layers() && s.layers() > 1; l++) {
            int drop = l;
            if (l < s.layers() - 1 || s.loss().accepts(s.activations().get(l - 1))) {
                candidates.add(withLayers(s, w -> without(w, drop), a -> without(a, drop)));
            }
        }
        if (s.batch() > 1) {
            candidates.add(new Case.Spec(s.inputs(), s.widths(), s.activations(), s.loss(), 1, s.values()));
            candidates.add(new Case.Spec(s.inputs(), s.widths(), s.activations(), s.loss(), s.batch() - 1, s.values()));
        }
        if (s.inputs() > 1) {
            candidates.add(new Case.Spec(1, s.widths(), s.activations(), s.loss(), s.batch(), s.values()));
            candidates.add(new Case.Spec(s.inputs() - 1, s.widths(), s.activations(), s.loss(), s.batch(), s.values()));
        }
        for (int l = 0; l < s.layers(); l++) {
            int at = l;
            int width = s.widths().get(l);
            if (width > 1) {
                candidates.add(withLayers(s, w -> with(w, at, 1), a -> a));
                candidates.add(withLayers(s, w -> with(w, at, width - 1), a -> a));
            }
            boolean free = l < s.layers() - 1 || s.loss().requiredLast().isEmpty();
            if (free && s.activations().get(l) != ActivationKind.IDENTITY) {
                candidates.add(withLayers(s, w -> w, a -> with(a, at, ActivationKind.IDENTITY)));
            }
        }
        if (s.loss() != LossKind.SQUARED_ERROR) {
            candidates.add(new Case.Spec(s.inputs(), s.widths(), s.activations(), LossKind.SQUARED_ERROR, s.batch(),
                    s.values()));
        }
        if (s.values() != 0) {
            candidates.add(new Case.Spec(s.inputs(), s.widths(), s.activations(), s.loss(), s.batch(), 0));
        }
        candidates.remove(s);
        return candidates.stream().map(Case::of).toList();
    }

    private static Case.Spec withLayers(Case.Spec s, UnaryOperator<List<Integer>> widths,
            UnaryOperator<List<ActivationKind>> activations) {
        return new Case.Spec(s.inputs(), widths.apply(s.widths()), activations.apply(s.activations()), s.loss(),
                s.batch(), s.values());
    }

    private static <T> List<T> without(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    private static <T> List<T> with(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }
}
