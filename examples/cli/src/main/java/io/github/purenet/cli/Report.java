package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.train.BlowUp;
import io.github.purenet.train.BlowUps;
import io.github.purenet.train.ClassMetrics;
import io.github.purenet.train.EarlyStopped;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Sharding;
import io.github.purenet.train.StopReason;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text and JSON of the reports, as pure functions of the results.
 *
 * <pre>
 * epoch  3/20  step   135  train loss 0.1021  test loss 0.1178  test accuracy  96.4%  41,530 samples/s
 * epoch   3/100  step    123  train loss 0.1021  val loss 0.1100  test loss 0.1178  test accuracy  96.4%  41,530 samples/s
 * </pre>
 */
final class Report {

    private Report() {
    }

    /**
     * @param e the run
     * @param sharding the run's sharding, named when it has more than one shard
     * @return the lines that describe it before training
     */
    static Vector<String> header(Experiment e, Sharding sharding) {
        RunConfig c = e.config();
        return Vector.of(
                String.format(Locale.ROOT, "data %s: %,d training%s and %,d test examples, %d features, %d classes%s%s",
                        c.data(), e.train().size(), e.validation().map(v -> String.format(Locale.ROOT,
                                ", %,d validation", v.size())).getOrElse(""), e.test().size(),
                        e.train().features().columns(), e.classes(), names(e.classNames()),
                        c.standardize() ? ", standardised" : ""),
                String.format(Locale.ROOT, "network %s, %,d parameters; %s, lr %s, %s schedule; batches of %d, "
                        + "%s%d steps per epoch, %s; seed %d", e.initial(), e.initial().parameterCount(),
                        c.optimizer(), c.learningRate(), c.schedule(), c.batch(), sharding.shards() == 1 ? ""
                                : "in " + sharding.shards() + " shards, ", e.stepsPerEpoch(), epochs(c),
                        c.seed()));
    }

    /** The epochs of a run: {@code 20 epochs}, or {@code at most 100 epochs, early stopping with patience 10}. */
    private static String epochs(RunConfig c) {
        return c.patience().map(p -> "at most " + c.epochs() + " epochs, early stopping with patience " + p)
                .getOrElse(c.epochs() + " epochs");
    }

    /** The class names in brackets, class 0 first, when they are names rather than the numbers 0, 1, ... */
    private static String names(Vector<String> classNames) {
        if (classNames.equals(Vector.range(0, classNames.size()).map(String::valueOf))) {
            return "";
        }
        return " (" + classNames.take(10).mkString(", ") + (classNames.size() > 10 ? ", ..." : "") + ")";
    }

    /**
     * @param r the results of an epoch
     * @param epochs the number of epochs of the run
     * @return its line
     */
    static String epochLine(EpochResult r, int epochs) {
        int width = String.valueOf(epochs).length();
        return String.format(Locale.ROOT, "epoch %" + width + "d/%d  step %6d  train loss %.4f  %stest loss %.4f  "
                + "test accuracy %5.1f%%  %,8.0f samples/s", r.epoch(), epochs, r.step(), r.trainLoss(),
                r.validationLoss().map(v -> String.format(Locale.ROOT, "val loss %.4f  ", v)).getOrElse(""),
                r.testLoss(), 100 * r.testAccuracy(), r.samplesPerSecond());
    }

    /**
     * @param s the result of a run
     * @return the lines that close the text report
     */
    static Vector<String> summary(Summary s) {
        EpochResult r = s.last();
        int tests = s.experiment().test().size();
        int correct = (int) Math.round(r.testAccuracy() * tests);
        Vector<String> lines = Vector.of(String.format(Locale.ROOT,
                "done: %d epochs%s, %d steps in %.1f s; test accuracy %.2f%% (%d of %d), test loss %.4f",
                s.stopped().map(t -> t.last().epoch()).getOrElse(r.epoch()),
                s.stopped().map(t -> " (stopped: " + why(t, s.experiment().config()) + "; kept epoch " + r.epoch() + ")")
                        .getOrElse(""),
                s.stopped().map(t -> t.last().step()).getOrElse(r.step()), s.seconds(), 100 * r.testAccuracy(),
                correct, tests, r.testLoss()));
        return lines.appendAll(s.checkpoint().map(p -> "checkpoint: " + p))
                .appendAll(s.model().map(p -> "model saved to " + p))
                .appendAll(s.plot().map(p -> "plot written to " + p));
    }

