/** REST resources of the ledger: balances, fee schedules and promotions. */
@NullMarked
package io.entrepot.ledger.web;

import org.jspecify.annotations.NullMarked;
