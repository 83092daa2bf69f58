/** Demonstration data, written once through each module's own API when the platform runs in demo mode. */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"shared", "seller", "identity", "catalog", "market", "ordering", "ledger", "logistics", "reviews", "governance"})
@NullMarked
package io.entrepot.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