    /**
     * The line that starts a resumed run: where it resumes, or, for a run with nothing left to
     * train, that it is finished and how to go on; its results follow either way.
     *
     * @param e the run
     * @param start the state it resumes from
     * @param stopped why early stopping stops at that state, if it does
     * @return {@code resuming at step 40 (epoch 6, batch 1)}, or {@code the run is finished: ...}
     */
    static String resuming(Experiment e, TrainState<?> start, Option<StopReason> stopped) {
        if (stopped.isEmpty() && start.step() < e.totalSteps()) {
            return String.format(Locale.ROOT, "resuming at step %d (epoch %d, batch %d)", start.step(),
                    start.epoch() + 1, start.batch() + 1);
        }
        long epochs = start.epoch();
        return String.format(Locale.ROOT, "the run is finished: %s at step %d, with nothing left to train; its "
                + "results follow. To train on, give --epochs N with N > %d", stopped.isDefined()
                        ? "early stopping ended it after epoch " + epochs
                        : "it trained all of its " + epochs + (epochs == 1 ? " epoch" : " epochs"),
                start.step(), epochs);
    }

    /** Why early stopping stopped, in words: {@code the validation loss did not improve for 10 epochs}. */
    private static String why(EarlyStopped<?> stopped, RunConfig c) {
        switch (stopped.reason()) {
            case PATIENCE:
                int p = c.patience().get();
                return "the validation loss did not improve for " + p + (p == 1 ? " epoch" : " epochs");
            case DIVERGED:
                return "training diverged at step " + stopped.last().step();
            default: // MAX_EPOCHS, and RUN_ENDED, which the run's length, the cap, makes the same
                return "the cap of " + c.epochs() + (c.epochs() == 1 ? " epoch" : " epochs");
        }
    }

    /**
     * @param s the result of a run
     * @return the JSON report as an object
     */
    static ObjectNode jsonObject(Summary s) {
        RunConfig c = s.experiment().config();
        EpochResult r = s.last();
        ObjectNode o = Json.object();
        o.put("command", s.command());
        o.put("data", c.data().toString());
        o.put("network", s.experiment().initial().toString());
        o.put("optimizer", c.optimizer());
        o.put("learning_rate", c.learningRate());
        o.put("schedule", c.schedule());
        o.put("batch", c.batch());
        o.put("seed", c.seed());
        o.put("epochs", s.stopped().map(t -> t.last().epoch()).getOrElse(r.epoch()));
        o.put("steps", s.stopped().map(t -> t.last().step()).getOrElse(r.step()));
        o.set("train_loss", Json.number(r.trainLoss()));
        o.set("train_accuracy", Json.number(r.trainAccuracy()));
        o.set("test_loss", Json.number(r.testLoss()));
        o.set("test_accuracy", Json.number(r.testAccuracy()));
        o.put("test_examples", s.experiment().test().size());
        o.put("seconds", s.seconds());
        o.put("samples_per_second", s.samplesPerSecond());
        o.put("checkpoint", path(s.checkpoint()));
        o.put("model", path(s.model()));
        o.put("plot", path(s.plot()));
        stopping(o, s);
        if (s.blowUp().isDefined()) {
            BlowUp b = s.blowUp().get();
            ObjectNode blowUp = o.putObject("blew_up").put("epoch", b.epoch()).put("step", b.step());
            blowUp.set("first_loss", Json.number(b.firstLoss()));
            blowUp.set("loss", Json.number(b.loss()));
        } else {
            o.putNull("blew_up");
        }
        return o;
    }

    /**
     * The warning of a run whose training loss blew up.
     *
     * @param b where it blew up
     * @param learningRate the run's learning rate
     * @return the warning, without the prefix {@code purenet: warning: }
     */
    static String blowUpWarning(BlowUp b, double learningRate) {
        return String.format(Locale.ROOT, "the training loss blew up: %.4f at the end of epoch %d (step %d), more "
                + "than %.0f times the first batch's %.4f; the results are not to be trusted; try a smaller --lr than %s",
                b.loss(), b.epoch(), b.step(), BlowUps.FACTOR, b.firstLoss(), learningRate);
    }

