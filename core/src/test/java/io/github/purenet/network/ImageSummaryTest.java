package io.github.purenet.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.activation.Activations;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * The summary and the short text of a LeNet-like network (LeCun et al., 1998, on 28x28 images): its
 * rows, with output shapes and parameter counts worked out by hand, and its exact text.
 */
class ImageSummaryTest {

    private static Conv2D conv(Shape input, int filters, int kernel, Padding padding) {
        return new Conv2D(Matrix.filled(filters, kernel * kernel * input.channels(), 0.0), Matrix.filled(1, filters, 0.0),
                input, kernel, kernel, 1, padding, Activations.relu());
    }

    private static Dense dense(int in, int out, String activation) {
        return new Dense(Matrix.filled(out, in, 0.0), Matrix.filled(1, out, 0.0),
                activation.equals("relu") ? Activations.relu() : Activations.softmax());
    }

    /** 28x28x1, conv 6@5x5 same, avg pool 2, conv 16@5x5 valid, max pool 2, flatten, 120, 84, 10. */
    static Network leNet() {
        return Network.of(Shape.of(28, 28, 1),
                conv(Shape.of(28, 28, 1), 6, 5, Padding.SAME),
                AvgPool2D.of(Shape.of(28, 28, 6), 2),
                conv(Shape.of(14, 14, 6), 16, 5, Padding.VALID),
                MaxPool2D.of(Shape.of(10, 10, 16), 2),
                Flatten.of(Shape.of(5, 5, 16)),
                dense(400, 120, "relu"),
                dense(120, 84, "relu"),
                dense(84, 10, "softmax"));
    }

    @Test
    void theRowsOfALeNetHaveTheOutputShapesAndParameterCountsWorkedOutByHand() {
        // same padding keeps 28x28; (14 - 5) + 1 = 10; a filter has 5 * 5 * channels weights and one bias
        assertEquals(Vector.of(
                new Summary.Row("layers[0]", "conv2d 5x5/1 same relu", Shape.of(28, 28, 6), 6 * 25 + 6),
                new Summary.Row("layers[1]", "avg_pool2d 2x2/2", Shape.of(14, 14, 6), 0),
                new Summary.Row("layers[2]", "conv2d 5x5/1 valid relu", Shape.of(10, 10, 16), 16 * 25 * 6 + 16),
                new Summary.Row("layers[3]", "max_pool2d 2x2/2", Shape.of(5, 5, 16), 0),
                new Summary.Row("layers[4]", "flatten", Shape.of(400), 0),
                new Summary.Row("layers[5]", "dense relu", Shape.of(120), 400 * 120 + 120),
                new Summary.Row("layers[6]", "dense relu", Shape.of(84), 120 * 84 + 84),
                new Summary.Row("layers[7]", "dense softmax", Shape.of(10), 84 * 10 + 10)), leNet().summary().rows());
        assertEquals(156 + 2_416 + 48_120 + 10_164 + 850, leNet().parameterCount());
    }

    @Test
    void theTableOfALeNetIsExactlyThis() {
        assertEquals("""
                layer      kind                       output  parameters
                input                                28x28x1
                layers[0]  conv2d 5x5/1 same relu    28x28x6         156
                layers[1]  avg_pool2d 2x2/2          14x14x6           0
                layers[2]  conv2d 5x5/1 valid relu  10x10x16       2,416
                layers[3]  max_pool2d 2x2/2           5x5x16           0
                layers[4]  flatten                       400           0
                layers[5]  dense relu                    120      48,120
                layers[6]  dense relu                     84      10,164
                layers[7]  dense softmax                  10         850
                total                                             61,706""", leNet().summary().toString());
    }

    @Test
    void theShortTextNamesEachLayerWithItsSettingsWhereTheyAreNotTheDefaults() {
        assertEquals("Network[28x28x1 conv2d(6 5x5/1 same relu), avg_pool2d(2x2), conv2d(16 5x5 relu), "
                + "max_pool2d(2x2), flatten, dense(120 relu), dense(84 relu), dense(10 softmax)]", leNet().toString());
        Shape image = Shape.of(8, 8, 3);
        Network strided = Network.of(image, new Conv2D(Matrix.filled(4, 27, 0.0), Matrix.filled(1, 4, 0.0), image, 3,
                3, 2, Padding.VALID, Activations.tanh()), new MaxPool2D(Shape.of(3, 3, 4), 3, 2, 1),
                GlobalAveragePool.of(Shape.of(1, 2, 4)));
        assertEquals("Network[8x8x3 conv2d(4 3x3/2 valid tanh), max_pool2d(3x2/1), global_average_pool]",
                strided.toString());
    }
}
