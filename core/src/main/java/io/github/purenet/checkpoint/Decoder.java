package io.github.purenet.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.github.purenet.activation.Activation;
import io.github.purenet.activation.LeakyRelu;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.data.Standardization;
import io.github.purenet.model.HeldOut;
import io.github.purenet.model.Model;
import io.github.purenet.network.Gradients;
import io.github.purenet.network.Network;
import io.github.purenet.optim.Accumulation;
import io.github.purenet.optim.Chain;
import io.github.purenet.optim.Count;
import io.github.purenet.optim.Description;
import io.github.purenet.optim.EmptyState;
import io.github.purenet.optim.Moments;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Partition;
import io.github.purenet.optim.SquareAverage;
import io.github.purenet.optim.SquareSum;
import io.github.purenet.optim.Velocity;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * JSON trees to values, checking everything before anything is built: a document is either
 * decoded whole or refused with a {@link CheckpointException} naming the path.
 *
 * <p>Networks and gradients are read in the form of the document's format version:
 * {@link LayerReader}'s for version 2, {@link VersionOne}'s for version 1. Everything else is read
 * alike in both.
 *
 * @param version the document's format version: 1 or 2
 * @param registry the activations and layers known by name, beyond the built-ins
 */
record Decoder(int version, Registry registry) {

    /** Builds a value, turning a refusal of its constructor into an error at a path. */
    static <T> T build(At at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
    }

    /**
     * A matrix: its shape, then its values, checked in this order (the count of rows, rows that are
     * not arrays, the length of each row, entries that are not numbers) before it is built. The
     * values were read by {@link TreeReader} into a {@link Values}, one double per entry.
     */
    Matrix matrix(At at) {
        at.fields("shape", "values");
        Vector<At> shape = at.field("shape").elements();
        if (shape.size() != 2) {
            throw at.field("shape").error("expected [rows, columns], got " + shape.size() + " numbers");
        }
        int rows = (int) shape.get(0).integer(1, Integer.MAX_VALUE);
        int columns = (int) shape.get(1).integer(1, Integer.MAX_VALUE);
        At v = at.field("values");
        if (!(v.node() instanceof POJONode pojo && pojo.getPojo() instanceof Values values)) {
            v.elements(); // not an array: refused
            throw new IllegalStateException("values read as " + v.node().getNodeType());
        }
        if (values.rows() != rows) {
            throw v.error("shape " + rows + "x" + columns + " needs " + rows + " rows, got " + values.rows());
        }
        if (values.nonArrayRow() >= 0) {
            new At(values.nonArray(), v.path() + "[" + values.nonArrayRow() + "]").elements(); // refused
        }
        int wrong = values.firstRowNotOf(columns);
        if (wrong >= 0) {
            throw new At(v.node(), v.path() + "[" + wrong + "]").error("shape " + rows + "x" + columns + " needs "
                    + columns + " columns, got " + values.length(wrong));
        }
        if (values.badRow() >= 0) {
            new At(values.bad(), v.path() + "[" + values.badRow() + "][" + values.badColumn() + "]").number(); // refused
            throw new IllegalStateException("a bad entry read as a number");
        }
        return Matrix.of(rows, columns, (i, j) -> values.get(i * columns + j));
    }

    Activation activation(At at) {
        if (at.node().isObject()) {
            at.fields("name", "alpha");
            if (!at.field("name").text().equals(Activations.LEAKY_RELU)) {
                throw at.field("name").error("expected \"" + Activations.LEAKY_RELU
                        + "\", the one activation with a parameter, got " + At.quote(at.field("name").text()));
            }
            double alpha = at.field("alpha").number();
            return build(at.field("alpha"), () -> new LeakyRelu(alpha));
        }
        String name = at.text();
        Map<String, Activation> registered = registry.activations();
        return Activations.builtIn().get(name).orElse(registered.get(name)).getOrElseThrow(() -> at.error(
                "unknown activation " + At.quote(name) + " (known: " + Activations.builtIn().keySet().addAll(registered.keySet())
                        .mkString(", ") + ", and {\"name\": \"" + Activations.LEAKY_RELU + "\", \"alpha\": ...})"));
    }

    /** A network, in the form of this decoder's version. */
    Network network(At at) {
        return version == 1 ? VersionOne.network(this, at) : new LayerReader(this).network(at);
    }

