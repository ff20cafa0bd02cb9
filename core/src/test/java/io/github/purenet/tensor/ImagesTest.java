package io.github.purenet.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.random.Key;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling, forward and both gradients, against naive loops written here (seven
 * nested loops for a convolution) that share no code with the kernels and sum in the documented
 * orders, so the bits must be equal: over generated image sizes, kernels, strides, paddings and
 * channels, blocks of patches that cut the batch, and pools of 1, 2 and 16 threads.
 */
class ImagesTest {

    /** A generated convolution: its window, batch, filters and values. */
    private record Case(Window window, int examples, int outputs, double[][] x, double[][] w, double[] b,
            double[][] delta) {

        static Case draw(SplittableRandom random, boolean same, int maxSide) {
            int height = 1 + random.nextInt(maxSide);
            int width = 1 + random.nextInt(maxSide);
            int channels = 1 + random.nextInt(3);
            int kh = 1 + random.nextInt(same ? 5 : height);
            int kw = 1 + random.nextInt(same ? 5 : width);
            int stride = 1 + random.nextInt(3);
            Window g = same ? Window.same(height, width, channels, kh, kw, stride)
                    : Window.valid(height, width, channels, kh, kw, stride);
            int n = 1 + random.nextInt(4);
            int outputs = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
            return new Case(g, n, outputs, values(random, n, g.imageSize()), values(random, outputs, g.patchSize()),
                    values(random, 1, outputs)[0], values(random, n, g.positions() * outputs));
        }
    }

