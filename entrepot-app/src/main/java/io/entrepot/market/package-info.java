/** The country markets the platform sells into, with their currency and language. */
@ApplicationModule(displayName = "Markets", allowedDependencies = {"shared", "shared :: command", "web"})
@NullMarked
package io.entrepot.market;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
