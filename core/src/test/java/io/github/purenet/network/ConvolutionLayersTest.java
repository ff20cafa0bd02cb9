package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.tensor.Threads;
import io.github.purenet.testing.GradientCheck;
import io.github.purenet.testing.LeafError;
import io.vavr.collection.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The image layers in networks: finite differences of the loss against backpropagation over
 * generated image sizes, kernels, strides and paddings (two convolutions, so that the input
 * gradient of the second feeds the weights of the first); shapes inferred and refused with the
 * layer's path; the fans of the initializers; and whole training steps independent of the number of
 * threads.
 */
class ConvolutionLayersTest {

    private static final double TOLERANCE = 1e-6;

    private static Matrix uniform(Key key, int rows, int columns, double low, double high) {
        return key.uniform(rows, columns, low, high).value();
    }

    private static Conv2D conv(Key key, Shape input, int filters, int kh, int kw, int stride, Padding padding) {
        int patch = kh * kw * input.channels();
        return new Conv2D(uniform(key, filters, patch, -1.0 / Math.sqrt(patch), 1.0 / Math.sqrt(patch)),
                uniform(key.foldIn(1), 1, filters, -0.3, 0.3), input, kh, kw, stride, padding, Activations.tanh());
    }

    /** A generated network: conv, a pool, conv, then global pooling or flatten, and a dense softmax. */
    private static Network network(SplittableRandom random, Key key) {
        Shape image = Shape.of(4 + random.nextInt(5), 4 + random.nextInt(5), 1 + random.nextInt(3));
        Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
        Conv2D first = conv(key.foldIn(0), image, 1 + random.nextInt(4), 1 + random.nextInt(3), 1 + random.nextInt(3),
                1 + random.nextInt(2), padding);
        Shape a = first.outputShape();
        int size = Math.min(2, Math.min(a.height(), a.width()));
        Layer pool = random.nextBoolean() ? new MaxPool2D(a, size, size, 1) : new AvgPool2D(a, size, size, 1);
        Shape b = pool.outputShape(a);
        Conv2D second = conv(key.foldIn(1), b, 1 + random.nextInt(3), 1 + random.nextInt(Math.min(2, b.height())),
                1 + random.nextInt(Math.min(2, b.width())), 1, random.nextBoolean() ? Padding.SAME : Padding.VALID);
        Shape c = second.outputShape();
        Layer last = random.nextBoolean() ? Flatten.of(c) : GlobalAveragePool.of(c);
        int features = last.outputShape(c).size();
        Dense dense = new Dense(uniform(key.foldIn(2), 3, features, -0.5, 0.5), uniform(key.foldIn(3), 1, 3, -0.1, 0.1),
                Activations.softmax());
        return Network.of(image, first, pool, second, last, dense);
    }

    @Test
    void gradientsMatchFiniteDifferencesOverGeneratedShapesStridesAndPaddings() {
        SplittableRandom random = new SplittableRandom(18);
        for (int n = 0; n < 40; n++) {
            Key key = Key.of(n);
            Network network = network(random, key);
            int rows = 1 + random.nextInt(3);
            Matrix x = uniform(key.foldIn(9), rows, network.input().size(), -1, 1);
            Matrix y = Matrix.of(rows, 3, (r, c) -> c == r % 3 ? 1.0 : 0.0);
            GradientCheck check = GradientCheck.of(network, x, y, Losses.softmaxCrossEntropy());
            assertEquals(network.parameterPaths(), check.leaves().map(LeafError::path));
            LeafError worst = check.worst();
            String name = "case " + n + ": " + network;
            assertTrue(worst.error() < TOLERANCE, () -> name + ": " + worst);
        }
    }

