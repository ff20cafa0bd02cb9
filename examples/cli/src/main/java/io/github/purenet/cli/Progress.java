package io.github.purenet.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of an epoch, on standard error, drawn by me.tongfei's progressbar: the epoch,
 * the steps done of the epoch's steps, the step count of the run, the running loss (the mean of the
 * epoch's batch losses so far) and the training speed. A silent one draws nothing; the program
 * uses it when standard output is not a terminal, unless asked otherwise.
 */
final class Progress implements AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar; // the bar of the current epoch, replaced at each epoch

    private Progress(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @param enabled whether to draw
     * @return a progress bar, or a silent one
     */
    static Progress of(boolean enabled) {
        return new Progress(enabled);
    }

    /**
     * Starts the bar of an epoch.
     *
     * @param epoch the epoch, from 1
     * @param epochs the number of epochs of the run
     * @param done the steps of this epoch already done (by a run before a resume)
     * @param steps the number of steps of an epoch
     */
    void startEpoch(long epoch, int epochs, long done, int steps) {
        endEpoch();
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .clearDisplayOnFinish().hideEta().build();
            bar.stepTo(done);
        }
    }

    /**
     * Moves the bar.
     *
     * @param done the steps of this epoch done
     * @param step the step count of the run
     * @param runningLoss the mean batch loss of the epoch so far
     * @param samplesPerSecond the training speed of the epoch so far
     */
    void step(long done, long step, double runningLoss, double samplesPerSecond) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(String.format(Locale.ROOT, "step %d  loss %.4f  %,.0f samples/s", step, runningLoss,
                    samplesPerSecond));
        }
    }

    /** Removes the bar of the current epoch, if any. */
    void endEpoch() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Removes the bar of the current epoch, if any: at the end of the run, or when it fails. */
    @Override
    public void close() {
        endEpoch();
    }
}
