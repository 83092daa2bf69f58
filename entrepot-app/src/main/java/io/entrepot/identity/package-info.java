/**
 * Who may sign in and with what: password accounts for operator staff, sellers' users and buyers,
 * scoped API keys, sessions, and the rules that turn a credential into an actor.
 */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = {"shared", "seller", "web"})
@NullMarked
package io.entrepot.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
