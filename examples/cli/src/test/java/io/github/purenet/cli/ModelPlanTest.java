package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.activation.Activations;
import io.github.purenet.io.ImageShape;
import io.github.purenet.network.AvgPool2D;
import io.github.purenet.network.Dropout;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.GlobalAveragePool;
import io.github.purenet.network.Initializer;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Shape;
import io.github.purenet.random.Key;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The networks of {@code --model}: layer for layer the library's layers built by hand here, each
 * trainable layer drawing from its own key of {@code key.split(T + 1)}, a flatten inserted before
 * a dense layer that meets an image and before the output layer; the parameters counted without
 * building equal the network's; dense items over flat data are the network of {@code --layers};
 * items that do not fit the data's shape refused naming the item and both shapes.
 */
class ModelPlanTest {

    private static final Key KEY = Key.of(11);
    private static final Shape IMAGE = Shape.of(8, 8, 1);
    private static final Initializer HE = Initializers.heUniform();

    private static Network network(String spec, String activation, Shape input, int classes) {
        return Architecture.of(ModelSpec.parse(spec), activation).network(KEY, input, classes);
    }

    @Test
    void eachItemIsItsLayerAndEachTrainableLayerHasItsOwnKey() {
        Network network = network("conv:4:3,maxpool:2,dropout:0.25,dense:16,dropout:0.5", "relu", IMAGE, 10);
        Vector<Key> keys = KEY.split(3); // the conv, the dense layer, the output layer
        Network expected = Network.of(IMAGE, Vector.<Layer>of(
                Initializers.conv2d(keys.get(0), HE, IMAGE, 4, 3, 3, 1, Padding.VALID, Activations.relu()),
                new MaxPool2D(Shape.of(6, 6, 4), 2, 2, 2),
                Dropout.of(0.25),
                Flatten.of(Shape.of(3, 3, 4)),
                Initializers.dense(keys.get(1), HE, 36, 16, Activations.relu()),
                Dropout.of(0.5),
                Initializers.dense(keys.get(2), HE, 16, 10, Activations.softmax())));
        assertEquals(expected, network);
        assertEquals(Vector.of("conv2d", "max_pool2d", "dropout", "flatten", "dense", "dropout", "dense"),
                network.layers().map(Layer::kind));
        assertEquals(Vector.of("8x8x1", "6x6x4", "3x3x4", "3x3x4", "36", "16", "16", "10"),
                network.summary().rows().map(r -> r.outputShape().toString()).prepend(IMAGE.toString()));
    }

    @Test
    void everyOptionOfTheGrammarReachesItsLayerAndTanhTakesGlorot() {
        Shape input = Shape.of(12, 10, 1);
        Network network = network("conv:3:5:2:same,avgpool:2:1,conv:2:1,gap", "tanh", input, 3);
        Initializer glorot = Initializers.glorotUniform();
        Vector<Key> keys = KEY.split(3);
        Network expected = Network.of(input, Vector.<Layer>of(
                Initializers.conv2d(keys.get(0), glorot, input, 3, 5, 5, 2, Padding.SAME, Activations.tanh()),
                new AvgPool2D(Shape.of(6, 5, 3), 2, 2, 1),
                Initializers.conv2d(keys.get(1), glorot, Shape.of(5, 4, 3), 2, 1, 1, 1, Padding.VALID,
                        Activations.tanh()),
                GlobalAveragePool.of(Shape.of(5, 4, 2)),
                Initializers.dense(keys.get(2), glorot, 2, 3, Activations.softmax())));
        assertEquals(expected, network);
    }

    @Test
    void aFlattenComesBeforeTheOutputLayerWhenTheLastItemLeavesAnImage() {
        Network network = network("conv:2:3", "relu", IMAGE, 4);
        assertEquals(Vector.of("conv2d", "flatten", "dense"), network.layers().map(Layer::kind));
        assertEquals(Flatten.of(Shape.of(6, 6, 2)), network.layers().get(1));
        // and a dense item over the images themselves has one before it too
        assertEquals(Vector.of("flatten", "dense", "dense"), network("dense:8", "relu", IMAGE, 4).layers()
                .map(Layer::kind));
        // an explicit flatten is not doubled
        assertEquals(Vector.of("conv2d", "flatten", "dense", "dense"), network("conv:2:3,flatten,dense:5", "relu",
                IMAGE, 4).layers().map(Layer::kind));
    }

    @Test
    void denseItemsOverFlatDataAreTheNetworkOfLayers() {
        assertEquals(new Architecture(Vector.of(32), "relu", 0.5, "none", false).network(KEY, 64, 10),
                network("dense:32,dropout:0.5", "relu", Shape.of(64), 10));
        assertEquals(Architecture.dense(Vector.of(16, 8), "tanh").network(KEY, 64, 10),
                network("dense:16,dense:8", "tanh", Shape.of(64), 10));
    }

