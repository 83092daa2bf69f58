/** Lanes from origin countries to markets (and, later, shipments, tracking, disruptions and remediation). */
@ApplicationModule(displayName = "Logistics", allowedDependencies = "shared")
@NullMarked
package io.entrepot.logistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
