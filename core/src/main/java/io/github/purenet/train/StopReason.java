package io.github.purenet.train;

/** Why {@link EarlyStopping} stopped a run, in {@link EarlyStopped#reason()}. */
public enum StopReason {

    /** {@link EarlyStopping#patience()} epochs in a row ended without an improvement of the score. */
    PATIENCE,

    /** {@link EarlyStopping#maxEpochs()} epochs ended (and the last of them did not exhaust the patience). */
    MAX_EPOCHS,

    /** A state {@link TrainState#diverged() diverged}, or an epoch's score was {@code NaN} or infinite. */
    DIVERGED,

    /** The run ended first: its {@link Run#take} limit or {@link Run#takeWhile} condition. */
    RUN_ENDED
}
