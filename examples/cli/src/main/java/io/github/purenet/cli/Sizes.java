package io.github.purenet.cli;

import io.github.purenet.io.LabelledData;
import io.github.purenet.io.Memory;
import java.util.Locale;

/**
 * Whether a run's memory grows past what Java may use because of its number of classes, said in
 * the user's terms before any training. The data themselves are small whatever the labels (the
 * features are stored compactly, the targets as one class number per example); what grows with the
 * classes is, per evaluation, the confusion matrix ({@code classes²} counts, at least 4 bytes each)
 * and the outputs of the largest part evaluated (its outputs, logits and one-hot targets: 24 bytes
 * per example and class); and, for training, the network's parameters with their gradient and an
 * optimizer's two moments (32 bytes each) and a batch's outputs.
 *
 * <pre>
 * wide.csv: label 59999 implies 60,000 classes: each evaluation would need 14.4 GB for the
 * confusion matrix (60,000² counts) and 2.9 GB for the outputs of 2,000 examples, more than the
 * 4.0 GB that Java may use here (-Xmx); is the label column right?
 * </pre>
 */
final class Sizes {

    private Sizes() {
    }

    /**
     * Refuses a run that could not hold what its classes need.
     *
     * @param data the training data as read, for the message
     * @param classes the number of classes, the outputs of the network
     * @param evaluated the examples of the largest part evaluated after each epoch
     * @param parameters the parameters of the network
     * @param batch the batch size
     * @param available the bytes that Java may use, {@link Runtime#maxMemory()}
     * @throws CliException (data) naming the classes and the sizes
     */
    static void requireFits(LabelledData data, int classes, int evaluated, long parameters, int batch, long available) {
        double confusion = 4.0 * classes * classes;
        double outputs = 24.0 * evaluated * classes;
        double training = 32.0 * parameters + 32.0 * Math.min(batch, data.size()) * classes;
        if (confusion + outputs + training <= available) {
            return;
        }
        boolean numbers = data.classNames().equals(Sources.numbers(classes));
        String what = numbers ? String.format(Locale.ROOT, "label %d implies %,d classes", classes - 1, classes)
                : String.format(Locale.ROOT, "the data have %,d classes", classes);
        throw CliException.data(String.format(Locale.ROOT, "%s: %s: each evaluation would need %s for the confusion "
                + "matrix (%,d² counts) and %s for the outputs of %,d examples, and training %s for the network, "
                + "more than the %s that Java may use here (-Xmx); is the label column right?", data.source(), what,
                size(confusion), classes, size(outputs), evaluated, size(training), size(available)));
    }

    /** A number of bytes in words, as purenet-io says them. */
    private static String size(double bytes) {
        return Memory.bytes((long) Math.min(bytes, Long.MAX_VALUE));
    }
}
