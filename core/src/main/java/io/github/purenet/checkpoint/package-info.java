/**
 * Checkpoints: networks, models, gradients, optimizer states and training states as versioned
 * JSON, exact to the bit, with a content hash.
 *
 * <p>{@link io.github.purenet.checkpoint.Codec} turns values into text and back; it never touches
 * files (writing them is the caller's business). It writes format version 2, a network as the tree
 * of its layers by kind and path, and reads versions 2 and 1. The format is described in
 * <a href="doc-files/checkpoint-format.md">the checkpoint format</a> ({@code docs/checkpoint-format.md}
 * in the sources). This is the only package that uses the JSON library.
 */
package io.github.purenet.checkpoint;
