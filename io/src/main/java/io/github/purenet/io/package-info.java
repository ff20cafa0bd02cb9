/**
 * Reading labelled examples from files and streams, for training and evaluating classifiers with
 * purenet: CSV text ({@link io.github.purenet.io.Csv}, RFC 4180, gzip allowed) and the IDX files of
 * MNIST ({@link io.github.purenet.io.Idx}). This module does I/O; the library's core does none.
 *
 * <pre>{@code
 * LabelledData flowers = Csv.read(Path.of("flowers.csv"), CsvOptions.of().withLabelColumn("species"));
 * flowers.classNames();   // Vector(setosa, versicolor, virginica): sorted, so class 0 is setosa
 * Dataset data = flowers.dataset();   // features and one-hot targets, for Training
 * }</pre>
 *
 * <p>Every problem with the input is a {@link io.github.purenet.io.DataException} whose message names
 * the file, the line and column (CSV) or item (IDX), and the value:
 * {@code flowers.csv line 9, column 'petal_width': 'wide' is not a number}. A reader returns a
 * complete value or throws; it never returns part of a file.
 */
package io.github.purenet.io;
