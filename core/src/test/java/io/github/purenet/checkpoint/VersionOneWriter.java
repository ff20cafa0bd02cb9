package io.github.purenet.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.train.TrainState;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Documents of format version 1 as the codec of that version wrote them, for the tests that
 * version-1 documents are still read and still refused when malformed: the codec writes version 2
 * only, and keeps version 1's forms to read it and to check its hashes.
 */
final class VersionOneWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private VersionOneWriter() {
    }

    static String network(Network n) {
        return write("network", e -> e.network(n));
    }

    static String gradients(Gradients g) {
        return write("gradients", e -> e.gradients(g));
    }

    static String model(Model m) {
        return write("model", e -> e.model(m));
    }

    static String trainState(TrainState<?> s) {
        return write("train_state", e -> e.trainState(s));
    }

    static String optimizerState(Object s) {
        return write("optimizer_state", e -> e.state(s));
    }

    private static String write(String type, Function<Encoder, ObjectNode> encode) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", "purenet").put("version", 1).put("type", type);
        document.put("sha256", new Envelope().hash(type, 1, encode.apply(new Encoder(true, 1, Registry.empty()))));
        document.set(type, encode.apply(new Encoder(false, 1, Registry.empty())));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
