package io.github.purenet.spark;

import io.github.purenet.activation.Activation;
import io.github.purenet.loss.FusedLoss;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.tensor.Matrix;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.TaskContext;

/**
 * Softmax cross-entropy (of a shard of a batch of {@code rows} rows, or of a whole batch when 0),
 * which inside a Spark task first sleeps for a random time, or fails on the first attempt of one
 * partition's task: the same numbers, in another order of finishing.
 */
record SleepyLoss(int rows, int minMillis, int maxMillis, int failingPartition) implements FusedLoss, Serializable {

    /** Sleeps from {@code minMillis} to {@code maxMillis} in each shard's pass. */
    static SleepyLoss sleeping(int minMillis, int maxMillis) {
        return new SleepyLoss(0, minMillis, maxMillis, -1);
    }

    /** Fails the first attempt of the tasks of one partition, once per task. */
    static SleepyLoss failing(int partition) {
        return new SleepyLoss(0, 0, 0, partition);
    }

    private FusedLoss inner() {
        FusedLoss whole = Losses.softmaxCrossEntropy();
        return rows == 0 ? whole : (FusedLoss) whole.shard(rows).get();
    }

    private void act() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return;
        }
        if (task.partitionId() == failingPartition && task.attemptNumber() == 0) {
            throw new IllegalStateException("a failure on the first attempt of partition " + failingPartition);
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return inner().name();
    }

    @Override
    public Activation activation() {
        return inner().activation();
    }

    @Override
    public Option<Loss> shard(int batchRows) {
        return Option.some(new SleepyLoss(batchRows, minMillis, maxMillis, failingPartition));
    }

    @Override
    public double value(Matrix prediction, Matrix target) {
        return inner().value(prediction, target);
    }

    @Override
    public Matrix gradient(Matrix prediction, Matrix target) {
        return inner().gradient(prediction, target);
    }

    @Override
    public double valueAtLogits(Matrix logits, Matrix target) {
        return inner().valueAtLogits(logits, target);
    }

    @Override
    public Matrix gradientAtLogits(Matrix logits, Matrix prediction, Matrix target) {
        act();
        return inner().gradientAtLogits(logits, prediction, target);
    }
}
