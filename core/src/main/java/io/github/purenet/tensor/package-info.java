/**
 * Immutable dense matrices of doubles, the one numeric value type of purenet.
 *
 * <p>A batch is a {@link io.github.purenet.tensor.Matrix} whose rows are examples. Every operation
 * returns a new matrix and checks shapes first; the result of every product is fixed to the bit
 * (see {@link io.github.purenet.tensor.Matrix#times(Matrix)}), whatever the JVM or CPU.
 */
package io.github.purenet.tensor;
