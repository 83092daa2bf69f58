/** Storage of the ledger and its invariant check. */
@NullMarked
package io.entrepot.ledger.internal;

import org.jspecify.annotations.NullMarked;
