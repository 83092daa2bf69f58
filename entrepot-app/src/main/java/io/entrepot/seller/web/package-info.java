/** Seller REST resources, the seller portal home and the sellers' console tile. */
@NullMarked
package io.entrepot.seller.web;

import org.jspecify.annotations.NullMarked;
