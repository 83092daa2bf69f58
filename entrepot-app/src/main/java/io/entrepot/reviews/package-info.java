/**
 * Reviews of delivered purchases, their integrity signals (text, near-duplicates, behaviour,
 * brushing) and verdicts, the trust &amp; safety queue, and the enforcement ladder against sellers who
 * buy fake reviews, with appeals.
 */
@ApplicationModule(displayName = "Reviews", allowedDependencies = {"shared", "shared :: command", "ordering", "catalog", "logistics", "seller", "search", "market", "web"})
@NullMarked
package io.entrepot.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
