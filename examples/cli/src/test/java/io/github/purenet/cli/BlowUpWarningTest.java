package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run whose training loss grows without becoming {@code NaN} ends with exit code 0, as before,
 * but says so: one line {@code purenet: warning: ...} on standard error and the field
 * {@code blew_up} of the JSON report, when the training loss at the end of an epoch (the train loss
 * of the epoch's line) is more than 10 times the loss of the first batch. Iris with plain SGD:
 * {@code --lr 1e6} ends epoch 1 at 338,649.58 after a first batch of 2.1554; {@code --lr 10} rises
 * to 29.07 by epoch 5 (above 21.55); {@code --lr 3} and {@code --lr 0.1} learn.
 */
class BlowUpWarningTest {

    private static final String FIRST = "2.1554";

    @Test
    void aHugeLearningRateWarnsOnStandardErrorAndInTheJsonReportButExitsWithZero() {
        Cli.Result result = Cli.run("train", "--data", "iris", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "3");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("purenet: warning: the training loss blew up: 338649.5806 at the end of epoch 1 (step 8), "
                + "more than 10 times the first batch's " + FIRST + "; the results are not to be trusted; try a smaller "
                + "--lr than 1000000.0"), result.err().lines().toList());
        // the loss named is the train loss of the epoch's line
        assertTrue(result.outLines().get(2).startsWith("epoch 1/3  step      8  train loss 338649.5806  "),
                result.outLines().get(2));

        Cli.Result json = Cli.run("train", "--data", "iris", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "1",
                "--report", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(result.err(), json.err());
        JsonNode report = json.json();
        JsonNode blewUp = report.get("blew_up");
        assertEquals(1, blewUp.get("epoch").asLong());
        assertEquals(8, blewUp.get("step").asLong());
        assertEquals(2.155350038471119, blewUp.get("first_loss").asDouble());
        assertEquals(338649.5805932638, blewUp.get("loss").asDouble());
        // the rule itself, and the same figures as the text's warning, rounded as it prints them
        assertTrue(blewUp.get("loss").asDouble() > 10 * blewUp.get("first_loss").asDouble());
        assertEquals(FIRST, String.format(java.util.Locale.ROOT, "%.4f", blewUp.get("first_loss").asDouble()));
        assertTrue(result.err().contains(String.format(java.util.Locale.ROOT, "blew up: %.4f at the end of epoch 1",
                blewUp.get("loss").asDouble())), result.err());
        // one epoch: the network kept is the one that blew up, so the report's train loss is the same figure
        assertEquals(report.get("train_loss").asDouble(), blewUp.get("loss").asDouble());
        assertEquals(4, blewUp.size(), blewUp.toString());
    }

    @Test
    void aLossThatRisesSlowlyWarnsAtTheFirstEpochAboveTenTimesTheFirstBatch() {
        Cli.Result result = Cli.run("train", "--data", "iris", "--optimizer", "sgd", "--lr", "10", "--epochs", "5",
                "--report", "json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("purenet: warning: the training loss blew up: 29.0709 at the end of epoch 5 (step 40), "
                + "more than 10 times the first batch's " + FIRST + "; the results are not to be trusted; try a smaller "
                + "--lr than 10.0"), result.err().lines().toList());
        assertEquals(5, result.json().get("blew_up").get("epoch").asLong());
    }

    @Test
    void aRunThatLearnsHasNoWarningAndANullField() {
        for (String lr : List.of("0.1", "3")) {
            JsonNode report = Cli.run("train", "--data", "iris", "--optimizer", "sgd", "--lr", lr, "--epochs", "5",
                    "--report", "json").ok().json();
            assertTrue(report.has("blew_up") && report.get("blew_up").isNull(), lr + ": " + report);
        }
        Cli.run("train", "--data", "iris", "--optimizer", "sgd", "--lr", "0.1", "--epochs", "5").ok();
    }
}
