/** China's cross-border e-commerce comprehensive pilot zones: the list sellers choose their origin from, and (later) their evaluation. */
@ApplicationModule(displayName = "Pilot zones", allowedDependencies = "shared")
@NullMarked
package io.entrepot.zones;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