    /**
     * Gradients on their own, in the form of this decoder's version; in version 2, an object of a
     * matrix per parameter path, in the order of the leaves.
     */
    Gradients gradients(At at) {
        if (version == 1) {
            return VersionOne.gradients(this, at);
        }
        Vector<String> paths = at.names();
        for (String path : paths) {
            if (path.isEmpty()) {
                throw at.error("a parameter's path is empty");
            }
        }
        return new Gradients(paths, paths.map(p -> matrix(at.field(p))));
    }

    /**
     * Gradients that must be shaped like a network: in version 2, an object of a matrix per
     * parameter path of the network, in any order, each of the shape of that parameter.
     */
    Gradients gradients(At at, Network network) {
        if (version == 1) {
            return VersionOne.gradients(this, at, network);
        }
        Vector<String> paths = network.parameterPaths();
        at.fields(paths.toJavaArray(String[]::new));
        Vector<Matrix> values = paths.map(p -> matrix(at.field(p)));
        for (int i = 0; i < paths.size(); i++) {
            Matrix expected = network.parameters().get(i);
            Matrix actual = values.get(i);
            if (actual.rows() != expected.rows() || actual.columns() != expected.columns()) {
                throw at.field(paths.get(i)).error(paths.get(i) + ": expected " + expected.shape()
                        + ", the shape of the network's parameter, got " + actual.shape());
            }
        }
        return new Gradients(paths, values);
    }

    /**
     * A training state: first what the document records of the run, the optimizer's description and
     * the data's fingerprint, checked against those given (a document without them, written before
     * they were recorded, is not checked); then the network; then the optimizer state checked
     * against the optimizer's initial state for that network.
     */
    <S> Stored<S> trainState(At at, Optimizer<S> optimizer, Option<Fingerprint> data) {
        Vector<String> optional = Vector.of("optimizer", "data", "shards");
        at.fields(Vector.of("network", "optimizer", "optimizer_state", "step", "epoch", "batch", "order", "key", "loss",
                "shards", "data").filter(f -> at.has(f) || !optional.contains(f)).toJavaArray(String[]::new));
        Option<Description> recorded = at.has("optimizer")
                ? Option.some(RunRecord.check(at.field("optimizer"), optimizer.description())) : Option.none();
        Option<Fingerprint> trainedOn = at.has("data")
                ? Option.some(RunRecord.check(at.field("data"), data)) : Option.none();
        return new Stored<>(trainState(at, optimizer), recorded, trainedOn);
    }

    @SuppressWarnings("unchecked") // sound: the decoded state has the structure of optimizer.init's
    private <S> TrainState<S> trainState(At at, Optimizer<S> optimizer) {
        Network network = network(at.field("network"));
        S template = build(at.field("optimizer_state"), () -> optimizer.init(network));
        S state = (S) state(at.field("optimizer_state"), template, network);
        long step = at.field("step").integer(0, Long.MAX_VALUE);
        long epoch = at.field("epoch").integer(0, Long.MAX_VALUE);
        int batch = (int) at.field("batch").integer(0, Integer.MAX_VALUE);
        Vector<Integer> order = order(at.field("order"));
        Key key = key(at.field("key"));
        Option<Double> loss = loss(at.field("loss"));
        At shards = at.has("shards") ? at.field("shards") : at;
        Sharding sharding = at.has("shards") ? Sharding.of((int) shards.integer(2, Integer.MAX_VALUE)) : Sharding.NONE;
        return build(shards, () -> new TrainState<>(network, state, step, epoch, batch, order, key, loss, sharding));
    }

    Key key(At at) {
        at.fields("state", "gamma");
        long state = at.field("state").hex64();
        long gamma = at.field("gamma").hex64();
        return build(at.field("gamma"), () -> new Key(state, gamma));
    }

