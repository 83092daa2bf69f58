/** Sellers' global products, SKUs, localized content and stock, and their offers in each market. */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"shared", "seller", "market", "logistics"})
@NullMarked
package io.entrepot.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
