/**
 * Trained models for inference: a {@link io.github.purenet.model.Model} holds a network with what
 * its use needs beside the weights (the standardisation of its inputs, the names of its classes,
 * and how the test part of its data was held out), and predicts, classifies and evaluates on raw
 * inputs.
 *
 * <pre>{@code
 * HeldOut heldOut = HeldOut.stratified(all, Key.of(42), 0.2);
 * Split split = heldOut.split(all);
 * Standardization s = Standardization.fit(split.train().features());
 * Network trained = ...;                                  // trained on s.apply(split.train())
 * Model model = Model.of(trained).withStandardization(s)
 *         .withClassNames(Vector.of("setosa", "versicolor", "virginica")).withHeldOut(heldOut);
 * model.classify(Matrix.row(5.1, 3.5, 1.4, 0.2));          // ["setosa"]
 * model.evaluate(heldOut.test(all), Losses.softmaxCrossEntropy()).accuracy();
 * }</pre>
 *
 * <p>A model is written and read, exactly, by {@link io.github.purenet.checkpoint.Codec} as a
 * document of type {@code "model"}.
 */
package io.github.purenet.model;
