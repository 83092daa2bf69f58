/**
 * The text signals of review integrity: a hashing featurizer, the linear classifier of
 * computer-generated text (trained with Tribuo's LibLinear, scored here without it), MinHash
 * signatures with LSH for near-duplicates, and the CSV batch commands that use the same code.
 */
@NullMarked
package io.entrepot.reviews.text;

import org.jspecify.annotations.NullMarked;