    @Test
    void shapesAreInferredAndAMismatchNamesThePathAndBothShapes() {
        Shape image = Shape.of(28, 28, 1);
        Conv2D conv = Conv2D.of(Key.of(1), image, 6, 5, Activations.relu());
        assertEquals(Shape.of(24, 24, 6), conv.outputShape());
        MaxPool2D pool = MaxPool2D.of(conv.outputShape(), 2);
        assertEquals(Shape.of(12, 12, 6), pool.outputShape());
        Network network = Network.of(image, conv, pool, Flatten.of(pool.outputShape()),
                Initializers.dense(Key.of(2), Initializers.heUniform(), 864, 10, Activations.softmax()));
        assertEquals(Shape.of(10), network.outputShape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.of(image, conv, MaxPool2D.of(Shape.of(26, 26, 6), 2)));
        assertEquals("layers[1]: expected input shape 26x26x6, got 24x24x6", e.getMessage());
        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
                () -> Network.of(image, conv, Initializers.dense(Key.of(2), Initializers.heUniform(), 3456, 10,
                        Activations.softmax())));
        assertEquals("layers[1]: expected input shape 3456, got 24x24x6", dense.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conv2D.of(Key.of(1), image, 6, 29, Activations.relu()));
        assertThrows(IllegalArgumentException.class, () -> Conv2D.of(Key.of(1), Shape.of(784), 6, 5,
                Activations.relu()));
        assertThrows(IllegalArgumentException.class, () -> Conv2D.of(Key.of(1), image, 6, 5, Activations.softmax()));
    }

    /** Glorot counts the fan-out of a convolution as PyTorch and Keras do: kernel positions times filters. */
    @Test
    void initializersDrawWithTheFansOfAConvolution() {
        Shape image = Shape.of(10, 10, 3);
        Conv2D glorot = Initializers.conv2d(Key.of(3), Initializers.glorotUniform(), image, 8, 3, 3, 1, Padding.SAME,
                Activations.relu());
        double limit = Math.sqrt(6.0 / (3 * 3 * 3 + 3 * 3 * 8));
        assertEquals(Key.of(3).uniform(8, 27, -limit, limit).value(), glorot.weights());
        Conv2D he = Initializers.conv2d(Key.of(3), Initializers.heNormal(), image, 8, 3, 3, 1, Padding.SAME,
                Activations.relu());
        assertEquals(Key.of(3).normal(8, 27, 0.0, Math.sqrt(2.0 / 27)).value(), he.weights());
        assertEquals(Matrix.filled(1, 8, 0.0), he.bias());
        assertEquals(Shape.of(10, 10, 8), he.outputShape());
    }

    @Test
    void aTrainingStepOfAConvolutionalNetworkIsTheSameForOneTwoAndSixteenThreads() throws Exception {
        Shape image = Shape.of(20, 20, 2);
        Conv2D first = Initializers.conv2d(Key.of(5), Initializers.heUniform(), image, 16, 3, 3, 1, Padding.SAME,
                Activations.relu());
        Conv2D second = Conv2D.of(Key.of(6), first.outputShape(), 24, 3, Activations.relu());
        MaxPool2D pool = MaxPool2D.of(second.outputShape(), 2);
        Network network = Network.of(image, first, second, pool, Flatten.of(pool.outputShape()),
                Initializers.dense(Key.of(7), Initializers.glorotUniform(), 9 * 9 * 24, 4, Activations.softmax()));
        Matrix x = uniform(Key.of(8), 24, image.size(), 0, 1);
        Matrix y = Matrix.of(24, 4, (r, c) -> c == r % 4 ? 1.0 : 0.0);
        LossAndGradients one = Threads.in(1, () -> Backprop.lossAndGradients(network, x, y, Losses.softmaxCrossEntropy()));
        for (int threads : new int[] {2, 16}) {
            LossAndGradients many = Threads.in(threads, () -> Backprop.lossAndGradients(network, x, y, Losses.softmaxCrossEntropy()));
            assertEquals(one.gradients(), many.gradients(), threads + " threads");
            assertEquals(Double.doubleToLongBits(one.loss()), Double.doubleToLongBits(many.loss()));
        }
    }

}
