package io.github.purenet.network;

import static io.github.purenet.Checks.close;
import static io.github.purenet.Checks.refuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.purenet.activation.Activations;
import io.github.purenet.data.Batch;
import io.github.purenet.data.Batching;
import io.github.purenet.data.Dataset;
import io.github.purenet.data.LastBatch;
import io.github.purenet.loss.Loss;
import io.github.purenet.loss.Losses;
import io.github.purenet.optim.Optimizer;
import io.github.purenet.optim.Optimizers;
import io.github.purenet.random.Key;
import io.github.purenet.tensor.Matrix;
import io.github.purenet.train.Evaluation;
import io.github.purenet.train.Run;
import io.github.purenet.train.Step;
import io.github.purenet.train.TrainState;
import io.github.purenet.train.Training;
import io.vavr.collection.Vector;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Training a network with batch normalisation and dropout through {@link Training}: each step
 * carries the running statistics of its batch into the next state (by the formula, untouched by the
 * optimizer, even with weight decay), masks come from the run's key and the step, any stored state
 * replays the rest bit for bit, the optimizer sees parameters only, a pass without a mode is refused,
 * and {@link Evaluation} evaluates in evaluation mode.
 */
class TrainingWithStateTest {

    private static final Key KEY = Key.of(2015);
    private static final Loss LOSS = Losses.softmaxCrossEntropy();
    private static final Batching BATCHING = Batching.miniBatches(5);

    /** 20 examples of 4 features, off-centre and spread unevenly, in 3 classes. */
    private static final Dataset DATA = Dataset.classification(KEY.uniform(20, 4, -1, 1).value()
            .zipWithRow(Matrix.row(3, -2, 0.5, 10), (v, shift) -> v * Math.abs(shift) + shift),
            Vector.range(0, 20).map(r -> r % 3), 3);

    private static final Network NETWORK = Network.of(Shape.of(4), BatchNorm.of(4),
            new Dense(KEY.foldIn(1).uniform(8, 4, -1, 1).value(), Matrix.filled(1, 8, 0.0), Activations.tanh()),
            Dropout.of(0.3),
            new Dense(KEY.foldIn(2).uniform(3, 8, -1, 1).value(), Matrix.filled(1, 3, 0.0), Activations.softmax()));

    /** AdamW with a large weight decay, which would show if it reached the state. */
    private static final Optimizer<?> OPTIMIZER = Optimizers.adamw(0.01, 0.5);

    private static <S> Run<S> run(Optimizer<S> optimizer) {
        return Training.run(Training.init(NETWORK, optimizer, KEY, DATA, BATCHING), transition(optimizer));
    }

    private static <S> Function<TrainState<S>, TrainState<S>> transition(Optimizer<S> optimizer) {
        return Training.transition(DATA, BATCHING, LOSS, optimizer);
    }

    private static <S> Batch batchOf(TrainState<S> state) {
        return Training.<S>select(DATA, BATCHING).apply(state).batch();
    }

    /** The mode of step {@code t} of the run, as Training documents it. */
    private static Mode modeOfStep(long t) {
        return Mode.training(KEY.foldIn(Mode.DROPOUT_STREAM).foldIn(t));
    }

    @Test
    void eachStepCarriesTheRunningStatisticsOfItsBatchByTheFormulaAndNothingElseTouchesThem() {
        Run<?> run = run(OPTIMIZER);
        TrainState<?> first = run.get(0);
        TrainState<?> second = run.get(1);
        BatchNorm initial = (BatchNorm) first.network().layers().get(0);
        // the batch norm is the first layer: its batch statistics are those of the batch's features
        Matrix inputs = batchOf(first).inputs();
        NormReference.Pass pass = NormReference.batchNorm(inputs, initial.scale(), initial.offset(), initial.eps(),
                Matrix.filled(inputs.rows(), 4, 0.0), true, null, null);
        close(NormReference.running(BatchNorm.MOMENTUM, initial.mean(), pass.mean()), second.network().state().get(0),
                1e-12);
        close(NormReference.running(BatchNorm.MOMENTUM, initial.variance(), pass.variance()),
                second.network().state().get(1), 1e-12);
        assertNotEquals(first.network().state(), second.network().state());
        // every step's new state is exactly the state after its forward pass, in the step's mode
        for (long t = 0; t < 12; t++) {
            TrainState<?> before = run.get(t);
            Trace trace = Backprop.forward(before.network(), batchOf(before).inputs(), modeOfStep(t));
            TrainState<?> after = run.get(t + 1);
            assertEquals(trace.state(), after.network().state(), "step " + t);
            assertEquals(Backprop.loss(before.network(), trace, batchOf(before).targets(), LOSS), after.lossOrNaN(),
                    "the step's loss is that of the step's masks, step " + t);
        }
    }

