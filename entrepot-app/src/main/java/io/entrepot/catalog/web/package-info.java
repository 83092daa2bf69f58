/** The seller's catalog and publication API. */
@NullMarked
package io.entrepot.catalog.web;

import org.jspecify.annotations.NullMarked;
