package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pholser.junit.quickcheck.generator.GenerationStatus;
import com.pholser.junit.quickcheck.generator.Generator;
import com.pholser.junit.quickcheck.random.SourceOfRandomness;
import io.github.purenet.testing.Property;
import io.vavr.collection.Vector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Shape}: known shapes, the channels-last layout, the text form, and every refusal with its message. */
class ShapeTest {

    @Test
    void aFlatShapeOf784HasOneDimensionAndPrintsAsItsWidth() {
        Shape s = Shape.of(784);
        assertAll(() -> assertEquals(Vector.of(784), s.dims()), () -> assertEquals(1, s.rank()),
                () -> assertEquals(784, s.size()), () -> assertTrue(s.isFlat()), () -> assertEquals(784, s.width()),
                () -> assertEquals("784", s.toString()), () -> assertEquals(s, Shape.parse("784")));
    }

    @Test
    void anImage28x28x1HasHeightWidthChannelsAndTheSizeOfAFlat784() {
        Shape s = Shape.of(28, 28, 1);
        assertAll(() -> assertEquals(Vector.of(28, 28, 1), s.dims()), () -> assertEquals(3, s.rank()),
                () -> assertEquals(784, s.size()), () -> assertFalse(s.isFlat()),
                () -> assertEquals(28, s.height()), () -> assertEquals(28, s.width()),
                () -> assertEquals(1, s.channels()), () -> assertEquals("28x28x1", s.toString()),
                () -> assertEquals(s, Shape.parse("28x28x1")), () -> assertNotEquals(Shape.of(784), s));
        Shape rgb = Shape.of(2, 5, 3);
        assertAll(() -> assertEquals(2, rgb.height()), () -> assertEquals(5, rgb.width()),
                () -> assertEquals(3, rgb.channels()), () -> assertEquals(30, rgb.size()));
    }

    @Test
    void shapesAreEqualExactlyWhenTheirDimensionsAre() {
        assertEquals(Shape.of(28, 28, 1), Shape.of(Vector.of(28, 28, 1)));
        assertEquals(Shape.of(28, 28, 1).hashCode(), new Shape(Vector.of(28, 28, 1)).hashCode());
        assertEquals(Shape.of(784), Shape.of(List.of(784).stream().collect(Vector.collector())));
        assertNotEquals(Shape.of(784), Shape.of(Vector.of(784, 1)));
        assertNotEquals(Shape.of(28, 28, 1), Shape.of(1, 28, 28));
        assertEquals(32, Shape.of(Vector.of(2, 2, 2, 2, 2)).size());
        assertEquals("2x2x2x2x2", Shape.of(Vector.of(2, 2, 2, 2, 2)).toString());
    }

    /** The entries of a 2x3x2 image, written out by hand in the order of the example's row. */
    @Test
    void theEntriesOfA2x3x2ImageLieChannelsLastRowByRow() {
        Shape s = Shape.of(2, 3, 2);
        int[][] rcchIndex = {
            {0, 0, 0, 0}, {0, 0, 1, 1}, {0, 1, 0, 2}, {0, 1, 1, 3}, {0, 2, 0, 4}, {0, 2, 1, 5},
            {1, 0, 0, 6}, {1, 0, 1, 7}, {1, 1, 0, 8}, {1, 1, 1, 9}, {1, 2, 0, 10}, {1, 2, 1, 11}};
        for (int[] e : rcchIndex) {
            assertEquals(e[3], s.index(e[0], e[1], e[2]), "index(" + e[0] + ", " + e[1] + ", " + e[2] + ")");
        }
        assertEquals(12, s.size());
    }

    @Test
    void theIndexNumbersTheEntriesOfAnyImageInNestedLoopOrderFromZeroToSize() {
        Property.forAll(new DimsGen(3, 3, 12)).trials(200).check(dims -> {
            Shape s = Shape.of(dims);
            int next = 0;
            for (int r = 0; r < s.dims().get(0); r++) {
                for (int c = 0; c < s.dims().get(1); c++) {
                    for (int ch = 0; ch < s.dims().get(2); ch++) {
                        assertEquals(next++, s.index(r, c, ch), s + " index(" + r + ", " + c + ", " + ch + ")");
                    }
                }
            }
            assertEquals(s.size(), next, s + ": one index per entry");
        });
    }

    @Test
    void parseReadsBackWhatToStringPrints() {
        Property.forAll(new DimsGen(1, 5, 1_000)).trials(300).check(dims -> {
            Shape s = Shape.of(dims);
            assertEquals(s, Shape.parse(s.toString()));
            assertEquals(dims, s.dims());
            assertEquals(s, Shape.of(s.dims()));
        });
    }