    /**
     * An optimizer state of the same structure as a template, the state the optimizer starts from,
     * with every gradient-shaped part shaped like the network.
     */
    Object state(At at, Object template, Network network) {
        String kind = at.field("kind").text();
        String expected = Encoder.kind(template);
        if (!kind.equals(expected)) {
            throw at.field("kind").error("expected an optimizer state of kind \"" + expected
                    + "\", the kind of the optimizer given, got " + At.quote(kind));
        }
        long max = Long.MAX_VALUE;
        if (template instanceof EmptyState) {
            at.fields("kind");
            return EmptyState.INSTANCE;
        } else if (template instanceof Count) {
            at.fields("kind", "steps");
            return new Count(at.field("steps").integer(0, max));
        } else if (template instanceof Velocity) {
            at.fields("kind", "velocity");
            return new Velocity(gradients(at.field("velocity"), network));
        } else if (template instanceof Moments) {
            at.fields("kind", "count", "mu", "nu");
            return new Moments(at.field("count").integer(0, max), gradients(at.field("mu"), network),
                    gradients(at.field("nu"), network));
        } else if (template instanceof SquareAverage) {
            at.fields("kind", "nu");
            return new SquareAverage(gradients(at.field("nu"), network));
        } else if (template instanceof SquareSum) {
            at.fields("kind", "sum");
            return new SquareSum(gradients(at.field("sum"), network));
        } else if (template instanceof Chain<?, ?> c) {
            at.fields("kind", "first", "second");
            return new Chain<>(state(at.field("first"), c.first(), network), state(at.field("second"), c.second(), network));
        } else if (template instanceof Partition<?, ?> p) {
            at.fields("kind", "selected", "others");
            return new Partition<>(state(at.field("selected"), p.selected(), network),
                    state(at.field("others"), p.others(), network));
        } else {
            Accumulation<?> a = (Accumulation<?>) template;
            at.fields("kind", "count", "sum", "inner");
            return new Accumulation<>((int) at.field("count").integer(0, Integer.MAX_VALUE),
                    gradients(at.field("sum"), network), state(at.field("inner"), a.inner(), network));
        }
    }

    /** The order of the examples in an epoch: a permutation of {@code 0 .. n-1}. */
    Vector<Integer> order(At at) {
        JsonNode array = at.node();
        if (!array.isArray()) {
            at.elements(); // refused
        }
        int n = array.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) { // an At per element only for a bad one
            JsonNode e = array.get(i);
            order[i] = e.isInt() && e.intValue() >= 0 && e.intValue() < n ? e.intValue()
                    : (int) new At(e, at.path() + "[" + i + "]").integer(0, Math.max(0, n - 1));
        }
        boolean[] seen = new boolean[n];
        for (int i : order) {
            if (seen[i]) {
                throw at.error("expected a permutation of 0.." + (n - 1) + ", but some index repeats");
            }
            seen[i] = true;
        }
        return Vector.ofAll(order);
    }

    Option<Double> loss(At at) {
        return at.node().isNull() ? Option.none() : Option.some(at.number());
    }

    /**
     * A model: the network first, then each part checked against it where it stands in the
     * document, so that a part that does not fit is refused at its own path.
     */
    Model model(At at) {
        at.fields("network", "standardization", "class_names", "held_out");
        Network network = network(at.field("network"));
        At s = at.field("standardization");
        Option<Standardization> standardization = s.node().isNull() ? Option.none() : Option.some(standardization(s));
        Model standardized = build(s, () -> standardization.map(Model.of(network)::withStandardization)
                .getOrElse(Model.of(network)));
        At names = at.field("class_names");
        Vector<String> classNames = names.elements().map(At::text);
        Model named = build(names, () -> standardized.withClassNames(classNames));
        At h = at.field("held_out");
        return h.node().isNull() ? named : named.withHeldOut(heldOut(h));
    }

    Standardization standardization(At at) {
        at.fields("mean", "standard_deviation");
        Matrix mean = matrix(at.field("mean"));
        Matrix standardDeviation = matrix(at.field("standard_deviation"));
        return build(at, () -> new Standardization(mean, standardDeviation));
    }

    HeldOut heldOut(At at) {
        at.fields("key", "test_fraction", "stratified", "data_sha256");
        Key key = key(at.field("key"));
        double testFraction = at.field("test_fraction").number();
        if (!(testFraction > 0.0 && testFraction < 1.0)) {
            throw at.field("test_fraction").error("expected a number in (0, 1), got " + testFraction);
        }
        boolean stratified = at.field("stratified").bool();
        String dataSha256 = at.field("data_sha256").text();
        // the fraction is checked above, so what HeldOut can still refuse is the hash
        return build(at.field("data_sha256"), () -> new HeldOut(key, testFraction, stratified, dataSha256));
    }
}
