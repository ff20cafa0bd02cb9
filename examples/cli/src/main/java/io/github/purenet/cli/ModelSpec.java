package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.github.purenet.network.Padding;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * The hidden layers of {@code train --model}, as a comma-separated list of items, in order from
 * the input:
 *
 * <pre>
 * conv:FILTERS:KERNEL[:STRIDE][:same|valid]   a convolution, square KERNEL, stride 1 and valid padding by default
 * maxpool:SIZE[:STRIDE]                       max pooling over SIZE x SIZE windows, stride SIZE by default
 * avgpool:SIZE[:STRIDE]                       average pooling, likewise
 * gap                                         global average pooling: the mean of each channel
 * flatten                                     an image as a flat row
 * dropout:RATE                                in training, drop each value with probability RATE in (0, 1)
 * dense:UNITS                                 a dense layer
 * </pre>
 *
 * <p>Convolutions and dense layers take the run's {@code --activation}. Image items (conv, maxpool,
 * avgpool, gap, flatten) come before the first item that makes the values flat (dense, flatten,
 * gap); dropout goes anywhere. {@link ModelPlan} checks the shapes against the data's.
 *
 * <pre>{@code
 * ModelSpec.parse("conv:32:3,conv:64:3,maxpool:2,dropout:0.25,dense:128,dropout:0.5");
 * ModelSpec.parse("conv:32:3,pool:2");  // usage error: --model: item 2 'pool:2': unknown kind 'pool'; ...
 * }</pre>
 *
 * @param items the items, at least one
 */
public record ModelSpec(Vector<ModelSpec.Item> items) {

    /** The kinds of items, in the order the grammar lists them. */
    public static final Vector<String> KINDS = Vector.of("conv", "maxpool", "avgpool", "gap", "flatten", "dropout",
            "dense");

    /** One item of the list; its text is its shortest form, which {@link #parse} reads back. */
    public sealed interface Item permits Conv, Pool, Gap, Flat, Drop, Units {

        /** @return whether the item takes an image (conv, maxpool, avgpool, gap, flatten) */
        default boolean image() {
            return !(this instanceof Drop || this instanceof Units);
        }

        /** @return whether the item's output is flat: dense, flatten and gap */
        default boolean flattens() {
            return this instanceof Units || this instanceof Flat || this instanceof Gap;
        }
    }

    /**
     * {@code conv:FILTERS:KERNEL[:STRIDE][:same|valid]}.
     *
     * @param filters the output channels
     * @param kernel the kernel's rows and columns
     * @param stride the step between two positions of the kernel
     * @param padding the padding
     */
    public record Conv(int filters, int kernel, int stride, Padding padding) implements Item {
        @Override
        public String toString() {
            return "conv:" + filters + ":" + kernel + (stride == 1 ? "" : ":" + stride)
                    + (padding == Padding.VALID ? "" : ":" + padding.label());
        }
    }

    /**
     * {@code maxpool:SIZE[:STRIDE]} or {@code avgpool:SIZE[:STRIDE]}.
     *
     * @param max whether it takes the maximum (else the mean)
     * @param size the window's rows and columns
     * @param stride the step between two windows
     */
    public record Pool(boolean max, int size, int stride) implements Item {
        @Override
        public String toString() {
            return (max ? "maxpool:" : "avgpool:") + size + (stride == size ? "" : ":" + stride);
        }
    }

    /** {@code gap}. */
    public record Gap() implements Item {
        @Override
        public String toString() {
            return "gap";
        }
    }

    /** {@code flatten}. */
    public record Flat() implements Item {
        @Override
        public String toString() {
            return "flatten";
        }
    }

    /**
     * {@code dropout:RATE}.
     *
     * @param rate the probability of dropping a value in training, in {@code (0, 1)}
     */
    public record Drop(double rate) implements Item {
        @Override
        public String toString() {
            return "dropout:" + rate;
        }
    }

    /**
     * {@code dense:UNITS}.
     *
     * @param units the layer's outputs
     */
    public record Units(int units) implements Item {
        @Override
        public String toString() {
            return "dense:" + units;
        }
    }

    /**
     * Checks that there is at least one item.
     *
     * @param items the items
     */
    public ModelSpec {
        Objects.requireNonNull(items, "items is null");
        if (items.isEmpty() || items.contains(null)) {
            throw new IllegalArgumentException("items: expected at least one item and no null, got " + items);
        }
    }

