/** The governance API. */
@NullMarked
package io.entrepot.governance.web;

import org.jspecify.annotations.NullMarked;
