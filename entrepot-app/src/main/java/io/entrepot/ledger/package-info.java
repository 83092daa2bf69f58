/** The double-entry, multi-currency, append-only ledger: accounts, journal entries, postings, balances. */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"shared", "governance", "shared :: command"})
@NullMarked
package io.entrepot.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