    /**
     * A network's summary as JSON: its input shape, one object per layer (path, kind, output,
     * parameters, state) and the totals.
     *
     * @param summary the summary
     * @return the object
     */
    static ObjectNode summaryJson(io.github.purenet.network.Summary summary) {
        ObjectNode o = Json.object();
        o.put("input", summary.input().toString());
        ArrayNode layers = o.putArray("layers");
        summary.rows().forEach(r -> layers.addObject().put("path", r.path()).put("kind", r.kind())
                .put("output", r.outputShape().toString()).put("parameters", r.parameters()).put("state", r.state()));
        o.put("parameters", summary.parameters());
        o.put("state", summary.state());
        return o;
    }

    /** The fields of early stopping: null for a run of a fixed number of epochs (but its validation loss, if any). */
    private static void stopping(ObjectNode o, Summary s) {
        Option<EarlyStopped<?>> t = s.stopped();
        o.put("epochs_run", t.map(x -> x.last().epoch()).getOrNull());
        o.put("stop_reason", t.map(x -> x.reason().name().toLowerCase(Locale.ROOT)).getOrNull());
        o.put("best_epoch", t.map(x -> s.last().epoch()).getOrNull());
        if (s.last().validationLoss().isDefined()) {
            o.set("validation_loss", Json.number(s.last().validationLoss().get()));
        } else {
            o.putNull("validation_loss");
        }
    }

    /**
     * @param model the model's file
     * @param source the data
     * @param e the evaluation
     * @param classNames the names of the classes, in the model's order
     * @return the text report of {@code evaluate}
     */
    static Vector<String> evaluation(Path model, String source, Evaluation e, Vector<String> classNames) {
        return Vector.of(
                String.format(Locale.ROOT, "model %s on %s: %,d examples", model, source, e.confusion().total()),
                String.format(Locale.ROOT, "loss %.4f  accuracy %.2f%% (%d of %d)", e.loss(), 100 * e.accuracy(),
                        e.confusion().correct(), e.confusion().total()),
                "")
                .appendAll(Vector.of(e.report(classNames).split("\n", -1)))
                .appendAll(Vector.of("", "confusion matrix (rows: actual class, columns: predicted class):"))
                .appendAll(Vector.of(e.confusion().table(classNames).split("\n", -1)));
    }

    /**
     * @param model the model's file
     * @param source the data
     * @param e the evaluation
     * @param classNames the names of the classes, in the model's order
     * @return the JSON report of {@code evaluate}, as an object
     */
    static ObjectNode evaluationObject(Path model, String source, Evaluation e, Vector<String> classNames) {
        ObjectNode o = Json.object();
        o.put("command", "evaluate");
        o.put("model", model.toString());
        o.put("data", source);
        o.put("examples", e.confusion().total());
        o.set("loss", Json.number(e.loss()));
        o.set("accuracy", Json.number(e.accuracy()));
        o.put("correct", e.confusion().correct());
        ArrayNode confusion = o.putArray("confusion");
        e.confusion().counts().forEach(row -> {
            ArrayNode a = confusion.addArray();
            row.forEach(a::add);
        });
        ArrayNode classes = o.putArray("classes");
        Vector.range(0, classNames.size()).forEach(k -> {
            ObjectNode c = metrics(classes.addObject().put("class", classNames.get(k)), e.confusion().classMetrics(k));
            c.put("support", e.confusion().classMetrics(k).support());
        });
        metrics(o.putObject("macro_avg"), e.confusion().macroAverage());
        metrics(o.putObject("weighted_avg"), e.confusion().weightedAverage());
        o.set("log_loss", e.logLoss().map(Json::number).getOrElse(o.nullNode()));
        o.set("roc_auc", e.rocAuc().map(Json::number).getOrElse(o.nullNode()));
        return o;
    }

    private static ObjectNode metrics(ObjectNode node, ClassMetrics m) {
        node.set("precision", Json.number(m.precision()));
        node.set("recall", Json.number(m.recall()));
        node.set("f1", Json.number(m.f1()));
        return node;
    }

    private static String path(Option<Path> p) {
        return p.map(Path::toString).getOrNull();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
