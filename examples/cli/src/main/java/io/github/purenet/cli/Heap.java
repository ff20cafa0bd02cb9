package io.github.purenet.cli;

import io.github.purenet.io.Echo;
import io.github.purenet.io.Memory;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The memory of the command line's work, in the user's terms: what a network will take, computed
 * before it is built and refused when it cannot fit in the memory that this Java may use
 * ({@link Runtime#maxMemory()}, set by {@code -Xmx}); and, where running out of memory is still
 * possible, a message that names what was being done instead of a bare "out of memory".
 */
final class Heap {

    private Heap() {
    }

    /**
     * The copies of a network's parameters that training keeps at once: the network, its gradients,
     * the next network, and the optimizer's own (Adam's two moments, one for the others but SGD).
     *
     * @param optimizer the name of the optimizer, one of {@link Choices#OPTIMIZERS}
     * @return the number of copies
     */
    static int copies(String optimizer) {
        switch (optimizer) {
            case "sgd":
                return 3;
            case "adam":
            case "adamw":
                return 5;
            default:
                return 4;
        }
    }

    /**
     * Refuses an architecture whose training would need more memory than this Java may use.
     *
     * @param architecture the layers
     * @param inputs the features of an example
     * @param classes the classes
     * @param optimizer the optimizer's name
     * @param maxBytes the most memory there is, {@link Runtime#maxMemory()} in use
     * @throws CliException (usage) naming {@code --layers}, the parameters and the bytes
     */
    static void requireFits(Architecture architecture, int inputs, int classes, String optimizer, long maxBytes) {
        requireFits(architecture, io.github.purenet.network.Shape.of(inputs), classes, optimizer, maxBytes);
    }

    /**
     * Refuses an architecture whose training would need more memory than this Java may use.
     *
     * @param architecture the layers
     * @param input the shape of an example
     * @param classes the classes
     * @param optimizer the optimizer's name
     * @param maxBytes the most memory there is, {@link Runtime#maxMemory()} in use
     * @throws CliException (usage) naming {@code --layers} or {@code --model}, the parameters and the bytes
     */
    static void requireFits(Architecture architecture, io.github.purenet.network.Shape input, int classes,
            String optimizer, long maxBytes) {
        long parameters = architecture.parameters(input, classes);
        int copies = copies(optimizer);
        long bytes;
        try {
            bytes = Math.multiplyExact(parameters, (long) Double.BYTES * copies);
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > maxBytes) {
            String option = architecture.model().map(m -> "--model " + m).getOrElse(() -> "--layers "
                    + Echo.of(architecture.layers().mkString(",")));
            throw CliException.usage(option + ": a network of "
                    + String.format(Locale.ROOT, "%,d", parameters) + " parameters for " + input.size() + " inputs and "
                    + classes + " classes, which training with " + optimizer + " keeps " + copies + " copies of: "
                    + Memory.bytes(bytes) + ", more than the " + Memory.bytes(maxBytes) + " that this Java may use "
                    + "(its -Xmx); choose smaller layers");
        }
    }

    /**
     * Does some work, saying what it was if the memory runs out.
     *
     * @param what the work, as in {@code "reading the data (csv:big.csv)"}
     * @param work the work
     * @param <T> its result
     * @return its result
     * @throws CliException (data) {@code "out of memory while <what>; ..."} if the memory ran out
     */
    static <T> T during(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            throw CliException.data(outOfMemory("while " + what));
        }
    }

    /**
     * The message of running out of memory.
     *
     * @param when what was being done, as in {@code "while training"}, or empty
     * @return the message, with the memory that this Java may use
     */
    static String outOfMemory(String when) {
        return "out of memory" + (when.isEmpty() ? "" : " " + when) + "; this Java may use "
                + Memory.bytes(Runtime.getRuntime().maxMemory()) + " (-Xmx sets more, as in PURENET_JAVA_OPTS=-Xmx8g "
                + "purenet ... or java -Xmx8g -jar purenet.jar ...)";
    }
}