    /**
     * Reads the text of {@code --model}; spaces around an item are ignored.
     *
     * @param text such as {@code conv:32:3,maxpool:2,dense:128}
     * @return the items
     * @throws CliException (usage) naming the item, its position and what is wrong with it
     */
    public static ModelSpec parse(String text) {
        Objects.requireNonNull(text, "text is null");
        if (text.isBlank()) {
            throw CliException.usage("--model: expected items such as conv:32:3,maxpool:2,dense:128, got '"
                    + Echo.of(text) + "'");
        }
        Vector<String> texts = Vector.of(text.split(",", -1)).map(String::strip);
        Vector<Item> items = Vector.empty();
        int flat = -1; // the position of the first item whose output is flat
        for (int i = 0; i < texts.size(); i++) {
            Item item = item(i + 1, texts.get(i));
            if (item.image() && flat >= 0) {
                throw error(i + 1, texts.get(i), "an image layer after item " + (flat + 1) + " '"
                        + Echo.of(texts.get(flat)) + "', whose output is flat; conv, maxpool, avgpool, gap and "
                        + "flatten come before the first dense, flatten or gap");
            }
            if (item.flattens() && flat < 0) {
                flat = i;
            }
            items = items.append(item);
        }
        return new ModelSpec(items);
    }

    /** @return whether an item is a dropout */
    public boolean dropout() {
        return items.exists(Drop.class::isInstance);
    }

    /** @return the items as {@link #parse} reads them, each in its shortest form */
    @Override
    public String toString() {
        return items.mkString(",");
    }

    /**
     * The error of an item: {@code --model: item 2 'pool:2': what}.
     *
     * @param position the item's position, from 1
     * @param item its text
     * @param what what is wrong
     * @return the exception to throw (usage)
     */
    static CliException error(int position, String item, String what) {
        return CliException.usage("--model: item " + position + " '" + Echo.of(item) + "': " + what);
    }

    private static Item item(int position, String text) {
        if (text.isEmpty()) {
            throw CliException.usage("--model: item " + position + " is empty; expected items separated by single "
                    + "commas, such as conv:32:3,maxpool:2,dense:128");
        }
        Vector<String> parts = Vector.of(text.split(":", -1));
        String kind = parts.head();
        switch (kind) {
            case "conv":
                requireParts(position, text, parts, 3, 5, "conv:FILTERS:KERNEL[:STRIDE][:same|valid]");
                Vector<String> rest = parts.drop(3);
                Padding padding = Padding.VALID;
                if (!rest.isEmpty() && (rest.last().equals("same") || rest.last().equals("valid"))) {
                    padding = rest.last().equals("same") ? Padding.SAME : Padding.VALID;
                    rest = rest.init();
                }
                if (rest.size() > 1) {
                    throw error(position, text, "expected conv:FILTERS:KERNEL[:STRIDE][:same|valid], such as "
                            + "conv:32:3 or conv:32:3:2:same; the padding '" + Echo.of(rest.last())
                            + "' is neither same nor valid");
                }
                return new Conv(number(position, text, "FILTERS", parts.get(1)),
                        number(position, text, "KERNEL", parts.get(2)),
                        rest.isEmpty() ? 1 : number(position, text, "STRIDE", rest.head()), padding);
            case "maxpool":
            case "avgpool":
                requireParts(position, text, parts, 2, 3, kind + ":SIZE[:STRIDE]");
                int size = number(position, text, "SIZE", parts.get(1));
                return new Pool(kind.equals("maxpool"), size,
                        parts.size() == 3 ? number(position, text, "STRIDE", parts.get(2)) : size);
            case "gap":
                requireParts(position, text, parts, 1, 1, "gap");
                return new Gap();
            case "flatten":
                requireParts(position, text, parts, 1, 1, "flatten");
                return new Flat();
            case "dropout":
                requireParts(position, text, parts, 2, 2, "dropout:RATE");
                return new Drop(rate(position, text, parts.get(1)));
            case "dense":
                requireParts(position, text, parts, 2, 2, "dense:UNITS");
                return new Units(number(position, text, "UNITS", parts.get(1)));
            default:
                throw error(position, text, "unknown kind '" + Echo.of(kind) + "'; expected one of "
                        + KINDS.mkString(", "));
        }
    }

    private static void requireParts(int position, String text, Vector<String> parts, int least, int most,
            String form) {
        if (parts.size() < least || parts.size() > most) {
            throw error(position, text, "expected " + form);
        }
    }

    private static int number(int position, String text, String name, String value) {
        if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(value) >= 1) {
            return Integer.parseInt(value);
        }
        throw error(position, text, name + " must be a whole number from 1 to 999999999, got '" + Echo.of(value)
                + "'");
    }

    private static double rate(int position, String text, String value) {
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate > 0.0 && rate < 1.0) || !value.matches("[0-9.eE+-]+")) {
            throw error(position, text, "RATE must be a number above 0 and below 1, got '" + Echo.of(value) + "'");
        }
        return rate;
    }
}