    private static double[][] values(SplittableRandom random, int rows, int columns) {
        double[][] v = new double[rows][columns];
        for (double[] row : v) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextInt(10) == 0 ? 0.0 : random.nextDouble(-2, 2);
            }
        }
        return v;
    }

    /** The image entry under window row {@code i}, column {@code j} at output position {@code (oi, oj)}, or -1 in the padding. */
    private static int at(Window g, int oi, int oj, int i, int j, int c) {
        int r = oi * g.stride() - g.padTop() + i;
        int col = oj * g.stride() - g.padLeft() + j;
        if (r < 0 || r >= g.height() || col < 0 || col >= g.width()) {
            return -1;
        }
        return (r * g.width() + col) * g.channels() + c;
    }

    static double[][] naiveForward(Case t) {
        Window g = t.window;
        double[][] y = new double[t.examples][g.positions() * t.outputs];
        for (int e = 0; e < t.examples; e++) {
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                for (int oj = 0; oj < g.outputWidth(); oj++) {
                    for (int o = 0; o < t.outputs; o++) {
                        double s = +0.0;
                        for (int i = 0; i < g.windowHeight(); i++) {
                            for (int j = 0; j < g.windowWidth(); j++) {
                                for (int c = 0; c < g.channels(); c++) {
                                    int k = (i * g.windowWidth() + j) * g.channels() + c;
                                    int a = at(g, oi, oj, i, j, c);
                                    s = Math.fma(a < 0 ? 0.0 : t.x[e][a], t.w[o][k], s);
                                }
                            }
                        }
                        y[e][(oi * g.outputWidth() + oj) * t.outputs + o] = s + t.b[o];
                    }
                }
            }
        }
        return y;
    }

    static double[][] naiveWeightGradient(Case t) {
        Window g = t.window;
        double[][] dw = new double[t.outputs][g.patchSize()];
        for (int o = 0; o < t.outputs; o++) {
            for (int i = 0; i < g.windowHeight(); i++) {
                for (int j = 0; j < g.windowWidth(); j++) {
                    for (int c = 0; c < g.channels(); c++) {
                        double s = +0.0;
                        for (int e = 0; e < t.examples; e++) {
                            for (int oi = 0; oi < g.outputHeight(); oi++) {
                                for (int oj = 0; oj < g.outputWidth(); oj++) {
                                    int a = at(g, oi, oj, i, j, c);
                                    double d = t.delta[e][(oi * g.outputWidth() + oj) * t.outputs + o];
                                    s = Math.fma(d, a < 0 ? 0.0 : t.x[e][a], s);
                                }
                            }
                        }
                        dw[o][(i * g.windowWidth() + j) * g.channels() + c] = s;
                    }
                }
            }
        }
        return dw;
    }

    static double[][] naiveInputGradient(Case t) {
        Window g = t.window;
        double[][] dx = new double[t.examples][g.imageSize()];
        for (int e = 0; e < t.examples; e++) {
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                for (int oj = 0; oj < g.outputWidth(); oj++) {
                    for (int i = 0; i < g.windowHeight(); i++) {
                        for (int j = 0; j < g.windowWidth(); j++) {
                            for (int c = 0; c < g.channels(); c++) {
                                int a = at(g, oi, oj, i, j, c);
                                if (a < 0) {
                                    continue;
                                }
                                double s = +0.0;
                                for (int o = 0; o < t.outputs; o++) {
                                    s = Math.fma(t.delta[e][(oi * g.outputWidth() + oj) * t.outputs + o],
                                            t.w[o][(i * g.windowWidth() + j) * g.channels() + c], s);
                                }
                                dx[e][a] += s;
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** The naive loops' results for a case: forward, weight, input and bias gradients. */
    private record Expected(double[][] forward, double[][] weights, double[][] inputs, double[][] bias) {

        static Expected of(Case t) {
            double[] sums = new double[t.outputs];
            for (double[] row : t.delta) {
                for (int p = 0; p < t.window.positions(); p++) {
                    for (int o = 0; o < t.outputs; o++) {
                        sums[o] += row[p * t.outputs + o];
                    }
                }
            }
            return new Expected(naiveForward(t), naiveWeightGradient(t), naiveInputGradient(t), new double[][] {sums});
        }
    }

    private static void assertConvolution(Case t, Expected expected, String name) {
        Matrix x = Matrix.of(t.x);
        Matrix w = Matrix.of(t.w);
        Matrix delta = Matrix.of(t.delta);
        Reference.assertSameBits(expected.forward, Images.convolve(x, t.window, w, Matrix.row(t.b)), name + " forward");
        Reference.assertSameBits(expected.weights, Images.convolveWeightGradient(x, t.window, delta),
                name + " weight gradient");
        Reference.assertSameBits(expected.inputs, Images.convolveInputGradient(delta, t.window, w),
                name + " input gradient");
        Reference.assertSameBits(expected.bias, Images.channelSums(delta, t.outputs), name + " bias gradient");
    }

    @Test
    void convolutionAndItsGradientsHaveTheBitsOfTheNaiveLoopsOverGeneratedShapes() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int n = 0; n < 300; n++) {
            Case t = Case.draw(random, n % 2 == 0, 9);
            assertConvolution(t, Expected.of(t), "case " + n + " " + t.window + " n=" + t.examples + " outputs=" + t.outputs);
        }
    }

    /**
     * Images of more positions than a block of the input gradient's patches, batches of several
     * blocks, both orientations of the input gradient, filters that fill a strip of the vector
     * kernels and filters that do not, and work large enough to share examples and patch entries
     * among threads.
     */
    @Test
    void blocksOfPatchesChangeNoBitForOneTwoAndSixteenThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        Window huge = Window.same(40, 40, 7, 5, 5, 1); // patches of 1,600 x 175 entries: one example per block
        Window big = Window.same(36, 33, 2, 3, 3, 1); // 1,188 x 18: 12 examples per block
        Window small = Window.valid(12, 12, 3, 5, 5, 1); // 64 x 75: 54 examples per block
        Window thin = Window.same(30, 30, 1, 3, 3, 1); // patches of 9: the other orientation of the input gradient
        for (Window g : new Window[] {huge, big, small, thin}) {
            int n = g == huge ? 3 : 64;
            assertTrue(n > Convolutions.examplesPerBlock(g), g + ": several blocks");
            for (int outputs : new int[] {17, 5}) { // 17: a full strip of 16 and a padded one; 5: one padded strip
                Case t = new Case(g, n, outputs, values(random, n, g.imageSize()),
                        values(random, outputs, g.patchSize()), values(random, 1, outputs)[0],
                        values(random, n, g.positions() * outputs));
                assertTrue((long) n * g.positions() * g.patchSize() * outputs >= 1L << 20, "large enough to split");
                Expected expected = Expected.of(t);
                for (int threads : new int[] {1, 2, 16}) {
                    String name = g + ", " + outputs + " outputs, in " + threads + " threads";
                    Threads.in(threads, () -> {
                        assertConvolution(t, expected, name);
                        return null;
                    });
                }
            }
        }
    }

    static double[][] naiveMaxPool(double[][] x, Window g, double[][] delta, boolean gradient) {
        double[][] out = new double[x.length][gradient ? g.imageSize() : g.positions() * g.channels()];
        for (int e = 0; e < x.length; e++) {
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                for (int oj = 0; oj < g.outputWidth(); oj++) {
                    for (int c = 0; c < g.channels(); c++) {
                        int best = -1;
                        for (int i = 0; i < g.windowHeight(); i++) {
                            for (int j = 0; j < g.windowWidth(); j++) {
                                int a = at(g, oi, oj, i, j, c);
                                double v = x[e][a];
                                if (best < 0 || v > x[e][best] || Double.isNaN(v) && !Double.isNaN(x[e][best])) {
                                    best = a;
                                }
                            }
                        }
                        int p = (oi * g.outputWidth() + oj) * g.channels() + c;
                        if (gradient) {
                            out[e][best] += delta[e][p];
                        } else {
                            out[e][p] = x[e][best];
                        }
                    }
                }
            }
        }
        return out;
    }

    static double[][] naiveAveragePool(double[][] x, Window g, double[][] delta, boolean gradient) {
        double size = g.windowHeight() * g.windowWidth();
        double[][] out = new double[x.length][gradient ? g.imageSize() : g.positions() * g.channels()];
        for (int e = 0; e < x.length; e++) {
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                for (int oj = 0; oj < g.outputWidth(); oj++) {
                    for (int c = 0; c < g.channels(); c++) {
                        int p = (oi * g.outputWidth() + oj) * g.channels() + c;
                        double s = +0.0;
                        for (int i = 0; i < g.windowHeight(); i++) {
                            for (int j = 0; j < g.windowWidth(); j++) {
                                int a = at(g, oi, oj, i, j, c);
                                if (gradient) {
                                    out[e][a] += delta[e][p] / size;
                                } else {
                                    s += x[e][a];
                                }
                            }
                        }
                        if (!gradient) {
                            out[e][p] = s / size;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void poolingAndItsGradientsHaveTheBitsOfTheNaiveLoopsOverGeneratedShapes() {
        SplittableRandom random = new SplittableRandom(99);
        for (int n = 0; n < 300; n++) {
            int height = 1 + random.nextInt(9);
            int width = 1 + random.nextInt(9);
            Window g = Window.valid(height, width, 1 + random.nextInt(4), 1 + random.nextInt(height),
                    1 + random.nextInt(width), 1 + random.nextInt(3));
            int examples = 1 + random.nextInt(3);
            double[][] x = values(random, examples, g.imageSize());
            for (double[] row : x) { // ties: whole numbers repeat often
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextInt(4) == 0 ? Math.floor(row[j]) : row[j];
                }
            }
            double[][] delta = values(random, examples, g.positions() * g.channels());
            Matrix mx = Matrix.of(x);
            Matrix md = Matrix.of(delta);
            String name = "case " + n + " " + g;
            Reference.assertSameBits(naiveMaxPool(x, g, delta, false), Images.maxPool(mx, g), name + " max");
            Reference.assertSameBits(naiveMaxPool(x, g, delta, true), Images.maxPoolGradient(mx, g, md),
                    name + " max gradient");
            Reference.assertSameBits(naiveAveragePool(x, g, delta, false), Images.averagePool(mx, g), name + " average");
            Reference.assertSameBits(naiveAveragePool(x, g, delta, true), Images.averagePoolGradient(g, md),
                    name + " average gradient");
        }
    }

    @Test
    void maxPoolingGivesATieToTheFirstMaximumInScanOrderAndPropagatesNaN() {
        Window g = Window.valid(2, 2, 1, 2, 2, 2);
        Matrix ties = Matrix.row(1, 3, 3, 3); // (0,1), (1,0) and (1,1) tie; (0,1) comes first
        assertEquals(Matrix.row(0, 5, 0, 0), Images.maxPoolGradient(ties, g, Matrix.row(5)));
        Matrix nan = Matrix.row(1, Double.NaN, 7, Double.NaN);
        assertEquals(Matrix.row(Double.NaN), Images.maxPool(nan, g));
        assertEquals(Matrix.row(0, 5, 0, 0), Images.maxPoolGradient(nan, g, Matrix.row(5)));
        Matrix negative = Matrix.row(-2, -1, -1, -3); // a maximum below zero, not a zero from the start
        assertEquals(Matrix.row(-1), Images.maxPool(negative, g));
    }

    /** The entries the maxima were taken from, which the layer keeps so that its backward pass does not search again. */
    @Test
    void maxPoolingGivesTheEntriesItsMaximaCameFromAndItsGradientGoesThere() {
        Window g = Window.valid(2, 4, 2, 2, 2, 2); // two windows of two channels each
        // pixel (r, c) channel ch at (r * 4 + c) * 2 + ch; window 0 is columns 0-1, window 1 columns 2-3
        Matrix x = Matrix.row(1, 9, 4, 0, 5, 2, 5, 3, 0, 0, 7, 1, 5, 8, 2, 3);
        Images.MaxPooled pooled = Images.maxPoolWithChoices(x, g);
        assertEquals(Matrix.row(7, 9, 5, 8), pooled.maxima());
        assertEquals(Matrix.row(10, 1, 4, 13), pooled.choices()); // 5 ties at entries 4, 6 and 12: the first
        Matrix gradient = Matrix.row(1, 2, 3, 4);
        assertEquals(Images.maxPoolGradient(x, g, gradient), Images.maxPoolGradient(g, pooled.choices(), gradient));
        assertEquals(Matrix.row(0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 1, 0, 0, 4, 0, 0),
                Images.maxPoolGradient(g, pooled.choices(), gradient));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Images.maxPoolGradient(g, Matrix.row(10, 1.5, 4, 13), gradient));
        assertEquals("maxPoolGradient: choices (0, 1) is 1.5, not an entry of an image of 16", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Images.maxPoolGradient(g, Matrix.row(10, 1, 4, 16), gradient));
    }

    @Test
    void sameAndValidWindowsHaveTheSizesOfKerasAndPyTorch() {
        Window same = Window.same(28, 28, 1, 3, 3, 2); // Keras: ceil(28 / 2) = 14, padding 1 split 0 before, 1 after
        assertEquals(14, same.outputHeight());
        assertEquals(0, same.padTop());
        Window same5 = Window.same(7, 7, 1, 5, 5, 1);
        assertEquals(7, same5.outputWidth());
        assertEquals(2, same5.padLeft());
        Window valid = Window.valid(28, 28, 1, 5, 5, 1);
        assertEquals(24, valid.outputHeight());
        assertEquals(Window.valid(28, 28, 1, 3, 3, 2).outputWidth(), 13); // PyTorch: floor((28 - 3) / 2) + 1
    }

    @Test
    void shapesThatDoNotFitAreRefusedNamingBoth() {
        Window g = Window.valid(4, 4, 2, 3, 3, 1);
        Matrix w = Key.of(1).normal(5, 18, 0, 1).value();
        IllegalArgumentException images = assertThrows(IllegalArgumentException.class,
                () -> Images.convolve(Matrix.filled(2, 31, 1), g, w, Matrix.filled(1, 5, 0)));
        assertEquals("convolve: images 2x31 do not fit the window's 4x4x2 images (32 columns)", images.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> Images.convolve(Matrix.filled(2, 32, 1), g, Matrix.filled(5, 9, 1), Matrix.filled(1, 5, 0)));
        assertEquals("convolve: weights 5x9 do not fit the window's 3x3x2 patches (18 columns)", weights.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Window.valid(4, 4, 1, 5, 3, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Images.maxPool(Matrix.filled(1, 16, 1), Window.same(4, 4, 1, 3, 3, 1)));
    }
}
