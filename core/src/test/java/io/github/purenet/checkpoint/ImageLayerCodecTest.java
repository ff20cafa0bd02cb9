package io.github.purenet.checkpoint;

import static io.github.purenet.checkpoint.Documents.refused;
import static io.github.purenet.checkpoint.Documents.remove;
import static io.github.purenet.checkpoint.Documents.set;
import static io.github.purenet.checkpoint.Fixtures.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.purenet.activation.Activations;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Residual;
import io.github.purenet.network.Sequential;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.testing.Generators;
import io.github.purenet.testing.Property;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image layers in format version 2: networks of every image kind, alone and inside sequences and
 * residual blocks, read back bit for bit; the canonical form of a small convolutional network,
 * written out by hand here, is the one its hash is computed over; and documents whose image layers
 * do not fit are refused at the place of the fault, naming the layer's path.
 */
class ImageLayerCodecTest {

    private static final String L = "$.network.layers";

    /**
     * A small convolutional network of short numbers: 3x3x1 images, a 2x2 convolution of two
     * filters, an average and a max pool, a flatten and a dense sigmoid output.
     */
    static Network small() {
        Shape image = Shape.of(3, 3, 1);
        Conv2D conv = new Conv2D(Matrix.of(new double[][] {{0.5, -0.5, 0.25, 1.0}, {1.0, 0.0, -1.0, 2.0}}),
                Matrix.row(0.125, -0.5), image, 2, 2, 1, Padding.VALID, Activations.relu());
        return Network.of(image, conv, new AvgPool2D(Shape.of(2, 2, 2), 1, 2, 1),
                new MaxPool2D(Shape.of(2, 1, 2), 2, 1, 2), Flatten.of(Shape.of(1, 1, 2)),
                new Dense(Matrix.of(new double[][] {{1.5, -2.0}}), Matrix.row(0.0), Activations.sigmoid()));
    }

    /** Every image kind, at the top, in a sequence and in residual blocks with and without projection. */
    static Network nested() {
        Shape image = Shape.of(6, 5, 2);
        Key key = Key.of(11);
        Conv2D same = Initializers.conv2d(key, Initializers.heUniform(), image, 2, 3, 3, 1, Padding.SAME,
                Activations.tanh());
        Conv2D wider = Initializers.conv2d(key.foldIn(1), Initializers.glorotUniform(), image, 4, 3, 2, 1,
                Padding.SAME, Activations.leakyRelu(0.25));
        Conv2D projection = Initializers.conv2d(key.foldIn(2), Initializers.glorotUniform(), image, 4, 1, 1, 1,
                Padding.VALID, Activations.identity());
        Conv2D strided = Initializers.conv2d(key.foldIn(3), Initializers.heNormal(), Shape.of(6, 5, 4), 3, 2, 3, 2,
                Padding.VALID, Activations.relu());
        Shape afterStrided = strided.outputShape(); // 3x2x3
        return Network.of(image,
                Residual.of(same),
                Residual.of(wider, projection),
                Sequential.of(strided, new MaxPool2D(afterStrided, 2, 1, 1)),
                Sequential.of(new AvgPool2D(Shape.of(2, 2, 3), 2, 2, 1), GlobalAveragePool.of(Shape.of(1, 1, 3))),
                Initializers.dense(Key.of(12), Initializers.heUniform(), 3, 2, Activations.softmax()));
    }

    @Test
    void networksOfEveryImageKindNestedOrNotReadBackBitForBit() {
        LayerRoundTripTest.assertRoundTrip(small());
        LayerRoundTripTest.assertRoundTrip(nested());
        Network gap = Network.of(Shape.of(4, 4, 3), GlobalAveragePool.of(Shape.of(4, 4, 3)),
                Initializers.dense(Key.of(1), Initializers.heUniform(), 3, 2, Activations.softmax()));
        LayerRoundTripTest.assertRoundTrip(gap);
    }

    @Test
    void randomConvolutionalNetworksOfAnyNumbersReadBackBitForBit() {
        Property.forAll(Generators.keys()).trials(200).check(key -> LayerRoundTripTest.assertRoundTrip(
                ImageTrees.network(new SplittableRandom(key.state()))));
    }

