package io.github.purenet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.train.Sharding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * One Jackson for Spark and for purenet's checkpoints in the module's JVM, and the serial form in
 * which a cluster's executors receive the data and the network.
 */
class JacksonAndSerialFormTest {

    @Test
    void sparksJacksonScalaModuleAndPurenetsCheckpointsShareOneJackson() {
        assertEquals(2, PackageVersion.VERSION.getMajorVersion());
        assertEquals(21, PackageVersion.VERSION.getMinorVersion(), "Spark 4.2.0's Jackson: " + PackageVersion.VERSION);
        // the Scala module refuses a jackson-databind of another minor version when it is registered
        new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
        Runs.Problem iris = Runs.iris();
        var adam = Optimizers.adam(0.01);
        var state = Runs.local(iris, adam, Sharding.of(4), 5).last();
        Codec codec = Codec.standard();
        String document = codec.encode(state, adam);
        assertEquals(state, codec.decodeTrainState(document, adam));
    }

    @Test
    void theDataAndTheNetworkCrossTheWireUnchanged() throws Exception {
        Runs.Problem digits = Runs.digits();
        Shared shared = Shared.of(digits.data(), Codec.standard().encode(digits.network()), Codec::standard);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(shared);
        }
        Shared read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (Shared) in.readObject();
        }
        assertEquals(digits.data().features().matrix(), read.data().features().matrix());
        assertEquals(digits.data().targets().matrix(), read.data().targets().matrix());
        assertEquals(digits.network(), read.network());
    }
}
