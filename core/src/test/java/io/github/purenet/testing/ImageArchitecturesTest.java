package io.github.purenet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.loss.Losses;
import io.github.purenet.network.Conv2D;
import io.github.purenet.network.Dense;
import io.github.purenet.network.Flatten;
import io.github.purenet.network.Layer;
import io.github.purenet.network.MaxPool2D;
import io.github.purenet.network.Network;
import io.github.purenet.network.Padding;
import io.github.purenet.network.Shape;
import io.github.purenet.tensor.Matrix;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * Networks of images in the kit: a generator that lists image kinds draws images of its inputs
 * with a stem of the listed image layers ending in a flatten or a global average pool; kinked
 * pre-activations include convolutions' and max pools' (worked out by hand); and a counterexample
 * with a convolution shrinks to the smallest network of images that holds one.
 */
class ImageArchitecturesTest {

    @Test
    void aGeneratorOfImageKindsDrawsImagesOfItsInputsWithAStemOfTheListedKinds() {
        NetworkGenerator g = Generators.architectures().kinds(Vector.of("conv2d", "max_pool2d", "flatten", "dense"));
        int[] images = {0, 0};
        Property.forAll(g).trials(200).check(n -> {
            assertTrue(n.layers().size() <= 4 && n.inputs() <= 8, n::toString);
            if (n.input().isFlat()) {
                assertTrue(n.layers().forAll(l -> l instanceof Dense), n::toString);
                return;
            }
            images[0]++;
            Shape image = n.input();
            assertTrue(image.rank() == 3 && image.channels() <= 3 && image.size() == n.inputs(), n::toString);
            int exit = n.layers().indexWhere(l -> l instanceof Flatten);
            assertTrue(exit >= 0 && exit <= 2, n::toString);
            Vector<Layer> stem = n.layers().take(exit);
            assertTrue(stem.forAll(l -> l instanceof Conv2D || l instanceof MaxPool2D), n::toString);
            assertTrue(n.layers().drop(exit + 1).forAll(l -> l instanceof Dense), n::toString);
            images[1] += stem.isEmpty() ? 0 : 1;
        });
        assertTrue(images[0] > 50 && images[1] > 30, images[0] + " networks of images, " + images[1] + " with a stem");
        Property.forAll(Generators.architectures().kinds(Vector.of("global_average_pool")).inputs(12, 12)).check(n ->
                assertTrue(n.input().isFlat() || n.layers().head().kind().equals("global_average_pool"), n::toString));
    }

    @Test
    void kinkedPreActivationsIncludeAConvolutionsAndTheGapsOfAMaxPoolsWindows() {
        Shape image = Shape.of(2, 2, 1);
        Network n = Network.of(image, new Conv2D(Matrix.row(2.0), Matrix.row(-1.0), image, 1, 1, 1, Padding.VALID,
                Activations.relu()), new MaxPool2D(image, 2, 2, 2), Flatten.of(Shape.of(1, 1, 1)),
                new Dense(Matrix.row(1.0), Matrix.row(0.0), Activations.identity()));
        Problem p = new Problem(n, Matrix.row(1.0, 3.0, 2.0, 2.5), Matrix.row(0.0), Losses.squaredError());
        // 2x - 1 = [1, 5, 3, 4]; relu keeps them; the window's two largest are 5 and 4
        assertEquals(Vector.of(Matrix.row(1.0, 5.0, 3.0, 4.0), Matrix.row(1.0)), p.kinkedPreActivations());
        assertTrue(p.nearKink(1.5) && !p.nearKink(1.0));
    }

    @Test
    void aNetworkWithAConvolutionShrinksToOneConvolutionOfImagesOfOneRowAtTheOrigin() {
        Network n = ShrunkCounterexamplesTest.shrunk(Generators.architectures(), x -> !x.layers().exists(l -> l instanceof Conv2D));
        assertEquals(3, n.layers().size(), Values.show(n));
        Conv2D c = (Conv2D) n.layers().head();
        assertEquals(1, n.input().height(), Values.show(n));
        assertTrue(n.layers().get(1) instanceof Flatten || n.layers().get(1).kind().equals("global_average_pool"));
        assertEquals(new Dense(Matrix.filled(1, n.layers().get(1).outputShape(c.outputShape()).size(), 0.0),
                Matrix.row(0.0), Activations.identity()), n.layers().last());
        assertTrue(n.parameters().forAll(m -> m.map(Math::abs).sum() == 0), Values.show(n));
        assertEquals(Activations.identity(), c.activation(), Values.show(n));
    }

    @Test
    void anImageNetworkShrinksByDroppingItsStemOrALayerOfItOrRowsOfItsImageOrItsConvolutionsActivation() {
        Shape image = Shape.of(3, 2, 1);
        Conv2D conv = new Conv2D(Matrix.row(0.5), Matrix.row(0.25), image, 1, 1, 1, Padding.VALID, Activations.tanh());
        Dense head = new Dense(Matrix.row(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), Matrix.row(0.0), Activations.identity());
        Network n = Network.of(image, conv, Flatten.of(image), head);
        Vector<Network> candidates = NetworkShrinks.of(Generators.architectures(), n);
        // the stem goes: the dense layer takes the image's 6 entries
        assertTrue(candidates.contains(Network.of(Shape.of(6), head)), candidates::toString);
        // the convolution goes: the flatten takes the image itself
        assertTrue(candidates.contains(Network.of(image, Flatten.of(image), head)), candidates::toString);
        // the last rows go, and with them the dense layer's last weights: 1 row of 2 entries, 2 rows of 4
        for (int rows : new int[] {1, 2}) {
            Shape fewer = Shape.of(rows, 2, 1);
            Network expected = Network.of(fewer, new Conv2D(Matrix.row(0.5), Matrix.row(0.25), fewer, 1, 1, 1,
                    Padding.VALID, Activations.tanh()), Flatten.of(fewer), new Dense(Matrix.of(1, 2 * rows,
                    (i, j) -> j + 1.0), Matrix.row(0.0), Activations.identity()));
            assertTrue(candidates.contains(expected), () -> rows + " rows: " + candidates);
        }
        // the convolution's activation becomes the first of the list, the identity
        assertTrue(candidates.contains(Network.of(image, new Conv2D(Matrix.row(0.5), Matrix.row(0.25), image, 1, 1, 1,
                Padding.VALID, Activations.identity()), Flatten.of(image), head)), candidates::toString);
        assertTrue(candidates.forAll(c -> Measures.less(Measures.architecture(c), Measures.architecture(n))));
    }
}
