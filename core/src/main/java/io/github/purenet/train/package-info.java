/**
 * Training as a fold: {@code state(k+1) = transition(state(k))}, offered as a lazy
 * {@link io.github.purenet.train.Run} of {@link io.github.purenet.train.TrainState}s.
 *
 * <p>The transition is a plain {@code Function<TrainState<S>, TrainState<S>>} composed by
 * {@link io.github.purenet.train.Training} from small pure stages: select the batch, compute the
 * loss and gradients, (your own stages), update, advance in the data. A state holds everything a
 * run needs to continue, so a run started from any stored state gives the same states as the run
 * that produced it.
 *
 * <p>{@link io.github.purenet.train.Evaluation} measures a network on a dataset: its loss, a
 * {@link io.github.purenet.train.ConfusionMatrix} with accuracy and per-class
 * {@link io.github.purenet.train.ClassMetrics} (precision, recall, F1), the log loss and the ROC AUC
 * ({@link io.github.purenet.train.Metrics}), and a report in the layout of scikit-learn's
 * {@code classification_report}.
 *
 * <p>Watching and stopping are operations over the run's states, computed in one pass:
 * {@link io.github.purenet.train.Run#observe} calls an action of the caller's (printing, logging)
 * with every n-th state and the last, {@link io.github.purenet.train.Run#epochEnds} gives the states
 * at the end of each epoch, and {@link io.github.purenet.train.EarlyStopping} scores them (a
 * validation loss) and stops when the score no longer improves, keeping the best state.
 */
package io.github.purenet.train;
