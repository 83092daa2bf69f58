/** The market switcher's source and the markets' console tile. */
@NullMarked
package io.entrepot.market.web;

import org.jspecify.annotations.NullMarked;
