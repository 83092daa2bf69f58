/** REST resources and pages of checkout and orders for buyers, sellers and operators. */
@NullMarked
package io.entrepot.ordering.web;

import org.jspecify.annotations.NullMarked;
