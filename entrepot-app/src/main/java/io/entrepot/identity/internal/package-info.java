/** Storage of accounts and keys, authentication, rate limits and the security filter chains. */
@NullMarked
package io.entrepot.identity.internal;

import org.jspecify.annotations.NullMarked;
