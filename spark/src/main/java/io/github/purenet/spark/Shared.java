package io.github.purenet.spark;

import io.github.purenet.data.Dataset;
import io.github.purenet.data.Table;
import io.github.purenet.network.Network;
import io.github.purenet.tensor.Matrix;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * What a run sends to the executors once: the training data and the network's structure (its
 * document, which each executor reads once with the run's codec). On the wire the data are their
 * values, and each executor stores them again as compactly as the driver's {@link Table#compact}
 * would; the values, and so every batch, are the same.
 */
final class Shared implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient Dataset data;
    private final transient Network network;
    private final String document;
    private final SparkTrainer.CodecFactory codec;

    private Shared(Dataset data, String document, SparkTrainer.CodecFactory codec) {
        this.data = data;
        this.document = document;
        this.codec = codec;
        this.network = codec.codec().decodeNetwork(document);
    }

    static Shared of(Dataset data, String document, SparkTrainer.CodecFactory codec) {
        return new Shared(data, document, codec);
    }

    Dataset data() {
        return data;
    }

    /** @return the network as the document has it, whose parameters each step replaces */
    Network network() {
        return network;
    }

    private Object writeReplace() {
        return new Form(data.features().matrix().toArray(), data.targets().matrix().toArray(), document, codec);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("Shared is read through its serial form");
    }

    /** The serial form: the data's values, the network's document and the codec's factory. */
    private record Form(double[][] features, double[][] targets, String document, SparkTrainer.CodecFactory codec)
            implements Serializable {

        private Object readResolve() throws ObjectStreamException {
            return new Shared(Dataset.of(Table.compact(Matrix.of(features)), Table.compact(Matrix.of(targets))),
                    document, codec);
        }
    }
}
