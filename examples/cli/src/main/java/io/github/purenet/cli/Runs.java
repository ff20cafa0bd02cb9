package io.github.purenet.cli;

import io.github.purenet.checkpoint.Codec;
import io.github.purenet.data.Fingerprint;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.EarlyStopping;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.Training;
import io.github.purenet.train.TrainState;
import io.vavr.Lazy;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The effects of {@code train} and {@code resume}, in the order that keeps bad input from
 * changing any file: every input and output path is checked, the data read and the run made
 * ready before the first file is written; checkpoints are written during the run, and the model
 * and the plot only at its end, each atomically.
 */
final class Runs {

    /** The name of the checkpoint file in the checkpoint directory. */
    static final String CHECKPOINT = "checkpoint.json";

    private Runs() {
    }

    /**
     * Where a run writes.
     *
     * @param save the file of the final model, if any
     * @param plot the PNG of the losses and accuracies, if any
     * @param checkpointDir the directory of checkpoints, if any
     * @param checkpointOption the option that names the checkpoint, for messages: {@code --checkpoint-dir}
     *     (train) or {@code --checkpoint} (resume)
     * @param console standard output and error
     */
    record Outputs(Option<Path> save, Option<Path> plot, Option<Path> checkpointDir, String checkpointOption,
            Console console) {

        /**
         * Checks every output path, before anything is read or written: each can be written, and
         * none names the same file as another output or as the data the run reads.
         *
         * @param data the run's data
         * @return these outputs
         * @throws CliException (usage) naming both options of two that name one file, or (data) a
         *     path that cannot be written
         */
        Outputs check(DataSpec data) {
            Vector<Tuple2<String, Path>> named = Vector.of(
                    save.map(p -> Tuple.of("--save", p)),
                    plot.map(p -> Tuple.of("--plot", p)),
                    checkpointDir.map(d -> Tuple.of(checkpointOption, d.resolve(CHECKPOINT))))
                    .flatMap(o -> o);
            Vector<Tuple2<String, Path>> read = data.path().toVector().flatMap(p -> data.kind() == DataSpec.Kind.MNIST
                    ? Sources.MNIST_FILES.flatMap(f -> Vector.of(p.resolve(f), p.resolve(f + ".gz")))
                    : Vector.of(p)).map(p -> Tuple.of("--data", p));
            for (int i = 0; i < named.size(); i++) {
                Tuple2<String, Path> output = named.get(i);
                for (Tuple2<String, Path> other : named.drop(i + 1).appendAll(read)) {
                    if (AtomicFiles.same(output._2, other._2)) {
                        boolean isData = other._1.equals("--data");
                        throw CliException.usage(output._1 + " " + output._2 + ": the same file as " + (isData
                                ? "--data " + data + (data.kind() == DataSpec.Kind.MNIST ? " (" + other._2 + ")" : "")
                                + ", which the run reads" : other._1 + " " + other._2 + ", which it writes too")
                                + "; give another file");
                    }
                }
            }
            save.forEach(p -> AtomicFiles.requireWritable("--save", p));
            plot.forEach(p -> {
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                    throw CliException.usage("--plot " + p + ": expected a file name ending in .png");
                }
                AtomicFiles.requireWritable("--plot", p);
            });
            checkpointDir.forEach(d -> AtomicFiles.requireDirectory("--checkpoint-dir", d));
            return this;
        }
    }

    /**
     * The documents of best states, encoded once each: a run's checkpoints hold the same best
     * state for many epochs, and a wide network's document takes time to write.
     */
    private static final class BestStates<S> {
        private final Codec codec;
        private final Optimizer<S> optimizer;
        private final Fingerprint data;
        private TrainState<S> state; // the last state encoded, and its document
        private String document;

        BestStates(Codec codec, Optimizer<S> optimizer, Fingerprint data) {
            this.codec = codec;
            this.optimizer = optimizer;
            this.data = data;
        }

        String encode(TrainState<S> best) {
            if (best != state) {
                document = codec.encode(best, optimizer, data);
                state = best;
            }
            return document;
        }
    }

    /**
     * {@code train}: a new run.
     *
     * @param config the run's configuration
     * @param sharding how each batch's gradient is split into shards
     * @param outputs where it writes, checked
     * @param engine computes the steps
     * @return the exit code, 0
     */
    static int train(RunConfig config, Sharding sharding, Outputs outputs, Engine engine) {
        Sources.Loaded data = Sources.read(config.data(), config.labelColumn());
        Experiment e = Heap.during("preparing the data", () -> Experiment.of(config, data));
        String dataSha256 = outputs.checkpointDir().isDefined() ? Experiment.dataSha256(data) : "";
        return start(e, e.optimizer(), sharding, dataSha256, outputs, engine);
    }

    private static <S> int start(Experiment e, Optimizer<S> optimizer, Sharding sharding, String dataSha256,
            Outputs outputs, Engine engine) {
        TrainState<S> initial = Training.init(e.initial(), optimizer, e.runKey(), e.train(), e.batching(), sharding);
        return run("train", e, optimizer, initial, Option.none(), Vector.empty(), dataSha256, trainedOn(e), outputs,
                engine);
    }

    /**
     * {@code resume}: continues a run from its checkpoint.
     *
     * @param file the checkpoint's file
     * @param epochs the new number of epochs of the whole run, if given: exactly that many, without
     *     early stopping
     * @param dataSpec other files holding the same data, if given
     * @param outputs where it writes, checked here once the checkpoint is read; checkpoints go to the
     *     checkpoint's directory
     * @param engine computes the steps
     * @return the exit code, 0
     */
    static int resume(Path file, Option<Integer> epochs, Option<DataSpec> dataSpec, Outputs outputs, Engine engine) {
        Checkpoint checkpoint = Heap.during("reading the checkpoint " + file,
                () -> Checkpoint.decode(file.toString(), AtomicFiles.read("--checkpoint", file)));
        RunConfig config = checkpoint.config();
        if (epochs.isDefined()) {
            config = config.withEpochs(epochs.get());
        }
        if (dataSpec.isDefined()) {
            config = config.withData(dataSpec.get().absolute());
        }
        outputs.check(config.data());
        Sources.Loaded data = Sources.read(config.data(), config.labelColumn());
        String dataSha256 = Experiment.dataSha256(data);
        if (!dataSha256.equals(checkpoint.dataSha256())) {
            throw CliException.data(config.data() + ": not the data of the checkpoint's run (their SHA-256 differs); "
                    + "resume needs the same data" + (dataSpec.isEmpty() ? ", which --data can point to" : ""));
        }
        RunConfig run = config;
        Experiment e = Heap.during("preparing the data", () -> Experiment.of(run, data));
        return resume(file, checkpoint, e, e.optimizer(), dataSha256, outputs, engine);
    }

    private static <S> int resume(Path file, Checkpoint checkpoint, Experiment e, Optimizer<S> optimizer,
            String dataSha256, Outputs outputs, Engine engine) {
        Lazy<Fingerprint> trainedOn = trainedOn(e);
        TrainState<S> state = checkpoint.state(file.toString(), optimizer, trainedOn.get());
        if (state.step() > e.totalSteps()) {
            throw CliException.usage("--epochs " + e.config().epochs() + ": the checkpoint is already at step "
                    + state.step() + " (epoch " + state.epoch() + "), past the " + e.totalSteps() + " steps of "
                    + e.config().epochs() + " epochs");
        }
        Vector<EpochResult> history = checkpoint.history().filter(r -> r.step() <= state.step());
        Option<EarlyStopping.Progress<S>> progress = Option.none();
        if (e.config().stopsEarly()) {
            progress = checkpoint.progress(file.toString(), state, optimizer);
            if (progress.isEmpty()) {
                throw CliException.data(file + ": the checkpoint of a run that stops early has no early_stopping "
                        + "progress; resume it with --epochs N to train a fixed number of epochs");
            }
        }
        return run("resume", e, optimizer, state, progress, history, dataSha256, trainedOn, outputs, engine);
    }

    /** The fingerprint of the training examples, recorded in each checkpoint: computed once, when first needed. */
    private static Lazy<Fingerprint> trainedOn(Experiment e) {
        return Lazy.of(() -> Fingerprint.of(e.train()));
    }

    private static <S> int run(String command, Experiment e, Optimizer<S> optimizer, TrainState<S> start,
            Option<EarlyStopping.Progress<S>> from, Vector<EpochResult> history, String dataSha256,
            Lazy<Fingerprint> fingerprint, Outputs outputs, Engine engine) {
        Console console = outputs.console();
        Option<Trainer.Checkpointer<S>> checkpoints = outputs.checkpointDir().map(directory -> {
            Path file = directory.resolve(CHECKPOINT);
            Codec codec = Codec.standard();
            // the data's path made absolute, so that the run resumes from any working directory
            RunConfig config = e.config().withData(e.config().data().absolute());
            Fingerprint trainedOn = fingerprint.get(); // recorded in each state, checked when it is resumed
            BestStates<S> best = new BestStates<>(codec, optimizer, trainedOn);
            return (state, results, progress) -> {
                Checkpoint c = new Checkpoint(config, dataSha256, e.classNames(), e.standardization(), results,
                        codec.encode(state, optimizer, trainedOn),
                        progress.map(p -> Stopping.of(p, p.best().map(best::encode))));
                AtomicFiles.createDirectory(directory); // with the first checkpoint: a run that writes none leaves none
                AtomicFiles.write(file, c.encode().getBytes(StandardCharsets.UTF_8));
                return file;
            };
        });
        Report.header(e, start.sharding()).forEach(console::text);
        console.summary(start.network());
        if (start.step() > 0) {
            console.text(Report.resuming(e, start, Trainer.rule(e.config()).flatMap(r -> from.flatMap(r::reason))));
        }
        Trainer.Outcome<S> outcome = Heap.during(String.format(java.util.Locale.ROOT, "training (a network of %,d "
                + "parameters on %,d examples of %,d features)", e.initial().parameterCount(), e.train().size(),
                e.train().features().columns()), () -> Trainer.run(e, optimizer, start, from, history, checkpoints, console, engine));
        TrainState<S> last = outcome.last();
        Option<TrainState<S>> kept = outcome.stopped().isDefined() ? outcome.stopped().get().best()
                : Option.when(!last.diverged(), last);
        if (kept.isEmpty()) {
            throw CliException.data(String.format(Locale.ROOT, "training diverged at step %d: the loss is %s; try a "
                    + "smaller --lr than %s", last.step(), last.loss().getOrElse(Double.NaN), e.config().learningRate()));
        }
        TrainState<S> keptState = kept.get();
        EpochResult result = outcome.history().find(r -> r.step() == keptState.step())
                .getOrElse(() -> Trainer.evaluate(e, keptState, 0.0, Option.none()));
        outputs.save().forEach(p -> AtomicFiles.write(p,
                ModelFile.encode(e.model(keptState.network())).getBytes(StandardCharsets.UTF_8)));
        outputs.plot().forEach(p -> AtomicFiles.write(p, Plot.png(e.config().data() + ", "
                + e.config().architecture().brief(e.initial()),
                outcome.history().isEmpty() ? Vector.of(result) : outcome.history(),
                outcome.stopped().map(x -> result.epoch()))));
        Summary summary = new Summary(command, e, result, outcome.seconds(), outcome.samplesPerSecond(),
                outcome.checkpoint(), outputs.save(), outputs.plot(), Option.narrow(outcome.stopped()),
                outcome.blowUp());
        outcome.blowUp().forEach(b -> console.warning(Report.blowUpWarning(b, e.config().learningRate())));
        Report.summary(summary).forEach(console::text);
        console.report(Report.jsonObject(summary), start.network());
        return 0;
    }
}
