/**
 * Seller data sovereignty: statistics for the operator's own retail team and analysts only as
 * k-anonymous aggregates (operator access grants and the access log come next).
 */
@ApplicationModule(displayName = "Governance", allowedDependencies = {"shared", "ordering"})
@NullMarked
package io.entrepot.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
