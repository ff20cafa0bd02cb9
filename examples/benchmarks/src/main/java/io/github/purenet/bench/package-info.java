/**
 * JMH benchmarks of purenet against a hand-written baseline, built into
 * {@code examples/target/benchmarks.jar} by {@code mvn package}.
 *
 * <ul>
 *   <li>{@link io.github.purenet.bench.PurenetBench}: training steps and a matrix product with the
 *       library; its javadoc gives the command that runs everything;</li>
 *   <li>{@link io.github.purenet.bench.HandWrittenBench}: the same work with mutable arrays and
 *       plain loops, sharing nothing with the library;</li>
 *   <li>{@link io.github.purenet.bench.Report}: a table of the two from JMH's JSON results.</li>
 * </ul>
 */
package io.github.purenet.bench;
