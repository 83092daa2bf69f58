/** Landed-cost quotes, orders split per seller, stock holds, payments through the provider port, refunds. */
@ApplicationModule(displayName = "Ordering", allowedDependencies = {"shared", "governance", "catalog", "market", "logistics", "ledger", "seller", "web"})
@NullMarked
package io.entrepot.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
