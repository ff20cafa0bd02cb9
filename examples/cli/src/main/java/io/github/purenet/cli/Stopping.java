package io.github.purenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.purenet.checkpoint.Codec;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.train.EarlyStopping;
import io.github.purenet.train.TrainState;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The progress of early stopping as a checkpoint holds it: the library's
 * {@link EarlyStopping.Progress} without its state, which is the checkpoint's own. With it,
 * {@code resume} continues the early stopping where it stood, and ends with the best state, the
 * epochs and the reason of the run that never stopped.
 *
 * <pre>{@code
 * "early_stopping" : { "scores" : [ 0.61, 0.32, 0.35 ], "best_score" : 0.32, "waited" : 1 },
 * "best_state" : { "format" : "purenet", "version" : 1, "type" : "train_state", ... },
 * }</pre>
 *
 * @param scores the validation loss at the end of each epoch so far
 * @param bestScore the lowest of them, which the best state has; {@code NaN} without a best state
 * @param waited the epochs that have ended since the best one
 * @param bestState the best state as a document of the library's format, with its {@code sha256};
 *     none if no epoch has ended with a finite validation loss
 */
record Stopping(Vector<Double> scores, double bestScore, int waited, Option<String> bestState) {

    Stopping {
        Objects.requireNonNull(scores, "scores is null");
        Objects.requireNonNull(bestState, "bestState is null");
    }

    /**
     * @param progress the progress of a run's early stopping
     * @param bestState the document of its best state, if it has one (encoded by the caller, which
     *     can keep it while the best state does not change)
     * @return the progress as a checkpoint holds it
     */
    static Stopping of(EarlyStopping.Progress<?> progress, Option<String> bestState) {
        return new Stopping(progress.scores(), progress.bestScore(), progress.waited(), bestState);
    }

    /**
     * The library's progress, at the checkpoint's state.
     *
     * @param <S> the type of the optimizer's state
     * @param source the checkpoint's file, for messages
     * @param state the checkpoint's state
     * @param optimizer the run's optimizer
     * @return the progress
     * @throws CliException (data) if the best state is refused, or the values do not fit together
     */
    <S> EarlyStopping.Progress<S> progress(String source, TrainState<S> state, Optimizer<S> optimizer) {
        try {
            Option<TrainState<S>> best = bestState.map(d -> Codec.standard().decodeTrainState(d, optimizer));
            return new EarlyStopping.Progress<>(state, best, bestScore, scores, waited);
        } catch (IllegalArgumentException e) { // the codec's CheckpointException, or the progress's checks
            throw CliException.data(source + ": early_stopping: " + e.getMessage(), e);
        }
    }

    /**
     * @param canonical whether the numbers are for the checkpoint's hash
     * @return the scores, the best score and the epochs waited, without the best state
     */
    ObjectNode json(boolean canonical) {
        ObjectNode node = Json.object();
        ArrayNode a = node.putArray("scores");
        scores.forEach(x -> a.add(Json.number(x, canonical)));
        node.set("best_score", Json.number(bestScore, canonical));
        node.put("waited", waited);
        return node;
    }

    /**
     * @param f the {@code early_stopping} field of a checkpoint
     * @param bestState the document of its {@code best_state}, if the checkpoint has one
     * @return the progress it holds
     * @throws CliException (data) naming the field that is wrong
     */
    static Stopping fromJson(Json.Field f, Option<String> bestState) {
        f.only("scores", "best_score", "waited");
        return new Stopping(f.field("scores").elements().map(Json.Field::number), f.field("best_score").number(),
                (int) f.field("waited").integer(0, Integer.MAX_VALUE), bestState);
    }
}
