/** The businesses that sell on the platform: registration, status and their own profile. */
@ApplicationModule(displayName = "Sellers", allowedDependencies = {"shared", "web", "zones"})
@NullMarked
package io.entrepot.seller;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
