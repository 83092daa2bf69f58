/** Storage, accounting, the payment provider port and its sandbox, idempotency keys and background jobs of ordering. */
@NullMarked
package io.entrepot.ordering.internal;

import org.jspecify.annotations.NullMarked;
