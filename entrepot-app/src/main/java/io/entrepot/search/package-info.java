/** Storefront search per market and language: live offers, full-text, cursor pages, ranking adjustments. */
@ApplicationModule(displayName = "Search", allowedDependencies = {"shared", "catalog", "market", "web"})
@NullMarked
package io.entrepot.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
