/** Logistics internals: the remediation worker. */
@NullMarked
package io.entrepot.logistics.internal;

import org.jspecify.annotations.NullMarked;