    @Test
    void theCanonicalFormOfASmallConvolutionalNetworkIsPinned() throws Exception {
        String canonical = "{\"format\":\"purenet\",\"version\":2,\"type\":\"network\",\"network\":{"
                + "\"input_shape\":[3,3,1],\"layers\":["
                + "{\"kind\":\"conv2d\",\"path\":\"layers[0]\",\"input_shape\":[3,3,1],\"kernel\":[2,2],\"stride\":1,"
                + "\"padding\":\"valid\",\"activation\":\"relu\",\"parameters\":{\"weights\":{\"shape\":[2,4],\"values\":"
                + "[[\"3fe0000000000000\",\"bfe0000000000000\",\"3fd0000000000000\",\"3ff0000000000000\"],"
                + "[\"3ff0000000000000\",\"0000000000000000\",\"bff0000000000000\",\"4000000000000000\"]]},"
                + "\"bias\":{\"shape\":[1,2],\"values\":[[\"3fc0000000000000\",\"bfe0000000000000\"]]}},\"state\":{}},"
                + "{\"kind\":\"avg_pool2d\",\"path\":\"layers[1]\",\"input_shape\":[2,2,2],\"window\":[1,2],\"stride\":1,"
                + "\"parameters\":{},\"state\":{}},"
                + "{\"kind\":\"max_pool2d\",\"path\":\"layers[2]\",\"input_shape\":[2,1,2],\"window\":[2,1],\"stride\":2,"
                + "\"parameters\":{},\"state\":{}},"
                + "{\"kind\":\"flatten\",\"path\":\"layers[3]\",\"input_shape\":[1,1,2],\"parameters\":{},\"state\":{}},"
                + "{\"kind\":\"dense\",\"path\":\"layers[4]\",\"activation\":\"sigmoid\",\"parameters\":{\"weights\":"
                + "{\"shape\":[1,2],\"values\":[[\"3ff8000000000000\",\"c000000000000000\"]]},\"bias\":{\"shape\":[1,1],"
                + "\"values\":[[\"0000000000000000\"]]}},\"state\":{}}]}}";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha, CODEC.sha256(small()));
        assertEquals(sha, Fixtures.shaField(CODEC.encode(small())));
    }

    private static final String SMALL = Fixtures.withoutSha(CODEC.encode(small()));
    private static final String NESTED = Fixtures.withoutSha(CODEC.encode(nested()));

    private static Network network(String json) {
        return CODEC.decodeNetwork(json);
    }

    @Test
    void theFormatPagesExampleIsTheSmallNetworkAndWhatPurenetWritesWithoutItsHash() throws Exception {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "docs", "checkpoint-format.md")));
        String block = null;
        while (block == null && m.find()) {
            block = m.group(1).contains("\"kind\" : \"conv2d\"") ? m.group(1) : null;
        }
        assertEquals(small(), network(block));
        assertEquals(block.strip(), SMALL.strip());
    }

    @Test
    void theBareDocumentsAreAcceptedSoThatEachRefusalBelowIsCausedByItsOneChange() {
        assertEquals(small(), network(SMALL));
        assertEquals(nested(), network(NESTED));
    }

    @Test
    void weightsThatDoNotFitTheKernelAndChannelsAndABiasThatDoesNotFitTheFiltersAreRefused() {
        refused(() -> network(set(SMALL, L + "[0].parameters.weights", "{\"shape\": [2, 3], \"values\": "
                + "[[1, 2, 3], [4, 5, 6]]}")), L + "[0].parameters.weights",
                "layers[0].weights: Conv2D: weights 2x3 do not fit a 2x2 kernel over 1 channels (expected 2x4)");
        refused(() -> network(set(SMALL, L + "[0].kernel", "[2, 1]")), L + "[0].parameters.weights",
                "layers[0].weights: Conv2D: weights 2x4 do not fit a 2x1 kernel over 1 channels (expected 2x2)");
        refused(() -> network(set(SMALL, L + "[0].parameters.bias", "{\"shape\": [1, 3], \"values\": [[1, 2, 3]]}")),
                L + "[0].parameters.bias", "layers[0].bias: Conv2D: bias 1x3 does not fit weights 2x4 (expected bias 1x2)");
        refused(() -> network(set(NESTED, L + "[1].projection.input_shape", "[6, 5, 3]")), L + "[1].projection"
                + ".parameters.weights", "layers[1].projection.weights: Conv2D: weights 4x2 do not fit a 1x1 kernel "
                + "over 3 channels (expected 4x3)");
    }

    @Test
    void aKernelOrWindowLargerThanTheImageIsRefusedUnlessTheConvolutionIsPadded() {
        refused(() -> network(set(SMALL, L + "[0].kernel", "[4, 1]")), L + "[0].kernel",
                "layers[0]: Window.valid: the window 4x1 does not fit the image 3x3");
        refused(() -> network(set(SMALL, L + "[1].window", "[1, 3]")), L + "[1].window",
                "layers[1]: AvgPool2D: window 1x3 does not fit the input 2x2x2");
        refused(() -> network(set(SMALL, L + "[2].window", "[3, 1]")), L + "[2].window",
                "layers[2]: MaxPool2D: window 3x1 does not fit the input 2x1x2");
        // a padded convolution's kernel may be larger than its image: the weights are then checked
        refused(() -> network(set(set(SMALL, L + "[0].padding", "\"same\""), L + "[0].kernel", "[4, 2]")),
                L + "[0].parameters.weights", "do not fit a 4x2 kernel over 1 channels (expected 2x8)");
    }

    @Test
    void settingsOutOfRangeAreRefusedAtTheSetting() {
        for (String padding : List.of("\"full\"", "\"VALID\"", "\"\"")) {
            refused(() -> network(set(SMALL, L + "[0].padding", padding)), L + "[0].padding",
                    "expected \"valid\" or \"same\", got " + padding);
        }
        refused(() -> network(set(SMALL, L + "[0].padding", "0")), L + "[0].padding", "expected a string");
        for (String stride : List.of("0", "-1", "1.5", "\"1\"")) {
            refused(() -> network(set(SMALL, L + "[0].stride", stride)), L + "[0].stride", "expected an integer");
            refused(() -> network(set(SMALL, L + "[2].stride", stride)), L + "[2].stride", "expected an integer");
        }
        refused(() -> network(set(SMALL, L + "[0].kernel", "[2]")), L + "[0].kernel",
                "expected [rows, columns], such as [3, 3], got 1 numbers");
        refused(() -> network(set(SMALL, L + "[1].window", "[1, 2, 1]")), L + "[1].window", "got 3 numbers");
        refused(() -> network(set(SMALL, L + "[0].kernel", "[2, 0]")), L + "[0].kernel[1]", "expected an integer in [1,");
        refused(() -> network(set(SMALL, L + "[0].kernel", "3")), L + "[0].kernel", "expected an array");
        refused(() -> network(set(SMALL, L + "[0].activation", "\"softmax\"")), L + "[0].activation",
                "layers[0]: a convolution's activation acts entry by entry");
        refused(() -> network(set(SMALL, L + "[0].activation", "\"swish\"")), L + "[0].activation", "swish");
    }

    @Test
    void inputShapesThatAreNotImagesOrNotWhatTheLayersBeforeGiveAreRefusedAtTheLayer() {
        refused(() -> network(set(SMALL, L + "[0].input_shape", "[9]")), L + "[0].input_shape",
                "layers[0]: expected the shape of an image, [height, width, channels], got 9");
        refused(() -> network(set(SMALL, L + "[1].input_shape", "[8]")), L + "[1].input_shape",
                "layers[1]: expected the shape of an image");
        refused(() -> network(set(SMALL, L + "[1].input_shape", "[2, 2, 3]")), L + "[1]",
                "layers[1]: expected input shape 2x2x3, got 2x2x2");
        refused(() -> network(set(SMALL, L + "[3].input_shape", "[2]")), L + "[3]",
                "layers[3]: expected input shape 2, got 1x1x2");
        refused(() -> network(set(NESTED, L + "[3].layers[1].input_shape", "[1, 1, 2]")), L + "[3].layers[1]",
                "layers[3].layers[1]: expected input shape 1x1x2, got 1x1x3");
        refused(() -> network(set(NESTED, "$.network.input_shape", "[6, 6, 2]")), L + "[0].inner",
                "layers[0].inner: expected input shape 6x5x2, got 6x6x2");
        refused(() -> network(set(SMALL, L + "[0].input_shape", "[0, 3, 1]")), L + "[0].input_shape[0]",
                "expected an integer in [1,");
    }

    @Test
    void fieldsOfAnotherKindAreRefusedAsUnknownOrMissing() {
        refused(() -> network(remove(SMALL, L + "[0].padding")), L + "[0]", "missing field 'padding'");
        refused(() -> network(remove(SMALL, L + "[3].input_shape")), L + "[3]", "missing field 'input_shape'");
        refused(() -> network(set(SMALL, L + "[1].kernel", "[1, 2]")), L + "[1]", "unknown field 'kernel'");
        refused(() -> network(set(SMALL, L + "[1].kind", "\"global_average_pool\"")), L + "[1]",
                "unknown field 'window'");
        refused(() -> network(set(SMALL, L + "[2].kind", "\"conv2d\"")), L + "[2]", "missing field 'kernel'");
        refused(() -> network(set(SMALL, L + "[3].parameters.weights", "{\"shape\": [1, 1], \"values\": [[1]]}")),
                L + "[3].parameters", "unknown field 'weights'");
        refused(() -> network(remove(SMALL, L + "[0].parameters.bias")), L + "[0].parameters", "missing field 'bias'");
    }
}
