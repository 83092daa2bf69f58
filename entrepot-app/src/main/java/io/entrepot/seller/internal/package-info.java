/** Storage of sellers. */
@NullMarked
package io.entrepot.seller.internal;

import org.jspecify.annotations.NullMarked;
