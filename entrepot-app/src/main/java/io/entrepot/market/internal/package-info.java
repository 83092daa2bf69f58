/** Storage of markets and trade-rule versions, and the reference data loaded at start-up. */
@NullMarked
package io.entrepot.market.internal;

import org.jspecify.annotations.NullMarked;
