package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static io.github.purenet.checkpoint.Fixtures.assertBits;
import static io.github.purenet.checkpoint.Fixtures.shaField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.data.Standardization;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Network;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.vavr.collection.Vector;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Models read back equal, bit for bit, with an equal SHA-256 and the same text, with and without
 * a standardisation and a held-out part; models that differ in any one part have different hashes.
 */
class ModelRoundTripTest {

    /** Characters that JSON must escape or that take several bytes in UTF-8, among plain ones. */
    private static final Vector<String> PIECES = Vector.of("a", "B", "z", "7", " ", "-", "\"", "\\", "/", "\n",
            "\t", "\u0000", "\u001f", "é", "中", "😀", "\u2028", "{", "}", ":", ",");

    /** Finite doubles at the edges of IEEE 754, for means. */
    private static final double[] EDGES = {-0.0, 0.0, Double.MIN_VALUE, -1e-310, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, 0.1 + 0.2, 1.0 / 3.0, 2e22, 9007199254740993.0};

    private static double finite(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        double x;
        do {
            x = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(x));
        return x;
    }

    private static double positive(SplittableRandom random) {
        double x;
        do {
            x = Math.abs(finite(random));
        } while (!(x > 0.0));
        return x;
    }

    /** A fraction in (0, 1): its edges or any bits. */
    private static double fraction(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.MIN_VALUE;
            case 1 -> Math.nextDown(1.0);
            case 2 -> 0.2;
            default -> random.nextDouble(Double.MIN_VALUE, 1.0);
        };
    }

    private static Vector<String> names(int count, SplittableRandom random) {
        Vector<String> names = Vector.empty();
        while (names.size() < count) {
            String name = Vector.fill(1 + random.nextInt(6), () -> PIECES.get(random.nextInt(PIECES.size()))).mkString();
            names = names.contains(name) ? names : names.append(name);
        }
        return names;
    }

    /** A model of the network with random names, and a random standardisation and held-out part, or none. */
    static Model model(Network network, SplittableRandom random, boolean standardized, boolean heldOut) {
        Model m = Model.of(network).withClassNames(names(Math.max(2, network.outputs()), random));
        if (standardized) {
            int d = network.inputs();
            m = m.withStandardization(new Standardization(Matrix.of(1, d, (i, j) -> finite(random)),
                    Matrix.of(1, d, (i, j) -> positive(random))));
        }
        if (heldOut) {
            byte[] sha = new byte[32];
            random.nextBytes(sha);
            m = m.withHeldOut(new HeldOut(new Key(random.nextLong(), random.nextLong() | 1L), fraction(random),
                    random.nextBoolean(), HexFormat.of().formatHex(sha)));
        }
        return m;
    }

    @Test
    void modelsWithAndWithoutEachPartReadBackBitForBitWithEqualHashAndText() {
        java.util.Set<String> seen = new TreeSet<>();
        io.github.purenet.testing.Property.forAll(Generators.pairs(Generators.networks(), Generators.keys()))
                .trials(300).check(t -> {
                    SplittableRandom random = new SplittableRandom(t._2.state());
                    boolean standardized = random.nextBoolean();
                    boolean heldOut = random.nextBoolean();
                    seen.add(standardized + " " + heldOut);
                    Model m = model(t._1, random, standardized, heldOut);
                    String json = CODEC.encode(m);
                    Model back = CODEC.decodeModel(json);
                    assertEquals(m, back);
                    assertBits(m.network(), back.network());
                    for (Standardization s : m.standardization()) {
                        assertBits(s.mean(), back.standardization().get().mean(), "mean");
                        assertBits(s.standardDeviation(), back.standardization().get().standardDeviation(), "sd");
                    }
                    for (HeldOut h : m.heldOut()) {
                        assertEquals(Double.doubleToRawLongBits(h.testFraction()),
                                Double.doubleToRawLongBits(back.heldOut().get().testFraction()));
                    }
                    assertEquals(CODEC.sha256(m), CODEC.sha256(back));
                    assertEquals(CODEC.sha256(m), shaField(json), "the document carries the value's hash");
                    assertEquals(json, CODEC.encode(m), "written twice, the same text");
                    assertEquals(json, CODEC.encode(back), "the value read back writes the same text");
                });
        assertEquals(4, seen.size(), "every combination of parts occurred: " + seen);
    }

    @Test
    void modelsThatDifferInAnyOnePartHaveDifferentHashesAndTexts() {
        Model m = Documents.MODEL_VALUE;
        HeldOut h = m.heldOut().get();
        Standardization s = m.standardization().get();
        Network n = m.network();
        Vector<Model> variants = Vector.of(
                m,
                Model.of(n).withClassNames(m.classNames()).withHeldOut(h),
                Model.of(n).withClassNames(m.classNames()).withStandardization(s),
                m.withClassNames(Vector.of("red", "blue", "green")),
                m.withClassNames(Vector.of("red", "green", "Blue")),
                m.withStandardization(new Standardization(Matrix.row(0.5, -0.0), s.standardDeviation())),
                m.withStandardization(new Standardization(s.mean(), Matrix.row(2.0, Math.nextUp(0.25)))),
                m.withHeldOut(new HeldOut(Key.of(43), h.testFraction(), h.stratified(), h.dataSha256())),
                m.withHeldOut(new HeldOut(h.key(), Math.nextUp(0.2), h.stratified(), h.dataSha256())),
                m.withHeldOut(new HeldOut(h.key(), h.testFraction(), false, h.dataSha256())),
                m.withHeldOut(new HeldOut(h.key(), h.testFraction(), h.stratified(), "f" + h.dataSha256().substring(1))),
                m.withNetwork(Documents.TRAIN_STATE.network()));
        assertEquals(variants.size(), variants.map(CODEC::sha256).distinct().size(), "one hash per model");
        assertEquals(variants.size(), variants.map(CODEC::encode).distinct().size(), "one text per model");
        Model copy = Model.of(Fixtures.everyKind()).withClassNames(Vector.of("red", "green", "blue"))
                .withStandardization(new Standardization(Matrix.row(0.5, -1.0), Matrix.row(2.0, 0.25)))
                .withHeldOut(new HeldOut(Key.of(42), 0.2, true, h.dataSha256()));
        assertEquals(CODEC.sha256(m), CODEC.sha256(copy), "equal models built apart, equal hashes");
    }
}
