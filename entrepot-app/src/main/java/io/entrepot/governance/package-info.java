/**
 * Seller data sovereignty: purpose-bound operator access grants (four eyes, time-boxed, checked by the
 * database), the hash-chained access log each seller reads, its verification and signed checkpoints,
 * and k-anonymous aggregates for the operator's own retail team and analysts.
 */
@ApplicationModule(displayName = "Governance", allowedDependencies = {"shared", "shared :: command", "web", "seller"})
@NullMarked
package io.entrepot.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