    @Test
    void aStoredStateReplaysTheRestOfTheRunBitForBit() {
        replay(OPTIMIZER);
        assertEquals(Vector.ofAll(run(OPTIMIZER).take(15)), Vector.ofAll(run(OPTIMIZER).take(15)), "two runs, the same states");
    }

    private static <S> void replay(Optimizer<S> optimizer) {
        Run<S> run = run(optimizer);
        Function<TrainState<S>, TrainState<S>> transition = transition(optimizer);
        for (int j : new int[] {0, 3, 4, 9}) {
            TrainState<S> stored = run.get(j);
            assertEquals(run.get(j + 7), Training.run(stored, transition).get(7), "from step " + j);
        }
    }

    @Test
    void theOptimizerSeesParametersOnly() {
        TrainState<?> state = run(OPTIMIZER).get(2);
        Step<?> step = differentiate(state);
        assertEquals(NETWORK.parameterPaths(), step.gradients().paths());
        assertEquals(Vector.of("layers[0].mean", "layers[0].variance"), NETWORK.statePaths());
        assertTrue(step.gradients().paths().forAll(p -> !NETWORK.statePaths().contains(p)));
        assertEquals(Vector.of("layers[0].scale", "layers[0].offset"), step.gradients().paths().take(2));
        assertEquals(2, step.networkState().size());
    }

    private static <S> Step<S> differentiate(TrainState<S> state) {
        return Training.<S>select(DATA, BATCHING).andThen(Training.differentiate(LOSS)).apply(state);
    }

    @Test
    void aPassWithoutAModeIsRefusedNamingTheLayersAndWhatToPass() {
        Matrix x = DATA.features().matrix();
        for (Runnable call : Vector.<Runnable>of(() -> Backprop.forward(NETWORK, x),
                () -> Backprop.loss(NETWORK, x, DATA.targets().matrix(), LOSS),
                () -> Backprop.lossAndGradients(NETWORK, x, DATA.targets().matrix(), LOSS))) {
            refuses(call::run, "layers[0] (batch_norm), layers[2] (dropout)", "pass Mode.evaluation() to predict",
                    "or Mode.training(key) to train");
        }
    }

    @Test
    void aLastBatchOfOneRowIsRefusedNamingTheLayerAndLastBatchDropAvoidsIt() {
        Dataset six = new Dataset(DATA.features().matrix().selectRows(Vector.range(0, 6)),
                DATA.targets().matrix().selectRows(Vector.range(0, 6)));
        Optimizer<?> sgd = Optimizers.sgd(0.1);
        refuses(() -> train(six, BATCHING, sgd, 2), "layers[0]: batch_norm in training needs at least 2 values",
                "LastBatch.DROP");
        assertEquals(4, train(six, BATCHING.withLastBatch(LastBatch.DROP), sgd, 4).step());
    }

    private static <S> TrainState<S> train(Dataset data, Batching batching, Optimizer<S> optimizer, int steps) {
        return Training.run(Training.init(NETWORK, optimizer, KEY, data, batching),
                Training.transition(data, batching, LOSS, optimizer)).get(steps);
    }

    @Test
    void evaluationEvaluatesInEvaluationMode() {
        Network trained = run(OPTIMIZER).get(30).network();
        double evaluation = Evaluation.of(trained, DATA, LOSS).loss();
        double inEvaluationMode = Backprop.loss(trained, DATA.features().matrix(), DATA.targets().matrix(), LOSS, Mode.evaluation());
        double inTrainingMode = Backprop.loss(trained, DATA.features().matrix(), DATA.targets().matrix(), LOSS, modeOfStep(0));
        assertEquals(Double.doubleToLongBits(inEvaluationMode), Double.doubleToLongBits(evaluation));
        assertNotEquals(inTrainingMode, evaluation);
    }
}
