/** Lanes and customs checkpoints, shipments and tracking, carriers, disruptions and remediation runs. */
@ApplicationModule(displayName = "Logistics", allowedDependencies = {"shared", "governance", "ledger", "seller"})
@NullMarked
package io.entrepot.logistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
