/** Delivering the domain events a stopped or crashed run left undelivered. */
@NullMarked
package io.entrepot.shared.events;

import org.jspecify.annotations.NullMarked;
