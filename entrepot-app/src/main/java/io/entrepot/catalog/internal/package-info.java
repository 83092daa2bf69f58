/** Storage of products, SKUs, stock and offers. */
@NullMarked
package io.entrepot.catalog.internal;

import org.jspecify.annotations.NullMarked;
