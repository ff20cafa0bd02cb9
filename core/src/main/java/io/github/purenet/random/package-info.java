/**
 * Randomness as a value: {@link io.github.purenet.random.Key}, a pure splittable random key.
 *
 * <p>There is no hidden generator anywhere in purenet: every random choice (initial weights,
 * shuffles, splits) takes a key and returns its values with the next key, so a run is a pure
 * function of its seed.
 */
package io.github.purenet.random;
