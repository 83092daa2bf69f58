/**
 * The kernel every module may use: money, ids, the acting principal and tenant, clock and problem types.
 */
@ApplicationModule(displayName = "Shared kernel")
@NullMarked
package io.entrepot.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
