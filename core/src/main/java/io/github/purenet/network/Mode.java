package io.github.purenet.network;

import io.github.purenet.random.Key;
import java.util.Objects;

/**
 * How a forward pass runs: for {@link #training training}, with a key, or for
 * {@link #evaluation() evaluation}, without one. Dropout drops units only in training, and batch
 * normalisation uses the batch's statistics in training and its running statistics in evaluation;
 * every other built-in layer computes the same in both modes.
 *
 * <p>A mode is an argument of the forward pass, never a flag stored in a network, so a trained
 * network cannot be left "in training mode" by mistake. A network with mode-dependent layers refuses
 * to run without one ({@link Network#requireNoMode(String)} says which layers).
 *
 * <p>Randomness in training is a pure function of the mode's key, the layer's path and the row:
 * a layer at path {@code p} draws from {@code key.foldIn(h(s₁))…foldIn(h(sₖ))}, where
 * {@code s₁…sₖ} are the segments of {@code p} (such as {@code layers[3]}, {@code inner},
 * {@code layers[0]}) and {@code h} is {@link String#hashCode()}, specified by the JDK; row {@code r}
 * of the batch is example {@code firstRow + r}. {@link io.github.purenet.train.Training} makes the
 * key of step {@code t} as {@code runKey.foldIn(}{@link #DROPOUT_STREAM}{@code ).foldIn(t)} and
 * numbers the rows of a batch from 0. A part of a batch that starts at its row {@code f} passes
 * {@code training(key, f)}, so the masks do not depend on how a batch is split or on the number of
 * threads.
 *
 * <p>Dropout's rule, with {@code k} the key at the layer's path: unit {@code u} of row {@code r}
 * (of the rows given to the pass) is kept if and only if
 * {@code k.foldIn(firstRow + r).uniformAt(u) >= rate}. Its mask thus depends on the run's key, the
 * step, the layer's path, the example's number in the batch and the unit, and on nothing else.
 * Two layers at different paths, or one layer at different steps, draw independent masks; a layer
 * moved to another path draws other masks.
 *
 * <p>Batch normalisation couples the rows of a batch (its statistics are the batch's), so a part of
 * a batch normalised alone gives other numbers than the whole batch: split batches only between
 * networks without it.
 */
public sealed interface Mode permits Mode.Training, Mode.Evaluation {

    /** The number a run's key is folded with to give the keys of its training passes: "drop" in ASCII. */
    long DROPOUT_STREAM = 0x64726f70L;

    /**
     * Training, for a batch whose rows are numbered from 0.
     *
     * @param key the key of this pass (of this step of a run)
     * @return the mode
     */
    static Mode training(Key key) {
        return training(key, 0);
    }

    /**
     * Training, for a part of a batch whose first row is row {@code firstRow} of the whole batch.
     *
     * @param key the key of this pass
     * @param firstRow the number of the part's first row in the batch, not negative
     * @return the mode
     */
    static Mode training(Key key, long firstRow) {
        return new Training(key, firstRow);
    }

    /** @return evaluation: no dropout, running statistics */
    static Mode evaluation() {
        return Evaluation.INSTANCE;
    }

    /**
     * This mode for the layer at a segment of a path below the current one: the key folded with the
     * segment's hash.
     *
     * @param segment the segment, such as {@code layers[3]} or {@code inner}
     * @return the mode of that layer
     */
    Mode at(String segment);

    /**
     * This mode for the part of the batch that starts at row {@code offset} of the rows this mode
     * numbers: in training, the rows are numbered from {@code firstRow + offset}, so a part draws
     * the masks that its rows draw in the whole batch; evaluation numbers no rows.
     *
     * @param offset the part's first row among this mode's rows, not negative
     * @return the part's mode
     */
    Mode fromRow(long offset);

    /**
     * Training mode.
     *
     * @param key the key of this pass at this layer
     * @param firstRow the number in the batch of the first row given to this pass
     */
    record Training(Key key, long firstRow) implements Mode {

        /**
         * Checks the arguments.
         *
         * @param key the key of this pass at this layer
         * @param firstRow the number in the batch of the first row given to this pass
         */
        public Training {
            Objects.requireNonNull(key, "key is null");
            if (firstRow < 0) {
                throw new IllegalArgumentException("firstRow: expected a row number >= 0, got " + firstRow);
            }
        }

        @Override
        public Mode at(String segment) {
            return new Training(key.foldIn(segment.hashCode()), firstRow);
        }

        @Override
        public Mode fromRow(long offset) {
            requireRow(offset);
            return new Training(key, firstRow + offset);
        }

        /** @return {@code training} */
        @Override
        public String toString() {
            return "training";
        }
    }

    /** Evaluation mode; {@link #evaluation()} gives it. */
    record Evaluation() implements Mode {

        private static final Evaluation INSTANCE = new Evaluation();

        @Override
        public Mode at(String segment) {
            return this;
        }

        @Override
        public Mode fromRow(long offset) {
            requireRow(offset);
            return this;
        }

        /** @return {@code evaluation} */
        @Override
        public String toString() {
            return "evaluation";
        }
    }

    /** Refuses a negative row number, for every mode's {@link #fromRow}. */
    private static void requireRow(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: expected a row number >= 0, got " + offset);
        }
    }
}
