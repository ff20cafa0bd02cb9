package io.github.purenet.cli;

import io.github.purenet.activation.Activation;
import io.github.purenet.activation.Activations;
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
import io.github.purenet.tensor.Window;
import io.vavr.collection.Vector;

/**
 * The layers of a {@link ModelSpec} over the data's shape, worked out before a weight is drawn:
 * each item's input and output shape, checked, and a {@code flatten} inserted where an image
 * meets a dense layer: before the first {@code dense} whose input is an image (the data's images,
 * or the output of a conv or pool), and before the output layer if the last item leaves an image.
 * Then a dense softmax layer of one unit per class.
 *
 * <p>Keys: the trainable layers (each conv and dense, then the output layer) are numbered
 * {@code 0 .. T}, and layer {@code t} draws from the {@code t}-th key of {@code key.split(T + 1)},
 * as {@link Architecture}'s dense layers do: so {@code --model dense:128,dropout:0.5} over flat
 * data is the network of {@code --layers 128 --dropout 0.5}, weight for weight.
 *
 * @param spec the items
 * @param input the shape of one example
 * @param steps one step per layer before the output layer, inserted flattens included
 */
record ModelPlan(ModelSpec spec, Shape input, Vector<ModelPlan.Step> steps) {

    /**
     * One layer before the output layer.
     *
     * @param item the item
     * @param input the shape it takes
     * @param output the shape it gives
     */
    record Step(ModelSpec.Item item, Shape input, Shape output) {

        /** @return the trainable parameters: a conv's filters and bias, a dense layer's weights and bias */
        long parameters() {
            if (item instanceof ModelSpec.Conv c) {
                long patch = (long) c.kernel() * c.kernel() * input.channels();
                return Math.addExact(Math.multiplyExact(patch, c.filters()), c.filters());
            }
            if (item instanceof ModelSpec.Units u) {
                return Math.addExact(Math.multiplyExact((long) input.size(), u.units()), u.units());
            }
            return 0;
        }

        /** @return whether the layer has weights, and so a key */
        boolean trainable() {
            return item instanceof ModelSpec.Conv || item instanceof ModelSpec.Units;
        }
    }

    /**
     * Works out the shapes of a spec's layers.
     *
     * @param spec the items
     * @param input the shape of one example: an image {@code height x width x channels}, or flat
     * @param data the data, for messages, such as {@code mnist:data}
     * @return the plan
     * @throws CliException (usage) naming the item, its position and its input's shape when an
     *     image item meets flat data or a window does not fit its input
     */
    static ModelPlan of(ModelSpec spec, Shape input, String data) {
        Vector<Step> steps = Vector.empty();
        Shape shape = input;
        String from = (input.isFlat() ? "the examples of " : "the images of ") + data;
        for (int i = 0; i < spec.items().size(); i++) {
            ModelSpec.Item item = spec.items().get(i);
            int position = i + 1;
            String text = item.toString();
            if (item.image() && shape.isFlat()) {
                throw ModelSpec.error(position, text, "needs an image, but " + from + " are flat (" + shape
                        + " features); images come from IDX files (mnist:DIR) and digits (8x8x1)");
            }
            if (item instanceof ModelSpec.Units && !shape.isFlat()) {
                steps = steps.append(flatten(shape));
                shape = Shape.of(shape.size());
            }
            Shape output = output(position, item, shape, from);
            steps = steps.append(new Step(item, shape, output));
            shape = output;
            from = "the output of item " + position + " '" + text + "'";
        }
        if (!shape.isFlat()) {
            steps = steps.append(flatten(shape));
        }
        return new ModelPlan(spec, input, steps);
    }

    /** @return the shape the output layer takes, flat */
    Shape last() {
        return steps.isEmpty() ? input : steps.last().output();
    }

