package io.github.purenet.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.Backprop;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The weight layout the format documents: PyTorch's {@code Conv2d.weight} entry {@code [o][c][i][j]}
 * ({@code OIHW}) and Keras's {@code Conv2D.kernel} entry {@code [i][j][c][o]} ({@code HWIO}) are
 * purenet's {@code (o, (i * kw + j) * channels + c)}. A small {@code OIHW} array written by hand is
 * converted with that formula, and purenet's forward pass is checked against a convolution computed
 * here on the {@code OIHW} array directly, reading the channels-last input by index.
 */
class WeightLayoutTest {

    /** PyTorch's weight, {@code [out=2][in=2][kh=2][kw=3]}. */
    private static final double[][][][] OIHW = {
        {{{1, 2, 3}, {4, 5, 6}}, {{-1, 0.5, 0}, {2, -2, 0.25}}},
        {{{0, -1, 1}, {0.5, 0.5, -0.5}}, {{3, 1, -3}, {1, 0, 2}}}};

    private static final double[] BIAS = {0.5, -1.0};

    private static final int H = 3;
    private static final int W = 4;
    private static final int C = 2;
    private static final int KH = 2;
    private static final int KW = 3;

    /** The weights by the documented formula, from OIHW. */
    private static Matrix fromTorch() {
        double[][] w = new double[2][KH * KW * C];
        for (int o = 0; o < 2; o++) {
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < KH; i++) {
                    for (int j = 0; j < KW; j++) {
                        w[o][(i * KW + j) * C + c] = OIHW[o][c][i][j];
                    }
                }
            }
        }
        return Matrix.of(w);
    }

    /** The weights by the documented formula, from the same kernel in Keras's HWIO order. */
    private static Matrix fromKeras() {
        double[][][][] hwio = new double[KH][KW][C][2];
        for (int o = 0; o < 2; o++) {
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < KH; i++) {
                    for (int j = 0; j < KW; j++) {
                        hwio[i][j][c][o] = OIHW[o][c][i][j];
                    }
                }
            }
        }
        double[][] w = new double[2][KH * KW * C];
        for (int i = 0; i < KH; i++) {
            for (int j = 0; j < KW; j++) {
                for (int c = 0; c < C; c++) {
                    for (int o = 0; o < 2; o++) {
                        w[o][(i * KW + j) * C + c] = hwio[i][j][c][o];
                    }
                }
            }
        }
        return Matrix.of(w);
    }

    @Test
    void pytorchsAndKerassWeightsMapToTheSameMatrixWhoseConvolutionIsTheNaiveOne() {
        assertEquals(fromTorch(), fromKeras());
        assertEquals(6.0, fromTorch().get(0, (1 * KW + 2) * C + 0), "[0][0][1][2] by hand");
        assertEquals(-3.0, fromTorch().get(1, (0 * KW + 2) * C + 1), "[1][1][0][2] by hand");
        Conv2D conv = new Conv2D(fromTorch(), Matrix.row(BIAS), Shape.of(H, W, C), KH, KW, 1, Padding.VALID,
                Activations.identity());
        Network network = Network.of(Shape.of(H, W, C), conv);
        // two images, channels last: entry (r, c, ch) of image n at (r * W + c) * C + ch
        Matrix x = Matrix.of(2, H * W * C, (n, k) -> (n + 1) * 0.25 * ((k * 7) % 11) - 1.0);
        Matrix y = Backprop.forward(network, x).output();
        int outH = H - KH + 1;
        int outW = W - KW + 1;
        assertEquals(2, y.rows());
        assertEquals(outH * outW * 2, y.columns());
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 2; o++) {
                for (int r = 0; r < outH; r++) {
                    for (int q = 0; q < outW; q++) {
                        double sum = BIAS[o]; // out[n][o][r][q], NCHW thinking
                        for (int c = 0; c < C; c++) {
                            for (int i = 0; i < KH; i++) {
                                for (int j = 0; j < KW; j++) {
                                    sum += OIHW[o][c][i][j] * x.get(n, ((r + i) * W + (q + j)) * C + c);
                                }
                            }
                        }
                        assertEquals(sum, y.get(n, (r * outW + q) * 2 + o), 1e-12, "image " + n + ", filter " + o
                                + ", position (" + r + ", " + q + ")");
                    }
                }
            }
        }
    }
}
