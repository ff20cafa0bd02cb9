package io.github.purenet.bench;

import io.github.purenet.activation.Activations;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.loss.Losses;
import io.github.purenet.model.Model;
import io.github.purenet.network.Initializers;
import io.github.purenet.network.Network;
import io.github.purenet.network.Shape;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing and reading checkpoints with {@link Codec}, as the command line does every epoch: the
 * training state of a 784-400-10 network (ReLU, softmax; 318,010 parameters) trained by Adam
 * ({@code Optimizers.adam(1e-3)}, three steps of a batch of 64, so that the network and both moments
 * hold full-precision numbers), and the model of that network. An operation is one document, its
 * text held in memory; the rate in MB/s is the document's length (printed by the set-up: about
 * 22 MB for the state, 7 MB for the model) over the time of an operation.
 *
 * <p>{@code java -jar examples/target/benchmarks.jar CheckpointBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckpointBench {

    /** Creates the benchmark; JMH calls it. */
    public CheckpointBench() {
    }

    /** The state, the model and their documents. */
    @State(Scope.Benchmark)
    public static class Documents {
        /** Adam with learning rate 1e-3, the run's optimizer. */
        final Optimizer<Chain<Moments, Count>> adam = Optimizers.adam(1e-3);
        /** The codec. */
        final Codec codec = Codec.standard();
        /** The training state after three steps. */
        TrainState<Chain<Moments, Count>> state;
        /** The model of the state's network. */
        Model model;
        /** The state's document. */
        String stateJson;
        /** The model's document. */
        String modelJson;

        /** Creates the documents; JMH calls it. */
        public Documents() {
        }

        /** Trains three steps and encodes the state and the model once. */
        @Setup(Level.Trial)
        public void setUp() {
            Vector<Key> keys = Key.of(2).split(2);
            Network network = Network.of(Shape.of(784), Vector.of(
                    Initializers.dense(keys.get(0), Initializers.heUniform(), 784, 400, Activations.relu()),
                    Initializers.dense(keys.get(1), Initializers.glorotUniform(), 400, 10, Activations.softmax())));
            Dataset data = PurenetBench.batch(64, 784, 10);
            Batching batching = Batching.miniBatches(64);
            Function<TrainState<Chain<Moments, Count>>, TrainState<Chain<Moments, Count>>> step =
                    Training.transition(data, batching, Losses.softmaxCrossEntropy(), adam);
            state = step.andThen(step).andThen(step).apply(Training.init(network, adam, Key.of(3), data, batching));
            model = Model.of(state.network());
            stateJson = codec.encode(state, adam);
            modelJson = codec.encode(model);
            System.out.printf("%n%d parameters; training state %d bytes, model %d bytes%n",
                    state.network().parameterCount(), stateJson.getBytes(StandardCharsets.UTF_8).length,
                    modelJson.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /**
     * @param d the documents
     * @return the training state's document
     */
    @Benchmark
    public String encodeTrainState(Documents d) {
        return d.codec.encode(d.state, d.adam);
    }

    /**
     * @param d the documents
     * @return the training state read back
     */
    @Benchmark
    public TrainState<Chain<Moments, Count>> decodeTrainState(Documents d) {
        return d.codec.decodeTrainState(d.stateJson, d.adam);
    }

    /**
     * @param d the documents
     * @return the model's document
     */
    @Benchmark
    public String encodeModel(Documents d) {
        return d.codec.encode(d.model);
    }

    /**
     * @param d the documents
     * @return the model read back
     */
    @Benchmark
    public Model decodeModel(Documents d) {
        return d.codec.decodeModel(d.modelJson);
    }
}
