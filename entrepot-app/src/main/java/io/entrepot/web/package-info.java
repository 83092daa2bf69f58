/**
 * Shared page chrome: layout, navigation, market and locale switchers, i18n, error pages and the
 * area home pages that other modules fill through {@link io.entrepot.web.ConsoleTile}s.
 */
@ApplicationModule(displayName = "Web chrome", allowedDependencies = "shared")
@NullMarked
package io.entrepot.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
