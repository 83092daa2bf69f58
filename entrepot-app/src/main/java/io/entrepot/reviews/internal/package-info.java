/** Storage of reviews, signals, decisions and enforcement, and the behaviour signals' facts. */
@NullMarked
package io.entrepot.reviews.internal;

import org.jspecify.annotations.NullMarked;