    @Test
    void theParametersAreCountedWithoutBuildingTheNetwork() {
        for (String spec : List.of("conv:4:3,maxpool:2,dropout:0.25,dense:16", "conv:3:5:2:same,avgpool:2:1,conv:2:1,gap",
                "conv:2:3", "dense:8", "conv:5:2:1:same,conv:7:3:2,flatten,dense:9,dense:3")) {
            Architecture a = Architecture.of(ModelSpec.parse(spec), "relu");
            assertEquals(a.network(KEY, Shape.of(12, 10, 1), 3).parameterCount(), a.parameters(Shape.of(12, 10, 1), 3),
                    spec);
        }
        // by hand: conv 4 filters of 3x3x1 and a bias (40), dense 36x16 + 16 (592), output 16x10 + 10 (170)
        assertEquals(802, Architecture.of(ModelSpec.parse("conv:4:3,maxpool:2,dense:16"), "relu").parameters(IMAGE, 10));
    }

    @Test
    void theInputIsTheDatasImageOnlyWithAModel() {
        Option<ImageShape> image = Option.some(new ImageShape(28, 28));
        assertEquals(Shape.of(28, 28, 1), Architecture.of(ModelSpec.parse("conv:2:3"), "relu").input(784, image));
        assertEquals(Shape.of(784), Architecture.dense(Vector.of(8), "relu").input(784, image));
        assertEquals(Shape.of(4), Architecture.of(ModelSpec.parse("dense:8"), "relu").input(4, Option.none()));
    }

    @Test
    void anItemThatDoesNotFitItsInputIsNamedWithBothShapes() {
        refused("conv:8:3", Shape.of(4), "--model: item 1 'conv:8:3': needs an image, but the examples of iris are "
                + "flat (4 features); images come from IDX files (mnist:DIR) and digits (8x8x1)");
        refused("conv:8:3,maxpool:2,conv:16:5", IMAGE, "--model: item 3 'conv:16:5': a 5x5 kernel does not fit its "
                + "input 3x3x8, the output of item 2 'maxpool:2'; use a smaller kernel, fewer pools before it, or "
                + "same padding");
        refused("conv:8:9", IMAGE, "--model: item 1 'conv:8:9': a 9x9 kernel does not fit its input 8x8x1, the images "
                + "of iris; use a smaller kernel, fewer pools before it, or same padding");
        refused("conv:8:3,dropout:0.5,avgpool:7", IMAGE, "--model: item 3 'avgpool:7': a 7x7 window does not fit its "
                + "input 6x6x8, the output of item 2 'dropout:0.5'; use a smaller window or fewer pools before it");
        // same padding fits any kernel
        assertEquals(Shape.of(8, 8, 2), ModelPlan.of(ModelSpec.parse("conv:2:9:same"), IMAGE, "x").steps().head()
                .output());
    }

    @Test
    void aModelTooLargeForTheMemoryIsRefusedNamingIt() {
        Architecture a = Architecture.of(ModelSpec.parse("conv:4:3,maxpool:2,dense:16"), "relu");
        Heap.requireFits(a, IMAGE, 10, "sgd", 3 * 8 * 802); // network, gradients, next network: 802 parameters
        CliException e = assertThrows(CliException.class, () -> Heap.requireFits(a, IMAGE, 10, "sgd", 3 * 8 * 802 - 1));
        String head = "--model conv:4:3,maxpool:2,dense:16: a network of 802 parameters for 64 inputs and 10 classes, "
                + "which training with sgd keeps 3 copies of: ";
        assertEquals(head, e.getMessage().substring(0, Math.min(head.length(), e.getMessage().length())));
    }

    @Test
    void theBriefNamesTheInputTheItemsAndTheOutput() {
        Architecture a = Architecture.of(ModelSpec.parse("conv:4:3:1:valid,maxpool:2,dense:16"), "relu");
        assertEquals("8x8x1 conv:4:3,maxpool:2,dense:16 relu, softmax 10", a.brief(a.network(KEY, IMAGE, 10)));
        assertEquals(true, Architecture.of(ModelSpec.parse("dense:8,dropout:0.5"), "relu").modeDependent());
        assertEquals(false, Architecture.of(ModelSpec.parse("conv:2:3"), "relu").modeDependent());
    }

    private static void refused(String spec, Shape input, String message) {
        CliException e = assertThrows(CliException.class, () -> ModelPlan.of(ModelSpec.parse(spec), input, "iris"));
        assertEquals(message, e.getMessage());
        assertEquals(CliException.USAGE, e.exitCode());
    }
}
