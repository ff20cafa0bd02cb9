package io.github.purenet.tensor;

import java.util.stream.IntStream;

/**
 * The kernels behind {@link Images}' pooling, on arrays that the caller does not share. Each
 * window is scanned in one order, its rows ascending and within a row its columns ascending, and
 * the examples are independent, so they run in parallel without changing a bit.
 */
final class Pooling {

    /** Below this many entries read, the examples run on the calling thread alone. */
    private static final long PARALLEL_THRESHOLD = 1L << 15;

    private Pooling() {
    }

    /**
     * The maximum of each window and channel, the first maximum in scan order or the first NaN
     * ({@code [0]}), and the index in its image's row of the entry chosen ({@code [1]}, a whole
     * number), for {@link #maxGradient}.
     */
    static double[][][] max(double[][] x, Window g) {
        int row = g.outputWidth() * g.channels();
        double[][] y = Entrywise.zeros(x.length, g.positions() * g.channels());
        double[][] choices = Entrywise.zeros(x.length, g.positions() * g.channels());
        forExamples(x.length, g, e -> {
            int[] at = new int[row];
            double[] best = new double[row];
            for (int oi = 0; oi < g.outputHeight(); oi++) {
                argmax(x[e], g, oi, at, best);
                System.arraycopy(best, 0, y[e], oi * row, row);
                for (int q = 0; q < row; q++) {
                    choices[e][oi * row + q] = at[q];
                }
            }
        });
        return new double[][][] {y, choices};
    }

    /**
     * Each window's gradient goes to the entry {@link #max} chose, added in ascending position
     * order; a choice that is not a whole number in the image is refused.
     */
    static double[][] maxGradient(double[][] choices, Window g, double[][] delta) {
        double[][] dx = Entrywise.zeros(choices.length, g.imageSize());
        forExamples(choices.length, g, e -> {
            double[] ce = choices[e];
            for (int q = 0; q < ce.length; q++) {
                int at = (int) ce[q];
                if (at != ce[q] || at < 0 || at >= dx[e].length) {
                    throw new IllegalArgumentException("maxPoolGradient: choices (" + e + ", " + q + ") is " + ce[q]
                            + ", not an entry of an image of " + dx[e].length);
                }
                dx[e][at] += delta[e][q];
            }
        });
        return dx;
    }

    /**
     * The maxima of the windows of output row {@code oi}, entry {@code oj * channels + ch}, and
     * their indices in the image: each window is scanned in order, its rows ascending and within a
     * row its columns ascending, and a later entry replaces the maximum so far only if it is larger,
     * or if it is NaN and the maximum so far is not, so ties go to the first and a NaN to the first
     * NaN. The windows of a row are scanned side by side, one position of the window at a time.
     */
    private static void argmax(double[] xe, Window g, int oi, int[] at, double[] best) {
        int channels = g.channels();
        int step = g.stride() * channels;
        int top = oi * g.stride();
        int first = top * g.width() * channels;
        for (int oj = 0, base = first; oj < g.outputWidth(); oj++, base += step) {
            for (int ch = 0; ch < channels; ch++) {
                at[oj * channels + ch] = base + ch;
                best[oj * channels + ch] = xe[base + ch];
            }
        }
        for (int i = 0; i < g.windowHeight(); i++) {
            for (int j = i == 0 ? 1 : 0; j < g.windowWidth(); j++) {
                int start = ((top + i) * g.width() + j) * channels;
                for (int oj = 0, base = start; oj < g.outputWidth(); oj++, base += step) {
                    int o = oj * channels;
                    for (int ch = 0; ch < channels; ch++) {
                        double v = xe[base + ch];
                        double m = best[o + ch];
                        if (v > m || v != v && m == m) {
                            at[o + ch] = base + ch;
                            best[o + ch] = v;
                        }
                    }
                }
            }
        }
    }

    /** The mean of each window and channel: the sum in scan order from {@code +0.0}, divided by the window's size. */
    static double[][] average(double[][] x, Window g) {
        int channels = g.channels();
        double size = (double) g.windowHeight() * g.windowWidth();
        double[][] y = Entrywise.zeros(x.length, g.positions() * channels);
        forExamples(x.length, g, e -> {
            double[] xe = x[e];
            double[] ye = y[e];
            for (int p = 0; p < g.positions(); p++) {
                int top = (p / g.outputWidth()) * g.stride();
                int left = (p % g.outputWidth()) * g.stride();
                int out = p * channels;
                for (int i = 0; i < g.windowHeight(); i++) {
                    for (int j = 0; j < g.windowWidth(); j++) {
                        int base = ((top + i) * g.width() + left + j) * channels;
                        for (int ch = 0; ch < channels; ch++) {
                            ye[out + ch] += xe[base + ch];
                        }
                    }
                }
                for (int ch = 0; ch < channels; ch++) {
                    ye[out + ch] /= size;
                }
            }
        });
        return y;
    }

    /** Each window's gradient divided by its size, added to each of its entries in ascending position order. */
    static double[][] averageGradient(Window g, double[][] delta) {
        int channels = g.channels();
        double size = (double) g.windowHeight() * g.windowWidth();
        double[][] dx = Entrywise.zeros(delta.length, g.imageSize());
        forExamples(delta.length, g, e -> {
            double[] share = new double[channels];
            for (int p = 0; p < g.positions(); p++) {
                for (int ch = 0; ch < channels; ch++) {
                    share[ch] = delta[e][p * channels + ch] / size;
                }
                int top = (p / g.outputWidth()) * g.stride();
                int left = (p % g.outputWidth()) * g.stride();
                for (int i = 0; i < g.windowHeight(); i++) {
                    for (int j = 0; j < g.windowWidth(); j++) {
                        int base = ((top + i) * g.width() + left + j) * channels;
                        for (int ch = 0; ch < channels; ch++) {
                            dx[e][base + ch] += share[ch];
                        }
                    }
                }
            }
        });
        return dx;
    }

    /** Work on one example, writing only its row of a result. */
    @FunctionalInterface
    private interface Example {
        void compute(int e);
    }

    private static void forExamples(int examples, Window g, Example example) {
        long work = (long) examples * g.positions() * g.windowHeight() * g.windowWidth() * g.channels();
        IntStream range = IntStream.range(0, examples);
        (work < PARALLEL_THRESHOLD ? range : range.parallel()).forEach(example::compute);
    }
}