    /**
     * @param classes the classes
     * @return the trainable parameters of the network, output layer included
     */
    long parameters(int classes) {
        long total = steps.map(Step::parameters).fold(0L, Math::addExact);
        return Math.addExact(total, Math.multiplyExact((long) last().size() + 1, classes));
    }

    /**
     * Builds the network: each step's layer, its weights drawn from its own key with {@code init},
     * then a dense softmax layer over the classes.
     *
     * @param key the key of the initial weights
     * @param init the initializer of the weights
     * @param f the activation of the convolutions and dense layers
     * @param classes the classes
     * @return the network
     */
    Network network(Key key, Initializer init, Activation f, int classes) {
        Vector<Key> keys = key.split(steps.count(Step::trainable) + 1);
        Vector<Layer> layers = Vector.empty();
        int t = 0;
        for (Step s : steps) {
            ModelSpec.Item item = s.item();
            if (item instanceof ModelSpec.Conv c) {
                layers = layers.append(Initializers.conv2d(keys.get(t++), init, s.input(), c.filters(), c.kernel(),
                        c.kernel(), c.stride(), c.padding(), f));
            } else if (item instanceof ModelSpec.Units u) {
                layers = layers.append(Initializers.dense(keys.get(t++), init, s.input().size(), u.units(), f));
            } else if (item instanceof ModelSpec.Pool p) {
                layers = layers.append(p.max() ? new MaxPool2D(s.input(), p.size(), p.size(), p.stride())
                        : new AvgPool2D(s.input(), p.size(), p.size(), p.stride()));
            } else if (item instanceof ModelSpec.Gap) {
                layers = layers.append(GlobalAveragePool.of(s.input()));
            } else if (item instanceof ModelSpec.Flat) {
                layers = layers.append(Flatten.of(s.input()));
            } else {
                layers = layers.append(Dropout.of(((ModelSpec.Drop) item).rate()));
            }
        }
        return Network.of(input, layers.append(Initializers.dense(keys.last(), init, last().size(), classes,
                Activations.softmax())));
    }

    /** An inserted {@code flatten} of an image. */
    private static Step flatten(Shape image) {
        return new Step(new ModelSpec.Flat(), image, Shape.of(image.size()));
    }

    /** The output shape of an item over its input, or the usage error that its window does not fit. */
    private static Shape output(int position, ModelSpec.Item item, Shape in, String from) {
        if (item instanceof ModelSpec.Conv c) {
            Window w;
            if (c.padding() == Padding.VALID) {
                requireFits(position, item, c.kernel(), "kernel", in, from);
                w = Window.valid(in.height(), in.width(), in.channels(), c.kernel(), c.kernel(), c.stride());
            } else {
                w = Window.same(in.height(), in.width(), in.channels(), c.kernel(), c.kernel(), c.stride());
            }
            return Shape.of(w.outputHeight(), w.outputWidth(), c.filters());
        }
        if (item instanceof ModelSpec.Pool p) {
            requireFits(position, item, p.size(), "window", in, from);
            Window w = Window.valid(in.height(), in.width(), in.channels(), p.size(), p.size(), p.stride());
            return Shape.of(w.outputHeight(), w.outputWidth(), in.channels());
        }
        if (item instanceof ModelSpec.Gap) {
            return Shape.of(in.channels());
        }
        if (item instanceof ModelSpec.Flat) {
            return Shape.of(in.size());
        }
        if (item instanceof ModelSpec.Units u) {
            return Shape.of(u.units());
        }
        return in; // dropout
    }

    private static void requireFits(int position, ModelSpec.Item item, int size, String what, Shape in,
            String from) {
        if (size > in.height() || size > in.width()) {
            throw ModelSpec.error(position, item.toString(), "a " + size + "x" + size + " " + what
                    + " does not fit its input " + in + ", " + from
                    + (item instanceof ModelSpec.Conv ? "; use a smaller kernel, fewer pools before it, or same "
                    + "padding" : "; use a smaller window or fewer pools before it"));
        }
    }
}