    /** The size against a product in {@code long}, which cannot overflow for three factors below 2^20. */
    @Test
    void theSizeIsTheProductOfTheDimensionsAndAShapeIsRefusedExactlyWhenItOverflowsAnInt() {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger built = new AtomicInteger();
        Property.forAll(new DimsGen(1, 3, 1 << 20).unbounded()).trials(400).check(dims -> {
            long product = 1;
            for (int d : dims) {
                product *= d;
            }
            if (product > Integer.MAX_VALUE) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(dims));
                assertEquals("Shape: " + dims.get(0) + (dims.size() > 1 ? "x" + dims.get(1) : "")
                        + (dims.size() > 2 ? "x" + dims.get(2) : "") + " has more than 2147483647 entries; an example "
                        + "must fit in one row of a Matrix", e.getMessage());
                refused.incrementAndGet();
            } else {
                assertEquals(product, Shape.of(dims).size());
                built.incrementAndGet();
            }
        });
        assertTrue(refused.get() > 20 && built.get() > 20, "refused " + refused + ", built " + built);
    }

    @Test
    void anOverflowingSizeIsRefusedWhateverTheFactory() {
        String overflow = "65536x65536x1 has more than 2147483647 entries; an example must fit in one row of a Matrix";
        refused(() -> Shape.of(65536, 65536, 1), "Shape: " + overflow);
        refused(() -> Shape.of(Vector.of(65536, 65536, 1)), "Shape: " + overflow);
        refused(() -> Shape.parse("65536x65536x1"), "Shape.parse: \"65536x65536x1\": " + overflow);
        refused(() -> Shape.of(Vector.of(46341, 46341)), "Shape: 46341x46341 has more than 2147483647 entries; "
                + "an example must fit in one row of a Matrix");
        assertEquals(2_147_395_600, Shape.of(Vector.of(46340, 46340)).size());
        assertEquals(Integer.MAX_VALUE, Shape.of(Integer.MAX_VALUE).size());
    }

    @Test
    void aDimensionBelowOneIsRefusedNamingTheArgumentAndItsValue() {
        refused(() -> Shape.of(0), "Shape.of: width is 0, must be at least 1");
        refused(() -> Shape.of(-3), "Shape.of: width is -3, must be at least 1");
        refused(() -> Shape.of(0, 28, 1), "Shape.of: height is 0, must be at least 1");
        refused(() -> Shape.of(28, -1, 1), "Shape.of: width is -1, must be at least 1");
        refused(() -> Shape.of(28, 28, 0), "Shape.of: channels is 0, must be at least 1");
        refused(() -> Shape.of(Vector.of(28, 0, 1)), "Shape: dims[1] is 0, must be at least 1 (dims [28, 0, 1])");
        refused(() -> new Shape(Vector.of(5, 7, -2)), "Shape: dims[2] is -2, must be at least 1 (dims [5, 7, -2])");
        refused(() -> Shape.of(Vector.of(3, null)), "Shape: dims[1] is null, must be at least 1 (dims [3, null])");
        refused(() -> Shape.of(Vector.empty()), "Shape: dims is empty; a shape has at least one dimension");
        assertEquals("dims is null", assertThrows(NullPointerException.class, () -> new Shape(null)).getMessage());
        assertEquals("dims is null",
                assertThrows(NullPointerException.class, () -> Shape.of((Vector<Integer>) null)).getMessage());
    }

    @Test
    void parseRefusesBadTextNamingTheTextAndWhatIsWrong() {
        String form = "expected dimensions joined by x, such as ";
        refused(() -> Shape.parse(""), "Shape.parse: the text is empty; " + form + "784 or 28x28x1");
        refused(() -> Shape.parse("x"), "Shape.parse: \"x\": dimension 1 is empty; " + form + "28x28x1");
        refused(() -> Shape.parse("28x"), "Shape.parse: \"28x\": dimension 2 is empty; " + form + "28x28x1");
        refused(() -> Shape.parse("28xx1"), "Shape.parse: \"28xx1\": dimension 2 is empty; " + form + "28x28x1");
        refused(() -> Shape.parse("abc"), "Shape.parse: \"abc\": dimension 1 is \"abc\", not a number of decimal digits");
        refused(() -> Shape.parse("28X28"), "Shape.parse: \"28X28\": dimension 1 is \"28X28\", not a number of decimal digits");
        refused(() -> Shape.parse("28x1.5"), "Shape.parse: \"28x1.5\": dimension 2 is \"1.5\", not a number of decimal digits");
        refused(() -> Shape.parse(" 784"), "Shape.parse: \" 784\": dimension 1 is \" 784\", not a number of decimal digits");
        refused(() -> Shape.parse("+5"), "Shape.parse: \"+5\": dimension 1 is \"+5\", not a number of decimal digits");
        refused(() -> Shape.parse("-5"), "Shape.parse: \"-5\": dimension 1 is \"-5\", not a number of decimal digits");
        refused(() -> Shape.parse("0"), "Shape.parse: \"0\": dimension 1 is 0, must be at least 1");
        refused(() -> Shape.parse("28x0x1"), "Shape.parse: \"28x0x1\": dimension 2 is 0, must be at least 1");
        refused(() -> Shape.parse("3000000000"), "Shape.parse: \"3000000000\": dimension 1 is 3000000000, larger than 2147483647");
        assertEquals("text is null", assertThrows(NullPointerException.class, () -> Shape.parse(null)).getMessage());
    }

    @Test
    void theImageDimensionsAreRefusedOnOtherRanksNamingTheShape() {
        String image = "(height x width x channels)";
        refusedState(() -> Shape.of(784).height(), "Shape 784 has rank 1; height is defined for rank 3 " + image + " only");
        refusedState(() -> Shape.of(784).channels(), "Shape 784 has rank 1; channels is defined for rank 3 " + image + " only");
        refusedState(() -> Shape.of(Vector.of(4, 5)).width(),
                "Shape 4x5 has rank 2; width is defined for rank 1 (width) and rank 3 " + image);
        refusedState(() -> Shape.of(784).index(0, 0, 0), "Shape 784 has rank 1; height is defined for rank 3 " + image + " only");
    }

    @Test
    void anIndexOutsideTheImageIsRefusedNamingTheArgumentAndItsBound() {
        Shape s = Shape.of(2, 3, 2);
        assertEquals("Shape 2x3x2: r is 2, outside [0, 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> s.index(2, 0, 0)).getMessage());
        assertEquals("Shape 2x3x2: c is -1, outside [0, 3)",
                assertThrows(IndexOutOfBoundsException.class, () -> s.index(0, -1, 0)).getMessage());
        assertEquals("Shape 2x3x2: ch is 2, outside [0, 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> s.index(1, 2, 2)).getMessage());
    }

    @Test
    void mismatchNamesThePathAndBothShapes() {
        IllegalArgumentException e = Shape.mismatch("layers[3].inner.layers[0]", Shape.of(128), Shape.of(64));
        assertEquals("layers[3].inner.layers[0]: expected input shape 128, got 64", e.getMessage());
        assertEquals("layers[0]: expected input shape 28x28x1, got 784",
                Shape.mismatch("layers[0]", Shape.of(28, 28, 1), Shape.of(784)).getMessage());
        refused(() -> Shape.mismatch(" ", Shape.of(1), Shape.of(2)),
                "Shape.mismatch: path is blank; name the layer, such as layers[0]");
        refused(() -> Shape.mismatch("layers[1]", Shape.of(7), Shape.of(7)),
                "Shape.mismatch: layers[1]: expected and actual are both 7, which is no mismatch");
        assertEquals("path is null", assertThrows(NullPointerException.class,
                () -> Shape.mismatch(null, Shape.of(1), Shape.of(2))).getMessage());
        assertEquals("expected is null", assertThrows(NullPointerException.class,
                () -> Shape.mismatch("layers[0]", null, Shape.of(2))).getMessage());
        assertEquals("actual is null", assertThrows(NullPointerException.class,
                () -> Shape.mismatch("layers[0]", Shape.of(1), null)).getMessage());
    }

    private static void refused(Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static void refusedState(Executable call, String message) {
        assertEquals(message, assertThrows(IllegalStateException.class, call).getMessage());
    }

    /**
     * Generates the dimensions of a shape: rank in {@code [minRank, maxRank]}, each dimension in
     * {@code [1, maxDim]}, the upper bound growing with the generation size. A bounded generator keeps
     * the product within an {@code int}, so its dimensions always make a {@link Shape}; an
     * {@link #unbounded} one may exceed it. Shrinks toward fewer and smaller dimensions.
     */
    private static final class DimsGen extends Generator<Vector<Integer>> {
        private final int minRank;
        private final int maxRank;
        private final int maxDim;
        private final boolean bounded;

        DimsGen(int minRank, int maxRank, int maxDim) {
            this(minRank, maxRank, maxDim, true);
        }

        @SuppressWarnings("unchecked")
        private DimsGen(int minRank, int maxRank, int maxDim, boolean bounded) {
            super((Class<Vector<Integer>>) (Class<?>) Vector.class);
            this.minRank = minRank;
            this.maxRank = maxRank;
            this.maxDim = maxDim;
            this.bounded = bounded;
        }

        DimsGen unbounded() {
            return new DimsGen(minRank, maxRank, maxDim, false);
        }

        @Override
        public Vector<Integer> generate(SourceOfRandomness random, GenerationStatus status) {
            int rank = random.nextInt(minRank, maxRank);
            int upper = (int) Math.max(2, Math.min(maxDim, (long) maxDim * status.size() / Property.MAX_SIZE));
            Vector<Integer> dims = Vector.empty();
            long product = 1;
            for (int i = 0; i < rank; i++) {
                int bound = bounded ? (int) Math.min(upper, Integer.MAX_VALUE / product) : upper;
                int d = random.nextInt(1, bound);
                dims = dims.append(d);
                product *= d;
            }
            return dims;
        }

        @Override
        public List<Vector<Integer>> doShrink(SourceOfRandomness random, Vector<Integer> larger) {
            Vector<Vector<Integer>> candidates = Vector.empty();
            if (larger.size() > minRank) {
                candidates = candidates.append(larger.dropRight(1));
            }
            for (int i = 0; i < larger.size(); i++) {
                int d = larger.get(i);
                if (d > 1) {
                    candidates = candidates.append(larger.update(i, 1)).append(larger.update(i, d / 2));
                }
            }
            return candidates.distinct().toJavaList();
        }
    }
}
